// The heading vocabularies load from data/ and classify typical heading wordings.
#include "sections/lexicon.h"

#include <gtest/gtest.h>

#include <string>

#include "support/resources.h"

namespace gwr::sections {
namespace {

TEST(Lexicon, EmbeddedFilesLoadWithoutErrors) {
  const Lexicon& lx = testing::resources().sections;
  EXPECT_FALSE(lx.types.empty());
  EXPECT_FALSE(lx.openers.empty());
  EXPECT_FALSE(lx.heading_ends.empty());
}

struct ClassCase {
  const char* heading;
  const char* type;  // section_type_name, or "reject" / "none"
};

class LexiconClassify : public ::testing::TestWithParam<ClassCase> {};

TEST_P(LexiconClassify, GivesTheType) {
  const auto rule = testing::resources().sections.classify(GetParam().heading);
  std::string got = "none";
  if (rule) got = rule->role == Role::kReject ? "reject" : section_type_name(rule->type);
  EXPECT_EQ(got, GetParam().type) << GetParam().heading;
}

INSTANTIATE_TEST_SUITE_P(Cases, LexiconClassify,
                         ::testing::Values(ClassCase{"2023年工作回顾", "review"},
                                           ClassCase{"过去五年工作回顾", "five_year_review"},
                                           ClassCase{"“十三五”时期工作回顾", "five_year_review"},
                                           ClassCase{"“十四五”时期主要目标任务", "fyp_goals"},
                                           ClassCase{"二〇二四年工作安排", "plan_tasks"},
                                           ClassCase{"今后五年及2024年重点工作", "plan_tasks"},
                                           ClassCase{"加强政府自身建设", "self_building"},
                                           ClassCase{"名词解释", "glossary"},
                                           ClassCase{"2024年十件民生实事", "livelihood"},
                                           ClassCase{"2024年政府工作报告", "reject"},
                                           ClassCase{"过去一年的主要工作", "review"},
                                           ClassCase{"2024年经济社会发展主要预期目标",
                                                     "plan_tasks"},
                                           ClassCase{"一年来的体会", "none"}));

TEST(Lexicon, PlaceholdersMatchYearsAndNumerals) {
  std::size_t end = 0;
  const Pattern year = compile("<Y>年是");
  EXPECT_TRUE(match_at("2024年是关键一年", 0, year, end));
  EXPECT_EQ(end, std::string("2024年是").size());
  EXPECT_TRUE(match_at("二〇二四年是", 0, year, end));
  EXPECT_FALSE(match_at("12024年是", 0, year, end));
  EXPECT_FALSE(match_at("今年是", 0, year, end));
  EXPECT_TRUE(contains("“十五五”时期,", compile("“十<H>五”时期,")));
  EXPECT_TRUE(contains("“十五五”时期，", compile("“十<H>五”时期,")));  // full-width comma
}

}  // namespace
}  // namespace gwr::sections
