// gwr/analysis/check.h — consistency checks that flag doubtful extractions for a human to read.
//
//   auto flags = analysis::check(db);   // Result<Table>: report_id, region, plan_year, check,
//   detail
//
// Checks (the `check` column), each computed per report:
//   sector_vs_gdp    — review-year actual growth of the primary, secondary and tertiary sectors
//                      (report scope, same year) are all above, or all below, the GDP growth of
//                      that year: value added cannot all grow faster (or all slower) than the
//                      total. Also applied to the plan-year targets of the three sectors.
//   target_band      — a growth target (canonical *_growth) whose value or value_hi lies outside
//                      the plausible band [−20, 40] percent.
//   plan_above_fyp   — a plan-year growth target more than 5 points above the same region's
//                      five-year annual-average target for the same canonical indicator whose
//                      horizon covers the plan year (horizon − 4 ≤ year ≤ horizon).
//   livelihood_count — the 民生实事 list declares N items (declared_count) but N differs from the
//                      number of items extracted.
// Rows are ordered by report_id, then check. A clean corpus gives an empty table.
#pragma once

#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

Result<Table> check(const store::Reader& db);

}  // namespace gwr::analysis
