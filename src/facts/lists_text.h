// gwr/facts/lists_text.h — INTERNAL to the facts stage: the text helpers shared by lists.cpp
// (numerals, list enumerators, clause bounds). Not part of the public surface; include
// facts/lists.h instead.
//
//   auto e = lists_detail::enumerator_at(text, pos);   // (3) → {kParenArabic, 3, 3 bytes}
//
// All positions are byte offsets into the string passed in; the functions are pure and safe
// for concurrent use, and never read outside the string.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace gwr::facts::lists_detail {

// Bounds on how far a list may stretch, in bytes of analysis text (about 3 bytes a character).
constexpr std::size_t kMaxItemBytes = 3000;
constexpr std::size_t kMaxClauseBytes = 120;
constexpr std::size_t kMaxLeadBytes = 150;

bool starts_with_at(std::string_view s, std::size_t i, std::string_view w);

// A numeral (Arabic or Chinese) at byte i: its value and byte length.
struct Numeral {
  int value = -1;
  std::size_t len = 0;
  bool chinese = false;
};
Numeral numeral_at(std::string_view s, std::size_t i);

enum class EnumStyle {
  kParenArabic,
  kParenChinese,
  kDotArabic,
  kShiChinese,
  kDunChinese,
  kCircled
};

struct Enumerator {
  EnumStyle style = EnumStyle::kDotArabic;
  int number = 0;
  std::size_t len = 0;  // bytes
};

// The enumerator starting at byte i: (1) （一） 1. 1、 一是 一、 ①.
std::optional<Enumerator> enumerator_at(std::string_view s, std::size_t i);
// True when an enumerator may start at i: at `floor`, after white space or after clause
// punctuation. Keeps `2.` inside `12.5` and `一是` inside `唯一是` from matching.
bool enum_boundary(std::string_view s, std::size_t i, std::size_t floor);
// The first enumerator with `style` and `number` at or after `from`, before `limit`.
std::optional<std::size_t> find_enumerator(std::string_view s, std::size_t from, std::size_t limit,
                                           EnumStyle style, int number);

bool is_trailing_punct(char32_t c);
// Shrinks [b, e) past white space at both ends and trailing clause punctuation (。;,:、).
Span tidy(std::string_view s, std::size_t b, std::size_t e);
bool is_clause_end(char32_t c);
// Start / end of the clause holding byte i, looking at most kMaxClauseBytes away.
std::size_t clause_start(std::string_view s, std::size_t i, std::size_t floor);
std::size_t clause_end(std::string_view s, std::size_t i, std::size_t ceil);
bool contains_any(std::string_view hay, const std::vector<std::string>& words);

}  // namespace gwr::facts::lists_detail
