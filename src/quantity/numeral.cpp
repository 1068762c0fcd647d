// Grammar::parse_numeral: a numeral of either script alone (十二, 1.2万, 百分之五). The characters
// and their values come from the one numeral reader, text/numerals.h.
#include <cmath>
#include <string>

#include "common/utf8.h"
#include "quantity/quantity.h"
#include "text/numerals.h"

namespace gwr::quantity {

using text::cn_multiplier;
using text::parse_arabic;
using text::parse_chinese;

std::optional<double> Grammar::parse_numeral(std::string_view s) {
  s = utf8::trim(s);
  if (s.empty()) return std::nullopt;
  // Arabic digits with optional Chinese multipliers: 1.2万, 3.5亿.
  if (s.front() >= '0' && s.front() <= '9') {
    std::size_t n = 0;
    while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == ',' || s[n] == '.')) ++n;
    auto v = parse_arabic(s.substr(0, n));
    if (!v) return std::nullopt;
    double value = *v;
    std::size_t i = n;
    while (i < s.size()) {
      const double m = cn_multiplier(utf8::next(s, i));
      if (m < 100) return std::nullopt;  // only 百 千 万 亿 scale a written number
      value *= m;
    }
    return value;
  }
  const std::u32string u = utf8::to_u32(s);
  // 百分之五, 三分之一: "<denominator>分之<numerator>".
  if (const std::size_t k = u.find(U"分之"); k != std::u32string::npos) {
    auto den = parse_chinese(std::u32string_view(u).substr(0, k));
    auto num = parse_chinese(std::u32string_view(u).substr(k + 2));
    if (!den || !num || *den == 0) return std::nullopt;
    return *num / *den;
  }
  return parse_chinese(u);
}

}  // namespace gwr::quantity
