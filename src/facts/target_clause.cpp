#include "facts/target_clause.h"

#include <algorithm>

#include "common/utf8.h"
#include "facts/lists_text.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::facts::detail {

namespace {

using quantity::Kind;
using quantity::Mention;

// A comma, semicolon or sentence end separates target clauses; *len is its byte length.
bool is_separator(std::string_view t, std::size_t i, std::size_t* len) {
  if (i >= t.size()) return false;
  std::size_t j = i;
  const char32_t c = utf8::next(t, j);
  if (!(text::is_comma(c) || text::is_semicolon(c) || text::is_sentence_end(c))) return false;
  *len = j - i;
  return true;
}

int depth_delta(char32_t c) {
  if (c == U'“' || c == U'(' || c == U'（' || c == U'《' || c == U'「') return 1;
  if (c == U'”' || c == U')' || c == U'）' || c == U'》' || c == U'」') return -1;
  return 0;
}

bool usable(const Mention& m) {
  if (!m.quantity) return false;
  const auto& q = *m.quantity;
  if (q.unit.find("番") != std::string::npos)
    return false;  // 翻一番 doubles a base; no level to record
  switch (q.kind) {
    case Kind::kPercent:
    case Kind::kPermille:
    case Kind::kPercentPoint:
    case Kind::kRank:
    case Kind::kMultiple:
      return true;
    case Kind::kAmount:
      return !q.unit.empty();
    case Kind::kFraction:
    case Kind::kRatio:
      return false;
  }
  return false;
}

std::string_view skip_space(std::string_view t, std::size_t& i, std::size_t end) {
  while (i < end && utf8::is_space(utf8::at(t, i))) i += utf8::char_len(t, i);
  return t.substr(i, end - i);
}

// Trailing white space of [b, e) removed.
std::size_t trim_end(std::string_view t, std::size_t b, std::size_t e) {
  while (e > b) {
    std::size_t j = e;
    if (!utf8::is_space(utf8::prev(t, j))) break;
    e = j;
  }
  return e;
}

std::string canonical_for(const Indicator* ind, std::size_t slot, const quantity::Quantity& q,
                          bool growth_pred) {
  if (ind == nullptr) return "other";
  const std::string& c = ind->canonical[std::min(slot, ind->canonical.size() - 1)];
  const bool pct = q.kind == Kind::kPercent || q.kind == Kind::kPermille;
  switch (ind->measure) {
    case Measure::kGrowth:
      return (pct && growth_pred) ? c : "other";
    case Measure::kRate:
      return (pct || q.kind == Kind::kPercentPoint) ? c : "other";
    case Measure::kLevel:
      return (q.kind == Kind::kAmount) ? c : "other";
    case Measure::kIntensity:
      return pct ? c : "other";
  }
  return "other";
}

// A synthetic mention at `span` (两位数, 保8争9, 翻一番): value, unit and kind of its own.
Mention synthetic(Span span, double value, std::string unit, Kind kind, quantity::Comparator cmp) {
  Mention m;
  m.span = span;
  quantity::Quantity q;
  q.value = value;
  q.unit = std::move(unit);
  q.kind = kind;
  q.comparator = cmp;
  q.number = span;
  m.quantity = q;
  return m;
}

// Inserts `m` in span order, replacing the mentions it overlaps.
void insert_in_order(std::vector<Mention>& qs, Mention m) {
  std::erase_if(qs, [&m](const Mention& o) {
    return o.span.begin < m.span.end && m.span.begin < o.span.end;
  });
  qs.insert(std::upper_bound(qs.begin(), qs.end(), m.span.begin,
                             [](std::size_t v, const Mention& o) { return v < o.span.begin; }),
            std::move(m));
}

// A relative target measures the indicator's own growth (or rate) against a reference.
std::string relative_canonical(const Indicator* ind, std::size_t slot) {
  if (ind == nullptr || ind->measure == Measure::kLevel) return "other";
  return ind->canonical[std::min(slot, ind->canonical.size() - 1)];
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Clauses

bool ClauseParser::item_boundary(std::size_t clause, std::size_t at, std::size_t end) const {
  // A 、 right after a complete "indicator + number" item, followed by the next item's
  // indicator (…增长7%、一般公共预算收入增长2%): not a list of numbers (5%、9%、6%).
  const std::string_view t = doc_.text.text;
  std::size_t after = at + utf8::char_len(t, at);
  skip_space(t, after, end);
  if (after >= end) return false;
  if (!utf8::is_han(utf8::at(t, after))) return false;
  // The next piece (to the next clause end) names an indicator before any number. Checked first:
  // it looks only at the next item, while the check below scans the clause so far, and doing
  // that for every 、 of a long list was quadratic.
  std::size_t z = after;
  while (z < end && !text::is_clause_end(utf8::at(t, z)) && utf8::at(t, z) != U'、') {
    z += std::max<std::size_t>(1, utf8::char_len(t, z));
  }
  const std::string_view piece = t.substr(after, z - after);
  const auto hits = lex_.find_all(piece);
  if (hits.empty() || hits.front().begin > 12) return false;
  // …and no number before that indicator (5%、9%、6% are one list; 二、三产业 is no item).
  for (const Mention& m : grammar_.scan(piece)) {
    if (usable(m) && m.span.begin < hits.front().end) return false;
  }
  const std::vector<Mention> ms = grammar_.scan(t.substr(clause, at - clause));
  const Mention* last = nullptr;
  for (const Mention& m : ms) {
    if (usable(m)) last = &m;
  }
  if (last == nullptr) return false;
  Mention shifted = *last;
  shifted.span = Span{last->span.begin + clause, last->span.end + clause};
  if (trim_end(t, clause, at) != mention_end(shifted)) return false;
  return true;
}

std::vector<Target> ClauseParser::parse(std::size_t begin, std::size_t end, Mode mode,
                                        std::optional<int> horizon) const {
  const std::string_view t = doc_.text.text;
  end = std::min(end, t.size());
  std::vector<Target> out;
  Context ctx;
  std::size_t prev_begin = 0;  // the previous clause's targets in `out`
  auto take = [&](std::size_t a, std::size_t z) {
    Result r = parse_clause(a, z, mode, horizon, ctx);
    if (r.raises_previous) {
      // 增长7%，力争8%: the stretch of the targets just stated, of the same kind.
      bool used = false;
      for (const Target& n : r.targets) {
        for (std::size_t k = prev_begin; k < out.size(); ++k) {
          Target& o = out[k];
          const bool relative = n.modifier == Modifier::kRelative;
          if ((o.modifier == Modifier::kRelative) == relative && o.value && n.value &&
              o.canonical == n.canonical) {
            o.stretch_value = n.value;
            used = true;
          }
        }
      }
      if (used) return;
    }
    prev_begin = out.size();
    out.insert(out.end(), r.targets.begin(), r.targets.end());
  };
  std::size_t clause = begin;
  int depth = 0;
  for (std::size_t i = begin; i < end;) {
    std::size_t len = 0;
    const char32_t c = utf8::at(t, i);
    depth = std::max(0, depth + depth_delta(c));
    if (depth == 0 && (is_separator(t, i, &len) ||
                       (c == U'、' && item_boundary(clause, i, end) && (len = 3) > 0))) {
      take(clause, i);
      i += len;
      clause = i;
      continue;
    }
    i += std::max<std::size_t>(1, utf8::char_len(t, i));
  }
  if (clause < end) take(clause, end);
  return out;
}

std::vector<Mention> ClauseParser::numbers(std::size_t p, std::size_t e,
                                           std::optional<double>* stretch,
                                           std::vector<Mention>* bare) const {
  const std::string_view t = doc_.text.text;
  const std::string_view clause = t.substr(p, e - p);
  std::vector<Mention> qs;
  for (Mention m : grammar_.scan(clause)) {
    m.span.begin += p;
    m.span.end += p;
    if (m.quantity) {
      m.quantity->number.begin += p;
      m.quantity->number.end += p;
    }
    if (usable(m)) {
      qs.push_back(std::move(m));
    } else if (m.quantity && m.quantity->kind == Kind::kAmount && m.quantity->unit.empty()) {
      bare->push_back(std::move(m));
    }
  }
  auto insert = [&qs](Mention m) { insert_in_order(qs, std::move(m)); };
  auto percent = [](Span span, double value, quantity::Comparator cmp) {
    return synthetic(span, value, "%", Kind::kPercent, cmp);
  };
  // 两位数: double-digit growth, read as at least 10%.
  for (const std::string& w : lex_.vocab("double_digit").phrases()) {
    if (const std::size_t at = clause.find(w); at != std::string_view::npos) {
      insert(percent(Span{p + at, p + at + w.size()}, 10, quantity::Comparator::kAtLeast));
    }
  }
  // 保8争9 (保7.5%争8%): at least the first, the second as the stretch.
  for (const std::string& floor : lex_.vocab("stretch_floor").phrases()) {
    for (std::size_t at = clause.find(floor); at != std::string_view::npos;
         at = clause.find(floor, at + 1)) {
      auto read = [&](std::size_t i, std::size_t* out_end) -> std::optional<double> {
        std::size_t j = i;
        while (j < clause.size() &&
               (utf8::is_ascii_digit(utf8::at(clause, j)) || clause[j] == '.' ||
                text::is_cn_numeral(utf8::at(clause, j)))) {
          j += utf8::char_len(clause, j);
        }
        if (j == i) return std::nullopt;
        const std::string_view num = clause.substr(i, j - i);
        std::optional<double> v = utf8::is_ascii_digit(utf8::at(num, 0))
                                      ? text::parse_arabic(num)
                                      : text::parse_chinese(utf8::to_u32(num));
        if (j < clause.size() && clause[j] == '%') ++j;
        *out_end = j;
        return v;
      };
      std::size_t a_end = 0, b_end = 0;
      const std::size_t n1 = at + floor.size();
      const auto v1 = read(n1, &a_end);
      if (!v1 || *v1 <= 0 || *v1 >= 100) continue;
      const std::string_view goal = lex_.vocab("stretch_goal").match_at(clause, a_end);
      if (goal.empty()) continue;
      const auto v2 = read(a_end + goal.size(), &b_end);
      if (!v2 || *v2 <= *v1 || *v2 >= 100) continue;
      insert(percent(Span{p + at, p + b_end}, *v1, quantity::Comparator::kAtLeast));
      *stretch = *v2;
      break;
    }
  }
  return qs;
}

void ClauseParser::doubling(std::size_t p, std::size_t e, std::vector<Mention>* qs,
                            std::optional<int>* base_year) const {
  const std::string_view t = doc_.text.text;
  const std::string_view clause = t.substr(p, e - p);
  for (const auto& [kind, factor] : {std::pair{"quadrupling", 4.0}, std::pair{"doubling", 2.0}}) {
    std::size_t len = 0;
    const std::size_t at = lex_.vocab(kind).find(clause, 0, &len);
    if (at == std::string_view::npos) continue;
    const Span span{p + at, p + at + len};
    insert_in_order(*qs,
                    synthetic(span, factor, "倍", Kind::kMultiple, quantity::Comparator::kPoint));
    // The base year: 比2010年 / 较2010年 before the doubling word.
    for (const std::string& w : lex_.vocab("base_year_lead").phrases()) {
      for (std::size_t b = clause.find(w); b != std::string_view::npos && b < at;
           b = clause.find(w, b + 1)) {
        const std::string_view y = clause.substr(b + w.size(), 4);
        if (y.size() == 4 &&
            std::all_of(y.begin(), y.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
            clause.substr(b + w.size() + 4).starts_with("年")) {
          *base_year = std::stoi(std::string(y));
        }
      }
    }
    return;
  }
}

ClauseParser::Result ClauseParser::parse_clause(std::size_t b, std::size_t e, Mode mode,
                                                std::optional<int> horizon, Context& ctx) const {
  const std::string_view t = doc_.text.text;
  skip_space(t, b, e);
  if (e <= b) return {};
  Clause c;
  c.b = b;
  c.e = e;
  c.p = strip_lead(b, e, &c.aspiration, &c.average);
  if (c.p >= e) return {};
  std::vector<Mention> bare;
  c.qs = numbers(c.p, e, &c.stretch, &bare);
  doubling(c.p, e, &c.qs, &c.base_year);
  const auto hits = lex_.find_all(t.substr(c.p, e - c.p));
  const Indicator* leading =
      !hits.empty() && hits.front().begin == 0 ? hits.front().indicator : nullptr;
  // An index stated without unit (居民消费价格指数控制在103左右).
  if (c.qs.empty() && leading != nullptr && lex_.vocab("index_indicator").is(leading->id)) {
    for (const Mention& m : bare) {
      if (m.quantity->value >= 90 && m.quantity->value <= 130) c.qs.push_back(m);
    }
  }
  if (!c.qs.empty()) return numeric(c, mode, horizon, ctx);
  ctx.last.reset();
  if (mode == Mode::kFyp) return {};  // qualitative targets are the plan year's only
  Result r{qualitative(c), false};
  // 地区生产总值迈上千亿台阶，增长7%以上: a clause that names an indicator and states nothing
  // countable leaves it as the subject of the next one.
  if (r.targets.empty() && leading != nullptr) {
    ctx.last = Part{c.p + hits.front().begin, c.p + hits.front().end, leading};
    ctx.last_verbatim_begin = c.p;
    ctx.last_growth = false;
  }
  return r;
}

std::size_t ClauseParser::subject_end(const Clause& c, std::size_t search_from) const {
  // The subject ends where the run of predicate words right before the number begins
  // (…达标率 持续 保持 100%); failing that, at the first predicate after the leading alias.
  const std::string_view t = doc_.text.text;
  const auto& preds = lex_.vocab("num_pred");
  std::size_t end = c.qs.front().span.begin;
  for (std::size_t at = end; at > c.p;) {
    const std::string_view w = preds.match_before(t.substr(0, at), at);
    if (w.empty() || at - w.size() < c.p) break;
    at -= w.size();
    end = at;
  }
  // A relative number: the subject ends before 高于全省 ….
  if (const auto ref = reference_before(c.p, end)) end = ref->begin;
  if (end == c.qs.front().span.begin) {
    std::size_t plen = 0;
    const std::size_t pred = preds.find(t.substr(0, end), search_from, &plen);
    if (pred != std::string_view::npos && pred >= c.p) end = pred;
  }
  return end;
}

std::optional<ClauseParser::Reference> ClauseParser::reference_before(std::size_t floor,
                                                                      std::size_t at) const {
  const std::string_view t = doc_.text.text;
  std::size_t e = trim_end(t, floor, at);
  const std::string_view head = t.substr(0, e);
  if (const std::string_view tail = lex_.vocab("reference_tail").match_before(head, e);
      !tail.empty() && e - tail.size() >= floor) {
    e -= tail.size();
  }
  for (const char* kind : {"reference_province", "reference_nation", "reference_prefecture"}) {
    const std::string_view ref = lex_.vocab(kind).match_before(t.substr(0, e), e);
    if (ref.empty() || e - ref.size() < floor) continue;
    const std::size_t cmp_end = e - ref.size();
    const std::string_view cmp =
        lex_.vocab("relative_comparator").match_before(t.substr(0, cmp_end), cmp_end);
    if (cmp.empty() || cmp_end - cmp.size() < floor) continue;
    return Reference{std::string(kind).substr(std::string_view("reference_").size()),
                     cmp_end - cmp.size()};
  }
  return std::nullopt;
}

std::optional<std::pair<std::string, bool>> ClauseParser::reference_in(std::size_t b,
                                                                       std::size_t e) const {
  const std::string_view t = doc_.text.text;
  const std::string_view s = t.substr(b, e - b);
  // The reference word, longest first over the three kinds.
  std::size_t ref_at = std::string_view::npos, ref_len = 0;
  std::string ref;
  for (const char* kind : {"reference_province", "reference_nation", "reference_prefecture"}) {
    std::size_t len = 0;
    const std::size_t at = lex_.vocab(kind).find(s, 0, &len);
    if (at == std::string_view::npos) continue;
    if (at < ref_at || (at == ref_at && len > ref_len)) {
      ref_at = at;
      ref_len = len;
      ref = std::string(kind).substr(std::string_view("reference_").size());
    }
  }
  if (ref_at == std::string_view::npos) return std::nullopt;
  const std::string_view before = s.substr(0, ref_at);
  if (!lex_.vocab("relative_comparator").match_before(before, before.size()).empty()) {
    return std::pair{ref, true};  // 高于全国平均水平
  }
  if (lex_.vocab("parity").contains_in(s.substr(ref_at))) return std::pair{ref, false};
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Numeric clauses

std::vector<Target> ClauseParser::rank_target(const Clause& c, std::optional<int> horizon) const {
  // Ranks such as 挺进全省十强县: the indicator is the ranked phrase itself.
  const std::string_view t = doc_.text.text;
  const Mention& m = c.qs.front();
  std::size_t a = m.span.begin, z = m.span.end;
  if (const auto w = lex_.vocab("rank_scope").match_before(t.substr(0, a), a); !w.empty()) {
    a -= w.size();
  }
  z += lex_.vocab("rank_noun").match_at(t, z).size();
  Target x = make(Part{a, z, nullptr}, a, z);
  x.value = m.quantity->value;
  x.unit = "名";
  x.modifier = Modifier::kAtMost;
  x.aspiration = c.aspiration;
  x.horizon = horizon;
  return {x};
}

std::vector<Target> ClauseParser::counted_targets(const Clause& c,
                                                  std::optional<int> horizon) const {
  // Five-year counts named after the number: 申报1个全国…示范单位.
  const std::string_view t = doc_.text.text;
  std::vector<Target> out;
  if (!lex_.vocab("create_verb").contains_in(t.substr(c.b, c.e - c.b))) return out;
  for (const Mention& m : c.qs) {
    const auto& q = *m.quantity;
    if (q.kind != Kind::kAmount || !lex_.vocab("count_unit").is(q.unit)) continue;
    const std::size_t z = m.span.end;
    const std::size_t sep = t.find("、", z);
    const std::size_t stop = (sep == std::string_view::npos || sep > c.e) ? c.e : sep;
    if (utf8::length(t.substr(z, stop - z)) < 4) continue;
    Target x = make(Part{z, stop, nullptr}, m.span.begin, stop);
    x.value = q.value;
    x.value_hi = q.value_hi;
    x.unit = q.unit;
    x.modifier = modifier_of(m);
    x.aspiration = c.aspiration;
    x.horizon = horizon;
    out.push_back(std::move(x));
  }
  return out;
}

ClauseParser::Result ClauseParser::numeric(const Clause& c, Mode mode, std::optional<int> horizon,
                                           Context& ctx) const {
  const std::string_view t = doc_.text.text;
  const std::string_view clause = t.substr(c.p, c.e - c.p);
  const auto hits = lex_.find_all(clause);
  std::size_t search_from = c.p;
  if (!hits.empty() && hits.front().begin <= 12) search_from = c.p + hits.front().end;
  const std::size_t first_number = c.qs.front().span.begin;
  std::size_t subj_end = subject_end(c, search_from);
  // A leading alias that ends in a predicate word (经济增长, 经济增速) is the whole subject.
  if (!hits.empty() && hits.front().begin <= 12 && c.p + hits.front().end > subj_end &&
      c.p + hits.front().end <= first_number) {
    subj_end = c.p + hits.front().end;
  }
  // 保8争9 states growth rates without a growth word.
  bool growth_pred =
      c.average || c.stretch.has_value() ||
      lex_.vocab("growth_pred").find(t.substr(0, first_number), c.p) != std::string_view::npos;
  const bool has_average =
      c.average || lex_.vocab("average").contains_in(t.substr(c.p, first_number - c.p));

  std::vector<Part> parts;
  std::size_t vb = c.p;
  bool continuation = false;
  const std::size_t se = strip_tail(c.p, subj_end);
  if (se > c.p) {
    parts = split_subject(c.p, se);
    if (!parts.empty()) vb = parts.front().begin;
  } else if (ctx.last) {
    // A number with no subject continues the previous clause (增长6%以上,力争7%).
    parts.push_back(*ctx.last);
    vb = ctx.last_verbatim_begin;
    growth_pred = growth_pred || ctx.last_growth;
    continuation = true;
  }
  if (parts.empty() && c.qs.front().quantity->kind == Kind::kRank) {
    return Result{rank_target(c, horizon), false};
  }
  if (parts.empty() && mode == Mode::kFyp) return Result{counted_targets(c, horizon), false};
  if (parts.empty()) return {};

  // Slots: one per indicator, two for 城乡 pairs, three for 三次产业.
  struct Slot {
    const Part* part;
    std::size_t idx;
  };
  std::vector<Slot> slots;
  for (const Part& part : parts) {
    const std::size_t n = part.indicator != nullptr ? part.indicator->canonical.size() : 1;
    for (std::size_t k = 0; k < n; ++k) slots.push_back(Slot{&part, k});
  }
  std::optional<double> stretch = c.stretch;
  const bool cumulative = lex_.vocab("cumulative").contains_in(t.substr(c.p, first_number - c.p));
  auto finish = [&](Target& x, const Slot& s, Modifier mod) {
    x.modifier = mod;
    x.aspiration = c.aspiration;
    x.horizon = horizon;
    if (stretch && x.value) x.stretch_value = stretch;
    if (x.unit && *x.unit == "倍" && c.base_year) x.base_year = c.base_year;
    if (cumulative && mode == Mode::kFyp && x.basis == Basis::kAnnual) x.basis = Basis::kCumulative;
    (void)s;
  };
  Result r;
  r.raises_previous = continuation && c.aspiration;

  // Relative numbers (高于全省1个百分点左右): one relative target per subject; the other numbers
  // of the clause (、7%左右) are absolute targets of the same subjects.
  std::vector<Mention> absolute;
  for (const Mention& m : c.qs) {
    const auto& q = *m.quantity;
    const auto ref = (q.kind == Kind::kPercentPoint || q.kind == Kind::kPercent)
                         ? reference_before(c.p, m.span.begin)
                         : std::nullopt;
    if (!ref) {
      absolute.push_back(m);
      continue;
    }
    for (const Slot& s : slots) {
      Target x = make(*s.part, vb, mention_end(m));
      x.canonical = relative_canonical(s.part->indicator, s.idx);
      x.value = q.value;
      x.unit = q.unit;
      x.reference = ref->reference;
      x.relative_modifier = modifier_of(m, /*use_before=*/false);
      finish(x, s, Modifier::kRelative);
      r.targets.push_back(std::move(x));
    }
  }

  const bool respectively = lex_.vocab("respective").contains_in(clause);
  // 确保增长8%、力争9%: a second number after an aspiration word is the stretch of the first.
  if (!respectively && slots.size() == 1 && absolute.size() == 2 && !stretch) {
    const std::size_t gap_begin = mention_end(absolute[0]);
    const std::size_t gap_end = absolute[1].span.begin;
    if (gap_end > gap_begin && gap_end - gap_begin <= 24 &&
        lex_.vocab("aspiration").contains_in(t.substr(gap_begin, gap_end - gap_begin)) &&
        absolute[1].quantity->unit == absolute[0].quantity->unit) {
      stretch = absolute[1].quantity->value;
      absolute.pop_back();
    }
  }
  const bool distribute = absolute.size() > 1 && (respectively || slots.size() == absolute.size());
  if (distribute) {
    const std::size_t n = std::min(slots.size(), absolute.size());
    const Part shared{parts.front().begin, parts.back().end, nullptr};
    std::vector<Modifier> mods;
    for (std::size_t k = 0; k < n; ++k) mods.push_back(modifier_of(absolute[k]));
    const Modifier last = mods.back();
    if (last != Modifier::kPoint && last != Modifier::kRange) {
      for (auto& m : mods) {
        if (m == Modifier::kPoint) m = last;
      }
    }
    const std::size_t ve = mention_end(absolute[n - 1]);
    for (std::size_t k = 0; k < n; ++k) {
      const auto& q = *absolute[k].quantity;
      Target x = make(respectively || parts.size() > 1 ? shared : *slots[k].part, vb, ve);
      x.indicator_id = slots[k].part->indicator != nullptr ? slots[k].part->indicator->id : "";
      x.canonical = canonical_for(slots[k].part->indicator, slots[k].idx, q, growth_pred);
      x.value = q.value;
      x.value_hi = q.value_hi;
      x.unit = q.unit;
      x.basis = (has_average || (mode == Mode::kFyp && growth_pred && x.canonical != "other" &&
                                 slots[k].part->indicator->measure == Measure::kGrowth))
                    ? Basis::kAnnualAverage
                    : Basis::kAnnual;
      finish(x, slots[k], mods[k]);
      r.targets.push_back(std::move(x));
    }
  } else if (!absolute.empty()) {
    const Mention& m = absolute.front();
    const auto& q = *m.quantity;
    const std::size_t ve = mention_end(m);
    for (const Slot& s : slots) {
      Target x = make(*s.part, vb, ve);
      x.canonical = canonical_for(s.part->indicator, s.idx, q, growth_pred);
      x.value = q.value;
      x.value_hi = q.value_hi;
      x.unit = q.kind == Kind::kRank ? std::string("名") : q.unit;
      if (q.unit.empty() && q.kind == Kind::kAmount) {  // an index number (居民消费价格指数 103)
        x.unit.reset();
        if (s.part->indicator != nullptr && lex_.vocab("index_indicator").is(s.part->indicator->id))
          x.canonical = s.part->indicator->canonical[s.idx];
      }
      const bool growth_measure =
          s.part->indicator != nullptr && s.part->indicator->measure == Measure::kGrowth;
      x.basis = (has_average || (mode == Mode::kFyp && growth_pred && growth_measure &&
                                 (q.kind == Kind::kPercent)))
                    ? Basis::kAnnualAverage
                    : Basis::kAnnual;
      finish(x, s, modifier_of(m));
      r.targets.push_back(std::move(x));
    }
  }
  if (parts.size() == 1) {
    ctx.last = parts.front();
    ctx.last_verbatim_begin = vb;
    ctx.last_growth = growth_pred;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Qualitative clauses

std::vector<Target> ClauseParser::qualitative(const Clause& c) const {
  const std::string_view t = doc_.text.text;
  const std::string_view clause = t.substr(c.p, c.e - c.p);
  const auto hits = lex_.find_all(clause);
  std::size_t search_from = c.p;
  if (!hits.empty() && hits.front().begin <= 12) search_from = c.p + hits.front().end;
  std::size_t plen = 0;
  const std::size_t qp = lex_.vocab("qual_pred").find(t.substr(0, c.e), search_from, &plen);
  std::vector<Part> parts;
  std::size_t vb = c.b;  // verbatim start: the first indicator when it is the subject
  std::size_t pred_from = c.p;
  if (qp != std::string_view::npos) {
    const std::size_t se = strip_tail(c.p, qp);
    if (se > c.p) parts = split_subject(c.p, se);
    if (!parts.empty()) vb = std::max(c.b, parts.front().begin);
    pred_from = qp;
  }
  if (parts.empty()) {
    // The indicators sit inside the clause: 完成省下达的城镇新增就业、耕地保有量…等目标任务.
    if (!lex_.vocab("task_cue").contains_in(clause)) return {};
    std::size_t len = 0;
    const std::size_t intro = lex_.vocab("object_intro").find(clause, 0, &len);
    const std::size_t cue = lex_.vocab("task_cue").find(clause, 0, nullptr);
    if (intro != std::string_view::npos && intro + len < cue) {
      const std::size_t a = c.p + intro + len;
      parts = split_subject(a, strip_tail(a, c.p + cue));
      // Pieces of such a list are indicators even when the lexicon does not know them.
    }
    if (parts.empty()) {
      for (const auto& h : hits) parts.push_back(Part{c.p + h.begin, c.p + h.end, h.indicator});
    }
    pred_from = c.e;
  }
  const auto reference = reference_in(pred_from, c.e);
  std::vector<Target> out;
  for (const Part& part : parts) {
    const std::size_t n = part.indicator != nullptr ? part.indicator->canonical.size() : 1;
    for (std::size_t k = 0; k < n; ++k) {
      Target x = make(part, vb, c.e);
      x.canonical = part.indicator != nullptr ? part.indicator->canonical[k] : "other";
      x.modifier = Modifier::kQualitative;
      if (reference) {
        x.reference = reference->first;
        if (reference->second) x.modifier = Modifier::kRelative;
      }
      x.aspiration = c.aspiration;
      out.push_back(std::move(x));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Subjects and lead words

std::size_t ClauseParser::strip_lead(std::size_t p, std::size_t end, bool* aspiration,
                                     bool* average) const {
  const std::string_view t = doc_.text.text;
  const auto& lead = lex_.vocab("lead");
  const auto& scope = lex_.vocab("scope");
  for (int round = 0; round < 6; ++round) {
    skip_space(t, p, end);
    p = skip_list_mark(p, end);
    const std::string_view s = t.substr(p, end - p);
    // Time phrases: 到2025年, 2021年(底), “十四五”期间, 今后五年.
    std::size_t q = 0;
    if (s.starts_with("到")) q = 3;
    if (s.size() >= q + 7 &&
        std::all_of(s.begin() + static_cast<long>(q), s.begin() + static_cast<long>(q + 4),
                    [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        s.substr(q + 4).starts_with("年")) {
      q += 7;
      q += lex_.vocab("year_end").match_at(s, q).size();
      p += q;
      continue;
    }
    if (const std::string_view w = lex_.vocab("time_lead").match_at(s, 0); !w.empty()) {
      p += w.size();
      continue;
    }
    const std::string_view sc = scope.match_at(s, 0);
    if (!sc.empty() && !lead.match_at(s, sc.size()).empty()) {
      p += sc.size();
      continue;  // the lead word goes in the next round
    }
    const std::string_view l = lead.match_at(s, 0);
    if (l.empty()) break;
    // A lead word that begins an indicator alias (新增就业 …) stays.
    if (lex_.match_at(s, 0, nullptr) != nullptr) break;
    if (!lex_.vocab("aspiration").match_at(s, 0).empty()) *aspiration = true;
    if (lex_.vocab("average").is(l)) *average = true;
    p += l.size();
  }
  return p;
}

std::size_t ClauseParser::skip_list_mark(std::size_t p, std::size_t end) const {
  // List items of a targets passage laid out one per line: ——, (1), 1., 一是, ①.
  const std::string_view t = doc_.text.text;
  while (p < end && (utf8::at(t, p) == U'—' || utf8::at(t, p) == U'-' || utf8::at(t, p) == U'·')) {
    p += utf8::char_len(t, p);
  }
  const std::string_view s = t.substr(0, end);
  // 一、二、三产业 reads like an enumerator but names the three sectors.
  if (!lex_.vocab("three_sectors").match_at(s, p).empty()) return p;
  if (auto en = lists_detail::enumerator_at(s, p)) {
    const std::size_t q = p + en->len;
    if (q < end && !(t[q] >= '0' && t[q] <= '9')) p = q;
  }
  skip_space(t, p, end);
  return p;
}

std::size_t ClauseParser::head_prefix(std::string_view s) const {
  const auto& head = lex_.vocab("head");
  std::size_t best = 0;
  for (std::size_t i = utf8::char_len(s, 0); i < s.size(); i += utf8::char_len(s, i)) {
    if (!head.match_before(s, i).empty() && utf8::length(s.substr(0, i)) >= 3) best = i;
  }
  return best;
}

bool ClauseParser::is_share(std::string_view s) const {
  return lex_.vocab("share_marker").contains_in(s) &&
         !lex_.vocab("share_head").match_before(s, s.size()).empty();
}

bool ClauseParser::indicator_like(std::string_view s) const {
  if (s.empty() || s.size() > 60) return false;
  if (!lex_.find_all(s).empty()) return true;
  return !lex_.vocab("head").match_before(s, s.size()).empty();
}

std::size_t ClauseParser::strip_tail(std::size_t begin, std::size_t end) const {
  const std::string_view t = doc_.text.text;
  const auto& tail = lex_.vocab("tail");
  for (int round = 0; round < 4 && end > begin; ++round) {
    end = trim_end(t, begin, end);
    const std::string_view s = t.substr(begin, end - begin);
    const std::string_view w = tail.match_before(s, s.size());
    if (w.empty() || w.size() == s.size()) break;
    // Keep a tail that is part of the alias ending there (经济增长 is an alias).
    bool inside_alias = false;
    for (const auto& h : lex_.find_all(s)) {
      if (h.end == s.size() && h.end - h.begin > w.size()) inside_alias = true;
    }
    if (inside_alias) break;
    end -= w.size();
  }
  return end;
}

std::vector<ClauseParser::Part> ClauseParser::split_subject(std::size_t begin,
                                                            std::size_t end) const {
  const std::string_view t = doc_.text.text;
  const std::string_view s = t.substr(begin, end - begin);
  // 三次产业 / 一、二、三产业(增加值): one subject for the three sectors.
  {
    std::size_t len = 0;
    const std::size_t at = lex_.vocab("three_sectors").find(s, 0, &len);
    if (at != std::string_view::npos) {
      std::vector<Part> parts;
      for (const char* id : {"primary_industry", "secondary_industry", "tertiary_industry"}) {
        if (const Indicator* ind = lex_.by_id(id)) parts.push_back(Part{begin, end, ind});
      }
      if (parts.size() == 3) return parts;
    }
  }
  const auto hits = lex_.find_all(s);
  auto inside_hit = [&hits](std::size_t i) {
    return std::any_of(hits.begin(), hits.end(),
                       [i](const Lexicon::Hit& h) { return h.begin < i && i < h.end; });
  };
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  std::size_t from = 0;
  int depth = 0;
  const auto& joiner = lex_.vocab("joiner");
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::at(s, i);
    depth = std::max(0, depth + depth_delta(c));
    const std::size_t len = joiner.match_at(s, i).size();
    if (len > 0 && depth == 0 && !inside_hit(i) && i > from) {
      pieces.emplace_back(from, i);
      from = i + len;
      i += len;
      continue;
    }
    i += std::max<std::size_t>(1, utf8::char_len(s, i));
  }
  if (from < s.size()) pieces.emplace_back(from, s.size());

  std::vector<Part> parts;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    std::size_t a = begin + pieces[k].first;
    std::size_t z = strip_tail(a, begin + pieces[k].second);
    skip_space(t, a, z);
    if (z <= a) continue;
    const std::string_view piece = t.substr(a, z - a);
    const Indicator* ind = nullptr;
    std::size_t ind_end = z;
    auto ph = lex_.find_all(piece);
    if (!ph.empty()) {
      // Prefer the alias that ends the piece, else the last one; the indicator text runs from the
      // piece start (scope words kept) to the alias end and a following parenthetical.
      const Lexicon::Hit* best = &ph.back();
      for (const auto& h : ph) {
        if (h.end == piece.size()) best = &h;
      }
      ind = best->indicator;
      ind_end = a + best->end;
      if (t.substr(ind_end).starts_with("(") || t.substr(ind_end).starts_with("（")) {
        const std::size_t close = t.find(t[ind_end] == '(' ? ")" : "）", ind_end);
        if (close != std::string_view::npos && close < z + 3 && close - ind_end < 30) {
          ind_end = close + (t[ind_end] == '(' ? 1 : 3);
        }
      }
      ind_end = std::max(ind_end, z);  // words after the alias stay: 总额, 人数 …
    } else {
      // Completion by a neighbour: 存、贷款余额 → 存款余额; 粮食播种面积和产量 → 粮食产量.
      // The alias found must end the candidate and cover the junction of the two pieces.
      if (k + 1 < pieces.size()) {
        const std::string_view next =
            s.substr(pieces[k + 1].first, pieces[k + 1].second - pieces[k + 1].first);
        std::size_t cut = 0;
        for (int step = 0; step < 4 && ind == nullptr && cut < next.size(); ++step) {
          cut += utf8::char_len(next, cut);
          const std::string cand = std::string(piece) + std::string(next.substr(cut));
          for (const auto& h : lex_.find_all(cand)) {
            if (h.end == cand.size() && h.begin < piece.size()) ind = h.indicator;
          }
        }
      }
      if (ind == nullptr && !parts.empty()) {
        const Part& prev = parts.back();
        const std::string_view pv = t.substr(prev.begin, prev.end - prev.begin);
        for (std::size_t cut = utf8::char_len(pv, 0); cut < pv.size();
             cut += utf8::char_len(pv, cut)) {
          const std::string cand = std::string(pv.substr(0, cut)) + std::string(piece);
          if (const Indicator* e = lex_.exact(cand)) {
            ind = e;
            a = prev.begin;  // the shared phrase: 粮食播种面积和产量
            break;
          }
        }
      }
      if (ind == nullptr && !indicator_like(piece)) {
        // 约束性指标按照省定要求全面: the indicator is the longest prefix ending in a head noun.
        const std::size_t cut = head_prefix(piece);
        if (cut == 0) continue;
        z = a + cut;
      }
    }
    if (ind != nullptr && is_share(piece)) ind = nullptr;  // 制造业增加值占…比重: a share, not GDP
    parts.push_back(Part{a, ind != nullptr ? ind_end : z, ind});
  }
  return parts;
}

Target ClauseParser::make(const Part& part, std::size_t vb, std::size_t ve) const {
  Target x;
  x.indicator_span = Span{part.begin, part.end};
  x.indicator = std::string(utf8::trim(doc_.original_of(x.indicator_span)));
  x.indicator_id = part.indicator != nullptr ? part.indicator->id : "";
  x.canonical = "other";
  x.verbatim = Span{vb, ve};
  return x;
}

Modifier ClauseParser::modifier_of(const Mention& m, bool use_before) const {
  const std::string_view t = doc_.text.text;
  const auto& q = *m.quantity;
  if (q.value_hi) return Modifier::kRange;
  if (!lex_.vocab("around_after").match_at(t, m.span.end).empty()) return Modifier::kAround;
  if (!lex_.vocab("at_least_after").match_at(t, m.span.end).empty()) return Modifier::kAtLeast;
  if (!lex_.vocab("at_most_after").match_at(t, m.span.end).empty()) return Modifier::kAtMost;
  switch (q.comparator) {
    case quantity::Comparator::kAround:
      return Modifier::kAround;
    case quantity::Comparator::kAtLeast:
      return Modifier::kAtLeast;
    case quantity::Comparator::kAtMost:
      return Modifier::kAtMost;
    case quantity::Comparator::kRange:
      return Modifier::kRange;
    case quantity::Comparator::kPoint:
      break;
  }
  if (!use_before) return Modifier::kPoint;
  const std::string_view before = t.substr(0, m.span.begin);
  if (!lex_.vocab("at_least_before").match_before(before, before.size()).empty())
    return Modifier::kAtLeast;
  if (!lex_.vocab("at_most_before").match_before(before, before.size()).empty())
    return Modifier::kAtMost;
  return Modifier::kPoint;
}

std::size_t ClauseParser::mention_end(const Mention& m) const {
  const std::string_view t = doc_.text.text;
  std::size_t e = m.span.end;
  for (const char* kind : {"around_after", "at_least_after", "at_most_after"}) {
    if (const auto w = lex_.vocab(kind).match_at(t, e); !w.empty()) return e + w.size();
  }
  return e;
}

Target ClauseParser::headline_entry(std::size_t sentence_start, std::size_t trigger,
                                    std::size_t end) const {
  const std::string_view t = doc_.text.text;
  // The noun phrase right before the trigger's verb (是/为), after the last comma of the lead-in.
  std::size_t a = sentence_start;
  for (std::size_t i = sentence_start; i < trigger;) {
    std::size_t len = 0;
    if (is_separator(t, i, &len)) a = i + len;
    i += std::max<std::size_t>(1, utf8::char_len(t, i));
  }
  // Extend over the trigger up to (not including) its final 是/为/:.
  std::size_t z = trigger;
  while (z < end && lex_.vocab("lead_verb").match_at(t, z).empty()) {
    z += std::max<std::size_t>(1, utf8::char_len(t, z));
  }
  std::size_t ve = end;
  if (t.substr(0, ve).ends_with("。")) ve -= 3;
  Target x = make(Part{a, z, nullptr}, a, ve);
  x.modifier = Modifier::kQualitative;
  return x;
}

}  // namespace gwr::facts::detail
