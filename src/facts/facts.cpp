#include "facts/facts.h"

#include <algorithm>

#include "common/utf8.h"
#include "text/punctuation.h"

namespace gwr::facts {

const char* status_name(Status s) {
  switch (s) {
    case Status::kActual:
      return "actual";
    case Status::kEstimate:
      return "estimate";
    case Status::kTarget:
      return "target";
    case Status::kAspiration:
      return "aspiration";
  }
  return "actual";
}

const char* period_name(Period p) {
  switch (p) {
    case Period::kReviewYear:
      return "review_year";
    case Period::kFiveYearSpan:
      return "five_year_span";
    case Period::kPlanYear:
      return "plan_year";
    case Period::kPlanHorizon:
      return "fyp_horizon";
    case Period::kUnknown:
      break;
  }
  return "unknown";
}

namespace {

using quantity::Kind;
using quantity::Mention;

bool clause_sep(std::string_view t, std::size_t i) {
  return i < t.size() && text::is_clause_end(utf8::at(t, i));
}

bool sentence_sep(std::string_view t, std::size_t i) { return text::sentence_end_at(t, i) > 0; }

// [begin, end) of the clause (or sentence) around pos, within [lo, hi).
Span around(std::string_view t, std::size_t pos, std::size_t lo, std::size_t hi, bool sentence) {
  std::size_t a = pos;
  while (a > lo) {
    std::size_t j = a;
    utf8::prev(t, j);
    if (sentence ? sentence_sep(t, j) : clause_sep(t, j)) break;
    a = j;
  }
  std::size_t z = pos;
  while (z < hi && !(sentence ? sentence_sep(t, z) : clause_sep(t, z)))
    z += std::max<std::size_t>(1, utf8::char_len(t, z));
  return Span{a, z};
}

// around() for the numbers of a text in increasing order. A clause (sentence) holds no separator,
// so every position inside the span found last has that same span: reusing it keeps a long run
// without separators (a 1 MB line, a list of thousands of items) from being walked once per
// number, which was quadratic.
class SpanCache {
 public:
  SpanCache(std::string_view t, std::size_t lo, std::size_t hi, bool sentence)
      : t_(t), lo_(lo), hi_(hi), sentence_(sentence) {}
  Span at(std::size_t pos) {
    if (!(valid_ && last_.begin <= pos && pos < last_.end)) {
      last_ = around(t_, pos, lo_, hi_, sentence_);
      valid_ = true;
    }
    return last_;
  }

 private:
  std::string_view t_;
  std::size_t lo_, hi_;
  bool sentence_;
  bool valid_ = false;
  Span last_{};
};

// Whether t[span.begin, end) holds one of some words, for many `end`s inside one span: each word
// is searched once per span (its first occurrence there), not once per number. Exact: an
// occurrence lies before `end` iff the first one does.
class WordsBefore {
 public:
  explicit WordsBefore(std::string_view t) : t_(t) {}
  bool any(Span span, std::size_t end, const std::vector<std::string>& words) {
    if (!(span == span_)) {
      span_ = span;
      first_.clear();
    }
    for (std::string_view w : words) {
      auto it =
          std::find_if(first_.begin(), first_.end(), [w](const auto& f) { return f.first == w; });
      if (it == first_.end()) {
        const std::size_t p = t_.substr(span.begin, span.size()).find(w);
        first_.emplace_back(w, p);
        it = std::prev(first_.end());
      }
      if (it->second != std::string_view::npos && span.begin + it->second + w.size() <= end)
        return true;
    }
    return false;
  }

 private:
  std::string_view t_;
  Span span_{std::string_view::npos, std::string_view::npos};
  std::vector<std::pair<std::string_view, std::size_t>> first_;
};

bool usable(const Mention& m) {
  if (!m.quantity) return false;
  switch (m.quantity->kind) {
    case Kind::kPercent:
    case Kind::kPermille:
    case Kind::kPercentPoint:
    case Kind::kMultiple:
      return true;
    case Kind::kAmount:
      return !m.quantity->unit.empty();
    default:
      return false;
  }
}

SectionType section_type_at(const Document& doc, std::size_t pos) {
  SectionType top = SectionType::kOther, inner = SectionType::kOther;
  std::size_t inner_begin = 0;
  for (const auto& s : doc.sections) {
    if (s.extent.begin > pos || pos >= s.extent.end) continue;
    if (s.level == 1) top = s.type;
    if (s.type != SectionType::kOther && s.extent.begin >= inner_begin) {
      inner = s.type;
      inner_begin = s.extent.begin;
    }
  }
  return top != SectionType::kOther ? top : inner;
}

// Does `prefix` (the clause before its first indicator) end in the name of a division other than
// the report's own region? 章贡区 yes; 全市, 本县, 预计全省 and the region's own name no.
bool names_sub_division(std::string_view prefix, const Lexicon& lex, const std::string& region,
                        const std::string& province) {
  prefix = utf8::trim(prefix);
  if (prefix.size() < 6) return false;  // one character and its suffix at least
  std::size_t e = prefix.size();
  const char32_t last = utf8::prev(prefix, e);
  if (!lex.vocab("fact_division_suffix").is(utf8::encode(last))) return false;
  std::size_t b = e;
  const char32_t before = utf8::prev(prefix, b);
  if (lex.vocab("fact_scope_head").is(utf8::encode(before))) return false;
  // The region's own name or its province's, full or short (赣州市, 赣州; 贵州): not a part.
  for (const std::string* own : {&region, &province}) {
    if (!own->empty() &&
        (own->ends_with(prefix) || std::string_view(*own).find(prefix.substr(0, e)) == 0 ||
         prefix.ends_with(*own))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Fact> extract_facts(const Document& doc, const quantity::Grammar& grammar,
                                const Lexicon& lex, const Targets& targets) {
  return extract_facts(doc, grammar.scan(doc.text_of(doc.body)), lex, targets);
}

std::vector<Fact> extract_facts(const Document& doc, const std::vector<Mention>& mentions,
                                const Lexicon& lex, const Targets& targets) {
  std::vector<Fact> out;
  const std::string_view t = doc.text.text;
  const std::size_t lo = std::min(doc.body.begin, t.size()), hi = std::min(doc.body.end, t.size());
  if (hi <= lo) return out;
  const auto& meta = doc.meta;

  Span last_clause{};
  std::vector<Lexicon::Hit> hits;                    // of last_clause, absolute offsets
  std::size_t clause_resp = std::string_view::npos;  // 分别 in last_clause (offset in it)
  std::string clause_scope;                          // scope of last_clause
  SpanCache clauses(t, lo, hi, false), sentences(t, lo, hi, true);
  WordsBefore before_words(t);
  // Usable mentions before index i (to count the numbers after 分别 by binary search).
  std::vector<std::size_t> usable_before(mentions.size() + 1, 0);
  for (std::size_t i = 0; i < mentions.size(); ++i)
    usable_before[i + 1] = usable_before[i] + (usable(mentions[i]) ? 1 : 0);
  const bool sorted = std::is_sorted(
      mentions.begin(), mentions.end(),
      [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  // Usable mentions starting in (after, before), absolute offsets.
  auto usable_between = [&](std::size_t after, std::size_t before) -> std::size_t {
    if (!sorted) {
      std::size_t k = 0;
      for (const Mention& o : mentions) {
        if (usable(o) && lo + o.span.begin > after && lo + o.span.begin < before) ++k;
      }
      return k;
    }
    const auto first =
        std::upper_bound(mentions.begin(), mentions.end(), after,
                         [&](std::size_t v, const Mention& m) { return v < lo + m.span.begin; });
    const auto last =
        std::lower_bound(mentions.begin(), mentions.end(), before,
                         [&](const Mention& m, std::size_t v) { return lo + m.span.begin < v; });
    if (last <= first) return 0;
    return usable_before[static_cast<std::size_t>(last - mentions.begin())] -
           usable_before[static_cast<std::size_t>(first - mentions.begin())];
  };
  std::optional<std::size_t> last_fact_in_clause;
  struct Carry {
    Lexicon::Hit hit;
    std::size_t sentence_end;
  };
  std::optional<Carry> carry;  // the alias of the last fact, for clauses that continue it

  for (const Mention& rel : mentions) {
    if (!usable(rel)) continue;
    const Span num{lo + rel.quantity->number.begin, lo + rel.quantity->number.end};
    const Span clause = clauses.at(num.begin);
    if (!(clause == last_clause)) {
      last_clause = clause;
      const std::string_view cl = t.substr(clause.begin, clause.size());
      clause_resp = lex.vocab("respective").find(cl);
      clause_scope.clear();
      if (lex.vocab("fact_sub_area").contains_in(cl))
        clause_scope = "sub_area";
      else if (lex.vocab("fact_company").contains_in(cl))
        clause_scope = "company";
      else if (lex.vocab("fact_national").contains_in(cl) && meta.level != Level::kNational)
        clause_scope = "national";
      else if (lex.vocab("fact_province").contains_in(cl) &&
               (meta.level == Level::kPrefecture || meta.level == Level::kCounty))
        clause_scope = "province";
      hits.clear();
      for (auto h : lex.find_all(t.substr(clause.begin, clause.size()))) {
        h.begin += clause.begin;
        h.end += clause.begin;
        hits.push_back(h);
      }
      // A named division before the first indicator (章贡区地区生产总值, 于都县…, 经开区…):
      // a part of the region, not the region (全市, 本县 and the region's own name are).
      if (clause_scope.empty() && !hits.empty() &&
          names_sub_division(t.substr(clause.begin, hits.front().begin - clause.begin), lex,
                             meta.region ? *meta.region : std::string(),
                             meta.province ? *meta.province : std::string())) {
        clause_scope = "sub_area";
      }
      last_fact_in_clause.reset();
    }
    // The nearest alias before the number, close enough to govern it; a clause that opens
    // with its growth (…314.7亿元,增长7.3%) continues the previous clause's alias.
    const Lexicon::Hit* bound = nullptr;
    Lexicon::Hit carried{};
    for (const auto& h : hits) {
      if (h.end <= num.begin) bound = &h;
    }
    if (bound == nullptr && carry && carry->sentence_end > num.begin) {
      std::string_view lead = utf8::trim(t.substr(clause.begin, num.begin - clause.begin));
      lead.remove_prefix(lex.vocab("fact_estimate").match_at(lead, 0).size());
      if (!lex.vocab("fact_growth_lead").match_at(lead, 0).empty()) {
        carried = carry->hit;
        bound = &carried;
      }
    }
    if (bound == nullptr || (bound != &carried && num.begin - bound->end > 45)) continue;
    const std::string_view between = bound == &carried
                                         ? t.substr(clause.begin, num.begin - clause.begin)
                                         : t.substr(bound->end, num.begin - bound->end);
    // 分别 lists: the k-th number after 分别 belongs to the k-th subject before it.
    const Indicator* respective = nullptr;
    if (const std::size_t resp = clause_resp;
        resp != std::string_view::npos && clause.begin + resp < num.begin) {
      std::vector<const Indicator*> subjects;
      for (const auto& h : hits) {
        if (h.end <= clause.begin + resp) subjects.push_back(h.indicator);
      }
      const std::size_t k = usable_between(clause.begin + resp, num.begin);
      const std::string_view subj = t.substr(clause.begin, resp);
      if (subjects.size() > 1 && k < subjects.size()) {
        respective = subjects[k];
      } else if (k < 2 && lex.vocab("fact_urban_rural").contains_in(subj)) {
        respective = lex.exact(
            lex.vocab(k == 0 ? "fact_urban_income" : "fact_rural_income").phrases().front());
      } else if (k > 0) {
        continue;  // more numbers than subjects: do not guess
      }
    }
    const bool growth_word = lex.vocab("fact_change").contains_in(between);
    // A second number after a fact of the same alias is its growth (level + growth pair) or
    // another member of a list; anything else is not governed by this alias.
    std::optional<std::size_t> link;
    if (bound == &carried && !out.empty() && out.back().indicator_span.begin == carried.begin &&
        !out.back().growth) {
      link = out.size() - 1;
    }
    if (respective == nullptr && last_fact_in_clause &&
        out[*last_fact_in_clause].indicator_span.begin == bound->begin) {
      if (growth_word && !out[*last_fact_in_clause].growth)
        link = last_fact_in_clause;
      else if (!lex.vocab("respective").contains_in(between) &&
               !lex.vocab("fact_list_joiner").contains_in(between))
        continue;
    }

    Fact f;
    f.indicator_span = Span{bound->begin, bound->end};
    f.indicator = doc.original_of(f.indicator_span);
    f.indicator_id = respective != nullptr ? respective->id : bound->indicator->id;
    f.growth = growth_word && rel.quantity->kind != Kind::kAmount;
    f.value = rel.quantity->value;
    f.value_hi = rel.quantity->value_hi;
    // A growth indicator stated as a decline (固定资产投资下降3.2%) grew by −3.2%. Intensity
    // indicators (能耗下降3%) keep the reduction as a positive magnitude, as targets do.
    const Indicator* ind = respective != nullptr ? respective : bound->indicator;
    if (f.growth && ind != nullptr && ind->measure == Measure::kGrowth &&
        lex.vocab("fact_decline").contains_in(between)) {
      f.value = -rel.quantity->value;
      if (rel.quantity->value_hi) {
        f.value = -*rel.quantity->value_hi;
        f.value_hi = -rel.quantity->value;
      }
    }
    f.unit = rel.quantity->unit;
    f.comparator = quantity::comparator_name(rel.quantity->comparator);
    f.number = num;
    f.clause = clause;

    const Span sentence = sentences.at(num.begin);
    // Words in the sentence before the number (WordsBefore: linear over a long sentence).
    auto before_has = [&](std::string_view kind) {
      return before_words.any(sentence, num.begin, lex.vocab(kind).phrases());
    };
    // A review-year figure is an estimate when announced as one (预计, 初步核算) or stated with
    // 左右: reports are delivered before the final statistics.
    const bool estimate =
        before_has("fact_estimate") || rel.quantity->comparator == quantity::Comparator::kAround;
    const bool in_passage =
        targets.passage && targets.passage->begin <= num.begin && num.begin < targets.passage->end;
    const bool in_fyp = targets.fyp_passage && targets.fyp_passage->begin <= num.begin &&
                        num.begin < targets.fyp_passage->end;
    const SectionType type = section_type_at(doc, num.begin);
    const bool aspiration = before_has("aspiration");
    if (in_passage || in_fyp || type == SectionType::kPlanTasks || type == SectionType::kFypGoals ||
        type == SectionType::kLivelihood) {
      f.status = aspiration ? Status::kAspiration : Status::kTarget;
      if (in_fyp || type == SectionType::kFypGoals || before_has("fact_horizon")) {
        f.period = Period::kPlanHorizon;
        f.year = targets.fyp_horizon;
      } else {
        f.period = Period::kPlanYear;
        f.year = meta.plan_year;
      }
    } else if (type == SectionType::kReview || type == SectionType::kFiveYearReview) {
      f.status = estimate ? Status::kEstimate : Status::kActual;
      // 换届 reports review five years; a paragraph opening with the review year (2022年,…) or
      // 去年 is about that year all the same.
      bool last_year_paragraph = false;
      if (type == SectionType::kFiveYearReview) {
        const std::size_t nl = t.rfind('\n', num.begin);
        const std::size_t ps = nl == std::string_view::npos ? lo : nl + 1;
        const std::string_view para = utf8::trim(t.substr(ps, num.begin - ps));
        last_year_paragraph =
            (meta.review_year && para.starts_with(std::to_string(*meta.review_year) + "年")) ||
            !lex.vocab("fact_last_year").match_at(para, 0).empty();
      }
      if ((type == SectionType::kFiveYearReview && !last_year_paragraph) ||
          before_has("fact_span")) {
        f.period = Period::kFiveYearSpan;
      } else {
        f.period = Period::kReviewYear;
      }
      f.year = meta.review_year;
    } else {
      const bool future = before_has("fact_future");
      f.status = future ? (aspiration ? Status::kAspiration : Status::kTarget)
                        : (estimate ? Status::kEstimate : Status::kActual);
      f.period = future ? Period::kPlanYear : Period::kUnknown;
      if (future) f.year = meta.plan_year;
    }
    f.headline = in_passage;

    if (!clause_scope.empty()) f.scope = clause_scope;

    if (link) f.linked = *link;
    out.push_back(std::move(f));
    if (link) out[*link].linked = out.size() - 1;
    last_fact_in_clause = out.size() - 1;
    carry = Carry{*bound, sentence.end};
  }
  return out;
}

}  // namespace gwr::facts
