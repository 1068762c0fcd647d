// gwr/analysis/terms.h — word frequencies, slogans, and terms rising or falling across years.
//
//   auto seg = analysis::Segmenter::load();                        // Result<Segmenter>
//   auto top = analysis::top_terms(db, *seg, analysis::TermsBy::kReport, 20);
//   auto up  = analysis::term_trends(db, *seg, analysis::TermsBy::kYear, 20);
//
// WORDS. Text is segmented with ICU's dictionary-based word BreakIterator (locale zh). A word
// counts when it is at least two characters long, every character is a Han ideograph, and it is
// not in data/terms_stopwords.tsv (function words and the genre's generic verbs; override the
// file through GWR_DATA_DIR). Counting runs over the analysis text (paragraphs.text_simplified,
// or text where that is NULL); `chars` is the
// number of code points counted and per_10k = count × 10000 / chars.
//
// TOP TERMS (top_terms). The n most frequent words per report (kReport: report_id, region,
// plan_year), per plan year (kYear) or per region (kRegion); ties break by the word's UTF-8
// order. Columns: the group keys, rank, term, count, per_10k.
//
// TRENDS (term_trends). For kYear the whole corpus is one group; for kRegion each region with
// reports for at least two plan years is one. Within a group the earliest and the latest plan
// year are compared (with `year`: that plan year and the latest one before it in the group; a
// group without both is left out): change = per_10k(last) − per_10k(first) for every word seen
// at least twice in the group over the years compared. The n largest rises and n largest falls are
// returned with columns group, term, first_year, first_per_10k, last_year, last_per_10k, change,
// direction (rise | fall).
//
// SLOGANS (slogans). The stored quoted slogans of each report, most frequent first, n per report.
//
// Segmenter is immutable after load(); words() creates its own ICU iterator, so it is safe for
// concurrent use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

class Segmenter {
 public:
  static Result<Segmenter> load();
  static Result<Segmenter> with_stop_words(std::vector<std::string> stop);
  // The counted words of `text`, in order.
  Result<std::vector<std::string>> words(std::string_view text) const;

 private:
  std::unordered_set<std::string> stop_;
};

enum class TermsBy { kReport, kYear, kRegion };

Result<Table> top_terms(const store::Reader& db, const Segmenter& seg, TermsBy by, std::size_t n,
                        const std::vector<std::int64_t>& report_ids = {});
Result<Table> term_trends(const store::Reader& db, const Segmenter& seg, TermsBy by, std::size_t n,
                          std::optional<std::int64_t> year = std::nullopt);
Result<Table> slogans(const store::Reader& db, std::size_t n,
                      const std::vector<std::int64_t>& report_ids = {});

}  // namespace gwr::analysis
