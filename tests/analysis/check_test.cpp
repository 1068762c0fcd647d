// Tests of src/analysis/check.cpp: each check fires exactly where the fixtures plant a problem.
#include "analysis/check.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"

namespace gwr::analysis {
namespace {

using testing::cell;

TEST(Check, FlagsThePlantedInconsistencies) {
  auto st = testing::fixture_store();
  auto t = check(st.reader());
  ASSERT_TRUE(t.ok()) << t.error().describe();
  std::vector<std::string> got;
  for (std::size_t r = 0; r < t->rows.size(); ++r) {
    got.push_back(cell(*t, r, "report_id") + " " + cell(*t, r, "check"));
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "1 sector_vs_gdp",     // 2021: 10.2, 11, 9.8 all above GDP 9.5
                     "3 plan_above_fyp",    // 2022 target 11.5 > 十四五 average 6 + 5
                     "4 livelihood_count",  // 十件民生实事 with nine items
                     "4 target_band",       // 进出口总额增长45%
                 }));
  EXPECT_EQ(cell(*t, 0, "detail"), "review 2021: GDP 9.5%, sectors 10.2/11.0/9.8% all above");
  EXPECT_EQ(cell(*t, 2, "detail"), "declared 10 items, extracted 9");
}

}  // namespace
}  // namespace gwr::analysis
