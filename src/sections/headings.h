// gwr/sections/headings.h — INTERNAL to the sections stage: heading candidates of a body.
//
//   std::vector<Candidate> c = find_candidates(doc.text.text, doc.body, lexicon);
//
// A candidate starts at a line start or right after a sentence end (。！？!?；, and ：
// for numbered ones) — an enumerator anywhere else (`18个 一、二级`, `第一` inside a sentence) is
// never one; neither is a line start right after a line that breaks a sentence in hard-wrapped
// (PDF) text. Candidates are in text order and do not overlap. Levels and the numbering sequence
// are decided later by annotate(); this step only reads text. Pure; safe for concurrent use.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "sections/lexicon.h"

namespace gwr::sections {

// Heading kinds from the highest usual rank to the lowest.
enum class Kind { kPart, kVocab, kHan, kParenHan, kArabic, kParenArabic };
inline constexpr int kKindCount = 6;

struct Candidate {
  Span span;  // the heading in the analysis text, trimmed
  Kind kind = Kind::kVocab;
  int number = 0;  // enumerator value; 0 for unnumbered headings
  SectionType type = SectionType::kOther;
  Role role = Role::kClassify;     // for kVocab: kPart, kList or kAppendix
  bool run_in = false;             // the heading is the lead sentence of its paragraph
  bool glued = false;              // starts inside a line, after a sentence end
  bool after_exclamation = false;  // the text before it ends with ! / ！ (a closing exhortation)
  bool uncertain_end = false;      // no rule fired; the end was cut at the length limit
  // For a numbered heading run into the text whose end was placed after a heading-ending word
  // (…建设|幸福…): its lead sentence, preferred when the heading turns out to be a sub-level.
  std::optional<Span> lead;
};

std::vector<Candidate> find_candidates(std::string_view text, Span body, const Lexicon& lx);

// Maximum heading lengths in characters.
inline constexpr std::size_t kMaxLineHeading = 60;   // a whole short line
inline constexpr std::size_t kMaxGluedHeading = 48;  // a numbered heading run into the text
inline constexpr std::size_t kMaxVocabHeading = 40;  // an unnumbered heading run into the text
inline constexpr std::size_t kMaxRunIn = 80;         // a lead sentence used as heading
// Lines at least this long that end without punctuation count as hard-wrapped (PDF text).
inline constexpr std::size_t kWrappedLineMin = 20;

}  // namespace gwr::sections
