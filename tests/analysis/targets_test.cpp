// Tests of src/analysis/targets.cpp on the fixture corpus (fixture_db.h); expected values are
// read off the invented reports by hand.
#include "analysis/targets.h"

#include <gtest/gtest.h>

#include <map>

#include "analysis/fixture_db.h"
#include "store/query.h"

namespace gwr::analysis {
namespace {

using testing::cell;

std::string row_key(const Table& t, std::size_t r) {
  return cell(t, r, "region") + " " + cell(t, r, "year") + " " + cell(t, r, "canonical") + " " +
         cell(t, r, "value") + " " + cell(t, r, "modifier");
}

TEST(TargetsPanel, GdpGrowthRowsPerRegionAndYear) {
  auto st = testing::fixture_store();
  TargetFilter f;
  f.indicator = "gdp_growth";
  f.kind = "plan_year";
  auto t = targets_panel(st.reader(), f);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(row_key(*t, 0), "嘉兴市 2022 gdp_growth 11.5 around");
  EXPECT_EQ(row_key(*t, 1), "嘉兴市 2023 gdp_growth 6 around");
  EXPECT_EQ(row_key(*t, 2), "湖州市 2022 gdp_growth 7 around");
  EXPECT_EQ(row_key(*t, 3), "湖州市 2023 gdp_growth 6.5 around");
  EXPECT_EQ(cell(*t, 2, "report_id"), "1");
  EXPECT_EQ(cell(*t, 2, "unit"), "%");
}

TEST(TargetsPanel, FiltersByYearAndKind) {
  auto st = testing::fixture_store();
  TargetFilter f;
  f.year = 2025;
  auto t = targets_panel(st.reader(), f);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(row_key(*t, 0), "嘉兴市 2025 gdp_growth 6 point");
  EXPECT_EQ(cell(*t, 0, "basis"), "annual_average");
  f = {};
  f.province = "湖州市";
  f.year = 2022;
  EXPECT_EQ(targets_panel(st.reader(), f)->rows.size(), 5u);
}

TEST(TargetsRealised, PairsPlanYearTargetsWithNextReview) {
  auto st = testing::fixture_store();
  TargetFilter f;
  f.year = 2022;
  f.kind = "plan_year";
  auto t = targets_realised(st.reader(), f);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  std::map<std::string, std::string> got;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    got[cell(*t, r, "region") + " " + cell(*t, r, "canonical")] =
        cell(*t, r, "realised") + " " + cell(*t, r, "gap") + " " + cell(*t, r, "outcome");
  }
  const std::map<std::string, std::string> want = {
      {"湖州市 gdp_growth", "6.2 -0.8 missed"},                    // around 7: needs ≥ 6.5
      {"湖州市 public_budget_revenue_growth", "6.8 0.8 met"},      // at least 6
      {"湖州市 fixed_asset_investment_growth", "9 -1 missed"},     // point 10
      {"湖州市 urban_new_jobs", "5.3 0.3 met"},                    // 5万人 at least, same unit
      {"湖州市 cpi", "2.4 -0.6 met"},                              // ceiling, around 3
      {"嘉兴市 gdp_growth", "11.8 0.3 met"},                       // around 11.5
      {"嘉兴市 public_budget_revenue_growth", "6.2 -0.8 missed"},  // at least 7
      {"嘉兴市 urban_new_jobs", "6.4 0.4 met"},
  };
  EXPECT_EQ(got, want);
  EXPECT_EQ(cell(*t, 0, "realised_report_id"), "4");
}

TEST(TargetsRealised, TargetsWithoutLaterReportAreUnknown) {
  auto st = testing::fixture_store();
  TargetFilter f;
  f.year = 2023;
  auto t = targets_realised(st.reader(), f);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 6u);
  for (std::size_t r = 0; r < t->rows.size(); ++r) EXPECT_EQ(cell(*t, r, "outcome"), "unknown");
}

TEST(TargetOutcome, RuleTable) {
  struct Case {
    const char* canonical;
    const char* modifier;
    std::optional<double> value, hi, realised;
    const char* want;
  };
  const Case cases[] = {
      {"gdp_growth", "around", 6, {}, 6, "met"},
      {"gdp_growth", "around", 6, {}, 5.8, "near"},  // within the default 0.2 band
      {"gdp_growth", "around", 6, {}, 5.79, "missed"},
      {"gdp_growth", "around", 6, {}, 5.5, "missed"},  // half a point under "around 6%"
      {"gdp_growth", "around", 6, {}, 9, "met"},       // overshoot counts as met
      {"gdp_growth", "point", 6, {}, 5.9, "missed"},   // no band without 左右
      {"gdp_growth", "at_least", 6, {}, 6, "met"},
      {"gdp_growth", "range", 6, 7, 6.2, "met"},
      {"gdp_growth", "range", 6, 7, 5.9, "missed"},
      {"gdp_growth", "qualitative", {}, {}, 6, "unknown"},
      {"gdp_growth", "relative", 1, {}, 6, "unknown"},
      {"gdp_growth", "at_least", 6, {}, {}, "unknown"},
      {"cpi", "around", 3, {}, 2, "met"},
      {"cpi", "around", 3, {}, 3.2, "near"},
      {"cpi", "around", 3, {}, 3.3, "missed"},
      {"urban_surveyed_unemployment", "at_most", 5.5, {}, 5.2, "met"},
      {"urban_surveyed_unemployment", "at_most", 5.5, {}, 5.6, "missed"},
      {"energy_intensity", "point", 3, {}, 3.2, "met"},  // a reduction: at least the target
      {"energy_intensity", "point", 3, {}, 2.5, "missed"},
      {"energy_intensity", "at_most", 3, {}, 3.2, "missed"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(target_outcome(c.canonical, c.modifier, c.value, c.hi, c.realised), c.want)
        << c.canonical << " " << c.modifier;
  }
  // The band is an option.
  EXPECT_EQ(target_outcome("gdp_growth", "around", 6, {}, 5.6, 0.5), "near");
  EXPECT_EQ(target_outcome("gdp_growth", "around", 6, {}, 5.8, 0.0), "missed");
}

// A county report with relative, stretch and five-year doubling targets, stored and read back:
// the panel takes the absolute target as the headline, the wide panel leaves a relative-only
// indicator empty, and the columns carry reference, stretch_value and base_year.
TEST(TargetsPanel, AbsoluteTargetIsTheHeadlineAndRelativeColumnsAreStored) {
  const auto dir = testing::temp_dir("relative_panel");
  auto st = store::Store::open(dir / "corpus.db");
  ASSERT_TRUE(st.ok()) << st.error().describe();
  auto res = pipeline::Resources::load();
  ASSERT_TRUE(res.ok());
  const std::string text =
      "青溪县2026年政府工作报告\n——2026年1月8日在青溪县第十九届人民代表大会第三次会议上\n"
      "县长 "
      "林某\n各位代表:\n一、“十五五”时期的主要目标\n到2030年,全县地区生产总值比2025年翻一番。\n"
      "二、2026年工作安排\n今年主要预期目标是:全县生产总值增长高于全市1个百分点、6.5%左右,"
      "一般公共预算收入增长高于全市平均水平,固定资产投资增长8%,力争10%。\n";
  auto xs = pipeline::extract_bytes(text, "qingxi_2026.txt", **res);
  ASSERT_TRUE(xs.ok());
  ASSERT_EQ(xs->size(), 1u);
  ASSERT_TRUE(st->add(xs->front()).ok());

  TargetFilter f;
  f.kind = "plan_year";
  auto t = targets_panel(st->reader(), f);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  std::map<std::string, std::string> got;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    got[cell(*t, r, "canonical")] = cell(*t, r, "value") + " " + cell(*t, r, "modifier") + " " +
                                    cell(*t, r, "reference") + " " + cell(*t, r, "stretch_value");
  }
  EXPECT_EQ(got["gdp_growth"], "6.5 around  ");
  EXPECT_EQ(got["public_budget_revenue_growth"], " relative prefecture ");
  EXPECT_EQ(got["fixed_asset_investment_growth"], "8 point  10");

  auto w = wide_panel(st->reader(), {});
  ASSERT_TRUE(w.ok());
  ASSERT_EQ(w->rows.size(), 1u);
  EXPECT_EQ(cell(*w, 0, "gdp_growth"), "6.5");
  EXPECT_EQ(cell(*w, 0, "public_budget_revenue_growth"), "");

  f.kind = "five_year";
  auto fy = targets_panel(st->reader(), f);
  ASSERT_TRUE(fy.ok());
  ASSERT_EQ(fy->rows.size(), 1u);
  EXPECT_EQ(cell(*fy, 0, "value") + cell(*fy, 0, "unit") + " " + cell(*fy, 0, "base_year"),
            "2倍 2025");
  EXPECT_EQ(cell(*fy, 0, "year"), "2030");

  // The relative GDP target is stored too, with its offset and the offset's modifier.
  auto rel = store::query(st->reader(),
                          "SELECT value, unit, reference, relative_modifier FROM targets "
                          "WHERE modifier = 'relative' AND canonical = 'gdp_growth'",
                          {}, "relative");
  ASSERT_TRUE(rel.ok());
  ASSERT_EQ(rel->rows.size(), 1u);
  EXPECT_EQ(cell(*rel, 0, "value") + cell(*rel, 0, "unit") + " " + cell(*rel, 0, "reference") +
                " " + cell(*rel, 0, "relative_modifier"),
            "1个百分点 prefecture point");
  auto src = store::query(st->reader(), "SELECT region, region_source FROM reports", {}, "reports");
  ASSERT_TRUE(src.ok());
  EXPECT_EQ(cell(*src, 0, "region") + " " + cell(*src, 0, "region_source"), "青溪县 session");
}

TEST(WidePanel, OneRowPerRegionYearOneColumnPerCanonical) {
  auto st = testing::fixture_store();
  auto t = wide_panel(st.reader(), {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->columns, (std::vector<std::string>{
                            "region", "region_code", "level", "province", "year", "report_id",
                            "cpi", "fixed_asset_investment_growth", "gdp_growth",
                            "public_budget_revenue_growth", "trade_growth", "urban_new_jobs"}));
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(cell(*t, 3, "region") + cell(*t, 3, "year"), "湖州市2023");
  EXPECT_EQ(cell(*t, 2, "cpi"), "3");
  EXPECT_EQ(cell(*t, 3, "cpi"), "");
  EXPECT_EQ(cell(*t, 1, "trade_growth"), "45");
}

}  // namespace
}  // namespace gwr::analysis
