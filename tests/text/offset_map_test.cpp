#include "text/offset_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gwr {
namespace {

// Source span of derived span [b, e) as "start-end".
std::string span(const OffsetMap& m, std::size_t b, std::size_t e) {
  return std::to_string(m.start(b)) + "-" + std::to_string(m.end(e));
}

TEST(OffsetMap, IdentityMapsEveryOffsetToItself) {
  const OffsetMap m = OffsetMap::identity(10);
  for (std::size_t i = 0; i <= 10; ++i) {
    EXPECT_EQ(m.start(i), i);
    EXPECT_EQ(m.end(i), i);
  }
  EXPECT_EQ(m.out_size(), 10u);
  EXPECT_EQ(m.pieces().size(), 1u);
}

TEST(OffsetMap, EmptyMapIsIdentity) {
  const OffsetMap m;
  EXPECT_EQ(m.start(7), 7u);
  EXPECT_EQ(m.end(7), 7u);
  EXPECT_EQ(m.out_size(), 0u);
}

struct BuilderCase {
  const char* name;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // derived [b, e)
  std::vector<std::string> want;                           // source "start-end"
};

// Source "abcdefghij"; derived = copy [0,3) + replace [3,6) by "XY" + delete [6,7) + copy [7,10).
// Derived: "abc" "XY" "" "hij" → "abcXYhij".
MappedText sample() {
  MappedTextBuilder b("abcdefghij");
  b.copy(0, 3);
  b.replace(3, 6, "XY");
  b.replace(6, 7, "");
  b.copy(7, 10);
  return std::move(b).finish();
}

TEST(OffsetMap, BuilderSpansMapToSourceSpans) {
  const MappedText t = sample();
  ASSERT_EQ(t.text, "abcXYhij");
  const std::vector<BuilderCase> cases = {
      {"copied prefix", {{0, 3}}, {"0-3"}},
      {"replacement whole", {{3, 5}}, {"3-6"}},
      {"inside replacement widens", {{4, 5}}, {"3-6"}},
      {"span ending in replacement", {{1, 4}}, {"1-6"}},
      {"after deletion", {{5, 8}}, {"7-10"}},
      {"across everything", {{0, 8}}, {"0-10"}},
      {"single copied char", {{6, 7}}, {"8-9"}},
  };
  for (const auto& c : cases) {
    for (std::size_t k = 0; k < c.spans.size(); ++k) {
      EXPECT_EQ(span(t.map, c.spans[k].first, c.spans[k].second), c.want[k]) << c.name;
    }
  }
}

TEST(OffsetMap, AdjacentCopiesMerge) {
  MappedTextBuilder b("abcdef");
  b.copy(0, 2);
  b.copy(2, 4);
  b.copy(4, 6);
  const MappedText t = std::move(b).finish();
  EXPECT_EQ(t.map.pieces().size(), 1u);
  EXPECT_EQ(t.text, "abcdef");
}

TEST(OffsetMap, InsertionMapsToItsSourcePoint) {
  MappedTextBuilder b("abcd");
  b.copy(0, 2);
  b.replace(2, 2, "++");
  b.copy(2, 4);
  const MappedText t = std::move(b).finish();
  ASSERT_EQ(t.text, "ab++cd");
  EXPECT_EQ(span(t.map, 2, 4), "2-2");
  EXPECT_EQ(span(t.map, 4, 6), "2-4");
}

TEST(OffsetMap, SliceKeepsSourceOffsets) {
  const MappedText t = sample();
  const OffsetMap s = t.map.slice(3, 8);  // "XYhij"
  EXPECT_EQ(s.out_size(), 5u);
  EXPECT_EQ(span(s, 0, 2), "3-6");
  EXPECT_EQ(span(s, 2, 5), "7-10");
  EXPECT_EQ(span(s, 3, 4), "8-9");
}

TEST(OffsetMap, SliceInsideCopiedPieceShiftsOffsets) {
  const OffsetMap m = OffsetMap::identity(20);
  const OffsetMap s = m.slice(5, 9);
  EXPECT_EQ(span(s, 0, 4), "5-9");
  EXPECT_EQ(span(s, 1, 2), "6-7");
}

TEST(OffsetMap, ComposeTwoLayersMapsToBottom) {
  // Layer 1: "xxABCyy" → drop the x's: "ABCyy".
  const std::string raw = "xxABCyy";
  MappedTextBuilder b1(raw);
  b1.replace(0, 2, "");
  b1.copy(2, 7);
  const MappedText l1 = std::move(b1).finish();
  // Layer 2: "ABCyy" → "ABC!": yy becomes "!".
  MappedTextBuilder b2(l1.text);
  b2.copy(0, 3);
  b2.replace(3, 5, "!");
  const MappedText l2 = std::move(b2).finish();
  ASSERT_EQ(l2.text, "ABC!");
  const OffsetMap m = compose(l2.map, l1.map);
  EXPECT_EQ(span(m, 0, 3), "2-5");
  EXPECT_EQ(span(m, 1, 2), "3-4");
  EXPECT_EQ(span(m, 3, 4), "5-7");
  EXPECT_EQ(raw.substr(m.start(0), m.end(3) - m.start(0)), "ABC");
}

TEST(OffsetMap, ComposeThreeLayersWithMultibyteReplacement) {
  // raw bytes "<p>中文</p>" → strip tags → "中文" → replace 中 by "Z" → "Z文".
  const std::string raw = "<p>\xE4\xB8\xAD\xE6\x96\x87</p>";
  MappedTextBuilder b1(raw);
  b1.replace(0, 3, "");
  b1.copy(3, 9);
  b1.replace(9, 13, "");
  const MappedText l1 = std::move(b1).finish();
  MappedTextBuilder b2(l1.text);
  b2.replace(0, 3, "Z");
  b2.copy(3, 6);
  const MappedText l2 = std::move(b2).finish();
  MappedTextBuilder b3(l2.text);  // prepend a marker
  b3.replace(0, 0, "#");
  b3.copy(0, l2.text.size());
  const MappedText l3 = std::move(b3).finish();
  ASSERT_EQ(l3.text, "#Z\xE6\x96\x87");
  const OffsetMap m = compose(l3.map, compose(l2.map, l1.map));
  EXPECT_EQ(span(m, 1, 2), "3-6");  // Z → 中
  EXPECT_EQ(span(m, 2, 5), "6-9");  // 文
  EXPECT_EQ(span(m, 1, 5), "3-9");
}

TEST(OffsetMap, ComposeOverManyPiecesIsExact) {
  // Inner: one replaced piece per 2-byte "char" (like GB18030 → UTF-8: 2 bytes → 3 bytes).
  std::vector<OffsetMap::Piece> inner;
  for (std::size_t k = 0; k < 1000; ++k) inner.push_back({3 * k, 3, 2 * k, 2, false});
  const OffsetMap in(inner);
  // Outer: identity except the first char deleted.
  const OffsetMap outer({{0, 0, 0, 3, false}, {0, 2997, 3, 2997, true}});
  const OffsetMap m = compose(outer, in);
  EXPECT_EQ(span(m, 0, 3), "2-4");
  EXPECT_EQ(span(m, 2994, 2997), "1998-2000");
}

}  // namespace
}  // namespace gwr
