// gwr/ingest/webprint.h — INTERNAL to the ingest stage: cleans the text layer of a PDF, in
// particular a web page printed to PDF by a browser.
//
//   std::vector<std::size_t> pages;
//   MappedText pdf = pdf_to_text(bytes, name, &pages).value();
//   MappedText clean = clean_pdf_text(pdf.text, pages, warnings);   // map → pdf.text
//
// What it repairs, in this order:
//  1. Running headers and footers: among the first and last three non-blank lines of every page,
//     the browser's print stamp (`2024/3/5 10:21`, optionally followed by the page title), URLs,
//     page counters (`1/15`, `第 1 页 共 15 页`, `- 3 -`) and any line repeated at the edges of
//     at least half of the pages (the page title) are dropped.
//  2. Letter-spaced headings (`一 、 2 0 2 4 年 工 作 回 顾`) lose their spaces; a heading that
//     appears twice in a row, on one line (`政府工作报告政府工作报告`) or on two, is kept once.
//  3. Lines broken mid-sentence are re-joined: a line as wide as the page's text column that
//     does not end a sentence (。！？!?) continues on the next line, unless that line opens a
//     numbered heading (一、 (一) 第X部分). Blank lines, short lines (headings, paragraph ends)
//     and page breaks between paragraphs survive.
// Every kind of repair becomes one Warning (code `pdf_print_chrome`, `pdf_spaced_heading`,
// `pdf_repeated_heading`, `pdf_lines_joined`) with the count and an offset into `text`.
// `page_begins` holds the offset of each page in `text` (may be empty: one page). Pure; safe
// for concurrent use.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/warning.h"
#include "text/offset_map.h"

namespace gwr::ingest {

MappedText clean_pdf_text(std::string_view text, const std::vector<std::size_t>& page_begins,
                          std::vector<Warning>& warnings);

// Plain text that was hard-wrapped at a fixed column (text copied out of a PDF, pdftotext output
// saved as .txt): when at least 40 % of the lines of 20 or more cells fill a column of at most 200
// cells without ending a sentence, each such line is joined to the next unless that one is blank
// or opens a numbered heading (rule 3 above, without pages). Other text is returned unchanged
// (identity map). One warning `txt_lines_joined` with the count. Pure.
MappedText unwrap_text(std::string_view text, std::vector<Warning>& warnings);

}  // namespace gwr::ingest
