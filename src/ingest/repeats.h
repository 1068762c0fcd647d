// gwr/ingest/repeats.h — INTERNAL to the ingest stage: scraped pages that hold an article more
// than once, and pagination.
//
//   Deduplicated d = ingest::remove_repeats(visible.text, lex, warnings);  // map → visible.text
//   if (!d.missing_pages.empty()) mark_partial(d.missing_pages);
//
// A scraper that fetched every page of a paginated article (each page showing the whole text,
// with its navigation) leaves the article up to six times in one file. A repeated copy is a run
// of lines — holding at least one line of 20+ characters — identical (white space ignored) to a
// run earlier in the text, of at least 5 lines and 300 bytes, or of 600 bytes; every copy after
// the first is removed, with the lines around it that repeat too (title, chrome). Pager lines
// (`上一页 1 2 3 下一页`, `第1页 共3页`, `尾页`) are removed everywhere; when they say the article
// has pages that the file does not hold (`第1页` of `共3页`), `missing_pages` says so and the
// caller flags the document partial. Each removal is a Warning (`repeated_copy_removed`,
// `pager_removed`) with an offset into the input. Pure; safe for concurrent use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/warning.h"
#include "ingest/ingest.h"
#include "text/offset_map.h"

namespace gwr::ingest {

struct Deduplicated {
  MappedText text;  // map → the input of remove_repeats()
  int copies_removed = 0;
  bool pager = false;         // pager lines were found (and removed)
  std::string missing_pages;  // "page 1 of 3", "" when nothing is known to be missing
};

Deduplicated remove_repeats(std::string_view text, const Lexicon& lex,
                            std::vector<Warning>& warnings);

}  // namespace gwr::ingest
