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
  bool any(Span span, std::size_t end, std::initializer_list<std::string_view> words) {
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

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [s](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

}  // namespace

std::vector<Fact> extract_facts(const Document& doc, const quantity::Grammar& grammar,
                                const Lexicon& lex, const Targets& targets) {
  std::vector<Fact> out;
  const std::string_view t = doc.text.text;
  const std::size_t lo = std::min(doc.body.begin, t.size()), hi = std::min(doc.body.end, t.size());
  if (hi <= lo) return out;
  const std::string_view body = t.substr(lo, hi - lo);
  const auto mentions = grammar.scan(body);
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
      clause_resp = cl.find("分别");
      clause_scope.clear();
      if (contains_any(cl, {"新区", "开发区", "园区", "高新区", "乡镇", "街道"}))
        clause_scope = "sub_area";
      else if (contains_any(cl, {"公司", "集团"}))
        clause_scope = "company";
      else if (cl.find("全国") != std::string_view::npos && meta.level != Level::kNational)
        clause_scope = "national";
      else if (cl.find("全省") != std::string_view::npos &&
               (meta.level == Level::kPrefecture || meta.level == Level::kCounty))
        clause_scope = "province";
      hits.clear();
      for (auto h : lex.find_all(t.substr(clause.begin, clause.size()))) {
        h.begin += clause.begin;
        h.end += clause.begin;
        hits.push_back(h);
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
      if (lead.starts_with("预计")) lead.remove_prefix(std::string_view("预计").size());
      if (lead.starts_with("增长") || lead.starts_with("同比增长") ||
          lead.starts_with("比上年增长") || lead.starts_with("年均增长") ||
          lead.starts_with("下降")) {
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
      } else if (k < 2 && (subj.find("城乡") != std::string_view::npos ||
                           subj.find("城镇和农村") != std::string_view::npos ||
                           subj.find("城镇、农村") != std::string_view::npos)) {
        respective = lex.exact(k == 0 ? "城镇居民人均可支配收入" : "农村居民人均可支配收入");
      } else if (k > 0) {
        continue;  // more numbers than subjects: do not guess
      }
    }
    const bool growth_word =
        contains_any(between, {"增长", "增速", "增幅", "提高", "下降", "降低", "年均"});
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
      else if (between.find("分别") == std::string_view::npos &&
               !contains_any(between, {"、", "和"}))
        continue;
    }

    Fact f;
    f.indicator_span = Span{bound->begin, bound->end};
    f.indicator = doc.original_of(f.indicator_span);
    f.indicator_id = respective != nullptr ? respective->id : bound->indicator->id;
    f.growth = growth_word && rel.quantity->kind != Kind::kAmount;
    f.value = rel.quantity->value;
    f.value_hi = rel.quantity->value_hi;
    f.unit = rel.quantity->unit;
    f.comparator = quantity::comparator_name(rel.quantity->comparator);
    f.number = num;
    f.clause = clause;

    const Span sentence = sentences.at(num.begin);
    // Words in the sentence before the number (WordsBefore: linear over a long sentence).
    auto before_has = [&](std::initializer_list<std::string_view> words) {
      return before_words.any(sentence, num.begin, words);
    };
    const bool in_passage =
        targets.passage && targets.passage->begin <= num.begin && num.begin < targets.passage->end;
    const bool in_fyp = targets.fyp_passage && targets.fyp_passage->begin <= num.begin &&
                        num.begin < targets.fyp_passage->end;
    const SectionType type = section_type_at(doc, num.begin);
    const bool aspiration = before_has({"力争", "争取", "努力"});
    if (in_passage || in_fyp || type == SectionType::kPlanTasks || type == SectionType::kFypGoals ||
        type == SectionType::kLivelihood) {
      f.status = aspiration ? Status::kAspiration : Status::kTarget;
      if (in_fyp || type == SectionType::kFypGoals ||
          before_has({"到2025年", "到2030年", "年均"})) {
        f.period = Period::kPlanHorizon;
        f.year = targets.fyp_horizon;
      } else {
        f.period = Period::kPlanYear;
        f.year = meta.plan_year;
      }
    } else if (type == SectionType::kReview || type == SectionType::kFiveYearReview) {
      f.status = before_has({"预计"}) ? Status::kEstimate : Status::kActual;
      if (type == SectionType::kFiveYearReview || before_has({"累计", "五年来", "过去五年"})) {
        f.period = Period::kFiveYearSpan;
      } else {
        f.period = Period::kReviewYear;
      }
      f.year = meta.review_year;
    } else {
      const bool future = before_has({"今年", "明年", "力争", "确保", "将"});
      f.status = future ? (aspiration ? Status::kAspiration : Status::kTarget)
                        : (before_has({"预计"}) ? Status::kEstimate : Status::kActual);
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
