// gwr/facts/lexicon.h — the indicator lexicon and the targets vocabulary, loaded from data/.
//
//   auto lex = facts::Lexicon::load();                 // Result<Lexicon>
//   size_t len = 0;
//   const facts::Indicator* ind = lex->match_at(text, pos, &len);  // longest alias at pos
//   if (lex->vocab("stop").contains_in(sentence)) …
//
// Sources: data/indicators.tsv (aliases → ids, measures, gold-vocabulary canonical classes) and
// data/target_vocab.tsv (trigger, predicate, stop … phrases). Immutable after load(); safe for
// concurrent use. load() fails with kInvalidData naming file:line for a malformed row or an
// unknown measure.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"

namespace gwr::facts {

enum class Measure { kGrowth, kLevel, kRate, kIntensity };

struct Indicator {
  std::string alias;  // as written in reports
  std::string id;     // gwr indicator id, e.g. "gdp"
  Measure measure = Measure::kGrowth;
  std::vector<std::string> canonical;  // gold classes; two for 城乡 pairs (urban, rural)
};

// A list of phrases of one kind, longest first.
class PhraseList {
 public:
  void add(std::string phrase);
  void finish();  // sorts longest first
  // First occurrence (lowest offset; longest at that offset) at or after `from`, or npos.
  std::size_t find(std::string_view s, std::size_t from = 0, std::size_t* len = nullptr) const;
  // The phrase that starts exactly at pos (longest), or empty.
  std::string_view match_at(std::string_view s, std::size_t pos) const;
  // The phrase that ends exactly at `end` (longest), or empty.
  std::string_view match_before(std::string_view s, std::size_t end) const;
  bool contains_in(std::string_view s) const { return find(s) != std::string_view::npos; }
  const std::vector<std::string>& phrases() const { return phrases_; }

 private:
  std::vector<std::string> phrases_;
};

class Lexicon {
 public:
  static Result<Lexicon> load();

  // Longest indicator alias starting at byte pos of s; sets *len to its byte length.
  const Indicator* match_at(std::string_view s, std::size_t pos, std::size_t* len) const;
  struct Hit {
    std::size_t begin, end;
    const Indicator* indicator;
  };
  // Leftmost-longest, non-overlapping alias occurrences in s.
  std::vector<Hit> find_all(std::string_view s) const;
  // The entry whose alias is exactly `alias`, or nullptr.
  const Indicator* exact(std::string_view alias) const;

  // Phrases of a kind from target_vocab.tsv ("trigger", "stop", …); an unknown kind is empty.
  const PhraseList& vocab(std::string_view kind) const;

 private:
  std::vector<Indicator> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_char_;  // longest first
  std::map<std::string, PhraseList, std::less<>> vocab_;
  PhraseList empty_;
};

}  // namespace gwr::facts
