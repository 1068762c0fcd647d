// gwr/analysis/targets.h — the targets panel, the wide panel, and targets against outcomes.
//
//   auto db = store::Reader::open("corpus.db");                  // store/query.h
//   TargetFilter f;  f.indicator = "gdp_growth";  f.year = 2023;
//   Result<Table> t = analysis::targets_panel(*db, f);
//   Result<Table> r = analysis::targets_realised(*db, f);
//
// PANEL (targets_panel). One row per region × target year × kind × canonical indicator, columns
// region, region_code, level, province, year, kind, canonical, indicator_id, indicator, value,
// value_hi, unit, modifier, basis, aspiration, reference, relative_modifier, stretch_value,
// base_year, verbatim, source, report_id. Targets of class `other` keep one row per indicator
// wording. When several stored reports give the same region, year and indicator (two versions of
// one speech), the first complete (non-partial) report by report_id wins — the precedence of
// canonical_reports (data/store_views.sql), falling back to another version for an indicator the
// canonical one lacks — and within it the first absolute target (a relative one, 高于全省1个百分点,
// only when the report gives no absolute one).
//
// WIDE PANEL (wide_panel). One row per region × plan year with one column per canonical plan-year
// target (class `other` excluded), holding `value` as written — the lower bound for ranges, null
// for qualitative and relative targets — for Stata/R users; key columns region, region_code, level,
// province, year, report_id.
//
// REALISED (targets_realised). Each target paired with what the region's later report says the
// target year achieved: a fact of the same region (scope `report`: not a district, a park, a
// company, the province or the nation), status actual or estimate, period review_year, year = the
// target year, the same indicator_id (规上工业 and 工业 are different ids), measure growth for
// growth targets (canonical *_growth) and, for other targets (cpi, jobs, rates), the same unit.
// Estimates count: reports are delivered before the final statistics, so a review figure with
// 左右, 预计 or 初步核算 is the realised value with realised_status `estimate`; an `actual` figure
// for the same year in any report supersedes it, and among equals the latest report wins. 换届
// reports that review five years still give the last year's figures. Five-year targets pair with
// an end-of-period figure: for annual-average targets a five_year_span growth fact ending in the
// horizon year, otherwise a review_year fact for the horizon year.
// Columns: the panel's (with the target's span `start`, `end` in `source`) plus realised,
// realised_status, realised_verbatim, realised_report_id, realised_start, realised_end,
// realised_source (the realised number's span in its report's file), gap (= realised − value,
// the lower bound for ranges) and outcome:
//   * unknown — no realised figure, a relative target, or a qualitative target without an
//     explicit statement: a qualitative plan-year target is judged only by a sentence of the next
//     report's review (next_reports in data/store_views.sql) that names its indicator and says
//     未完成/未实现 (missed) or 完成/实现 + 目标/任务 (met), data/outcome_words.tsv;
//     realised_status is then `statement`, the sentence is realised_verbatim and realised_start/end
//     span its paragraph;
//   * ceilings (cpi, unemployment rates) and `at_most` targets: met iff realised ≤ value (≤
//   value_hi
//     for ranges); an `around` ceiling overshot by at most `near` is `near`; otherwise missed;
//   * floors (everything else, reductions kept as positive magnitudes included): met iff realised
//     ≥ value (the lower bound for ranges); an `around` floor missed by at most `near` is `near`
//     (around 6% against 5.9% with near 0.2); otherwise missed. `around 6%` against 5.5% is missed.
// `near` (default kDefaultNear = 0.2 points) is `gwr realised --near`.
//
// All functions read through `db` (store/query.h) with parameterised queries, and return
// kInvalidData with SQLite's message when the database lacks the corpus schema.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

struct TargetFilter {
  std::optional<std::string> indicator;  // canonical class (gdp_growth) or indicator_id (gdp)
  std::optional<int> year;               // target year
  std::optional<std::string> level;      // national | province | prefecture | county
  std::optional<std::string> province;   // matches province or region
  std::optional<std::string> kind;       // plan_year | five_year (default both)
  std::optional<std::string> region;     // exactly this region (name or code)
};

Result<Table> targets_panel(const store::Reader& db, const TargetFilter& f);
Result<Table> wide_panel(const store::Reader& db, const TargetFilter& f);
// The default `near` band of `around` targets, in the target's unit (points for %).
constexpr double kDefaultNear = 0.2;
Result<Table> targets_realised(const store::Reader& db, const TargetFilter& f,
                               double near = kDefaultNear);

// The outcome rule above, exposed for tests and callers with their own data.
std::string target_outcome(const std::string& canonical, const std::string& modifier,
                           std::optional<double> value, std::optional<double> value_hi,
                           std::optional<double> realised, double near = kDefaultNear);

}  // namespace gwr::analysis
