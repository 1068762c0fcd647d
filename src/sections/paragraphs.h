// gwr/sections/paragraphs.h — INTERNAL to the sections stage: paragraphs and sentences.
//
//   std::vector<Paragraph> ps = split_paragraphs(text, body, /*breaks=*/{120, 164});
//
// Paragraphs end at line breaks, at every offset in `breaks` (heading boundaries in one-line
// reports) and at white space that follows a sentence end (。 二、… in scraped one-line text).
// Paragraph and sentence spans are trimmed of white space and never empty. Sentences end after
// 。！？!? and any closing quotes that follow, and at the paragraph end; a sentence end inside a
// balanced “…” or 「…」 quote does not split. Pure; safe for concurrent use.
#pragma once

#include <string_view>
#include <vector>

#include "doc/document.h"

namespace gwr::sections {

// `breaks` must be sorted.
std::vector<Paragraph> split_paragraphs(std::string_view text, Span body,
                                        const std::vector<std::size_t>& breaks);
std::vector<Span> split_sentences(std::string_view text, Span paragraph);

}  // namespace gwr::sections
