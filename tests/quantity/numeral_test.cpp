// Grammar::parse_numeral (src/quantity/numeral.cpp): numerals alone, both scripts.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "quantity/quantity.h"
#include "text/numerals.h"

namespace gwr::quantity {
namespace {

struct NumeralCase {
  const char* input;
  std::optional<double> expected;
};

TEST(ParseNumeral, ChineseArabicAndFractionForms) {
  const std::vector<NumeralCase> cases = {
      {"十", 10},
      {"十二", 12},
      {"二十", 20},
      {"一百二十三", 123},
      {"一千", 1000},
      {"一千零五", 1005},
      {"两万", 20000},
      {"两万三千", 23000},
      {"十万", 100000},
      {"三亿五千万", 350000000},
      {"一万亿", 1e12},
      {"百", 100},
      {"二〇三五", 2035},
      {"二○二一", 2021},
      {"五", 5},
      {"零", 0},
      {"1.5", 1.5},
      {"1,234", 1234},
      {"1.2万", 12000},
      {"3.5亿", 3.5e8},
      {"12", 12},
      {"百分之五", 0.05},
      {"三分之二", 2.0 / 3},
      {"  7  ", 7},
  };
  for (const NumeralCase& c : cases) {
    const auto v = Grammar::parse_numeral(c.input);
    ASSERT_TRUE(v.has_value()) << c.input;
    EXPECT_NEAR(*v, *c.expected, 1e-9 * std::max(1.0, *c.expected)) << c.input;
  }
}

TEST(ParseNumeral, ThirdIsOneThird) {
  EXPECT_NEAR(Grammar::parse_numeral("三分之一").value_or(0), 1.0 / 3, 1e-12);
  EXPECT_NEAR(Grammar::parse_numeral("五分之一").value_or(0), 0.2, 1e-12);
}

TEST(ParseNumeral, RejectsWhatIsNotANumeral) {
  for (const char* s :
       {"", "abc", "三四十", "十百", "1..2", "1,23", "1.", "一x", "零分之一", "5个", "1.2元"}) {
    EXPECT_FALSE(Grammar::parse_numeral(s).has_value()) << s;
  }
}

}  // namespace
}  // namespace gwr::quantity
