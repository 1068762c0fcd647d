// gwr/common/utf8.h — small UTF-8 helpers shared by every stage.
//
//   size_t i = 0; char32_t c = gwr::utf8::next(s, i);   // decodes one code point, advances i
//
// All functions take byte offsets. Invalid sequences decode as U+FFFD and advance one byte, so
// loops always terminate. None of them allocate except encode/to_u32.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gwr::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[i] and advances i past it (by 1 byte on invalid input).
char32_t next(std::string_view s, std::size_t& i);
// Decodes the code point ending just before s[i] and moves i to its first byte.
char32_t prev(std::string_view s, std::size_t& i);
// Code point at byte offset i (U+FFFD when invalid or i >= size()).
char32_t at(std::string_view s, std::size_t i);
// Byte length of the code point starting at s[i] (1 for invalid bytes, 0 at the end).
std::size_t char_len(std::string_view s, std::size_t i);

void append(std::string& out, char32_t c);
std::string encode(char32_t c);
std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);

// Number of code points.
std::size_t length(std::string_view s);
// True when s is entirely valid UTF-8.
bool valid(std::string_view s);

// Character classes used across stages.
bool is_han(char32_t c);  // CJK unified ideographs (incl. ext A) and 〇
bool is_ascii_digit(char32_t c);
bool is_space(char32_t c);  // ASCII white space, NBSP, U+3000 and other Unicode spaces

// Trims is_space characters at both ends.
std::string_view trim(std::string_view s);

}  // namespace gwr::utf8
