// Tests of src/analysis/terms.cpp: ICU segmentation with stop words, rankings and trends.
#include "analysis/terms.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"

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

}  // namespace
}  // namespace gwr::analysis
