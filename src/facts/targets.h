// gwr/facts/targets.h — plan-year targets and five-year-plan targets.
//
//   auto lex = facts::Lexicon::load();  auto g = quantity::Grammar::load();
//   facts::Targets t = facts::extract_targets(doc, *g, *lex);
//   for (const facts::Target& x : t.targets)
//     std::cout << x.canonical << " " << *x.value << " " << modifier_name(x.modifier) << "\n";
//
// The plan-year passage is found by its trigger vocabulary (主要预期目标是, 预期目标和约束性指标是,
// 主要目标是 … in data/target_vocab.tsv). It starts at the sentence holding the trigger and runs
// through the following sentences of the same paragraph that still state targets (a sentence
// with a `stop` phrase such as 实现上述目标 ends it). A trigger counts as five-year when its
// sentence (or the one before, if that one names no plan year) speaks of 十四五/十五五/今后五年/
// 到2025年. Inside a passage each clause (split at , ; 。) gives zero or more targets:
//   * numeric: <indicator> <predicate> <number+unit> [左右|以上|以内…]; 分别 lists distribute over
//     their subjects (城乡居民… → urban, rural; 存、贷款余额 → deposit, loan); a trailing
//     comparator applies to every member; one number with 均 covers every listed subject; a
//     clause with a number and no subject continues the previous clause's indicator.
//   * qualitative: <indicators joined by 、和及> <qualitative predicate> (与经济增长同步,
//     完成省下达目标 …) gives one entry per indicator with value/unit null.
// Conventions (canonical ids, modifiers, basis, verbatim) follow shared/gold/README.md; values are
// as written, reductions are positive magnitudes. Precision first: a clause whose subject is not
// an indicator (lexicon alias or a noun phrase ending in an indicator head noun) gives nothing.
//
// Pure: reads `doc`, returns values; spans are offsets into doc.text. Safe for concurrent use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"
#include "facts/lexicon.h"
#include "quantity/quantity.h"

namespace gwr::facts {

// kRelative: a target stated against a reference (高于全省1个百分点): `value` is the offset (null
// when none is given), `reference` says against what, `relative_modifier` is the offset's own
// modifier (around, at_least, point …).
enum class Modifier { kPoint, kAround, kAtLeast, kAtMost, kRange, kQualitative, kRelative };
// "point", "around", "at_least", "at_most", "range", "qualitative", "relative"
const char* modifier_name(Modifier m);

// annual: the plan year, or a level/ratio by the horizon year; annual_average: 年均; cumulative:
// 累计 over the whole plan period.
enum class Basis { kAnnual, kAnnualAverage, kCumulative };
const char* basis_name(Basis b);  // "annual", "annual_average", "cumulative"

struct Target {
  std::string indicator;     // exact indicator wording as written (slice of doc.original)
  std::string indicator_id;  // lexicon id ("gdp", "cpi" …) or "" when the lexicon lacks it
  std::string canonical;     // gold vocabulary class, "other" when none fits
  std::optional<double> value;
  std::optional<double> value_hi;
  std::optional<std::string> unit;
  Modifier modifier = Modifier::kPoint;
  Basis basis = Basis::kAnnual;
  bool aspiration = false;     // stated with 力争/争取
  std::optional<int> horizon;  // five-year targets: 2025 for 十四五, 2030 for 十五五
  // Relative and parity targets: "province" (全省, 省平), "nation" (全国), "prefecture" (全市).
  std::optional<std::string> reference;
  std::optional<Modifier> relative_modifier;  // relative targets: the offset's modifier
  std::optional<double> stretch_value;        // 保8争9 → 9; 增长7%，力争8% → 8
  std::optional<int> base_year;               // 比2010年翻一番 → 2010 (value 2, unit 倍)
  Span indicator_span;                        // in doc.text
  Span verbatim;  // shortest clause holding indicator and value/predicate
};

// What the report says about a GDP growth target for the plan year.
enum class GdpTargetStatus {
  kStated,            // the passage gives one: a number, a relative or a qualitative target
  kExplicitlyAbsent,  // the report says it sets none (不设/不再设定/淡化…增速目标)
  kNotFound,          // no GDP growth target was found (a warning says so)
};
const char* gdp_status_name(GdpTargetStatus s);  // "stated", "explicitly_absent", "not_found"

struct Targets {
  std::optional<Span> passage;  // the plan-year targets passage (targets_sentence)
  std::vector<Target> targets;
  std::optional<Span> fyp_passage;
  std::vector<Target> fyp_targets;  // numeric only
  std::optional<int> fyp_horizon;
  GdpTargetStatus gdp_status = GdpTargetStatus::kNotFound;
  std::optional<Span> gdp_absent_sentence;  // the sentence that says no GDP target is set
};

Targets extract_targets(const Document& doc, const quantity::Grammar& grammar, const Lexicon& lex);

}  // namespace gwr::facts
