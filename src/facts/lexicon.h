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
#include "common/trie.h"
#include "common/vocabulary.h"

namespace gwr::facts {

enum class Measure { kGrowth, kLevel, kRate, kIntensity };

struct Indicator {
  std::string alias;  // as written in reports
  std::string id;     // gwr indicator id, e.g. "gdp"
  Measure measure = Measure::kGrowth;
  std::vector<std::string> canonical;  // gold classes; two for 城乡 pairs (urban, rural)
};

using data::PhraseList;

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
  // The first entry (in file order) with this id, or nullptr.
  const Indicator* by_id(std::string_view id) const;

  // Phrases of a kind from target_vocab.tsv ("trigger", "stop", …); a kind the loader does not
  // declare is a programmer error (std::logic_error).
  const PhraseList& vocab(std::string_view kind) const { return vocab_.list(kind); }

 private:
  std::vector<Indicator> entries_;
  data::ByteTrie aliases_;  // alias → index into entries_ (the first entry of a repeated alias)
  data::Vocabulary vocab_;
};

}  // namespace gwr::facts
