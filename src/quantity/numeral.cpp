#include "quantity/numeral.h"

#include <cmath>
#include <string>

#include "common/utf8.h"
#include "quantity/quantity.h"

namespace gwr::quantity {

int cn_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

double cn_multiplier(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

std::optional<double> parse_chinese(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  bool positional = false;
  for (char32_t c : s) {
    if (cn_digit(c) < 0 && cn_multiplier(c) == 0) return std::nullopt;
    if (cn_multiplier(c) > 0) positional = true;
  }
  if (!positional) {  // 二〇三五, 五
    double v = 0;
    for (char32_t c : s) v = v * 10 + cn_digit(c);
    return v;
  }
  // Positional: `digit` waits for its multiplier; `section` is the part below 万/亿 boundaries.
  double total = 0, section = 0;
  int digit = -1;           // pending digit, -1 when none
  double last_small = 1e9;  // last 十/百/千 inside the section, must decrease
  for (char32_t c : s) {
    const int d = cn_digit(c);
    if (d >= 0) {
      if (digit > 0) return std::nullopt;  // 三四十: two digits without a multiplier
      digit = d;
      continue;
    }
    const double m = cn_multiplier(c);
    if (m < 1e4) {
      if (m >= last_small) return std::nullopt;  // 三十百
      section += (digit < 0 ? 1 : digit) * m;
      if (digit == 0) return std::nullopt;  // 零十
      last_small = m;
    } else if (m == 1e4) {
      section = (section + (digit < 0 ? 0 : digit)) * 1e4;
      if (section == 0) section = 1e4;  // 万 alone
      last_small = 1e9;
    } else {  // 亿
      double part = section + (digit < 0 ? 0 : digit);
      if (part == 0 && total == 0) part = 1;
      total = (total + part) * 1e8;
      section = 0;
      last_small = 1e9;
    }
    digit = -1;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

std::optional<double> parse_arabic(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  double v = 0;
  std::size_t i = 0;
  std::size_t group = 0;  // digits since the last comma
  bool comma = false;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',')) {
    if (s[i] == ',') {
      if ((comma && group != 3) || group == 0) return std::nullopt;
      comma = true;
      group = 0;
    } else {
      v = v * 10 + (s[i] - '0');
      ++group;
    }
    ++i;
  }
  if (comma && group != 3) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    ++i;
    double scale = 0.1;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      v += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return v;
}

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
