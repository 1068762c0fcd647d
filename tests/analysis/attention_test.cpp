// Tests of src/analysis/attention.cpp: dictionary matching and per-10k indices on the fixtures.
#include "analysis/attention.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"

namespace gwr::analysis {
namespace {

using testing::cell;

TEST(Themes, LongestMatchCountsOnceWithinATheme) {
  auto th = Themes::from({{"eco", {"生态", "生态文明", "绿色"}}, {"other", {"文明"}}});
  ASSERT_TRUE(th.ok());
  // 生态文明 once (not also 生态), 生态 once, 绿色 once; the other theme counts 文明 on its own.
  EXPECT_EQ(th->count("建设生态文明,保护生态,发展绿色产业"), (std::vector<std::size_t>{3, 1}));
}

TEST(Themes, RejectsSingleCharacterTerms) {
  EXPECT_FALSE(Themes::from({{"bad", {"绿"}}}).ok());
  EXPECT_FALSE(Themes::from({{"empty", {}}}).ok());
}

TEST(Themes, LoadsTheSevenShippedDictionaries) {
  auto th = Themes::load();
  ASSERT_TRUE(th.ok()) << th.error().describe();
  std::vector<std::string> names;
  for (const auto& t : th->themes()) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"digital", "ecology", "innovation", "livelihood",
                                             "opening", "risk", "rural"}));
}

TEST(Attention, EcologyPer10kForHuzhou2023) {
  auto st = testing::fixture_store();
  auto th = Themes::load();
  ASSERT_TRUE(th.ok());
  auto t = attention(st.reader(), *th, AttentionBy::kReport, {2});
  ASSERT_TRUE(t.ok()) << t.error().describe();
  ASSERT_EQ(t->rows.size(), 7u);
  // Counted by hand in huzhou_2023.txt: 生态环境, 生态文明, 生态(修复), 湿地, 绿色, 低碳 = 6 hits;
  // its 17 non-blank lines hold 470 characters. 6 × 10000 / 470 = 127.659574…
  EXPECT_EQ(cell(*t, 1, "theme"), "ecology");
  EXPECT_EQ(cell(*t, 1, "hits"), "6");
  EXPECT_EQ(cell(*t, 1, "chars"), "470");
  EXPECT_EQ(cell(*t, 1, "per_10k"), "127.659574");
  // digital: 数字经济, 5G, 基站.
  EXPECT_EQ(cell(*t, 0, "hits"), "3");
}

TEST(Attention, BySectionSplitsTheDenominator) {
  auto st = testing::fixture_store();
  auto th = Themes::from({{"eco", {"生态"}}});
  ASSERT_TRUE(th.ok());
  auto t = attention(st.reader(), *th, AttentionBy::kSection, {2});
  ASSERT_TRUE(t.ok());
  std::map<std::string, std::string> got;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    got[cell(*t, r, "section_type")] = cell(*t, r, "hits") + "/" + cell(*t, r, "chars");
  }
  // review lines: 11 + 95 + 34 + 31 characters, 2 hits; plan_tasks: 11+66+16+35+29, 1 hit.
  EXPECT_EQ(got["review"], "2/171");
  EXPECT_EQ(got["plan_tasks"], "1/157");
  EXPECT_EQ(got["none"], "0/71");
  EXPECT_EQ(got["self_building"], "0/71");
}

}  // namespace
}  // namespace gwr::analysis
