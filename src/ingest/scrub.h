// gwr/ingest/scrub.h — INTERNAL to the ingest stage: export artifacts in decoded text and HTML.
//
//   MappedText s = ingest::scrub(decoded.text, /*html=*/true, warnings);   // map → decoded.text
//
// Runs on the decoded UTF-8 text before HTML is converted, so that the marks are never read as
// tags. Repairs:
//   `<U+00A0>`, `<U+3000>` …  escaped code points written by R and other export tools → the
//                            character itself (NBSP and ideographic spaces are folded later by
//                            text::normalize); warning `escaped_codepoint`
//   `<!-- … -->` in plain text (a page saved as text with its comments) → removed; warning
//                            `html_comment_removed` (HTML comments are dropped by html_to_text,
//                            which is the normal case and not a repair)
//   `\r\r\n` (line ends converted twice) → one line end; a file mixing CR LF, LF and lone CR
//                            gets one `mixed_line_endings` warning (text::normalize unifies them)
// Every warning carries an offset into `text`. At most kMaxScrubWarnings warnings per kind;
// the last one says how many more repairs were made. Pure; safe for concurrent use.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/warning.h"
#include "text/offset_map.h"

namespace gwr::ingest {

inline constexpr std::size_t kMaxScrubWarnings = 50;

MappedText scrub(std::string_view text, bool html, std::vector<Warning>& warnings);

}  // namespace gwr::ingest
