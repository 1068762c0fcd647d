// Tests of src/analysis/compare.cpp: reference resolution and the side-by-side rows.
#include "analysis/compare.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"

namespace gwr::analysis {
namespace {

using testing::cell;

TEST(Compare, ResolvesIdsAndRegionYearForms) {
  auto st = testing::fixture_store();
  auto ids = resolve_reports(st.reader(), {"3", "湖州市 2023", "嘉兴市:2023", "湖州市2022"});
  ASSERT_TRUE(ids.ok()) << ids.error().describe();
  EXPECT_EQ(*ids, (std::vector<std::int64_t>{3, 2, 4, 1}));
  auto bad = resolve_reports(st.reader(), {"杭州市 2023"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kUsage);
}

TEST(Compare, TargetsAttentionAndFactsSideBySide) {
  auto st = testing::fixture_store();
  auto th = Themes::load();
  ASSERT_TRUE(th.ok());
  auto t = compare(st.reader(), {2, 4}, *th);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  ASSERT_EQ(t->columns.size(), 4u);
  EXPECT_EQ(t->columns[2], "湖州市 2023 #2");
  std::map<std::string, std::string> got;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    got[cell(*t, r, "section") + "/" + cell(*t, r, "item")] =
        to_text(t->rows[r][2]) + " | " + to_text(t->rows[r][3]);
  }
  EXPECT_EQ(got["report/chars"], "470 | 551");
  EXPECT_EQ(got["target/gdp_growth"], "6.5% around | 6% around");
  EXPECT_EQ(got["target/trade_growth"], " | 45% point");
  EXPECT_EQ(got["attention/ecology"], "127.66 | 0");
  EXPECT_EQ(got["fact/gdp growth"], "6.2% | 11.8%");
  EXPECT_EQ(cell(*t, t->rows.size() - 1, "section"), "fact");
}

}  // namespace
}  // namespace gwr::analysis
