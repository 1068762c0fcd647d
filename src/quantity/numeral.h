// gwr/quantity/numeral.h — numeral characters and their values. Used by the number grammar and
// by the facts stage's list parser (one digit table for the whole pipeline).
//
//   parse_chinese(U"一百二十三") == 123;  parse_chinese(U"二〇三五") == 2035;
//   parse_arabic("1,234.5") == 1234.5;
//
// Pure functions, no state, safe for concurrent use. They return nullopt for malformed input
// (三四十, 1..2) instead of guessing.
#pragma once

#include <optional>
#include <string_view>

namespace gwr::quantity {

// 〇 ○ 零 一 二 两 三 … 九 → 0..9; -1 for anything else.
int cn_digit(char32_t c);
// 十 百 千 万 亿 → 10 … 1e8; 0 for anything else.
double cn_multiplier(char32_t c);
inline bool is_cn_numeral(char32_t c) { return cn_digit(c) >= 0 || cn_multiplier(c) > 0; }

// Positional (一千零五, 两万三千, 十二) or digit-by-digit (二〇三五) Chinese numerals.
std::optional<double> parse_chinese(std::u32string_view s);
// ASCII digits with optional thousands commas (groups of exactly three) and one decimal point.
std::optional<double> parse_arabic(std::string_view s);

}  // namespace gwr::quantity
