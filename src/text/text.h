// gwr/text/text.h — stage 1: raw bytes → UTF-8 text → analysis text, each with an offset map.
//
//   std::vector<Warning> w;
//   Result<Decoded> d = text::decode(bytes, /*declared=*/"", w);   // detects GB18030, Big5, UTF-8…
//   MappedText original = std::move(d->text);                      // map → raw bytes
//   auto lex = text::Lexicon::load();                              // Result, once per process
//   Normalized n = text::normalize(original.text, *lex, w);        // map → original
//
// decode(): detects the encoding (BOM, then strict UTF-8 validation, then uchardet, with
// GB18030 as the CJK fallback), converts with ICU and keeps, for every output byte, the raw
// byte range it came from. Undecodable bytes become U+FFFD with a warning; text that is mostly
// undecodable, or binary (NULs, control bytes), is an error (kBadEncoding / kUnsupportedFormat).
//
// normalize(): produces the analysis text. Folds full-width ASCII (，：；（）％０-９Ａ-Ｚ) and
// ideographic/NBSP spaces to their ASCII forms; unifies 〇 spellings (○ ◯ О inside numerals);
// converts traditional to simplified characters (OpenCC t2s) when the text is traditional;
// repairs scraping artifacts, each recorded as a Warning whose raw_offset is an offset into the
// *input of normalize()* (the caller maps it further down): stray ';' left from '&nbsp;'
// (`53;万人`, `16;%`), a space inserted before an enumerator (`十 一、`), letter-spaced titles
// (`政 府 工 作 报 告` → `政府工作报告`). Line structure is kept: '\n' stays '\n' (CR LF and CR
// become '\n').
//
// Both functions are pure, never throw and are safe for concurrent use (the OpenCC converter is
// loaded once per process behind a thread-safe static initialiser in text.cpp and is immutable).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/vocabulary.h"
#include "common/warning.h"
#include "text/offset_map.h"

namespace gwr::text {

inline constexpr std::size_t kMaxInputBytes = 64u << 20;  // 64 MiB per file; more is kTooLarge

struct Decoded {
  MappedText text;       // UTF-8, BOM removed; map → raw bytes
  std::string encoding;  // "UTF-8", "GB18030", "Big5", "UTF-16LE" …
};

// `declared` is an encoding named by the container (HTML meta charset), tried first if valid.
Result<Decoded> decode(std::string_view bytes, std::string_view declared,
                       std::vector<Warning>& warnings);

// The text stage's vocabulary (data/text_number_units.tsv): words that follow a number as its
// unit. Immutable after load(); kInvalidData for a malformed file.
struct Lexicon {
  data::Vocabulary vocab;  // kinds: unit
  static Result<Lexicon> load();
};

struct Normalized {
  MappedText text;  // analysis text; map → normalize()'s input
  bool traditional = false;
};
Normalized normalize(std::string_view original, const Lexicon& lex, std::vector<Warning>& warnings);

// True when the text reads as traditional Chinese (share of characters OpenCC t2s changes).
bool looks_traditional(std::string_view utf8);
// Simplified form of a short string (queries, names); identity on simplified text.
std::string to_simplified(std::string_view utf8);

}  // namespace gwr::text
