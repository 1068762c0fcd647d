// Tests of the rows of an extraction (src/extraction/rows.cpp): what rows_of takes from an
// extraction, the JSON round trip that `gwr ingest --from-jsonl` relies on, and the errors of
// rows_from_json.
#include "extraction/rows.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "common/json.h"
#include "pipeline/pipeline.h"
#include "store/fixtures.h"
#include "support/paths.h"

namespace gwr::extraction {
namespace {

using nlohmann::json;
using testing::extract;
using testing::report_text;

std::vector<Extraction> report() {
  // Full-width digits in one paragraph (folded in the analysis text), so text_simplified is set
  // there and NULL elsewhere.
  return extract(report_text("湖州市", 2024,
                             {"过去一年,全市经济稳中向好,地区生产总值增长６.５%。",
                              "教育事业加快发展,新建学校10所,新增就业1.2万人。"},
                             {"今年经济社会发展的预期目标为:本市生产总值增长6%左右;"
                              "城镇调查失业率控制在5.5%以内。",
                              "办好“两个先行”大事,推进教育现代化。"}),
                 "reports/huzhou.txt");
}

TEST(Rows, RowsOfAnExtractionHoldWhatTheStoreWrites) {
  const auto xs = report();
  ASSERT_EQ(xs.size(), 1u);
  const ReportRows r = rows_of(xs[0]);
  EXPECT_EQ(r.report.source, "reports/huzhou.txt");
  EXPECT_EQ(r.report.region, std::optional<std::string>("湖州市"));
  EXPECT_EQ(r.report.plan_year, std::optional<std::int64_t>(2024));
  EXPECT_EQ(r.report.body_text, xs[0].doc.original_of(xs[0].doc.body));
  ASSERT_EQ(r.paragraphs.size(), xs[0].doc.paragraphs.size());
  for (std::size_t i = 0; i < r.paragraphs.size(); ++i) EXPECT_EQ(r.paragraphs[i].ord, i);
  EXPECT_FALSE(r.targets.empty());
  EXPECT_FALSE(r.quantities.empty());
  bool simplified = false;
  for (const auto& p : r.paragraphs) {
    if (p.text_simplified) {
      simplified = true;
      EXPECT_NE(*p.text_simplified, p.text);
      EXPECT_EQ(p.analysis_text(), *p.text_simplified);
    } else {
      EXPECT_EQ(p.analysis_text(), p.text);
    }
  }
  EXPECT_TRUE(simplified) << "the full-width paragraph keeps its folded analysis text";
}

TEST(Rows, JsonRoundTripGivesTheSameRows) {
  for (const auto& x : report()) {
    const ReportRows r = rows_of(x);
    // Through text, as a result line travels.
    const std::string line = dump_json(rows_json(r));
    auto back = rows_from_json(json::parse(line));
    ASSERT_TRUE(back.ok()) << back.error().describe();
    EXPECT_TRUE(*back == r);
  }
}

TEST(Rows, EmptyStringAndNullStayApart) {
  ReportRows r;
  r.facts.push_back(FactRow{});  // unit "" (stored as ''), comparator nullopt (stored as NULL)
  const json j = rows_json(r);
  EXPECT_EQ(j["facts"][0][6], "");
  EXPECT_TRUE(j["facts"][0][7].is_null());
  auto back = rows_from_json(j);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->facts[0].unit, "");
  EXPECT_FALSE(back->facts[0].comparator.has_value());
}

TEST(Rows, NonFiniteNumbersRoundTripAsStrings) {
  ReportRows r;
  QuantityRow q;
  q.value = std::numeric_limits<double>::infinity();
  q.base_value = -std::numeric_limits<double>::infinity();
  q.value_hi = std::numeric_limits<double>::quiet_NaN();
  r.quantities.push_back(q);
  const json j = rows_json(r);
  EXPECT_EQ(j["quantities"][0][0], "inf");
  EXPECT_EQ(j["quantities"][0][3], "-inf");
  EXPECT_EQ(j["quantities"][0][1], "nan");
  auto back = rows_from_json(json::parse(j.dump()));
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_TRUE(std::isinf(back->quantities[0].value));
  EXPECT_TRUE(std::isnan(*back->quantities[0].value_hi));
}

TEST(Rows, ErrorsNameTableRowAndColumn) {
  const json good = rows_json(rows_of(report().at(0)));
  struct Case {
    std::function<void(json&)> damage;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](json& j) { j.erase("report"); }, "rows.report is missing"},
      {[](json& j) { j.erase("slogans"); }, "rows.slogans is missing"},
      {[](json& j) { j["targets"] = 3; }, "rows.targets must be an array"},
      {[](json& j) { j["targets"][1][6] = "six"; },
       "rows.targets[1]: column value must be a number"},
      {[](json& j) { j["paragraphs"][0].erase(0); },
       "rows.paragraphs[0]: expected an array of 7 columns"},
      {[](json& j) { j["report"][0] = nullptr; }, "rows.report: column source must be a string"},
      {[](json& j) { j["report"][4] = 1; },
       "rows.report: column traditional must be true or false"},
      {[](json& j) { j["sections"][0][0] = 1.5; },
       "rows.sections[0]: column ord must be an integer"},
      {[](json& j) {
         j["warnings"] = json::array({json::array({"c", "m", -1.0})});
       },
       "rows.warnings[0]: column raw_offset must be an integer"},
  };
  for (const auto& c : cases) {
    json j = good;
    c.damage(j);
    auto r = rows_from_json(j);
    ASSERT_FALSE(r.ok()) << c.message;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidData);
    EXPECT_EQ(r.error().message, c.message);
  }
  EXPECT_FALSE(rows_from_json(json::array()).ok());
}

}  // namespace
}  // namespace gwr::extraction
