// gwr/common/trie.h — a compiled byte trie over a word list: the multi-pattern matcher every
// vocabulary lookup goes through (PhraseList, the indicator lexicon, the quantity word maps).
//
//   data::ByteTrie t;
//   t.add("主要预期目标", 0); t.add("预期目标", 1); t.build();
//   std::uint32_t id = 0;
//   std::size_t n = t.longest_at(text, pos, &id);        // longest word starting at pos, 0 if none
//   auto [at, len] = t.find(text, from);                 // leftmost, then longest occurrence
//
//   data::ByteTrie r(data::ByteTrie::kReversed); …       // words matched backwards from an end
//   std::size_t m = r.longest_ending_at(text, end, floor, &id);
//
// Input: words as UTF-8 bytes, each with a caller's id. Matching is on bytes, so it gives exactly
// what std::string_view::starts_with / find give for the same words (a word never matches in the
// middle of a character of valid UTF-8). A word added twice answers with its first id; each_at()
// and each_ending_at() give all its ids in add() order (for callers that filter by value).
// Invariants: build() once after the last add(); the trie is immutable after build() and safe for
// concurrent use. The empty word is ignored. Cost: O(length of the longest word) per position,
// independent of the number of words; find() is linear in the bytes it passes over.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gwr::data {

class ByteTrie {
 public:
  enum Direction { kForward, kReversed };
  explicit ByteTrie(Direction d = kForward) : dir_(d) {}

  void add(std::string_view word, std::uint32_t id);
  void build();
  bool empty() const { return words_ == 0; }

  // Forward tries. The longest word starting at s[pos] (byte length, 0 when none); *id its id.
  std::size_t longest_at(std::string_view s, std::size_t pos, std::uint32_t* id = nullptr) const;
  // The lowest offset >= from where a word starts, and the longest word there; {npos, 0} when
  // none.
  std::pair<std::size_t, std::size_t> find(std::string_view s, std::size_t from = 0,
                                           std::uint32_t* id = nullptr) const;
  // Calls f(length, ids) for every word starting at s[pos], shortest first; ids in add() order.
  template <class F>
  void each_at(std::string_view s, std::size_t pos, F f) const {
    if (pos >= s.size()) return;
    std::uint32_t n = root_[static_cast<unsigned char>(s[pos])];
    for (std::size_t i = pos + 1; n != 0; ++i) {
      if (nodes_[n].word >= 0) f(i - pos, ids_[static_cast<std::size_t>(nodes_[n].word)]);
      if (i >= s.size()) break;
      n = child(n, static_cast<unsigned char>(s[i]));
    }
  }

  // Reversed tries. The longest word ending exactly at s[end] that starts at or after `floor`.
  std::size_t longest_ending_at(std::string_view s, std::size_t end, std::size_t floor = 0,
                                std::uint32_t* id = nullptr) const;
  // Calls f(length, ids) for every word ending exactly at s[end] and starting at or after floor,
  // shortest first; ids in add() order.
  template <class F>
  void each_ending_at(std::string_view s, std::size_t end, std::size_t floor, F f) const {
    if (end == 0 || end > s.size() || end <= floor) return;
    std::uint32_t n = root_[static_cast<unsigned char>(s[end - 1])];
    for (std::size_t i = end - 1; n != 0; --i) {
      if (nodes_[n].word >= 0) f(end - i, ids_[static_cast<std::size_t>(nodes_[n].word)]);
      if (i == floor) break;
      n = child(n, static_cast<unsigned char>(s[i - 1]));
    }
  }

 private:
  struct Node {
    std::int32_t word = -1;  // index into ids_ of the word ending here, or -1
    std::uint32_t edges = 0;
    std::uint32_t n_edges = 0;
  };
  std::uint32_t child(std::uint32_t n, unsigned char b) const {
    const Node& node = nodes_[n];
    for (std::uint32_t k = node.edges, e = node.edges + node.n_edges; k < e; ++k)
      if (edge_byte_[k] == b) return edge_to_[k];
    return 0;
  }

  Direction dir_;
  std::size_t words_ = 0;
  // Build-time words (bytes in match order) with their ids, cleared by build().
  std::vector<std::pair<std::string, std::uint32_t>> pending_;
  std::array<std::uint32_t, 256> root_{};  // node after the first byte, 0 = none
  // find()'s filter (forward tries): the first two bytes of some word (bit b0 << 8 | b1), and
  // the words of one byte. A position whose two bytes no word starts with is skipped unwalked.
  std::vector<std::uint64_t> first_pairs_;
  std::array<bool, 256> one_byte_{};
  bool may_start(std::string_view s, std::size_t i) const {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (one_byte_[b0]) return true;
    if (i + 1 >= s.size()) return false;
    const std::size_t k = (std::size_t{b0} << 8) | static_cast<unsigned char>(s[i + 1]);
    return (first_pairs_[k >> 6] >> (k & 63)) & 1U;
  }
  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::vector<unsigned char> edge_byte_;
  std::vector<std::uint32_t> edge_to_;
  std::vector<std::vector<std::uint32_t>> ids_;  // per distinct word, its ids in add() order
};

}  // namespace gwr::data
