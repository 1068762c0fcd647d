// gwr/sections/sections.h — stage: the heading tree and the paragraphs of a report body.
//
//   Document doc = std::move(ingest::read_file(path).value()[0]);
//   sections::annotate(doc, lexicon);   // sections::Lexicon, loaded once (pipeline::Resources)
//   for (const Section& s : doc.sections)
//     if (s.level == 1 && !s.appended) std::cout << s.title << "\n";   // 一、2023年工作回顾 …
//
// annotate() fills doc.sections and doc.paragraphs for the text inside doc.body (earlier
// contents of both are replaced). Headings are found by their numbering (第一部分; 一、; (一);
// 1. / 1、; (1)) and by the vocabulary in data/sections_types.tsv (工作回顾, 工作安排, 政府自身
// 建设, 名词解释 …). Level 1 is the highest heading level of the speech: unnumbered part headings
// when the report has them (then `一、` lists under them are level 2 and their numbering restarts
// per part), else `第X部分`, else `一、`. Material after the speech (名词解释, annexed lists of
// 民生实事) is level 1 with appended = true. In .docx input, paragraphs styled "Heading 1" after
// the opening address that no text rule found (doc.style_headings) count as unnumbered part
// headings. In reports scraped onto one line, a heading ends
// where the first sentence of its section begins (data/sections_openers.tsv,
// data/sections_heading_ends.tsv). Enumerators that do not start a sentence (`18个 一、二级`,
// `第一` inside a sentence) are never headings.
//
// Titles are the trimmed source text of the heading span (doc.original_of), so traditional
// reports keep their characters. Paragraphs follow line breaks, and in one-line reports also
// heading boundaries and spaces after a sentence end; sentences end at 。！？!? (with any closing
// quotes) and at paragraph ends, never inside a balanced “…” quote.
//
// Never fails: doubtful structure becomes a doc.warn() warning ("no_sections",
// "heading_end_uncertain", "enumerator_out_of_sequence", "sections_lexicon"). Reads only the
// immutable lexicons, so annotating different documents concurrently is safe.
#pragma once

#include "doc/document.h"
#include "sections/lexicon.h"

namespace gwr::sections {

void annotate(Document& doc, const Lexicon& lexicon);

}  // namespace gwr::sections
