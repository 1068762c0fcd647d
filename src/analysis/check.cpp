#include "analysis/check.h"

#include <algorithm>
#include <utility>

#include "store/query.h"

namespace gwr::analysis {

namespace {

// Sector growth facts and the GDP growth of the same report and year, side by side. A sector
// row counts when its indicator_id is one of the three; the GDP value is the first by ord.
constexpr const char* kSectorFacts = R"(
WITH g AS (
  SELECT f.report_id, f.year, f.indicator_id, f.value,
         ROW_NUMBER() OVER (PARTITION BY f.report_id, f.year, f.indicator_id ORDER BY f.ord) AS rn
  FROM facts f
  WHERE f.measure = 'growth' AND f.status IN ('actual', 'estimate') AND f.period = 'review_year'
    AND f.scope = 'report' AND f.year IS NOT NULL
    AND f.indicator_id IN ('gdp', 'primary_industry', 'secondary_industry', 'tertiary_industry'))
SELECT r.report_id, r.region, r.plan_year, 'sector_vs_gdp',
       'review ' || g0.year || ': GDP ' || g0.value || '%, sectors ' || a.value || '/' || b.value ||
       '/' || c.value || '% all ' || CASE WHEN a.value > g0.value THEN 'above' ELSE 'below' END
FROM g g0
JOIN g a ON a.report_id = g0.report_id AND a.year = g0.year AND a.indicator_id = 'primary_industry' AND a.rn = 1
JOIN g b ON b.report_id = g0.report_id AND b.year = g0.year AND b.indicator_id = 'secondary_industry' AND b.rn = 1
JOIN g c ON c.report_id = g0.report_id AND c.year = g0.year AND c.indicator_id = 'tertiary_industry' AND c.rn = 1
JOIN reports r ON r.report_id = g0.report_id
WHERE g0.indicator_id = 'gdp' AND g0.rn = 1
  AND ((a.value > g0.value AND b.value > g0.value AND c.value > g0.value)
    OR (a.value < g0.value AND b.value < g0.value AND c.value < g0.value))

UNION ALL
SELECT r.report_id, r.region, r.plan_year, 'sector_vs_gdp',
       'plan ' || g0.year || ': GDP ' || g0.value || '%, sectors ' || a.value || '/' || b.value ||
       '/' || c.value || '% all ' || CASE WHEN a.value > g0.value THEN 'above' ELSE 'below' END
FROM targets g0
JOIN targets a ON a.report_id = g0.report_id AND a.kind = 'plan_year' AND a.canonical = 'primary_industry_growth'
JOIN targets b ON b.report_id = g0.report_id AND b.kind = 'plan_year' AND b.canonical = 'secondary_industry_growth'
JOIN targets c ON c.report_id = g0.report_id AND c.kind = 'plan_year' AND c.canonical = 'tertiary_industry_growth'
JOIN reports r ON r.report_id = g0.report_id
WHERE g0.kind = 'plan_year' AND g0.canonical = 'gdp_growth' AND g0.value IS NOT NULL
  AND a.value IS NOT NULL AND b.value IS NOT NULL AND c.value IS NOT NULL
  AND ((a.value > g0.value AND b.value > g0.value AND c.value > g0.value)
    OR (a.value < g0.value AND b.value < g0.value AND c.value < g0.value)))";

constexpr const char* kBand = R"(
SELECT r.report_id, r.region, r.plan_year, 'target_band',
       t.kind || ' ' || t.canonical || ' ' || t.value ||
       COALESCE('–' || t.value_hi, '') || COALESCE(t.unit, '') || ' outside [-20, 40]: ' || t.verbatim
FROM targets t JOIN reports r ON r.report_id = t.report_id
WHERE t.canonical LIKE '%\_growth' ESCAPE '\' AND t.value IS NOT NULL
  AND (t.value < ?1 OR t.value > ?2 OR t.value_hi < ?1 OR t.value_hi > ?2))";

constexpr const char* kPlanAboveFyp = R"(
SELECT r.report_id, r.region, r.plan_year, 'plan_above_fyp',
       t.canonical || ' ' || t.year || ' target ' || t.value || ' vs five-year average ' ||
       MIN(f.value) || ' (horizon ' || f.year || ')'
FROM targets t JOIN reports r ON r.report_id = t.report_id
JOIN reports r2 ON r2.region = r.region
JOIN targets f ON f.report_id = r2.report_id AND f.kind = 'five_year' AND f.basis = 'annual_average'
  AND f.canonical = t.canonical AND f.value IS NOT NULL AND f.year - 4 <= t.year AND t.year <= f.year
WHERE t.kind = 'plan_year' AND t.value IS NOT NULL AND t.canonical LIKE '%\_growth' ESCAPE '\'
  AND t.value > f.value + ?1
GROUP BY t.target_id)";

constexpr const char* kLivelihood = R"(
SELECT r.report_id, r.region, r.plan_year, 'livelihood_count',
       'declared ' || MAX(l.declared_count) || ' items, extracted ' || COUNT(*)
FROM livelihood_items l JOIN reports r ON r.report_id = l.report_id
GROUP BY l.report_id
HAVING MAX(l.declared_count) IS NOT NULL AND MAX(l.declared_count) <> COUNT(*))";

}  // namespace

Result<Table> check(const store::Reader& db) {
  Table out;
  out.name = "check";
  out.columns = {"report_id", "region", "plan_year", "check", "detail"};
  const std::pair<const char*, std::vector<Cell>> queries[] = {
      {kSectorFacts, {}},
      {kBand, {Cell{-20.0}, Cell{40.0}}},
      {kPlanAboveFyp, {Cell{5.0}}},
      {kLivelihood, {}},
  };
  for (const auto& [text, ps] : queries) {
    auto q = store::query(db, text, ps, "check");
    if (!q) return q.error();
    for (auto& r : q->rows) out.rows.push_back(std::move(r));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const auto& a, const auto& b) {
    const auto ka = std::make_pair(std::get<std::int64_t>(a[0]), to_text(a[3]));
    const auto kb = std::make_pair(std::get<std::int64_t>(b[0]), to_text(b[3]));
    return ka < kb;
  });
  return out;
}

}  // namespace gwr::analysis
