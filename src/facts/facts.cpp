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
  std::vector<Lexicon::Hit> hits;  // of last_clause, absolute offsets
  std::optional<std::size_t> last_fact_in_clause;
  struct Carry {
    Lexicon::Hit hit;
    std::size_t sentence_end;
  };
  std::optional<Carry> carry;  // the alias of the last fact, for clauses that continue it

  for (const Mention& rel : mentions) {
    if (!usable(rel)) continue;
    const Span num{lo + rel.quantity->number.begin, lo + rel.quantity->number.end};
    const Span clause = around(t, num.begin, lo, hi, false);
    if (!(clause == last_clause)) {
      last_clause = clause;
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
    if (const std::size_t resp = t.substr(clause.begin, clause.size()).find("分别");
        resp != std::string_view::npos && clause.begin + resp < num.begin) {
      std::vector<const Indicator*> subjects;
      for (const auto& h : hits) {
        if (h.end <= clause.begin + resp) subjects.push_back(h.indicator);
      }
      std::size_t k = 0;
      for (const Mention& o : mentions) {
        if (usable(o) && lo + o.span.begin > clause.begin + resp && lo + o.span.begin < num.begin)
          ++k;
      }
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

    const Span sentence = around(t, num.begin, lo, hi, true);
    const std::string_view before = t.substr(sentence.begin, num.begin - sentence.begin);
    const bool in_passage =
        targets.passage && targets.passage->begin <= num.begin && num.begin < targets.passage->end;
    const bool in_fyp = targets.fyp_passage && targets.fyp_passage->begin <= num.begin &&
                        num.begin < targets.fyp_passage->end;
    const SectionType type = section_type_at(doc, num.begin);
    const bool aspiration = contains_any(before, {"力争", "争取", "努力"});
    if (in_passage || in_fyp || type == SectionType::kPlanTasks || type == SectionType::kFypGoals ||
        type == SectionType::kLivelihood) {
      f.status = aspiration ? Status::kAspiration : Status::kTarget;
      if (in_fyp || type == SectionType::kFypGoals ||
          contains_any(before, {"到2025年", "到2030年", "年均"})) {
        f.period = Period::kPlanHorizon;
        f.year = targets.fyp_horizon;
      } else {
        f.period = Period::kPlanYear;
        f.year = meta.plan_year;
      }
    } else if (type == SectionType::kReview || type == SectionType::kFiveYearReview) {
      f.status =
          before.find("预计") != std::string_view::npos ? Status::kEstimate : Status::kActual;
      if (type == SectionType::kFiveYearReview ||
          contains_any(before, {"累计", "五年来", "过去五年"})) {
        f.period = Period::kFiveYearSpan;
      } else {
        f.period = Period::kReviewYear;
      }
      f.year = meta.review_year;
    } else {
      const bool future = contains_any(before, {"今年", "明年", "力争", "确保", "将"});
      f.status = future ? (aspiration ? Status::kAspiration : Status::kTarget)
                        : (before.find("预计") != std::string_view::npos ? Status::kEstimate
                                                                         : Status::kActual);
      f.period = future ? Period::kPlanYear : Period::kUnknown;
      if (future) f.year = meta.plan_year;
    }
    f.headline = in_passage;

    const std::string_view cl = t.substr(clause.begin, clause.size());
    if (contains_any(cl, {"新区", "开发区", "园区", "高新区", "乡镇", "街道"}))
      f.scope = "sub_area";
    else if (contains_any(cl, {"公司", "集团"}))
      f.scope = "company";
    else if (cl.find("全国") != std::string_view::npos && meta.level != Level::kNational)
      f.scope = "national";
    else if (cl.find("全省") != std::string_view::npos &&
             (meta.level == Level::kPrefecture || meta.level == Level::kCounty))
      f.scope = "province";

    if (link) f.linked = *link;
    out.push_back(std::move(f));
    if (link) out[*link].linked = out.size() - 1;
    last_fact_in_clause = out.size() - 1;
    carry = Carry{*bound, sentence.end};
  }
  return out;
}

}  // namespace gwr::facts
