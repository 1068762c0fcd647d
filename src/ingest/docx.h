// gwr/ingest/docx.h — INTERNAL to the ingest stage: Word .docx → text, with libzip + pugixml.
//
//   Result<DocxText> t = ingest::docx_to_text(bytes, "report.docx");
//   use(t->text, t->headings);          // headings: spans in t->text with their outline level
//
// What the text holds: each w:p of word/document.xml's body is one line ('\n' after it); a
// w:br / w:cr inside a paragraph is a line break, w:tab a TAB; list numbering (w:numPr) is
// rendered from word/numbering.xml (decimal `1.`, chineseCounting `一、` …) in front of the
// paragraph text; a table is one line per row with the cells joined by TAB (the paragraphs of
// one cell joined by a space). Footnotes, endnotes, comments, headers and footers live in other
// parts and are never read; deleted text (w:delText), field codes (w:instrText) and the fallback
// copy of mc:AlternateContent are skipped.
//
// Headings: a paragraph whose style is a Word heading (styleId or style name `Heading N`,
// `heading N`, `标题 N`, or a style/paragraph outline level) is a heading of level N; a
// numbered paragraph (w:numPr) without a heading style is recorded with the level of its list
// (ilvl + 1) and `numbered` = true, weaker evidence.
//
// OFFSETS: the extracted text is the "raw" layer of a .docx — its spans are byte offsets into
// this text, not into the zip file (the XML has no usable correspondence with the bytes of a
// compressed archive).
//
// Budgets and failures (the message names the file via `name`):
//   kTooLarge          word/document.xml (or another part read) over kMaxDocxPartBytes
//                      uncompressed, or compressed more than kMaxDocxRatio : 1 (a zip bomb)
//   kUnsupportedFormat not a zip archive / corrupt zip, password-protected (an OLE container
//                      holding an EncryptedPackage, or encrypted zip entries), no
//                      word/document.xml, malformed XML, no w:body
// Pure; safe for concurrent use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "doc/document.h"

namespace gwr::ingest {

inline constexpr std::size_t kMaxDocxPartBytes = 64u << 20;  // 64 MiB uncompressed per part
inline constexpr std::size_t kMaxDocxRatio = 200;            // uncompressed : compressed
// The ratio is only checked for parts over this size: small XML compresses well and is harmless.
inline constexpr std::size_t kDocxRatioCheckFrom = 1u << 20;

struct DocxText {
  std::string text;
  std::vector<StyleHeading> headings;  // spans in `text`, in order
};

Result<DocxText> docx_to_text(std::string_view bytes, std::string_view name);

// An OLE compound file (D0 CF 11 E0): a legacy .doc, or a password-protected .docx wrapped as
// an EncryptedPackage. Returns the kUnsupportedFormat error that says which.
Error ole_error(std::string_view bytes, std::string_view name);

}  // namespace gwr::ingest
