// gwr/text/offset_map.h — maps byte offsets in a derived string back to the string it came from.
//
//   MappedTextBuilder b(source);
//   b.copy(0, 6);                    // bytes [0,6) of source, unchanged
//   b.replace(6, 9, " ");            // source [6,9) became one space
//   MappedText t = std::move(b).finish();
//   t.map.start(7) == 9;  t.map.end(7) == 9;
//
// The map is piecewise linear: a piece is either copied (same length, offsets shift linearly)
// or replaced (any lengths; every position inside maps to the piece's source start, and a span
// ending inside maps to the piece's source end). Spans are half-open [start, end) everywhere:
// use start() for a span's first offset and end() for its one-past-the-end offset, so that a
// span never shrinks to cut a replaced character in half.
//
// Maps compose (`compose(outer, inner)`), so each document keeps one map straight to the raw
// bytes of its input file however many layers of cleaning ran. Immutable after construction;
// safe for concurrent reads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gwr {

class OffsetMap {
 public:
  struct Piece {
    std::size_t out_begin;  // first byte in the derived string
    std::size_t out_len;
    std::size_t src_begin;  // first byte in the source string
    std::size_t src_len;
    bool copied;  // true: out_len == src_len and bytes are identical
  };

  OffsetMap() = default;
  // The identity map over a string of `size` bytes.
  static OffsetMap identity(std::size_t size);
  // Pieces must be contiguous in out (each begins where the previous ended) and sorted.
  explicit OffsetMap(std::vector<Piece> pieces);

  // Source offset of a span starting at derived offset `pos` (pos <= out_size()).
  std::size_t start(std::size_t pos) const;
  // Source offset of a span ending at derived offset `pos` (exclusive end).
  std::size_t end(std::size_t pos) const;

  std::size_t out_size() const;
  std::size_t src_size_hint() const;  // one past the largest source offset mapped
  const std::vector<Piece>& pieces() const { return pieces_; }

  // The map of the derived substring [begin, end): offsets relative to `begin`, sources kept.
  OffsetMap slice(std::size_t begin, std::size_t end) const;

 private:
  std::vector<Piece> pieces_;
};

// outer: C -> B, inner: B -> A. Returns C -> A.
OffsetMap compose(const OffsetMap& outer, const OffsetMap& inner);

// A string together with its map to the layer below.
struct MappedText {
  std::string text;
  OffsetMap map;
};

// Builds a derived string piece by piece from a source string. Adjacent copies merge.
class MappedTextBuilder {
 public:
  // The output is reserved at the size of the source: most layers change a few bytes only.
  explicit MappedTextBuilder(std::string_view source) : src_(source) {
    out_.reserve(source.size());
  }
  // Appends source bytes [begin, end) unchanged.
  void copy(std::size_t begin, std::size_t end);
  // Appends `text` standing for source bytes [begin, end) (either may be empty).
  void replace(std::size_t begin, std::size_t end, std::string_view text);
  std::size_t out_size() const { return out_.size(); }
  const std::string& out() const { return out_; }
  MappedText finish() &&;

 private:
  std::string_view src_;
  std::string out_;
  std::vector<OffsetMap::Piece> pieces_;
};

}  // namespace gwr
