#include "text/offset_map.h"

#include <algorithm>
#include <cassert>

namespace gwr {

OffsetMap OffsetMap::identity(std::size_t size) {
  if (size == 0) return OffsetMap{};
  return OffsetMap({Piece{0, size, 0, size, true}});
}

OffsetMap::OffsetMap(std::vector<Piece> pieces) : pieces_(std::move(pieces)) {
#ifndef NDEBUG
  std::size_t at = 0;
  for (const auto& p : pieces_) {
    assert(p.out_begin == at);
    assert(!p.copied || p.out_len == p.src_len);
    at += p.out_len;
  }
#endif
}

std::size_t OffsetMap::out_size() const {
  return pieces_.empty() ? 0 : pieces_.back().out_begin + pieces_.back().out_len;
}

std::size_t OffsetMap::src_size_hint() const {
  std::size_t m = 0;
  for (const auto& p : pieces_) m = std::max(m, p.src_begin + p.src_len);
  return m;
}

namespace {
// Index of the piece containing out offset `pos` (the last piece with out_begin <= pos and
// non-empty extent), or pieces.size() when none.
std::size_t find_piece(const std::vector<OffsetMap::Piece>& ps, std::size_t pos) {
  auto it =
      std::upper_bound(ps.begin(), ps.end(), pos,
                       [](std::size_t v, const OffsetMap::Piece& p) { return v < p.out_begin; });
  if (it == ps.begin()) return ps.size();
  // Skip back over zero-length pieces (pure insertions) that start at pos.
  std::size_t idx = static_cast<std::size_t>(it - ps.begin()) - 1;
  return idx;
}
}  // namespace

std::size_t OffsetMap::start(std::size_t pos) const {
  if (pieces_.empty()) return pos;
  if (pos >= out_size()) {
    const auto& last = pieces_.back();
    return last.src_begin + last.src_len;
  }
  std::size_t idx = find_piece(pieces_, pos);
  if (idx == pieces_.size()) return pieces_.front().src_begin;
  const Piece& p = pieces_[idx];
  if (p.copied) return p.src_begin + (pos - p.out_begin);
  return p.src_begin;
}

std::size_t OffsetMap::end(std::size_t pos) const {
  if (pieces_.empty()) return pos;
  if (pos == 0) return pieces_.front().src_begin;
  const std::size_t last_byte = std::min(pos, out_size()) - 1;
  std::size_t idx = find_piece(pieces_, last_byte);
  if (idx == pieces_.size()) return pieces_.front().src_begin;
  // Zero-length pieces at last_byte cannot contain it; walk back to the covering piece.
  while (idx > 0 && pieces_[idx].out_len == 0) --idx;
  const Piece& p = pieces_[idx];
  if (pos > out_size()) return p.src_begin + p.src_len;
  if (p.copied) return p.src_begin + (pos - p.out_begin);
  return p.src_begin + p.src_len;
}

OffsetMap OffsetMap::slice(std::size_t begin, std::size_t end_pos) const {
  std::vector<Piece> out;
  if (pieces_.empty()) {
    if (end_pos > begin) out.push_back(Piece{0, end_pos - begin, begin, end_pos - begin, true});
    return OffsetMap(std::move(out));
  }
  for (const auto& p : pieces_) {
    const std::size_t pb = p.out_begin, pe = p.out_begin + p.out_len;
    if (pe <= begin && !(p.out_len == 0 && pb == begin && begin < end_pos)) continue;
    if (pb >= end_pos) break;
    const std::size_t b = std::max(pb, begin), e = std::min(pe, end_pos);
    Piece q{};
    q.out_begin = b - begin;
    q.out_len = e - b;
    q.copied = p.copied;
    if (p.copied) {
      q.src_begin = p.src_begin + (b - pb);
      q.src_len = e - b;
    } else {
      q.src_begin = p.src_begin;
      q.src_len = p.src_len;
    }
    out.push_back(q);
  }
  return OffsetMap(std::move(out));
}

OffsetMap compose(const OffsetMap& outer, const OffsetMap& inner) {
  std::vector<OffsetMap::Piece> out;
  auto push = [&out](OffsetMap::Piece p) {
    if (!out.empty()) {
      auto& l = out.back();
      if (l.copied && p.copied && l.out_begin + l.out_len == p.out_begin &&
          l.src_begin + l.src_len == p.src_begin) {
        l.out_len += p.out_len;
        l.src_len += p.src_len;
        return;
      }
    }
    out.push_back(p);
  };
  for (const auto& p : outer.pieces()) {
    if (!p.copied || p.src_len == 0) {
      const std::size_t a = inner.start(p.src_begin);
      const std::size_t b = p.src_len == 0 ? a : inner.end(p.src_begin + p.src_len);
      push({p.out_begin, p.out_len, a, b >= a ? b - a : 0, false});
      continue;
    }
    // Copied piece: split along inner pieces over [src_begin, src_begin + src_len).
    const std::size_t mb = p.src_begin, me = p.src_begin + p.src_len;
    if (inner.pieces().empty()) {
      push(p);
      continue;
    }
    // Inner pieces are sorted by out_begin: start at the first one that ends after mb.
    const auto& qs = inner.pieces();
    auto first = std::partition_point(qs.begin(), qs.end(), [mb](const OffsetMap::Piece& q) {
      return q.out_begin + q.out_len <= mb;
    });
    for (auto it = first; it != qs.end(); ++it) {
      const auto& q = *it;
      const std::size_t qb = q.out_begin, qe = q.out_begin + q.out_len;
      if (qb >= me) break;
      if (qe <= mb || q.out_len == 0) continue;
      const std::size_t b = std::max(qb, mb), e = std::min(qe, me);
      OffsetMap::Piece r{};
      r.out_begin = p.out_begin + (b - mb);
      r.out_len = e - b;
      if (q.copied) {
        r.copied = true;
        r.src_begin = q.src_begin + (b - qb);
        r.src_len = e - b;
      } else {
        r.copied = false;
        r.src_begin = q.src_begin;
        r.src_len = q.src_len;
        // A replaced inner piece split across several outer pieces keeps its whole source
        // range on each part; merging parts of the same replacement keeps spans exact.
        if (!out.empty() && !out.back().copied && out.back().src_begin == r.src_begin &&
            out.back().src_len == r.src_len &&
            out.back().out_begin + out.back().out_len == r.out_begin) {
          out.back().out_len += r.out_len;
          continue;
        }
      }
      push(r);
    }
  }
  return OffsetMap(std::move(out));
}

void MappedTextBuilder::copy(std::size_t begin, std::size_t end) {
  if (end <= begin) return;
  assert(end <= src_.size());
  out_.append(src_.substr(begin, end - begin));
  if (!pieces_.empty()) {
    auto& l = pieces_.back();
    if (l.copied && l.src_begin + l.src_len == begin) {
      l.out_len += end - begin;
      l.src_len += end - begin;
      return;
    }
  }
  pieces_.push_back({out_.size() - (end - begin), end - begin, begin, end - begin, true});
}

void MappedTextBuilder::replace(std::size_t begin, std::size_t end, std::string_view text) {
  if (end < begin) end = begin;
  if (text.empty() && end == begin) return;
  pieces_.push_back({out_.size(), text.size(), begin, end - begin, false});
  out_.append(text);
}

MappedText MappedTextBuilder::finish() && {
  return MappedText{std::move(out_), OffsetMap(std::move(pieces_))};
}

}  // namespace gwr
