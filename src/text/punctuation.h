// gwr/text/punctuation.h — the one set of sentence and clause ends, for every stage.
//
//   text::is_sentence_end(U'。') && text::is_sentence_end(U'!');
//   text::line_ends_sentence("……奋斗！”") == true;
//   std::size_t n = text::sentence_end_at(t, i);   // bytes of 。 ! ? ！ ？ or '\n' at i, else 0
//
// Every predicate accepts the full-width marks of source text (。！？；：，）) and the ASCII forms
// the analysis text folds full-width ASCII to (! ? ; : , )), so a rule reads the same on the raw,
// original and analysis layers. Pure functions, safe for concurrent use.
#pragma once

#include <cstddef>
#include <string_view>

namespace gwr::text {

// 。 ！ ？ ! ?
bool is_sentence_end(char32_t c);
// ； ;
inline bool is_semicolon(char32_t c) { return c == U';' || c == U'；'; }
// ： :
inline bool is_colon(char32_t c) { return c == U':' || c == U'：'; }
// ， ,
inline bool is_comma(char32_t c) { return c == U',' || c == U'，'; }
// A sentence end, a comma, semicolon or colon, or a line break.
inline bool is_clause_end(char32_t c) {
  return is_sentence_end(c) || is_comma(c) || is_semicolon(c) || is_colon(c) || c == U'\n';
}
// Closing quotes and brackets that may follow a sentence end: ” ’ 」 』 ） )
bool is_closing_mark(char32_t c);

// Byte length of the sentence end (。 ！ ？ ! ?) or line break starting at byte i of t; 0 if none.
std::size_t sentence_end_at(std::string_view t, std::size_t i);
// True when the line's last character, after any closing marks (and ASCII '"'), ends a sentence
// (a sentence end or the ellipsis …).
bool line_ends_sentence(std::string_view line);

}  // namespace gwr::text
