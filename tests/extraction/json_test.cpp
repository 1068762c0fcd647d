// Tests of the JSON object of a report (src/extraction/json.cpp): the fields of docs/schema.md,
// and that each object shows the values of the row the store writes for it.
#include "extraction/json.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "extraction/rows.h"
#include "pipeline/pipeline.h"
#include "support/resources.h"

namespace gwr::extraction {
namespace {

using nlohmann::json;

// An invented report with a five-year passage (十四五, so horizon 2025) and a plan-year passage.
const char* const kReport =
    "政府工作报告\n——2021年1月9日在青溪市第八届人民代表大会第三次会议上\n市长 周某某\n"
    "各位代表:\n一、“十四五”时期的奋斗方向\n"
    "“十四五”时期青溪的主要目标是:全市生产总值年均增长6.2%,研发经费投入强度达到2.6%。\n"
    "二、2021年工作安排\n今年青溪的预期目标为:一般公共预算收入增长4%,本市生产总值增长6.8%左右。\n";

Extraction report() {
  auto r = pipeline::extract_bytes(kReport, "qingxi.txt", testing::resources());
  EXPECT_TRUE(r.ok());
  if (!r.ok() || r->size() != 1) return {};
  return std::move(r->front());
}

std::set<std::string> keys(const json& o) {
  std::set<std::string> out;
  for (const auto& [k, v] : o.items()) out.insert(k);
  return out;
}

TEST(Json, ReportObjectHasTheFieldsOfTheSchema) {
  const Extraction x = report();
  const json j = to_json(x);
  const std::set<std::string> want = {"source",
                                      "index_in_file",
                                      "format",
                                      "encoding",
                                      "traditional",
                                      "region",
                                      "region_code",
                                      "level",
                                      "region_source",
                                      "province",
                                      "parent",
                                      "delivered",
                                      "session",
                                      "speaker",
                                      "speaker_title",
                                      "acting",
                                      "review_year",
                                      "plan_year",
                                      "published",
                                      "page_meta",
                                      "body_start",
                                      "body_end",
                                      "body_starts_with",
                                      "body_ends_with",
                                      "sections",
                                      "top_sections",
                                      "paragraph_count",
                                      "partial",
                                      "targets_sentence",
                                      "targets_span",
                                      "targets",
                                      "gdp_target",
                                      "fyp_targets",
                                      "fyp_horizon",
                                      "facts",
                                      "livelihood",
                                      "glossary",
                                      "slogans",
                                      "warnings"};
  EXPECT_EQ(keys(j), want);
  std::set<std::string> with_text = want;
  with_text.insert("text");
  EXPECT_EQ(keys(to_json(x, true)), with_text);
}

TEST(Json, TargetAndFactObjectsHaveTheFieldsOfTheSchema) {
  const json j = to_json(report());
  const std::set<std::string> target = {"indicator",     "indicator_id",
                                        "canonical",     "value",
                                        "value_hi",      "unit",
                                        "modifier",      "basis",
                                        "aspiration",    "verbatim",
                                        "start",         "end",
                                        "reference",     "relative_modifier",
                                        "stretch_value", "base_year"};
  ASSERT_FALSE(j["targets"].empty());
  for (const json& t : j["targets"]) EXPECT_EQ(keys(t), target) << "plan-year targets: no horizon";
  std::set<std::string> fyp = target;
  fyp.insert("horizon");
  ASSERT_FALSE(j["fyp_targets"].empty());
  for (const json& t : j["fyp_targets"]) EXPECT_EQ(keys(t), fyp);
  const std::set<std::string> fact = {
      "indicator",  "indicator_id", "measure", "value", "value_hi",     "unit",
      "comparator", "status",       "period",  "year",  "scope",        "headline",
      "linked",     "verbatim",     "start",   "end",   "clause_start", "clause_end"};
  ASSERT_FALSE(j["facts"].empty());
  for (const json& f : j["facts"]) EXPECT_EQ(keys(f), fact);
}

// docs/schema.md and the gold: every five-year target carries its horizon. A target the clause
// grammar left without one is for the horizon of its passage, as the store has always written it
// (targets.horizon and targets.year); the JSON left the field out.
TEST(Json, FiveYearTargetWithoutItsOwnHorizonCarriesThePassageHorizon) {
  Extraction x = report();
  ASSERT_EQ(x.targets.fyp_horizon, std::optional<int>(2025));
  ASSERT_EQ(x.targets.fyp_targets.size(), 2u);
  x.targets.fyp_targets[1].horizon.reset();
  const json j = to_json(x);
  EXPECT_EQ(j["fyp_targets"][0]["horizon"], 2025);
  ASSERT_TRUE(j["fyp_targets"][1].contains("horizon"));
  EXPECT_EQ(j["fyp_targets"][1]["horizon"], 2025);
  const std::vector<TargetRow> rows = target_rows(x);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].horizon, std::optional<std::int64_t>(2025));
}

// With no horizon anywhere (no passage horizon either) the field is left out, as for plan-year
// targets, and the row holds NULL.
TEST(Json, FiveYearTargetWithNoHorizonAtAllLeavesTheFieldOut) {
  Extraction x = report();
  x.targets.fyp_horizon.reset();
  for (auto& t : x.targets.fyp_targets) t.horizon.reset();
  const json j = to_json(x);
  for (const json& t : j["fyp_targets"]) EXPECT_FALSE(t.contains("horizon"));
  EXPECT_TRUE(j["fyp_horizon"].is_null());
  for (const TargetRow& r : target_rows(x)) EXPECT_FALSE(r.horizon.has_value());
}

}  // namespace
}  // namespace gwr::extraction
