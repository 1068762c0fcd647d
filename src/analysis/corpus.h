// gwr/analysis/corpus.h — the corpus browser's views: what the corpus holds, the list of its
// reports, one report with everything stored about it, and the indicators seen.
//
//   auto db = store::Reader::open("corpus.db");
//   Result<CorpusSummary> s = analysis::corpus_summary(*db);
//   ReportFilter f;  f.level = "prefecture";
//   Result<ReportPage> page = analysis::report_list(*db, f, /*limit=*/50, /*offset=*/0);
//   Result<std::optional<ReportView>> r = analysis::report_view(*db, 42);   // nullopt: no such id
//
// Input: a corpus database (store/query.h). Output: plain values and Tables whose columns are
// named as the JSON API names its fields (docs/api.md: /api/summary, /api/reports,
// /api/reports/{id}, /api/indicators), so the server turns them into JSON without renaming and
// cli/ could print them with analysis/output.h. Every function only reads; errors are the
// query's (store/query.h).
//
// REPORT COLUMNS. A report row (report_list items, ReportView::report) has id, region,
// region_source, region_code, level, province, parent, delivered, session, speaker,
// speaker_title, acting, review_year, plan_year, partial, gdp_target, chars (code points of the
// body), source, format, encoding, traditional.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/glossary.h"
#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

// SUMMARY: counts over the whole corpus.
// Counts are of reports, each once: its canonical version (report_versions, docs/schema.md
// "Versions"); `versions` counts every stored copy. paragraphs … warnings count every row stored.
struct CorpusSummary {
  std::int64_t reports = 0, versions = 0, regions = 0, paragraphs = 0, targets = 0, facts = 0,
               livelihood_items = 0, glossary = 0, warnings = 0;
  std::optional<std::int64_t> first_year, last_year;  // of plan years; none without reports
  Table by_level;                                     // level, count: most reports first
  Table by_year;        // year (the plan year), count: ascending, reports without one first
  Table by_province;    // province, count: most reports first, then by name
  Table by_year_level;  // year, level, count: by year, then level (the denominators of shares)
  bool search = false;  // the full-text index exists (store::search works)
};
Result<CorpusSummary> corpus_summary(const store::Reader& db);

// REPORT LIST: the reports passing every filter given, newest plan year first, then by province,
// region and id: the canonical version of each report, or every version with all_versions (the
// versions of one report then follow each other, canonical first). Each row carries report_key,
// version_rank (1: canonical) and versions (how many copies of its report are stored).
struct ReportFilter {
  std::optional<std::string> region;    // the region's name or code
  std::optional<std::string> level;     // national | province | prefecture | county
  std::optional<std::string> province;  // exactly this province
  std::optional<std::int64_t> year;     // plan year
  std::optional<std::string> text;      // a substring of region, province or parent
  std::optional<std::string> key;       // exactly this report_key ("<code>/<year>")
  bool all_versions = false;            // every stored copy, not only the canonical one
};
struct ReportPage {
  std::int64_t total = 0;  // reports passing the filters
  // [offset, offset + limit) of them: the report columns, then targets (plan-year targets),
  // warnings and livelihood_items (counts).
  Table items;
  // Counts over every report passing the filters, for the filter drop-downs: columns value,
  // count; levels most first, provinces most first then by name, years newest first.
  Table levels, provinces, years;
};
Result<ReportPage> report_list(const store::Reader& db, const ReportFilter& f, std::int64_t limit,
                               std::int64_t offset);

// ONE REPORT: its row and every row stored about it, in reading order.
struct ReportView {
  Table report;      // one row: the report columns, then published, targets_sentence, body_start,
                     // body_end
  Table sections;    // ord, title, level, type, appended, start, end — by ord
  Table paragraphs;  // id, ord, section_type, section_title, text, start, end — by ord
  Table quantities;  // value, value_hi, unit, kind, comparator, text, start, end — by position
  Table facts;       // ord, indicator, indicator_id, measure, value, value_hi, unit, comparator,
                // status, period, year, scope, headline, linked, verbatim, start, end — by ord
  Table targets;  // kind, horizon, year, indicator, indicator_id, canonical, value, value_hi, unit,
                  // modifier, basis, aspiration, reference, relative_modifier, stretch_value,
                  // base_year, verbatim, start, end — plan-year targets first, in stored order
  Table livelihood;  // ord, label, declared_count, text, start, end — by ord
  Table glossary;    // term, definition, start, end — in stored order
  Table warnings;    // code, message, offset
  Table slogans;     // text, count — most frequent first, then by text
  // Every stored version of this report, this one included: id, version_rank, format, encoding,
  // traditional, partial, chars, source — canonical first. Empty without a report_key.
  Table versions;
  // The report's slogans, then its glossary terms (bare_term), each once, with the definition
  // any report's glossary gives (this report's own first; term_definitions).
  std::vector<TermDefinition> terms;
};
// nullopt when no report has that id. start/end are byte offsets into the report's source file.
Result<std::optional<ReportView>> report_view(const store::Reader& db, std::int64_t id);

// The id, region and plan year of a report; nullopt when no report has that id.
struct ReportRef {
  std::int64_t id = 0;
  std::optional<std::string> region;
  std::optional<std::int64_t> plan_year;
};
Result<std::optional<ReportRef>> report_ref(const store::Reader& db, std::int64_t id);

// INDICATORS seen in the corpus.
struct IndicatorCounts {
  // canonical, kind, year, count, example (an indicator wording), unit — class `other` left out;
  // most frequent first, then by class and newest year.
  Table targets;
  // indicator_id, measure, count — most frequent first, then by id.
  Table facts;
};
Result<IndicatorCounts> indicator_counts(const store::Reader& db);

}  // namespace gwr::analysis
