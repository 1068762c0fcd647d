// gwr/facts/facts.h — indicator facts: every number in the body bound to an indicator of the
// lexicon, with the period it is about and its status.
//
//   facts::Targets t = facts::extract_targets(doc, grammar, lex);
//   for (const facts::Fact& f : facts::extract_facts(doc, grammar, lex, t))
//     std::cout << f.indicator_id << " " << f.value << f.unit << " " << status_name(f.status) <<
//     "\n";
//
// A fact binds: the nearest indicator alias before the number in the same clause (a clause
// ends at , ; 。), the number and unit as written, whether it is a growth rate (增长/增速/提高/
// 下降 right before it) or a level, the period and the status:
//   * status — actual in review parts (estimate when 预计 qualifies it), target in plan-year and
//     five-year parts, aspiration when 力争/争取/努力 qualifies a target;
//   * period — review_year, five_year_span (过去五年, 累计), plan_year, fyp_horizon, or unknown;
//   * scope — "report" by default; "province" / "national" when the clause speaks of 全省/全国
//     in a lower-level report; "sub_area" for 新区/开发区/园区/乡镇/街道; "company" for
//     企业/公司/集团.
// `分别` lists bind each number to its own subject; a level followed by its growth
// (完成地区生产总值314.7亿元、增长7.3%) gives two facts linked to each other.
// Numbers that bind to no indicator give no fact (they stay quantities, see quantity.h): the
// lexicon is the precision gate. Facts inside the headline targets passage carry headline=true;
// targets elsewhere in the task sections carry headline=false.
//
// Pure function of its inputs; safe for concurrent use. Spans are offsets into doc.text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"
#include "facts/lexicon.h"
#include "facts/targets.h"
#include "quantity/quantity.h"

namespace gwr::facts {

enum class Status { kActual, kEstimate, kTarget, kAspiration };
const char* status_name(Status s);  // "actual", "estimate", "target", "aspiration"

enum class Period { kReviewYear, kFiveYearSpan, kPlanYear, kPlanHorizon, kUnknown };
const char* period_name(
    Period p);  // "review_year", "five_year_span", "plan_year", "fyp_horizon", "unknown"

struct Fact {
  std::string indicator;  // alias as written (slice of doc.original)
  std::string indicator_id;
  bool growth = false;  // a growth rate rather than a level
  double value = 0;
  std::optional<double> value_hi;
  std::string unit;
  std::string comparator;  // quantity::comparator_name of the number
  Status status = Status::kActual;
  Period period = Period::kUnknown;
  std::optional<int> year;  // the calendar year the period ends in, when known
  std::string scope = "report";
  bool headline = false;              // inside the plan-year targets passage
  std::optional<std::size_t> linked;  // index of the paired level/growth fact
  Span indicator_span;
  Span number;  // the number and unit
  Span clause;  // the clause quoted as evidence
};

std::vector<Fact> extract_facts(const Document& doc, const quantity::Grammar& grammar,
                                const Lexicon& lex, const Targets& targets);
// The same from the body's mentions already scanned (grammar.scan(doc.text_of(doc.body)), offsets
// relative to the body), so a pipeline that also lists the quantities scans the body once.
std::vector<Fact> extract_facts(const Document& doc,
                                const std::vector<quantity::Mention>& body_mentions,
                                const Lexicon& lex, const Targets& targets);

}  // namespace gwr::facts
