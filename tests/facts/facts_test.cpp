// Indicator facts on reports written for this test (not from the corpus).
#include "facts/facts.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/pipeline.h"

namespace gwr {
namespace {

const pipeline::Resources& resources() {
  static const auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok());
  return **res;
}

extraction::Extraction run(const std::string& body) {
  const std::string text =
      "政府工作报告\n——2024年1月10日在嘉兴市第九届人民代表大会第四次会议上\n市长 "
      "钱某某\n各位代表:\n" +
      body + "\n各位代表!让我们携手奋进,再创佳绩!\n";
  auto r = pipeline::extract_bytes(text, "facts.txt", resources());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1u);
  return std::move(r->front());
}

std::string dump(const facts::Fact& f) {
  std::ostringstream o;
  o << f.indicator_id << " " << (f.growth ? "growth " : "level ") << f.value << f.unit << " "
    << facts::status_name(f.status) << " " << facts::period_name(f.period);
  return o.str();
}

TEST(Facts, ReviewFiguresAreActualAndLevelGrowthPairsAreLinked) {
  auto x =
      run("一、2023年工作回顾\n全年实现地区生产总值7300亿元,增长6.1%;社会消费品零售总额2900亿元,"
          "预计增长8%。\n"
          "二、2024年工作安排\n今年全市经济社会发展的预期目标为:本市生产总值增长5.5%左右,"
          "新增城镇就业6万人。\n"
          "新增城镇就业岗位2万个,力争新引进高新技术企业300家。\n");
  std::vector<std::string> got;
  for (const auto& f : x.facts) got.push_back(dump(f));
  const std::vector<std::string> want = {
      "gdp level 7300亿元 actual review_year",
      "gdp growth 6.1% actual review_year",
      "retail_sales level 2900亿元 actual review_year",
      "retail_sales growth 8% estimate review_year",
      "gdp growth 5.5% target plan_year",
      "urban_new_jobs level 6万人 target plan_year",
      "urban_new_jobs level 2万个 target plan_year",
      "high_tech_firms level 300家 aspiration plan_year",
  };
  EXPECT_EQ(got, want);
  ASSERT_GE(x.facts.size(), 2u);
  EXPECT_EQ(x.facts[0].linked, std::optional<std::size_t>(1));
  EXPECT_EQ(x.facts[1].linked, std::optional<std::size_t>(0));
  ASSERT_GE(x.facts.size(), 7u);
  EXPECT_TRUE(x.facts[4].headline);
  EXPECT_FALSE(x.facts[6].headline);  // a secondary target in the task section
}

TEST(Facts, RespectivelyListsBindEachNumberToItsSubject) {
  auto x =
      run("一、2023年工作回顾\n城乡居民人均可支配收入分别增长5.2%、7.4%,"
          "存款余额和贷款余额分别增长9%、11%。\n");
  std::vector<std::string> got;
  for (const auto& f : x.facts)
    got.push_back(f.indicator_id + " " + std::to_string(static_cast<int>(f.value * 10)));
  EXPECT_EQ(got, (std::vector<std::string>{"urban_income 52", "rural_income 74", "deposit 90",
                                           "loan 110"}));
}

TEST(Facts, NumbersWithoutAnIndicatorGiveNoFact) {
  auto x = run(
      "一、2023年工作回顾\n新建改建农村公路120公里,举办招聘会45场,拨打12345热线的诉求全部办结。\n");
  EXPECT_TRUE(x.facts.empty()) << dump(x.facts.front());
}

TEST(Facts, ScopeFlagsProvinceAndSubAreaFigures) {
  auto x = run("一、2023年工作回顾\n经济开发区实现地区生产总值420亿元;全省固定资产投资增长4%。\n");
  ASSERT_EQ(x.facts.size(), 2u);
  EXPECT_EQ(x.facts[0].scope, "sub_area");
  EXPECT_EQ(x.facts[1].scope, "province");
}

}  // namespace
}  // namespace gwr
