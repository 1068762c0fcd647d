// gwr/ingest/layout.h — INTERNAL to the ingest stage: where reports start and end inside a text.
//
//   const Lexicon& lex = …;                                    // ingest::Lexicon (ingest.h)
//   for (std::size_t begin : split_points(*lex, text)) ...      // one chunk per report
//   Layout l = analyze(*lex, chunk_text);                         // body, page meta, partial
//
// All functions work on the analysis text (simplified, half-width, see text::normalize) and
// return byte offsets into the string they were given. The lexicons (data/report_signals.tsv,
// data/boilerplate.tsv) come in as an ingest::Lexicon and are only read.
//
// Body rules (see shared/gold/README.md, "Body boundaries"): the body starts at the report's own
// title block — found by walking back from the opening address (`各位代表:` … `我代表`) over
// title, subtitle (`——…在…会议上`), speaker and date lines, stopping at page chrome — and ends at
// the last line before the first footer line (责任编辑, 扫一扫, an ISO date line, …). Appended
// glossaries and annexes stay inside. Without an opening address the body starts at the first
// line that is neither chrome nor a portal headline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "doc/document.h"
#include "ingest/ingest.h"

namespace gwr::ingest {

// True when the text carries any `signal` phrase.
bool has_report_signal(const Lexicon& lex, std::string_view text);

// Offsets where the reports of a multi-report file begin; always starts with 0. A single report
// gives {0}.
std::vector<std::size_t> split_points(const Lexicon& lex, std::string_view text);

struct MetaHit {
  Span key;
  Span value;
};

struct Layout {
  Span body;                  // trimmed; empty when the text has no report body at all
  std::vector<MetaHit> meta;  // page metadata fields found outside the body
  bool partial = false;
  std::string partial_reason;  // plain words, "" unless partial
};

Layout analyze(const Lexicon& lex, std::string_view text);

}  // namespace gwr::ingest
