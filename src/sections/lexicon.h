// gwr/sections/lexicon.h — INTERNAL to the sections stage: the heading vocabularies and a tiny
// pattern matcher for them.
//
//   Result<Lexicon> lx = Lexicon::load();      // once per process (pipeline::Resources does)
//   if (auto t = lx.classify("2023年工作安排")) use(t->type, t->role);
//   std::size_t end = 0; bool ok = match_at(text, pos, lx.openers[0], end);
//
// Patterns are literal UTF-8 with two placeholders: <Y> (a four-digit year, ASCII or Chinese
// digits) and <H> (one Chinese numeral). ASCII punctuation in a pattern also matches its
// full-width form. The lexicon is immutable after load() (safe for concurrent use); a malformed
// data file is kInvalidData naming the file and line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/vocabulary.h"
#include "doc/document.h"

namespace gwr::sections {

enum class Role { kPart, kList, kAppendix, kClassify, kReject };

// A compiled pattern: code points, with kYear / kHanDigit standing for the placeholders.
struct Pattern {
  static constexpr char32_t kYear = 0x110001;
  static constexpr char32_t kHanDigit = 0x110002;
  std::u32string atoms;
  std::string literal;  // the UTF-8 text when the pattern has no placeholder, else empty
};

struct TypeRule {
  SectionType type = SectionType::kOther;
  Role role = Role::kClassify;
  std::vector<Pattern> all_of;  // every piece must occur
};

// Patterns grouped by the (folded) code point they start or end with, so a test at one position
// decodes one character and tries only the patterns that can match there. Patterns whose edge is
// a placeholder are tried everywhere.
class EdgeIndex {
 public:
  void build(const std::vector<Pattern>& patterns, bool by_last);
  const std::vector<std::uint16_t>& at(char32_t c) const;
  const std::vector<std::uint16_t>& always() const { return always_; }

 private:
  std::vector<std::pair<char32_t, std::vector<std::uint16_t>>> by_char_;  // sorted by char
  std::vector<std::uint16_t> always_;
  std::vector<std::uint16_t> none_;
};

struct Lexicon {
  std::vector<TypeRule> types;
  std::vector<Pattern> openers;
  std::vector<Pattern> heading_ends;
  data::Vocabulary words;  // sections_heading_ends.tsv: heading_end, connective
  EdgeIndex opener_first;  // openers by first atom
  EdgeIndex end_first;     // heading_ends by first atom
  EdgeIndex end_last;      // heading_ends by last atom

  static Result<Lexicon> load();
  // A character that continues a heading after a heading-ending word (工作回顾及…).
  bool connective(char32_t c) const { return words.has_char("connective", c); }

  // First rule matching `heading` (analysis text), or nullopt.
  std::optional<TypeRule> classify(std::string_view heading) const;
  // True when a sentence opener starts at text[pos].
  bool opener_at(std::string_view text, std::size_t pos) const;
  // True when a heading-ending word ends exactly at text[pos] and starts at or after `begin`.
  bool heading_end_before(std::string_view text, std::size_t begin, std::size_t pos) const;
  // True when a heading-ending word starts at text[pos].
  bool heading_end_at(std::string_view text, std::size_t pos) const;
};

Pattern compile(std::string_view pattern);
// Matches `p` at text[pos]; on success sets `end` to one past the match.
bool match_at(std::string_view text, std::size_t pos, const Pattern& p, std::size_t& end);
// True when `p` occurs anywhere in text.
bool contains(std::string_view text, const Pattern& p);

}  // namespace gwr::sections
