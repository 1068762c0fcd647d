// gwr/quantity/scanner.h — INTERNAL to the quantity stage: the left-to-right scanner behind
// Grammar::scan() and Grammar::parse_at().
//
//   std::vector<Mention> ms = scan_text(lexicon, text, 0, /*first_only=*/false);
//
// One pass over the text; at each position the first production that applies wins, in this
// order: idiom word (skipped) → ASCII code token → Arabic number → 第-ordinal → Chinese numeral.
// Each production looks at most a few characters behind (cue words, enumerator boundaries) but
// never before the end of the previous mention. Pure function of its inputs.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "quantity/lexicon.h"
#include "quantity/quantity.h"

namespace gwr::quantity {

// Mentions in text[from, end). With first_only, stops after the first mention.
std::vector<Mention> scan_text(const Lexicon& lex, std::string_view text, std::size_t from,
                               bool first_only);

// Gives the unit of a later list member to earlier unit-less members (6、7% → both %) when the
// gap between them is one of lex.list_joiners.
void propagate_list_units(const Lexicon& lex, std::string_view text, std::vector<Mention>& ms);

}  // namespace gwr::quantity
