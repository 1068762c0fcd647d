// Tests of src/analysis/terms.cpp: ICU segmentation with stop words, rankings and trends.
#include "analysis/terms.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"
#include "store/fixtures.h"

namespace gwr::analysis {
namespace {

using testing::cell;

TEST(Segmenter, KeepsHanWordsOfTwoOrMoreCharactersNotStopped) {
  auto seg = Segmenter::with_stop_words({"我们"});
  ASSERT_TRUE(seg.ok());
  auto w = seg->words("我们建设湿地公园3个,发展5G。");
  ASSERT_TRUE(w.ok());
  for (const auto& x : *w) {
    EXPECT_NE(x, "我们");
    EXPECT_NE(x, "3");
    EXPECT_NE(x, "个");
  }
  EXPECT_NE(std::find(w->begin(), w->end(), "湿地"), w->end());
  EXPECT_NE(std::find(w->begin(), w->end(), "发展"), w->end());
}

TEST(TopTerms, Huzhou2023RanksTiesByUtf8Order) {
  auto st = testing::fixture_store();
  auto seg = Segmenter::load();
  ASSERT_TRUE(seg.ok());
  auto t = top_terms(st.reader(), *seg, TermsBy::kReport, 4, {2});
  ASSERT_TRUE(t.ok()) << t.error().describe();
  ASSERT_EQ(t->rows.size(), 4u);
  // 新增, 新建, 湖州 and 生态 each occur three times in huzhou_2023.txt (470 characters).
  std::vector<std::string> got;
  for (std::size_t r = 0; r < 4; ++r) got.push_back(cell(*t, r, "term") + cell(*t, r, "count"));
  EXPECT_EQ(got, (std::vector<std::string>{"新增3", "新建3", "湖州3", "生态3"}));
  EXPECT_EQ(cell(*t, 0, "per_10k"), "63.829787");
}

TEST(TermTrends, DigitalRisesInHuzhou) {
  auto st = testing::fixture_store();
  auto seg = Segmenter::load();
  ASSERT_TRUE(seg.ok());
  auto t = term_trends(st.reader(), *seg, TermsBy::kRegion, 50);
  ASSERT_TRUE(t.ok());
  bool found = false;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    if (cell(*t, r, "group") == "湖州市" && cell(*t, r, "term") == "数字") {
      found = true;
      // 0 in 2022; 2 of 470 characters in 2023 = 42.553191 per 10k.
      EXPECT_EQ(cell(*t, r, "first_per_10k"), "0");
      EXPECT_EQ(cell(*t, r, "last_per_10k"), "42.553191");
      EXPECT_EQ(cell(*t, r, "direction"), "rise");
    }
  }
  EXPECT_TRUE(found);
}

TEST(TermTrends, AYearIsComparedWithTheYearBeforeIt) {
  // Three years of one invented city: 航运 is absent in 2022, frequent in 2023 and rarer in 2024;
  // 养老 only appears in 2024.
  const auto dir = testing::temp_dir("terms_by_year");
  auto st = store::Store::open(dir / "c.db");
  ASSERT_TRUE(st.ok()) << st.error().describe();
  const std::vector<std::pair<int, std::string>> texts = {
      {2022, "推进工业转型,建设产业园区。"},
      {2023, "发展航运经济,航运枢纽建设提速,航运服务业壮大。"},
      {2024, "航运保持平稳,养老产业起步,养老社区试点,养老人才培养。"}};
  for (const auto& [year, plan] : texts) {
    for (const auto& x : testing::extract(
             testing::report_text("衢州市", year, {"过去一年稳中有进。"}, {plan}), "t.txt"))
      ASSERT_TRUE(st->add(x).ok());
  }
  auto seg = Segmenter::load();
  ASSERT_TRUE(seg.ok());
  auto find = [](const Table& t, const std::string& term) -> std::optional<std::size_t> {
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      if (cell(t, r, "term") == term) return r;
    return std::nullopt;
  };
  // Default: the earliest (2022) against the latest (2024).
  auto all = term_trends(st->reader(), *seg, TermsBy::kYear, 50);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  ASSERT_FALSE(all->rows.empty());
  EXPECT_EQ(cell(*all, 0, "first_year"), "2022");
  EXPECT_EQ(cell(*all, 0, "last_year"), "2024");
  // 2024 against 2023: 航运 falls, 养老 rises.
  auto y2024 = term_trends(st->reader(), *seg, TermsBy::kYear, 50, 2024);
  ASSERT_TRUE(y2024.ok());
  const auto shipping = find(*y2024, "航运");
  const auto care = find(*y2024, "养老");
  ASSERT_TRUE(shipping && care);
  EXPECT_EQ(cell(*y2024, *shipping, "first_year"), "2023");
  EXPECT_EQ(cell(*y2024, *shipping, "direction"), "fall");
  EXPECT_EQ(cell(*y2024, *care, "direction"), "rise");
  // 2023 against 2022: 航运 rises; 养老 is not yet seen.
  auto y2023 = term_trends(st->reader(), *seg, TermsBy::kYear, 50, 2023);
  ASSERT_TRUE(y2023.ok());
  const auto rise = find(*y2023, "航运");
  ASSERT_TRUE(rise);
  EXPECT_EQ(cell(*y2023, *rise, "direction"), "rise");
  EXPECT_EQ(cell(*y2023, *rise, "last_year"), "2023");
  EXPECT_FALSE(find(*y2023, "养老"));
  // The first year has no year before it; a year not in the corpus has no row.
  EXPECT_TRUE(term_trends(st->reader(), *seg, TermsBy::kYear, 50, 2022)->rows.empty());
  EXPECT_TRUE(term_trends(st->reader(), *seg, TermsBy::kYear, 50, 2030)->rows.empty());
}

}  // namespace
}  // namespace gwr::analysis
