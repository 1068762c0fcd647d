// gwr/text/numerals.h — the one reader of Chinese and Arabic numerals, for every stage.
//
//   text::parse_chinese(U"一百二十三") == 123;   text::parse_chinese(U"二〇三五") == 2035;
//   text::parse_chinese(U"壹万壹仟壹佰壹拾壹") == 11111;
//   text::parse_counting(U"十四") == 14;          text::parse_counting(U"一四") == nullopt;
//   text::parse_arabic("1,234.5") == 1234.5;      text::to_chinese(14) == "十四";
//
// Character sets (one place, so "is a numeral" means the same in every stage):
//   digits       〇 ○ 零 → 0, 一 → 1, 二 两 → 2, 三 … 九 → 3 … 9, and the financial forms
//                壹 贰 叁 肆 伍 陆 柒 捌 玖 (the analysis text is simplified, so 貳 陸 … arrive as
//                贰 陆);
//   multipliers  十 拾 → 10, 百 佰 → 100, 千 仟 → 1000, 万 → 1e4, 亿 → 1e8.
// Financial digits are also ordinary words (队伍, 陆续, 收拾): a run made of one financial
// character alone is never read as a number.
// Pure functions, no state, safe for concurrent use. Malformed input (三四十, 1..2) gives nullopt
// instead of a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gwr::text {

// Digit value of a Chinese numeral character, -1 for anything else.
int cn_digit(char32_t c);
// 10, 100, 1000, 1e4 or 1e8 for a multiplier character, 0 for anything else.
double cn_multiplier(char32_t c);
inline bool is_cn_digit(char32_t c) { return cn_digit(c) >= 0; }
// A digit or any multiplier (the characters a Chinese number of any size is written with).
inline bool is_cn_numeral(char32_t c) { return cn_digit(c) >= 0 || cn_multiplier(c) > 0; }
// A digit, 十 or 百 (and 拾 佰): the characters of the small counting numbers used for
// enumerators, counts of items and sessions (below 1000).
inline bool is_small_numeral(char32_t c) {
  const double m = cn_multiplier(c);
  return cn_digit(c) >= 0 || m == 10 || m == 100;
}
// True for 壹 … 玖, 拾 佰 仟.
bool is_financial_numeral(char32_t c);

// Positional (一千零五, 两万三千, 十二) or digit-by-digit (二〇三五) Chinese numerals.
std::optional<double> parse_chinese(std::u32string_view s);
// A counting number: positional (十二, 一百零八, 两千), or a single digit. A run of digits without
// multipliers (一二, 二〇二三) is not a counting number.
std::optional<long long> parse_counting(std::u32string_view s);
// ASCII digits with optional thousands commas (groups of exactly three) and one decimal point.
std::optional<double> parse_arabic(std::string_view s);

// The ordinal of a five-year plan named by its numeral and 五 (九五 → 9, 十四五 → 14, 十五五 → 15),
// or nullopt. Only the name itself: `s` holds nothing else.
std::optional<int> five_year_plan_ordinal(std::u32string_view s);
// The last year of the n-th five-year plan (11 → 2010, 14 → 2025, 15 → 2030).
inline int five_year_plan_horizon(int ordinal) { return 1955 + 5 * ordinal; }

// 1..999 as a counting numeral (10 → 十, 14 → 十四, 105 → 一百零五); other values in Arabic digits.
std::string to_chinese(int v);

}  // namespace gwr::text
