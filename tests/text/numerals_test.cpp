// text/numerals.h: the one numeral reader every stage uses.
#include "text/numerals.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace gwr::text {
namespace {

TEST(Numerals, DigitAndMultiplierTables) {
  EXPECT_EQ(cn_digit(U'两'), 2);
  EXPECT_EQ(cn_digit(U'〇'), 0);
  EXPECT_EQ(cn_digit(U'○'), 0);
  EXPECT_EQ(cn_digit(U'十'), -1);
  EXPECT_EQ(cn_digit(U'贰'), 2);
  EXPECT_EQ(cn_digit(U'玖'), 9);
  EXPECT_EQ(cn_multiplier(U'亿'), 1e8);
  EXPECT_EQ(cn_multiplier(U'拾'), 10);
  EXPECT_EQ(cn_multiplier(U'仟'), 1000);
  EXPECT_TRUE(is_cn_numeral(U'万'));
  EXPECT_FALSE(is_cn_numeral(U'个'));
  EXPECT_TRUE(is_small_numeral(U'百'));
  EXPECT_TRUE(is_small_numeral(U'佰'));
  EXPECT_FALSE(is_small_numeral(U'千'));
  EXPECT_FALSE(is_small_numeral(U'万'));
}

struct Case {
  std::u32string input;
  std::optional<double> expected;
};

TEST(Numerals, ParseChineseBothStylesAndFinancialForms) {
  const std::vector<Case> cases = {
      {U"十", 10},
      {U"一百零八", 108},
      {U"两万三千", 23000},
      {U"三亿五千万", 3.5e8},
      {U"二〇三五", 2035},
      {U"二○二一", 2021},
      {U"壹万壹仟壹佰壹拾壹", 11111},
      {U"壹佰零壹", 101},
      {U"叁拾", 30},
      {U"贰〇贰肆", 2024},
      {U"伍", std::nullopt},  // 队伍: a lone financial character is a word, not a number
      {U"陆", std::nullopt},
      {U"三四十", std::nullopt},
      {U"十百", std::nullopt},
      {U"", std::nullopt},
      {U"五个", std::nullopt},
  };
  for (const Case& c : cases) {
    const auto v = parse_chinese(c.input);
    EXPECT_EQ(v.has_value(), c.expected.has_value()) << "case of " << c.input.size() << " chars";
    if (v && c.expected) {
      EXPECT_DOUBLE_EQ(*v, *c.expected);
    }
  }
}

TEST(Numerals, CountingNumbersRejectDigitRuns) {
  EXPECT_EQ(parse_counting(U"一"), 1);
  EXPECT_EQ(parse_counting(U"十"), 10);
  EXPECT_EQ(parse_counting(U"十一"), 11);
  EXPECT_EQ(parse_counting(U"二十三"), 23);
  EXPECT_EQ(parse_counting(U"一百零八"), 108);
  EXPECT_EQ(parse_counting(U"拾贰"), 12);
  EXPECT_EQ(parse_counting(U"〇"), 0);
  EXPECT_FALSE(parse_counting(U"一二").has_value());
  EXPECT_FALSE(parse_counting(U"二〇二三").has_value());
  EXPECT_FALSE(parse_counting(U"捌").has_value());
}

TEST(Numerals, FiveYearPlanNames) {
  EXPECT_EQ(five_year_plan_ordinal(U"十四五"), 14);
  EXPECT_EQ(five_year_plan_ordinal(U"十五五"), 15);
  EXPECT_EQ(five_year_plan_ordinal(U"十一五"), 11);
  EXPECT_EQ(five_year_plan_ordinal(U"九五"), 9);
  EXPECT_FALSE(five_year_plan_ordinal(U"二十五").has_value());
  EXPECT_FALSE(five_year_plan_ordinal(U"十四").has_value());
  EXPECT_FALSE(five_year_plan_ordinal(U"十四五年").has_value());
  EXPECT_EQ(five_year_plan_horizon(11), 2010);
  EXPECT_EQ(five_year_plan_horizon(13), 2020);
  EXPECT_EQ(five_year_plan_horizon(14), 2025);
  EXPECT_EQ(five_year_plan_horizon(15), 2030);
}

TEST(Numerals, ParseArabic) {
  EXPECT_EQ(parse_arabic("1,234.5"), 1234.5);
  EXPECT_EQ(parse_arabic("12"), 12);
  EXPECT_FALSE(parse_arabic("1,23").has_value());
  EXPECT_FALSE(parse_arabic("1.").has_value());
  EXPECT_FALSE(parse_arabic("").has_value());
}

TEST(Numerals, ToChinese) {
  EXPECT_EQ(to_chinese(5), "五");
  EXPECT_EQ(to_chinese(10), "十");
  EXPECT_EQ(to_chinese(14), "十四");
  EXPECT_EQ(to_chinese(20), "二十");
  EXPECT_EQ(to_chinese(105), "一百零五");
  EXPECT_EQ(to_chinese(110), "一百一十");
  EXPECT_EQ(to_chinese(1000), "1000");
  for (int v = 1; v < 1000; ++v) {
    const std::string s = to_chinese(v);
    std::u32string u;
    for (std::size_t i = 0; i < s.size(); i += 3) {  // every character is three bytes here
      const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
      u.push_back(
          static_cast<char32_t>(((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F)));
    }
    EXPECT_EQ(parse_counting(u), v) << s;  // the reader reads back what the writer writes
  }
}

}  // namespace
}  // namespace gwr::text
