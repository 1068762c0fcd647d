// Targets against realised figures on invented report series (tests/analysis/fixtures/series):
// 江西省 2022–2025 (the 2023 report reviews five years) and 赣州市 2023–2025. Every target's
// outcome is asserted field by field, and the pairing test lists every realised figure taken, so a
// value from another indicator (工业 for 规上工业), measure (a 亿元 level for a growth) or scope (a
// county, a development zone, the nation) would show up as a difference.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "analysis/fixture_db.h"
#include "analysis/targets.h"

namespace gwr::analysis {
namespace {

using testing::cell;

store::Store series_store() {
  const auto dir = testing::temp_dir("realised_series");
  auto st = store::Store::open(dir / "corpus.db");
  EXPECT_TRUE(st.ok()) << st.error().describe();
  auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok());
  for (const char* f :
       {"jiangxi_2022.txt", "jiangxi_2023.txt", "jiangxi_2024.txt", "jiangxi_2025.txt",
        "ganzhou_2023.txt", "ganzhou_2024.txt", "ganzhou_2025.txt"}) {
    auto xs =
        pipeline::extract_file(testing::repo_dir() / "tests/analysis/fixtures/series" / f, **res);
    EXPECT_TRUE(xs.ok()) << f;
    if (!xs.ok()) continue;
    for (const auto& x : *xs) {
      auto a = st->add(x);
      EXPECT_TRUE(a.ok()) << a.error().describe();
    }
  }
  return std::move(st).value();
}

// "year indicator_id/modifier" → "value realised status gap outcome" for one region's plan-year
// targets.
std::map<std::string, std::string> outcomes(const store::Store& st, const std::string& region,
                                            double near = kDefaultNear) {
  TargetFilter f;
  f.region = region;
  f.kind = "plan_year";
  auto t = targets_realised(st.reader(), f, near);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().describe());
  std::map<std::string, std::string> out;
  if (!t.ok()) return out;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    std::string gap = cell(*t, r, "gap");
    if (!gap.empty()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", std::stod(gap));
      gap = buf;
    }
    out[cell(*t, r, "year") + " " + cell(*t, r, "indicator_id") + "/" + cell(*t, r, "modifier")] =
        cell(*t, r, "value") + " " + cell(*t, r, "realised") + " " +
        cell(*t, r, "realised_status") + " " + gap + " " + cell(*t, r, "outcome");
  }
  return out;
}

TEST(RealisedSeries, ProvinceEveryTargetOutcome) {
  auto st = series_store();
  const std::map<std::string, std::string> want = {
      // 2022 targets, judged by the 2023 (换届) report's paragraph on 2022; 预计 opens the
      // sentence and governs its list.
      {"2022 gdp/around", "7 4.7 estimate -2.3 missed"},
      {"2022 industrial_above_scale_value_added/point", "8 7.1 estimate -0.9 missed"},
      {"2022 public_budget_revenue/point", "6 5.9 estimate -0.1 missed"},
      {"2022 cpi/around", "3 1.8 estimate -1.2 met"},
      {"2022 urban_surveyed_unemployment/at_most", "5.5 5.3 actual -0.2 met"},
      {"2022 urban_new_jobs/at_least", "45 46.5 actual 1.5 met"},
      {"2022 resident_income/qualitative", "    unknown"},        // no statement in 2023
      {"2022 energy_intensity/qualitative", "  statement  met"},  // 完成…目标任务 in 2023
      // 2023 targets, judged by the 2024 report.
      {"2023 gdp/around", "6.5 6.4 estimate -0.1 near"},
      {"2023 industrial_above_scale_value_added/point", "7 7.3 actual 0.3 met"},
      {"2023 public_budget_revenue/point", "6 6.6 actual 0.6 met"},
      {"2023 cpi/around", "3 0.1 actual -2.9 met"},
      {"2023 urban_surveyed_unemployment/around", "5.5 5.6 actual 0.1 near"},
      {"2023 urban_new_jobs/point", "45 43 actual -2.0 missed"},
      // 2024 targets, judged by the 2025 report (工业投资 is not 规上工业).
      {"2024 gdp/around", "5 5.1 actual 0.1 met"},
      {"2024 industrial_above_scale_value_added/point", "6.5 6.2 actual -0.3 missed"},
      {"2024 urban_new_jobs/at_least", "40 41.2 actual 1.2 met"},
      {"2024 urban_surveyed_unemployment/around", "5.5 5.4 actual -0.1 met"},
      {"2024 cpi/around", "3 0.3 actual -2.7 met"},
      // 2025 targets: no later report in the corpus.
      {"2025 gdp/around", "5    unknown"},
      {"2025 urban_new_jobs/at_least", "40    unknown"},
  };
  EXPECT_EQ(outcomes(st, "江西省"), want);
}

TEST(RealisedSeries, CityEveryTargetOutcome) {
  auto st = series_store();
  const std::map<std::string, std::string> want = {
      // 2023: the absolute GDP target is the headline (the relative one, 高于全省1个百分点,
      // stays out of the panel); 于都县 and 经开区 figures are parts of the city, not the city.
      {"2023 gdp/around", "7.5 5.4 estimate -2.1 missed"},
      {"2023 industrial_above_scale_value_added/point", "8.5 8.7 estimate 0.2 met"},
      {"2023 retail_sales/point", "8 6.1 estimate -1.9 missed"},
      {"2023 fixed_asset_investment/point", "10 2.4 estimate -7.6 missed"},
      {"2023 urban_new_jobs/point", "5 5.3 estimate 0.3 met"},
      {"2023 resident_income/qualitative", "    unknown"},
      // 2024, judged by the 2025 report: 初步核算 opens the sentence, so its figures are all
      // estimates; 下降3.2% is a growth of −3.2.
      {"2024 gdp/around", "6 5.9 estimate -0.1 near"},
      {"2024 industrial_above_scale_value_added/point", "8 8.1 estimate 0.1 met"},
      {"2024 retail_sales/point", "7 5 estimate -2.0 missed"},
      {"2024 fixed_asset_investment/at_least", "6 -3.2 estimate -9.2 missed"},
      {"2024 urban_new_jobs/point", "5 5.1 estimate 0.1 met"},
      {"2025 gdp/around", "6    unknown"},
  };
  EXPECT_EQ(outcomes(st, "赣州市"), want);
}

// The near band is an option: 0 makes 6.4 against "around 6.5" a miss, 0.5 keeps 5.9 against
// "around 6" near.
TEST(RealisedSeries, NearBandIsAnOption) {
  auto st = series_store();
  EXPECT_EQ(outcomes(st, "江西省", 0.0).at("2023 gdp/around"), "6.5 6.4 estimate -0.1 missed");
  EXPECT_EQ(outcomes(st, "赣州市", 0.5).at("2024 gdp/around"), "6 5.9 estimate -0.1 near");
  EXPECT_EQ(outcomes(st, "赣州市", 0.5).at("2023 gdp/around"), "7.5 5.4 estimate -2.1 missed");
}

// Every pairing, with both spans: the realised figure's verbatim clause and report, and the
// target's and the figure's byte spans pointing into their own source files.
TEST(RealisedSeries, EveryPairingListsItsSourceClause) {
  auto st = series_store();
  TargetFilter f;
  f.kind = "plan_year";
  auto t = targets_realised(st.reader(), f);
  ASSERT_TRUE(t.ok());
  std::map<std::string, std::string> pairs;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    if (cell(*t, r, "realised_verbatim").empty()) continue;
    pairs[cell(*t, r, "region") + " " + cell(*t, r, "year") + " " + cell(*t, r, "indicator_id") +
          "/" + cell(*t, r, "modifier")] = cell(*t, r, "realised_verbatim");
    // Both spans slice their files to the cited text.
    EXPECT_LT(std::stoll(cell(*t, r, "start")), std::stoll(cell(*t, r, "end")));
    EXPECT_LT(std::stoll(cell(*t, r, "realised_start")), std::stoll(cell(*t, r, "realised_end")));
    EXPECT_NE(cell(*t, r, "realised_source"), cell(*t, r, "source"));
  }
  EXPECT_EQ(pairs.size(), 28u);
  EXPECT_EQ(pairs.at("江西省 2022 energy_intensity/qualitative"),
            "单位地区生产总值能耗下降完成国家下达的年度目标任务。");
  EXPECT_EQ(pairs.at("江西省 2022 industrial_above_scale_value_added/point"),
            "规模以上工业增加值增长7.1%");
  EXPECT_EQ(pairs.at("江西省 2022 cpi/around"), "全省居民消费价格上涨1.8%左右");
  EXPECT_EQ(pairs.at("江西省 2022 public_budget_revenue/point"), "一般公共预算收入增长5.9%左右");
  EXPECT_EQ(pairs.at("江西省 2024 industrial_above_scale_value_added/point"),
            "规模以上工业增加值增长6.2%");
  EXPECT_EQ(pairs.at("赣州市 2023 gdp/around"), "预计全市地区生产总值增长5.4%");
  EXPECT_EQ(pairs.at("赣州市 2023 industrial_above_scale_value_added/point"),
            "规模以上工业增加值增长8.7%");
  EXPECT_EQ(pairs.at("赣州市 2024 fixed_asset_investment/at_least"), "固定资产投资下降3.2%");
}

}  // namespace
}  // namespace gwr::analysis
