// gwr/store/body_gaps.h — how the store keeps a report's body once: its paragraphs, and the
// stretches between them.
//
//   auto gaps = store::body_gaps(rows.report.body_text, ords, texts);  // texts: paragraph texts
//   if (!gaps) { /* keep the body whole in report_rows.body_text */ }
//
// The view `reports` rebuilds body_text from the paragraphs and the table body_gaps (schema 4;
// docs/schema.md). Pure; safe for concurrent use.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace gwr::store {

// A stretch of a report's body between two paragraphs (line ends, headings, indentation), as the
// table body_gaps holds it: the gap with ord k comes just before the paragraph with ord k; the one
// after the last paragraph has that paragraph's ord + 1. `text` points into the body given.
struct BodyGap {
  std::int64_t ord = 0;
  std::string_view text;
};

// Cuts `body` into the paragraph texts (in order; `ords` their ords, strictly increasing) and the
// non-empty gaps between them, so that the gaps and paragraphs interleaved by ord are `body`
// again, byte for byte. Nullopt when they are not: no paragraphs, ords out of order, or a
// paragraph that does not follow the previous one in the body (the store then keeps the body
// whole). Each paragraph is matched at its first occurrence after the previous one; any match
// rebuilds the same body.
std::optional<std::vector<BodyGap>> body_gaps(std::string_view body,
                                              std::span<const std::int64_t> ords,
                                              std::span<const std::string_view> texts);

}  // namespace gwr::store
