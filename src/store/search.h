// gwr/store/search.h — full-text search over the paragraphs of the corpus.
//
//   store::SearchQuery q;
//   q.text = "“高质量发展” 教育";                  // FTS5 syntax; several words mean AND
//   q.level = "prefecture";  q.year = 2023;  q.limit = 20;
//   auto hits = store::search(db, q);           // db: a store::Reader; Result<std::vector<Hit>>
//   for (const auto& h : *hits) print(h.region, h.plan_year, h.snippet);
//
// The query text is converted to simplified characters (text::to_simplified) and handed to FTS5
// MATCH on paragraphs_fts, so its syntax passes through: "quoted phrases", AND / OR / NOT (upper
// case), parentheses, prefix*. Chinese words need no quotes: each run of Han characters is a
// phrase of character bigrams (store/tokenizer.h). A query FTS5 cannot parse is kUsage ("cannot
// parse the search query"), except that one without FTS5 operator characters (" * ( ) ^), that is
// with stray ASCII punctuation such as 7.5%, is first retried with each white-space separated
// term quoted.
// Hits are ranked by BM25 (Hit::score, higher is better); ties keep paragraph order. Filters
// are exact matches on reports columns (region also matches region_code) and on
// paragraphs.section_type. Needs paragraphs_fts: a corpus ingested with --no-fts gives kUsage.
// Reads only, through a read connection (store/query.h; a Store's reader() too).
//
// Cost. FTS5 scores every matching paragraph (a very common word matches most of them); search()
// then joins the paragraph and report rows of the best `limit` only, and makes the snippets of
// the hits asked for. With a filter that at least a quarter of the reports pass, it joins the
// best 8 × limit (at least 200) and filters them; with a narrower filter, or if fewer than
// `limit` of those pass, it joins and filters every match, then ranks (slower, same result).
// search() does not count the matches: count() does, for a caller that shows a total, at the
// cost of another pass over them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/query.h"

namespace gwr::store {

inline constexpr int kMaxSearchLimit = 1000;

struct SearchQuery {
  std::string text;
  std::optional<std::string> region;    // reports.region or reports.region_code
  std::optional<std::string> level;     // national | province | prefecture | county
  std::optional<int> year;              // reports.plan_year
  std::optional<std::string> section;   // paragraphs.section_type: review, plan_tasks, …
  std::optional<std::string> province;  // reports.province
  // Hits in every stored version of a report; by default only in its canonical version
  // (report_versions, docs/schema.md "Versions"), so a report stored twice is found once.
  bool all_versions = false;
  int limit = 20;                    // 1..kMaxSearchLimit, else kUsage
  std::string highlight_open = "«";  // around matched terms in Hit::snippet
  std::string highlight_close = "»";
  // Hits [snippet_from, snippet_from + snippet_count) get a snippet (-1: all); the others an
  // empty one. Snippets are made for those hits only, after ranking (a page of a long list).
  int snippet_from = 0;
  int snippet_count = -1;
};

struct Hit {
  std::int64_t paragraph_id = 0;
  std::int64_t report_id = 0;
  int paragraph_ord = 0;
  double score = 0;  // -bm25(): higher is better
  std::string snippet;
  std::optional<std::string> section_type, section_title;
  std::optional<std::string> region, region_code, level, province, delivered;
  std::optional<int> plan_year;
  std::string source;
  std::int64_t start_byte = 0, end_byte = 0;  // the paragraph in the source file
};

Result<std::vector<Hit>> search(const Reader& db, const SearchQuery& query);

// How many paragraphs match `query`'s text and filters (its limit and snippet fields are checked,
// then ignored). Same errors as search().
Result<std::int64_t> count(const Reader& db, const SearchQuery& query);

// How many reports of each region mention `query`'s text: for a map of a term's share by
// region. Every match counts (not only the best kMaxSearchLimit). Reports are the canonical
// versions (all stored versions with query.all_versions); of the filters only year and level
// apply (a map compares regions, so region, province and section are ignored). One row per region
// that has a report passing the filters, mentioning or not, in (province, level, region) order.
struct RegionMentions {
  std::optional<std::string> region, region_code, level, province;
  std::int64_t reports = 0;     // reports of the region that pass the filters
  std::int64_t mentioning = 0;  // of those, with at least one matching paragraph
};
Result<std::vector<RegionMentions>> mentions_by_region(const Reader& db, const SearchQuery& query);

}  // namespace gwr::store
