#include "facts/target_clause.h"

#include <algorithm>

#include "common/utf8.h"
#include "facts/lists_text.h"
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

Modifier modifier_of(const Mention& m, std::string_view t) {
  const auto& q = *m.quantity;
  if (q.value_hi) return Modifier::kRange;
  const std::string_view after = t.substr(m.span.end);
  if (after.starts_with("左右")) return Modifier::kAround;
  if (after.starts_with("以上")) return Modifier::kAtLeast;
  if (after.starts_with("以内") || after.starts_with("以下")) return Modifier::kAtMost;
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
  const std::string_view before = t.substr(0, m.span.begin);
  for (std::string_view w : {"不低于", "不少于", "超过", "突破", "高于"}) {
    if (before.ends_with(w)) return Modifier::kAtLeast;
  }
  for (std::string_view w : {"不超过", "不高于", "低于"}) {
    if (before.ends_with(w)) return Modifier::kAtMost;
  }
  return Modifier::kPoint;
}

std::size_t mention_end(const Mention& m, std::string_view t) {
  std::size_t e = m.span.end;
  for (std::string_view w : {"左右", "以上", "以内", "以下"}) {
    if (t.substr(e).starts_with(w)) return e + w.size();
  }
  return e;
}

std::string_view skip_space(std::string_view t, std::size_t& i, std::size_t end) {
  while (i < end && utf8::is_space(utf8::at(t, i))) i += utf8::char_len(t, i);
  return t.substr(i, end - i);
}

}  // namespace

std::vector<Target> ClauseParser::parse(std::size_t begin, std::size_t end, Mode mode,
                                        std::optional<int> horizon) const {
  const std::string_view t = doc_.text.text;
  end = std::min(end, t.size());
  std::vector<Target> out;
  Context ctx;
  std::size_t clause = begin;
  int depth = 0;
  for (std::size_t i = begin; i < end;) {
    std::size_t len = 0;
    const char32_t c = utf8::at(t, i);
    depth = std::max(0, depth + depth_delta(c));
    if (depth == 0 && is_separator(t, i, &len)) {
      auto got = parse_clause(clause, i, mode, horizon, ctx);
      out.insert(out.end(), got.begin(), got.end());
      i += len;
      clause = i;
      continue;
    }
    i += std::max<std::size_t>(1, utf8::char_len(t, i));
  }
  if (clause < end) {
    auto got = parse_clause(clause, end, mode, horizon, ctx);
    out.insert(out.end(), got.begin(), got.end());
  }
  return out;
}

std::size_t ClauseParser::strip_lead(std::size_t p, std::size_t end, bool* aspiration,
                                     bool* average) const {
  const std::string_view t = doc_.text.text;
  const auto& lead = lex_.vocab("lead");
  const auto& scope = lex_.vocab("scope");
  for (int round = 0; round < 6; ++round) {
    skip_space(t, p, end);
    p = skip_list_mark(p, end);
    const std::string_view s = t.substr(p, end - p);
    // Time phrases: 到2025年, 2021年, “十四五”期间/时期, 今后五年.
    std::size_t q = 0;
    if (s.starts_with("到")) q = 3;
    if (s.size() >= q + 7 &&
        std::all_of(s.begin() + static_cast<long>(q), s.begin() + static_cast<long>(q + 4),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        s.substr(q + 4).starts_with("年")) {
      q += 7;
      for (std::string_view w : {"底", "末"}) {
        if (s.substr(q).starts_with(w)) q += w.size();
      }
      p += q;
      continue;
    }
    bool moved = false;
    for (std::string_view w : {"“十四五”期间", "“十四五”时期", "“十五五”期间", "“十五五”时期",
                               "十四五期间", "十五五期间", "今后五年", "未来五年"}) {
      if (s.starts_with(w)) {
        p += w.size();
        moved = true;
        break;
      }
    }
    if (moved) continue;
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
    if (l == "年均") *average = true;
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
  if (auto en = lists_detail::enumerator_at(s, p)) {
    const std::size_t q = p + en->len;
    if (q < end && !(t[q] >= '0' && t[q] <= '9')) p = q;
  }
  skip_space(t, p, end);
  return p;
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
    std::size_t e = end;
    while (e > begin) {
      std::size_t j = e;
      if (!utf8::is_space(utf8::prev(t, j))) break;
      e = j;
    }
    end = e;
    const std::string_view s = t.substr(begin, end - begin);
    const std::string_view w = tail.match_before(s, s.size());
    if (w.empty() || w.size() == s.size()) break;
    // Keep a tail that is part of the alias ending there (经济增长 is an alias).
    std::size_t alias_len = 0;
    bool inside_alias = false;
    for (const auto& h : lex_.find_all(s)) {
      if (h.end == s.size() && h.end - h.begin > w.size()) inside_alias = true;
      alias_len = h.end;
    }
    (void)alias_len;
    if (inside_alias) break;
    end -= w.size();
  }
  return end;
}

std::vector<ClauseParser::Part> ClauseParser::split_subject(std::size_t begin,
                                                            std::size_t end) const {
  const std::string_view t = doc_.text.text;
  const std::string_view s = t.substr(begin, end - begin);
  const auto hits = lex_.find_all(s);
  auto inside_hit = [&hits](std::size_t i) {
    return std::any_of(hits.begin(), hits.end(),
                       [i](const Lexicon::Hit& h) { return h.begin < i && i < h.end; });
  };
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  std::size_t from = 0;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::at(s, i);
    depth = std::max(0, depth + depth_delta(c));
    std::size_t len = 0;
    if (s.substr(i).starts_with("、"))
      len = 3;
    else if (s.substr(i).starts_with("以及"))
      len = 6;
    else if (s.substr(i).starts_with("和") || s.substr(i).starts_with("及"))
      len = 3;
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
      if (ind == nullptr && !indicator_like(piece)) continue;
    }
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

namespace {

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

}  // namespace

std::vector<Target> ClauseParser::parse_clause(std::size_t b, std::size_t e, Mode mode,
                                               std::optional<int> horizon, Context& ctx) const {
  const std::string_view t = doc_.text.text;
  std::vector<Target> out;
  skip_space(t, b, e);
  if (e <= b) return out;
  bool aspiration = false, average = false;
  const std::size_t p = strip_lead(b, e, &aspiration, &average);
  if (p >= e) return out;
  const std::string_view clause = t.substr(p, e - p);

  std::vector<Mention> qs;
  for (Mention m : grammar_.scan(clause)) {
    m.span.begin += p;
    m.span.end += p;
    if (m.quantity) {
      m.quantity->number.begin += p;
      m.quantity->number.end += p;
    }
    if (usable(m)) qs.push_back(std::move(m));
  }
  // 两位数: double-digit growth, read as at least 10%.
  {
    const std::size_t at = clause.find("两位数");
    if (at != std::string_view::npos) {
      const Span w{p + at, p + at + std::string_view("两位数").size()};
      std::erase_if(
          qs, [&w](const Mention& m) { return m.span.begin < w.end && w.begin < m.span.end; });
      Mention m;
      m.span = Span{p + at, p + at + std::string_view("两位数").size()};
      quantity::Quantity q;
      q.value = 10;
      q.unit = "%";
      q.kind = Kind::kPercent;
      q.comparator = quantity::Comparator::kAtLeast;
      q.number = m.span;
      m.quantity = q;
      qs.insert(std::upper_bound(qs.begin(), qs.end(), m.span.begin,
                                 [](std::size_t v, const Mention& o) { return v < o.span.begin; }),
                std::move(m));
    }
  }

  const auto hits = lex_.find_all(clause);
  std::size_t search_from = p;
  if (!hits.empty() && hits.front().begin <= 12) search_from = p + hits.front().end;

  if (!qs.empty()) {
    // The subject ends where the run of predicate words right before the number begins
    // (…达标率 持续 保持 100%); failing that, at the first predicate after the leading alias.
    const auto& preds = lex_.vocab("num_pred");
    std::size_t subj_end = qs.front().span.begin;
    for (std::size_t at = subj_end; at > p;) {
      const std::string_view w = preds.match_before(t.substr(0, at), at);
      if (w.empty() || at - w.size() < p) break;
      at -= w.size();
      subj_end = at;
    }
    if (subj_end == qs.front().span.begin) {
      std::size_t plen = 0;
      const std::size_t pred = preds.find(t.substr(0, subj_end), search_from, &plen);
      if (pred != std::string_view::npos && pred >= p) subj_end = pred;
    }
    bool growth_pred =
        average || lex_.vocab("growth_pred").find(t.substr(0, qs.front().span.begin), p) !=
                       std::string_view::npos;
    const bool has_average =
        average || t.substr(p, qs.front().span.begin - p).find("年均") != std::string_view::npos;

    std::vector<Part> parts;
    std::size_t vb = p;
    const std::size_t se = strip_tail(p, subj_end);
    if (se > p) {
      parts = split_subject(p, se);
      if (!parts.empty()) vb = parts.front().begin;
    } else if (ctx.last) {
      // A number with no subject continues the previous clause (增长6%以上,力争7%).
      parts.push_back(*ctx.last);
      vb = ctx.last_verbatim_begin;
      growth_pred = growth_pred || ctx.last_growth;
    }
    // Ranks such as 挺进全省十强县: the indicator is the ranked phrase itself.
    if (parts.empty() && qs.front().quantity->kind == Kind::kRank) {
      const Mention& m = qs.front();
      std::size_t a = m.span.begin, z = m.span.end;
      for (std::string_view w : {"全国", "全省", "全市", "全区", "全州"}) {
        if (t.substr(0, a).ends_with(w)) a -= w.size();
      }
      for (std::string_view w : {"县", "市", "区", "城市", "企业"}) {
        if (t.substr(z).starts_with(w)) {
          z += w.size();
          break;
        }
      }
      Target x = make(Part{a, z, nullptr}, a, z);
      x.value = m.quantity->value;
      x.unit = "名";
      x.modifier = Modifier::kAtMost;
      x.aspiration = aspiration;
      x.horizon = horizon;
      out.push_back(std::move(x));
      return out;
    }
    // Five-year counts named after the number: 申报1个全国…示范单位.
    if (parts.empty() && mode == Mode::kFyp) {
      const std::string_view whole = t.substr(b, e - b);
      const bool creating = whole.find("申报") != std::string_view::npos ||
                            whole.find("创建") != std::string_view::npos ||
                            whole.find("争创") != std::string_view::npos;
      for (const Mention& m : qs) {
        const auto& q = *m.quantity;
        if (!creating || q.kind != Kind::kAmount) continue;
        if (q.unit != "个" && q.unit != "家" && q.unit != "所" && q.unit != "项" && q.unit != "座")
          continue;
        std::size_t z = m.span.end;
        const std::size_t sep = t.find("、", z);
        const std::size_t stop = (sep == std::string_view::npos || sep > e) ? e : sep;
        if (utf8::length(t.substr(z, stop - z)) < 4) continue;
        Target x = make(Part{z, stop, nullptr}, m.span.begin, stop);
        x.value = q.value;
        x.value_hi = q.value_hi;
        x.unit = q.unit;
        x.modifier = modifier_of(m, t);
        x.aspiration = aspiration;
        x.horizon = horizon;
        out.push_back(std::move(x));
      }
      return out;
    }
    if (parts.empty()) return out;

    // Slots: one per indicator, two for 城乡 pairs.
    struct Slot {
      const Part* part;
      std::size_t idx;
    };
    std::vector<Slot> slots;
    for (const Part& part : parts) {
      const std::size_t n = part.indicator != nullptr ? part.indicator->canonical.size() : 1;
      for (std::size_t k = 0; k < n; ++k) slots.push_back(Slot{&part, k});
    }
    const bool respectively = t.substr(p, e - p).find("分别") != std::string_view::npos;
    const bool distribute = qs.size() > 1 && (respectively || slots.size() == qs.size());
    if (distribute) {
      const std::size_t n = std::min(slots.size(), qs.size());
      const Part shared{parts.front().begin, parts.back().end, nullptr};
      std::vector<Modifier> mods;
      for (std::size_t k = 0; k < n; ++k) mods.push_back(modifier_of(qs[k], t));
      const Modifier last = mods.back();
      if (last != Modifier::kPoint && last != Modifier::kRange) {
        for (auto& m : mods) {
          if (m == Modifier::kPoint) m = last;
        }
      }
      const std::size_t ve = mention_end(qs[n - 1], t);
      for (std::size_t k = 0; k < n; ++k) {
        const auto& q = *qs[k].quantity;
        Target x = make(respectively || parts.size() > 1 ? shared : *slots[k].part, vb, ve);
        x.indicator_id = slots[k].part->indicator != nullptr ? slots[k].part->indicator->id : "";
        x.canonical = canonical_for(slots[k].part->indicator, slots[k].idx, q, growth_pred);
        x.value = q.value;
        x.value_hi = q.value_hi;
        x.unit = q.unit;
        x.modifier = mods[k];
        x.basis = (has_average || (mode == Mode::kFyp && growth_pred && x.canonical != "other" &&
                                   slots[k].part->indicator->measure == Measure::kGrowth))
                      ? Basis::kAnnualAverage
                      : Basis::kAnnual;
        x.aspiration = aspiration;
        x.horizon = horizon;
        out.push_back(std::move(x));
      }
    } else {
      const Mention& m = qs.front();
      const auto& q = *m.quantity;
      const std::size_t ve = mention_end(m, t);
      for (const Slot& s : slots) {
        Target x = make(*s.part, vb, ve);
        x.canonical = canonical_for(s.part->indicator, s.idx, q, growth_pred);
        x.value = q.value;
        x.value_hi = q.value_hi;
        x.unit = q.kind == Kind::kRank ? std::string("名") : q.unit;
        x.modifier = modifier_of(m, t);
        const bool growth_measure =
            s.part->indicator != nullptr && s.part->indicator->measure == Measure::kGrowth;
        x.basis = (has_average || (mode == Mode::kFyp && growth_pred && growth_measure &&
                                   (q.kind == Kind::kPercent)))
                      ? Basis::kAnnualAverage
                      : Basis::kAnnual;
        x.aspiration = aspiration;
        x.horizon = horizon;
        out.push_back(std::move(x));
      }
    }
    if (parts.size() == 1) {
      ctx.last = parts.front();
      ctx.last_verbatim_begin = vb;
      ctx.last_growth = growth_pred;
    }
    return out;
  }

  // No number: a qualitative target (plan year only).
  if (mode == Mode::kFyp) return out;
  std::size_t plen = 0;
  const std::size_t qp = lex_.vocab("qual_pred").find(t.substr(0, e), search_from, &plen);
  std::vector<Part> parts;
  std::size_t vb = b;  // verbatim start: the first indicator when it is the subject
  if (qp != std::string_view::npos) {
    const std::size_t se = strip_tail(p, qp);
    if (se > p) parts = split_subject(p, se);
    if (!parts.empty()) vb = std::max(b, parts.front().begin);
  }
  if (parts.empty()) {
    // The indicator sits inside the clause: 完成国家下达的能耗“双控”目标.
    const bool cue = clause.find("目标") != std::string_view::npos ||
                     clause.find("任务") != std::string_view::npos ||
                     clause.find("范围") != std::string_view::npos;
    if (!cue) return out;
    for (const auto& h : hits) parts.push_back(Part{p + h.begin, p + h.end, h.indicator});
  }
  for (const Part& part : parts) {
    const std::size_t n = part.indicator != nullptr ? part.indicator->canonical.size() : 1;
    for (std::size_t k = 0; k < n; ++k) {
      Target x = make(part, vb, e);
      x.canonical = part.indicator != nullptr ? part.indicator->canonical[k] : "other";
      x.modifier = Modifier::kQualitative;
      x.aspiration = aspiration;
      out.push_back(std::move(x));
    }
  }
  ctx.last.reset();
  return out;
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
  std::size_t z = trigger;
  // Extend over the trigger up to (not including) its final 是/为/:.
  std::size_t j = trigger;
  while (j < end) {
    const std::string_view s = t.substr(j);
    if (s.starts_with("是") || s.starts_with("为") || s.starts_with(":") || s.starts_with("："))
      break;
    j += std::max<std::size_t>(1, utf8::char_len(t, j));
  }
  z = j;
  std::size_t ve = end;
  if (t.substr(0, ve).ends_with("。")) ve -= 3;
  Target x = make(Part{a, z, nullptr}, a, ve);
  x.modifier = Modifier::kQualitative;
  return x;
}

}  // namespace gwr::facts::detail
