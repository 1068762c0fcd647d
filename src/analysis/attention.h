// gwr/analysis/attention.h — attention indices: how often a report speaks of a theme.
//
//   auto themes = analysis::Themes::load();                       // Result<Themes>
//   auto t = analysis::attention(db, *themes, analysis::AttentionBy::kReport);
//   // rows: report_id, region, level, plan_year, chars, theme, hits, per_10k
//
// A theme is a dictionary file data/theme_<name>.tsv (one term per line, simplified characters;
// '#' comment lines). load() takes every embedded theme_*.tsv plus any theme_*.tsv in
// GWR_DATA_DIR; a file there with an embedded name replaces the embedded one, so users edit a
// copy to change a dictionary. A theme without terms, or a term shorter than two characters, is
// kInvalidData naming the file and line.
//
// COUNTING. Terms are matched in the analysis text (paragraphs.text_simplified, or text where
// that is NULL). Within one theme, matching is
// leftmost-longest and non-overlapping (生态文明 counts once, not also as 生态); themes count
// independently. chars is the number of Unicode code points of the paragraphs counted (the same
// denominator at report and section level), and per_10k = hits × 10000 / chars (null when chars
// is 0). By section, paragraphs group by their top-level section type (review, plan_tasks …;
// `none` for paragraphs outside any section).
//
// Themes is immutable after load and safe for concurrent use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

struct Theme {
  std::string name;                // "ecology" for theme_ecology.tsv
  std::vector<std::string> terms;  // longest first
};

class Themes {
 public:
  static Result<Themes> load();
  // Builds from explicit themes (tests, callers with their own lists); validates like load().
  static Result<Themes> from(std::vector<Theme> themes);

  const std::vector<Theme>& themes() const { return themes_; }
  // Hits of each theme (in themes() order) in `text`.
  std::vector<std::size_t> count(std::string_view text) const;

 private:
  std::vector<Theme> themes_;
};

enum class AttentionBy { kReport, kSection };

// `report_ids` limits the reports (empty: all).
Result<Table> attention(const store::Reader& db, const Themes& themes, AttentionBy by,
                        const std::vector<std::int64_t>& report_ids = {});

}  // namespace gwr::analysis
