// gwr/analysis/compare.h — reports side by side.
//
//   auto ids = analysis::resolve_reports(db, {"42", "庆阳市 2023", "平凉市:2023"});
//   auto t = analysis::compare(db, *ids, *themes);
//   // columns: section, item, then one column per report named "<region> <plan_year> #<id>"
//
// A reference is a report id (digits only) or a region name with a plan year, written
// "<region> <year>", "<region>:<year>" or "<region><year>". A reference that matches no report is
// kUsage naming it; one that matches several (two stored versions) takes the canonical one
// (canonical_reports in data/store_views.sql: the first complete version by report_id).
//
// Rows, in this order, by section:
//   report    — region, level, province, plan_year, delivered, speaker, chars (code points);
//   target    — every canonical plan-year target class (not `other`) any compared report states,
//               as "<value>[–<value_hi>]<unit> <modifier>" ("6% around", or "qualitative");
//   attention — per_10k of every theme (see attention.h), two decimals;
//   fact      — every "<indicator_id> <measure>" with a report-scope actual/estimate fact for
//               the report's review year; the first such fact in the report, "<value><unit>".
// Empty cells mean the report says nothing on that row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/attention.h"
#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

Result<std::vector<std::int64_t>> resolve_reports(const store::Reader& db,
                                                  const std::vector<std::string>& refs);
Result<Table> compare(const store::Reader& db, const std::vector<std::int64_t>& ids,
                      const Themes& themes);

}  // namespace gwr::analysis
