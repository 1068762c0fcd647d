// Golden test of the whole extractor against shared/gold/seeds.json (14 real reports read from
// ../shared/corpus at run time), plus the scorer's own behaviour on a gold file written here.
#include "eval/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "support/paths.h"

namespace gwr {
namespace {

const pipeline::Resources& resources() {
  static const auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().describe());
  return **res;
}

TEST(EvalGold, SharedGoldIsMatchedFieldByField) {
  const auto gold = testing::shared_dir() / "gold" / "seeds.json";
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << "no ../shared/gold";
  auto r = eval::evaluate(gold, testing::shared_dir() / "corpus", resources());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  std::cout << eval::format(*r, true);
  ASSERT_EQ(r->records.size(), 14u);
  for (const auto& s : r->records) {
    SCOPED_TRACE(s.source_file + "#" + std::to_string(s.index_in_file) + " " + s.region);
    EXPECT_TRUE(s.found);
    EXPECT_EQ(s.meta_ok, s.meta_total) << ::testing::PrintToString(s.meta_misses);
    EXPECT_TRUE(s.body_start_ok);
    EXPECT_TRUE(s.body_end_ok);
    EXPECT_TRUE(s.sections_ok);
    EXPECT_EQ(s.targets.fp + s.targets.fn, 0) << ::testing::PrintToString(s.target_misses);
    EXPECT_EQ(s.fyp.fp + s.fyp.fn, 0) << ::testing::PrintToString(s.target_misses);
    EXPECT_EQ(s.livelihood_found, s.livelihood_total);
    EXPECT_TRUE(s.declared_ok);
  }
  EXPECT_EQ(r->meta_ok, r->meta_total);
  EXPECT_GT(r->meta_total, 100);
  EXPECT_GT(r->targets.tp, 100);
  EXPECT_DOUBLE_EQ(r->targets.f1(), 1.0);
  EXPECT_DOUBLE_EQ(r->fyp.f1(), 1.0);
  EXPECT_GT(r->livelihood_total, 50);
}

TEST(EvalScorer, CountsMissesAndExtrasAgainstAWrittenGoldFile) {
  // A gold file about the repository's own example, with one wrong target and one wrong field.
  const auto dir = testing::temp_dir("eval");
  std::filesystem::copy_file(testing::repo_dir() / "examples" / "clean_prefecture_report.txt",
                             dir / "r.txt");
  testing::write_file(dir / "gold.json", R"([{
    "source_file": "r.txt", "index_in_file": 0, "region": "绍兴市", "level": "prefecture",
    "plan_year": 2030,
    "targets": [
      {"canonical": "gdp_growth", "value": 6.0, "value_hi": null, "modifier": "around"},
      {"canonical": "cpi", "value": 9.0, "value_hi": null, "modifier": "around"}
    ],
    "fyp_targets": [], "livelihood": null
  }])");
  auto r = eval::evaluate(dir / "gold.json", dir, resources());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->records.size(), 1u);
  const auto& s = r->records[0];
  EXPECT_EQ(s.meta_total, 3);
  EXPECT_EQ(s.meta_ok, 2);  // plan_year is wrong on purpose
  EXPECT_EQ(s.targets.tp, 1);
  EXPECT_EQ(s.targets.fn, 1);
  EXPECT_GT(s.targets.fp, 0);
  const std::string table = eval::format(*r);
  EXPECT_NE(table.rfind("targets: P="), std::string::npos);
  EXPECT_EQ(table.substr(table.rfind('\n', table.size() - 2) + 1, 10), "targets: P");
}

TEST(EvalScorer, MalformedGoldIsAnInvalidDataError) {
  const auto dir = testing::temp_dir("eval_bad");
  testing::write_file(dir / "gold.json", "{not json");
  auto r = eval::evaluate(dir / "gold.json", dir, resources());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidData);
  EXPECT_NE(r.error().describe().find("gold.json"), std::string::npos);
}

}  // namespace
}  // namespace gwr
