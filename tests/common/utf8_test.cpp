#include "common/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gwr::utf8 {
namespace {

struct NextCase {
  const char* name;
  std::string bytes;
  std::vector<char32_t> want;  // code points decoded by repeated next()
};

TEST(Utf8, NextDecodesValidAndReplacesInvalidOneByteAtATime) {
  const std::vector<NextCase> cases = {
      {"ascii", "ab", {'a', 'b'}},
      {"two byte", "\xC2\xA0", {0xA0}},
      {"han", "\xE6\x94\xBF\xE5\xBA\x9C", {U'政', U'府'}},
      {"four byte", "\xF0\xA0\x80\x80", {0x20000}},
      {"lone continuation",
       "\x80"
       "a",
       {kReplacement, 'a'}},
      {"truncated at end", "\xE6\x94", {kReplacement, kReplacement}},
      {"overlong slash", "\xC0\xAF", {kReplacement, kReplacement}},
      {"surrogate", "\xED\xA0\x80", {kReplacement, kReplacement, kReplacement}},
      {"beyond U+10FFFF",
       "\xF4\x90\x80\x80",
       {kReplacement, kReplacement, kReplacement, kReplacement}},
      {"literal U+FFFD", "\xEF\xBF\xBD", {kReplacement}},
  };
  for (const auto& c : cases) {
    std::vector<char32_t> got;
    for (std::size_t i = 0; i < c.bytes.size();) got.push_back(next(c.bytes, i));
    EXPECT_EQ(got, c.want) << c.name;
  }
}

TEST(Utf8, PrevWalksBackOverWholeCharacters) {
  const std::string s =
      "a\xE6\x94\xBF"
      "b";
  std::size_t i = s.size();
  EXPECT_EQ(prev(s, i), U'b');
  EXPECT_EQ(i, 4u);
  EXPECT_EQ(prev(s, i), U'政');
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(prev(s, i), U'a');
  EXPECT_EQ(i, 0u);
  EXPECT_EQ(prev(s, i), kReplacement);
}

struct ValidCase {
  const char* name;
  std::string bytes;
  bool valid;
  std::size_t length;
};

TEST(Utf8, ValidAndLength) {
  const std::vector<ValidCase> cases = {
      {"empty", "", true, 0},
      {"mixed", "GDP增长5%", true, 7},
      {"literal replacement is valid", "\xEF\xBF\xBD", true, 1},
      {"bad tail", "\xE4\xB8", false, 2},
      {"gbk bytes", "\xD6\xD0\xCE\xC4", false, 4},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(valid(c.bytes), c.valid) << c.name;
    EXPECT_EQ(length(c.bytes), c.length) << c.name;
  }
}

TEST(Utf8, EncodeAndDecodeRoundTrip) {
  const std::u32string cps = {U'a', 0xA0, U'〇', U'报', 0x2A6D6, 0x10FFFF};
  const std::string s = from_u32(cps);
  EXPECT_EQ(to_u32(s), cps);
  EXPECT_EQ(encode(U'〇'), "\xE3\x80\x87");
  EXPECT_EQ(char_len(s, 0), 1u);
  EXPECT_EQ(char_len(s, 1), 2u);
  EXPECT_EQ(char_len(s, s.size()), 0u);
}

struct ClassCase {
  char32_t c;
  bool han, digit, space;
};

TEST(Utf8, CharacterClasses) {
  const std::vector<ClassCase> cases = {
      {U'政', true, false, false}, {U'〇', true, false, false},  {U'㐀', true, false, false},
      {U'7', false, true, false},  {U'７', false, false, false}, {0x3000, false, false, true},
      {0xA0, false, false, true},  {U'\n', false, false, true},  {U'、', false, false, false},
      {U'A', false, false, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_han(c.c), c.han) << static_cast<uint32_t>(c.c);
    EXPECT_EQ(is_ascii_digit(c.c), c.digit) << static_cast<uint32_t>(c.c);
    EXPECT_EQ(is_space(c.c), c.space) << static_cast<uint32_t>(c.c);
  }
}

TEST(Utf8, TrimRemovesUnicodeSpacesAtBothEnds) {
  EXPECT_EQ(trim("\u3000\u3000各位代表:\u00A0 \n"), "各位代表:");
  EXPECT_EQ(trim("  "), "");
  EXPECT_EQ(trim("a b"), "a b");
}

}  // namespace
}  // namespace gwr::utf8
