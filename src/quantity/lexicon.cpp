#include "quantity/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/data.h"
#include "common/utf8.h"

namespace gwr::quantity {

template <class T>
void WordMap<T>::add(std::string word, T value) {
  entries_.emplace_back(std::move(word), std::move(value));
}

template <class T>
void WordMap<T>::finish() {
  forward_ = data::ByteTrie();
  backward_ = data::ByteTrie(data::ByteTrie::kReversed);
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    forward_.add(entries_[k].first, static_cast<std::uint32_t>(k));
    backward_.add(entries_[k].first, static_cast<std::uint32_t>(k));
  }
  forward_.build();
  backward_.build();
}

template <class T>
const typename WordMap<T>::Entry* WordMap<T>::longest(std::string_view text,
                                                      std::size_t pos) const {
  std::uint32_t id = 0;
  return forward_.longest_at(text, pos, &id) == 0 ? nullptr : &entries_[id];
}

template <class T>
std::vector<const typename WordMap<T>::Entry*> WordMap<T>::all() const {
  std::vector<const Entry*> out;
  for (const Entry& e : entries_) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const Entry* a, const Entry* b) {
    return a->first.size() > b->first.size();
  });
  return out;
}

template class WordMap<UnitInfo>;
template class WordMap<char>;
template class WordMap<CueRole>;

namespace {

std::string where(const data::Table& t, const data::Row& r) {
  return t.name + ":" + std::to_string(r.line);
}

Status parse_unit_kind(std::string_view s, UnitInfo& u) {
  struct K {
    std::string_view name;
    Kind kind;
    UnitRole role;
  };
  static constexpr K kKinds[] = {
      {"amount", Kind::kAmount, UnitRole::kQuantity},
      {"percent", Kind::kPercent, UnitRole::kQuantity},
      {"permille", Kind::kPermille, UnitRole::kQuantity},
      {"percent_point", Kind::kPercentPoint, UnitRole::kQuantity},
      {"multiple", Kind::kMultiple, UnitRole::kQuantity},
      {"rank", Kind::kRank, UnitRole::kRank},
      {"time", Kind::kAmount, UnitRole::kTime},
      {"grade", Kind::kAmount, UnitRole::kGrade},
      {"name", Kind::kAmount, UnitRole::kName},
      {"date", Kind::kAmount, UnitRole::kDate},
      {"code", Kind::kAmount, UnitRole::kCode},
  };
  for (const K& k : kKinds) {
    if (k.name == s) {
      u.kind = k.kind;
      u.role = k.role;
      return Ok{};
    }
  }
  return make_error(ErrorCode::kInvalidData, "unknown unit kind '" + std::string(s) + "'");
}

Status parse_cue_role(std::string_view s, CueRole& role) {
  struct R {
    std::string_view name;
    CueRole role;
  };
  static constexpr R kRoles[] = {
      {"prefix_at_least", CueRole::kPrefixAtLeast},
      {"prefix_at_most", CueRole::kPrefixAtMost},
      {"prefix_around", CueRole::kPrefixAround},
      {"suffix_at_least", CueRole::kSuffixAtLeast},
      {"suffix_at_most", CueRole::kSuffixAtMost},
      {"suffix_around", CueRole::kSuffixAround},
      {"prefix_nearly", CueRole::kPrefixNearly},
      {"prefix_about", CueRole::kPrefixAbout},
      {"rank_scope", CueRole::kRankScope},
      {"rank_move", CueRole::kRankMove},
      {"none", CueRole::kNone},
  };
  for (const R& r : kRoles) {
    if (r.name == s) {
      role = r.role;
      return Ok{};
    }
  }
  return make_error(ErrorCode::kInvalidData, "unknown cue role '" + std::string(s) + "'");
}

Status load_units(Lexicon& lex) {
  auto t = data::load_table("units.tsv", 4, 4);
  if (!t) return t.error();
  for (const data::Row& r : t->rows) {
    UnitInfo u;
    u.base = r.fields[1];
    const std::string& f = r.fields[2];
    double factor = 0;
    const auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), factor);
    if (ec != std::errc() || p != f.data() + f.size() || !(factor > 0) || !std::isfinite(factor)) {
      return make_error(ErrorCode::kInvalidData, "bad factor '" + f + "'", where(*t, r));
    }
    u.factor = factor;
    if (Status s = parse_unit_kind(r.fields[3], u); !s) {
      return make_error(ErrorCode::kInvalidData, s.error().message, where(*t, r));
    }
    if (r.fields[0].empty() || !utf8::valid(r.fields[0])) {
      return make_error(ErrorCode::kInvalidData, "empty or invalid unit", where(*t, r));
    }
    lex.units.add(r.fields[0], std::move(u));
  }
  if (lex.units.size() == 0) return make_error(ErrorCode::kInvalidData, "no units", "units.tsv");
  return Ok{};
}

Status load_words(Lexicon& lex) {
  auto t = data::load_table("quantity_idioms.tsv", 1, 2);
  if (!t) return t.error();
  for (const data::Row& r : t->rows) {
    if (utf8::length(r.fields[0]) < 2 || !utf8::valid(r.fields[0])) {
      return make_error(ErrorCode::kInvalidData, "idiom must be 2+ characters", where(*t, r));
    }
    lex.idioms.add(r.fields[0], '\0');
  }
  auto b = data::load_table("quantity_unit_blocks.tsv", 1, 1);
  if (!b) return b.error();
  for (const data::Row& r : b->rows) {
    if (utf8::length(r.fields[0]) < 2 || !utf8::valid(r.fields[0])) {
      return make_error(ErrorCode::kInvalidData, "block word must be 2+ characters", where(*b, r));
    }
    lex.unit_blocks.add(r.fields[0], '\0');
  }
  auto c = data::load_table("quantity_cues.tsv", 2, 2);
  if (!c) return c.error();
  for (const data::Row& r : c->rows) {
    // Two roles that are not cues: words the scanner reads as whole words, kept apart.
    std::vector<std::string>* words = r.fields[1] == "session_noun"  ? &lex.session_nouns
                                      : r.fields[1] == "list_joiner" ? &lex.list_joiners
                                                                     : nullptr;
    if (words != nullptr) {
      if (r.fields[0].empty() || !utf8::valid(r.fields[0])) {
        return make_error(ErrorCode::kInvalidData, "empty or invalid word", where(*c, r));
      }
      words->push_back(r.fields[0]);
      continue;
    }
    CueRole role{};
    if (Status s = parse_cue_role(r.fields[1], role); !s) {
      return make_error(ErrorCode::kInvalidData, s.error().message, where(*c, r));
    }
    if (r.fields[0].empty()) return make_error(ErrorCode::kInvalidData, "empty cue", where(*c, r));
    lex.cues.add(r.fields[0], role);
  }
  if (lex.session_nouns.empty() || lex.list_joiners.empty()) {
    return make_error(ErrorCode::kInvalidData, "no session_noun or no list_joiner rows",
                      "quantity_cues.tsv");
  }
  return Ok{};
}

}  // namespace

Result<std::shared_ptr<const Lexicon>> load_lexicon() {
  auto lex = std::make_shared<Lexicon>();
  if (Status s = load_units(*lex); !s) return s.error();
  if (Status s = load_words(*lex); !s) return s.error();
  lex->units.finish();
  lex->idioms.finish();
  lex->unit_blocks.finish();
  lex->cues.finish();
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace gwr::quantity
