// gwr/quantity/lexicon.h — INTERNAL to the quantity stage. The compiled word lists the number
// grammar consults: units (data/units.tsv), idioms (data/quantity_idioms.tsv), cue words
// (data/quantity_cues.tsv, also the session nouns and list joiners) and unit blocks
// (data/quantity_unit_blocks.tsv).
//
//   auto lex = load_lexicon();                           // Result<std::shared_ptr<const Lexicon>>
//   if (const auto* u = lex.value()->units.longest(text, pos)) use(u->second.factor);
//
// A Lexicon is immutable after load_lexicon() and safe for concurrent use. Loading validates
// every row and names the file and line of the first bad one (ErrorCode::kInvalidData).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/trie.h"
#include "quantity/quantity.h"

namespace gwr::quantity {

// What a unit word makes of the number before it.
enum class UnitRole {
  kQuantity,  // a measure: the number is a Quantity of `kind`
  kRank,      // N强: a rank, at most N
  kTime,      // 小时, 分钟: NonQuantity::kTime
  kGrade,     // 级, 星级, 甲: NonQuantity::kGrade
  kName,      // 号: NonQuantity::kName
  kDate,      // 月, 日, 季度, 年代: NonQuantity::kDate
  kCode,      // 国道, 省道: NonQuantity::kCode (217国道)
};

struct UnitInfo {
  std::string base;
  double factor = 1;
  Kind kind = Kind::kAmount;
  UnitRole role = UnitRole::kQuantity;
};

enum class CueRole {
  kPrefixAtLeast,
  kPrefixAtMost,
  kPrefixAround,
  kSuffixAtLeast,
  kSuffixAtMost,
  kSuffixAround,
  kPrefixNearly,
  kPrefixAbout,
  kRankScope,
  kRankMove,
  kNone,  // a longer word that hides a cue: 签约 (not 约), 最近 (not 近)
};

// Words keyed by their first code point, longest first, for matching at a byte offset.
template <class T>
class WordMap {
 public:
  using Entry = std::pair<std::string, T>;
  void add(std::string word, T value);
  void finish();  // sorts each bucket longest first; call once after the last add()
  // The longest word that starts at text[pos], or nullptr.
  const Entry* longest(std::string_view text, std::size_t pos) const;
  // The longest word that ends exactly at text[pos] and starts at or after `floor`, or nullptr.
  const Entry* longest_ending(std::string_view text, std::size_t pos, std::size_t floor) const {
    return longest_ending_if(text, pos, floor, [](const T&) { return true; });
  }
  // Same, among the entries whose value satisfies `accept`.
  template <class Pred>
  const Entry* longest_ending_if(std::string_view text, std::size_t pos, std::size_t floor,
                                 Pred accept) const {
    // Words ending at pos come shortest first; the last one with an accepted entry wins, and
    // among one word's entries the first added.
    const Entry* best = nullptr;
    backward_.each_ending_at(text, pos, floor,
                             [&](std::size_t, const std::vector<std::uint32_t>& ids) {
                               for (std::uint32_t k : ids) {
                                 if (accept(entries_[k].second)) {
                                   best = &entries_[k];
                                   return;
                                 }
                               }
                             });
    return best;
  }
  std::size_t size() const { return entries_.size(); }
  std::vector<const Entry*> all() const;  // longest first, ties in add() order

 private:
  std::vector<Entry> entries_;  // in add() order; the tries' ids index it
  data::ByteTrie forward_;
  data::ByteTrie backward_{data::ByteTrie::kReversed};
};

struct Lexicon {
  WordMap<UnitInfo> units;
  WordMap<char> idioms;
  WordMap<char> unit_blocks;  // 方面, 项目: a unit character starting a longer word
  WordMap<CueRole> cues;      // every cue; callers filter by role
  std::vector<std::string> session_nouns;  // after N次 they end a session ordinal (会议, 全会)
  std::vector<std::string> list_joiners;   // the whole gap between two list members (、, 和)
};

Result<std::shared_ptr<const Lexicon>> load_lexicon();

}  // namespace gwr::quantity
