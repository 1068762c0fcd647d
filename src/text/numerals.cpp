#include "text/numerals.h"

namespace gwr::text {

int cn_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
      return 2;
    case U'三':
    case U'叁':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

double cn_multiplier(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

bool is_financial_numeral(char32_t c) {
  // vocab-ok: numeral grammar (the financial digits are the syntax of numerals, not vocabulary)
  return std::u32string_view(U"壹贰叁肆伍陆柒捌玖拾佰仟").find(c) != std::u32string_view::npos;
}

namespace {
bool lone_financial(std::u32string_view s) { return s.size() == 1 && is_financial_numeral(s[0]); }
}  // namespace

std::optional<double> parse_chinese(std::u32string_view s) {
  if (s.empty() || lone_financial(s)) return std::nullopt;
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

std::optional<long long> parse_counting(std::u32string_view s) {
  if (s.empty() || lone_financial(s)) return std::nullopt;
  bool positional = false;
  for (char32_t c : s) positional = positional || cn_multiplier(c) > 0;
  if (!positional && s.size() > 1) return std::nullopt;  // 一二, 二〇二三: digit runs
  const auto v = parse_chinese(s);
  if (!v || *v > 9e15) return std::nullopt;
  return static_cast<long long>(*v);
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

std::optional<int> five_year_plan_ordinal(std::u32string_view s) {
  if (s.size() < 2 || s.size() > 3 || s.back() != U'五') return std::nullopt;
  const auto n = parse_counting(s.substr(0, s.size() - 1));
  if (!n || *n < 1 || *n > 19 || is_financial_numeral(s[0])) return std::nullopt;
  if (s.size() == 3 && s[0] != U'十') return std::nullopt;  // 二十五 is a number, not a plan
  return static_cast<int>(*n);
}

std::string to_chinese(int v) {
  // vocab-ok: numeral grammar (the digit table of to_chinese, not vocabulary)
  static constexpr std::string_view kDigit[] = {"〇", "一", "二", "三", "四",
                                                "五", "六", "七", "八", "九"};
  if (v <= 0 || v >= 1000) return std::to_string(v);
  std::string s;
  const int h = v / 100, t = v / 10 % 10, u = v % 10;
  if (h > 0) s += std::string(kDigit[h]) + "百";
  if (t > 0) {
    if (!(h == 0 && t == 1)) s += kDigit[t];
    s += "十";
  } else if (h > 0 && u > 0) {
    s += "零";
  }
  if (u > 0) s += kDigit[u];
  return s;
}

}  // namespace gwr::text
