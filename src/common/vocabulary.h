// gwr/common/vocabulary.h — word lists of one kind each, loaded from a data/ file: the one way
// every stage holds its vocabulary (no Chinese word lists in src/).
//
//   auto v = data::Vocabulary::load("meta_header.tsv", {"post", "speech_verb"});  // Result
//   if (v->list("post").match_at(text, i).empty()) …
//   if (v->has_char("name_sep", c)) …
//
// A vocabulary file is a data table (common/data.h) of rows `kind <TAB> phrase`. load() checks
// that every kind in the file is one the caller declared and that every declared kind has at
// least one phrase; otherwise kInvalidData naming the file and line (or the missing kind), so a
// bad data file is always the same error. Asking for a kind that was not declared is a
// programmer error and throws std::logic_error. Immutable after load(); safe for concurrent use.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/trie.h"

namespace gwr::data {

// Phrases of one kind, longest first (ties keep file order).
class PhraseList {
 public:
  void add(std::string phrase);
  void finish();  // sorts longest first and builds the UTF-32 copies
  // First occurrence (lowest offset; longest at that offset) at or after `from`, or npos.
  std::size_t find(std::string_view s, std::size_t from = 0, std::size_t* len = nullptr) const;
  // The phrase that starts exactly at pos (longest), or empty.
  std::string_view match_at(std::string_view s, std::size_t pos) const;
  // The phrase that ends exactly at `end` (longest), or empty.
  std::string_view match_before(std::string_view s, std::size_t end) const;
  bool contains_in(std::string_view s) const { return find(s) != std::string_view::npos; }
  // True when `s` is exactly one of the phrases.
  bool is(std::string_view s) const;
  bool empty() const { return phrases_.empty(); }
  const std::vector<std::string>& phrases() const { return phrases_; }
  // The phrases in the order of the data file (for rules where the first listed phrase wins).
  const std::vector<std::string>& in_file_order() const { return file_order_; }
  // The same phrases as UTF-32 strings (for stages that work on code points), longest first.
  const std::vector<std::u32string>& phrases32() const { return phrases32_; }
  // The UTF-32 phrase that starts exactly at pos of s (longest), or empty.
  std::u32string_view match_at(std::u32string_view s, std::size_t pos) const;
  // True when c is one of the phrases (a list of single characters).
  bool has_char(char32_t c) const;

 private:
  std::vector<std::string> phrases_;
  std::vector<std::string> file_order_;
  std::vector<std::u32string> phrases32_;
  ByteTrie forward_;                        // ids: indices into phrases_
  ByteTrie backward_{ByteTrie::kReversed};  // the same, matched from an end
};

class Vocabulary {
 public:
  static Result<Vocabulary> load(std::string_view file, const std::vector<std::string>& kinds);
  static Result<Vocabulary> parse(std::string_view file, std::string_view content,
                                  const std::vector<std::string>& kinds);

  const PhraseList& list(std::string_view kind) const;
  bool has_char(std::string_view kind, char32_t c) const { return list(kind).has_char(c); }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::map<std::string, PhraseList, std::less<>> lists_;
};

}  // namespace gwr::data
