#include "common/trie.h"

#include <algorithm>
#include <map>
#include <memory>

namespace gwr::data {

void ByteTrie::add(std::string_view word, std::uint32_t id) {
  if (word.empty()) return;
  std::string w(word);
  if (dir_ == kReversed) std::reverse(w.begin(), w.end());
  pending_.emplace_back(std::move(w), id);
}

void ByteTrie::build() {
  // A pointer trie first, then flattened breadth-first into arrays.
  struct Tmp {
    std::int32_t word = -1;
    std::map<unsigned char, std::unique_ptr<Tmp>> next;
  };
  Tmp root;
  ids_.clear();
  first_pairs_.assign(65536 / 64, 0);
  one_byte_.fill(false);
  for (const auto& [w, id] : pending_) {
    const auto b0 = static_cast<unsigned char>(w[0]);
    if (w.size() == 1) {
      one_byte_[b0] = true;
    } else {
      const std::size_t k = (std::size_t{b0} << 8) | static_cast<unsigned char>(w[1]);
      first_pairs_[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  }
  for (const auto& [w, id] : pending_) {
    Tmp* n = &root;
    for (char c : w) {
      auto& slot = n->next[static_cast<unsigned char>(c)];
      if (!slot) slot = std::make_unique<Tmp>();
      n = slot.get();
    }
    if (n->word < 0) {
      n->word = static_cast<std::int32_t>(ids_.size());
      ids_.push_back({id});
    } else {
      ids_[static_cast<std::size_t>(n->word)].push_back(id);
    }
  }
  words_ = ids_.size();
  pending_.clear();
  pending_.shrink_to_fit();

  nodes_.assign(1, Node{});
  edge_byte_.clear();
  edge_to_.clear();
  root_.fill(0);
  std::vector<const Tmp*> order{&root};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Tmp* t = order[k];
    nodes_[k].word = t->word;
    nodes_[k].edges = static_cast<std::uint32_t>(edge_byte_.size());
    nodes_[k].n_edges = static_cast<std::uint32_t>(t->next.size());
    for (const auto& [b, child_tmp] : t->next) {
      const auto idx = static_cast<std::uint32_t>(order.size());
      order.push_back(child_tmp.get());
      nodes_.push_back(Node{});
      edge_byte_.push_back(b);
      edge_to_.push_back(idx);
      if (k == 0) root_[b] = idx;
    }
  }
}

std::size_t ByteTrie::longest_at(std::string_view s, std::size_t pos, std::uint32_t* id) const {
  std::size_t best = 0;
  each_at(s, pos, [&](std::size_t len, const std::vector<std::uint32_t>& ids) {
    best = len;
    if (id != nullptr) *id = ids.front();
  });
  return best;
}

std::pair<std::size_t, std::size_t> ByteTrie::find(std::string_view s, std::size_t from,
                                                   std::uint32_t* id) const {
  if (first_pairs_.empty()) return {std::string_view::npos, 0};  // not built: no words
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!may_start(s, i)) continue;
    if (const std::size_t n = longest_at(s, i, id); n != 0) return {i, n};
  }
  return {std::string_view::npos, 0};
}

std::size_t ByteTrie::longest_ending_at(std::string_view s, std::size_t end, std::size_t floor,
                                        std::uint32_t* id) const {
  std::size_t best = 0;
  each_ending_at(s, end, floor, [&](std::size_t len, const std::vector<std::uint32_t>& ids) {
    best = len;
    if (id != nullptr) *id = ids.front();
  });
  return best;
}

}  // namespace gwr::data
