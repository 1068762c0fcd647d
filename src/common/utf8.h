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

// The out-of-line decoder for everything but ASCII and well-formed 3-byte sequences.
char32_t next_slow(std::string_view s, std::size_t& i);

// Decodes the code point starting at s[i] and advances i past it (by 1 byte on invalid input).
// Inline for the two cases that make up nearly all report text (ASCII and BMP Han, 3 bytes).
inline char32_t next(std::string_view s, std::size_t& i) {
  if (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      return b0;
    }
    if ((b0 & 0xF0) == 0xE0 && i + 3 <= s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
        // Overlong forms and surrogates take the slow path, which rejects them.
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
          i += 3;
          return cp;
        }
      }
    }
  }
  return next_slow(s, i);
}
// Decodes the code point ending just before s[i] and moves i to its first byte.
char32_t prev(std::string_view s, std::size_t& i);
// Code point at byte offset i (U+FFFD when invalid or i >= size()).
inline char32_t at(std::string_view s, std::size_t i) { return next(s, i); }
// Byte length of the code point starting at s[i] (1 for invalid bytes, 0 at the end).
inline std::size_t char_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  std::size_t j = i;
  next(s, j);
  return j - i;
}

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
inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
// ASCII white space, NBSP, U+3000 and other Unicode spaces
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

// Trims is_space characters at both ends.
std::string_view trim(std::string_view s);

}  // namespace gwr::utf8
