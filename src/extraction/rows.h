// gwr/extraction/rows.h — a report as the rows the corpus database stores for it, and their JSON
// form: the one projection of an extraction.
//
//   extraction::ReportRows r = extraction::rows_of(x);                // what Store::add writes
//   nlohmann::json j = extraction::rows_json(r);                      // carried by a map result
//   line Result<extraction::ReportRows> back = extraction::rows_from_json(j);  // == r, field for
//   field st.add(*back);                                     // the same rows as st.add(x)
//
// ONE PROJECTION. rows_of() decides, once, every value a report shows its users: raw-file offsets
// for spans, trimmed verbatim quotes, enum names, NULL for an absent value (the five-year target's
// horizon falls back to the passage's). The store writes these rows; the JSON writer
// (extraction/json.h) renders the same rows, table by table (report_row(), target_rows() … below),
// adding only what has no column (page chrome, heading spans, body edges); so the JSON and the
// database cannot disagree on a value. tests/store/agreement_test.cpp checks it on the corpora.
//
// ReportRows is the boundary between extraction and storage: Store::add(Extraction) converts with
// rows_of() and writes the rows, and `gwr ingest --from-jsonl` writes rows read back from the
// result lines of `gwr extract --stdin-jsonl` — one write path, so a database built from map
// output equals one built by a direct ingest of the same files.
//
// Every row struct holds its table's columns (data/store_schema.sql) in schema order — T::tie(row)
// references them in that order, T::kColumns names them — without the generated ones: the row id,
// report_id, and the columns derived at write time (reports.content_key and reports.char_count,
// both from body_text; reports.ingested_at, the clock). Types are the ones bound: an empty
// std::string is stored as '' and an empty optional as NULL, so the two stay apart.
// Offsets are half-open byte ranges into the report's raw input file, as everywhere in gwr.
//
// JSON (kRowsVersion): an object {"report": [...], "sections": [[...], ...], "paragraphs",
// "targets", "facts", "quantities", "livelihood_items", "glossary", "slogans", "warnings"}; each
// row is an array of its columns in the order of kColumns below. Numbers that are not finite (none
// are expected) are written as the strings "nan", "inf", "-inf". rows_from_json() checks every
// column's type and the row lengths; on error it names the table, row and column and nothing is
// returned. All functions here are pure and safe for concurrent use.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "extraction/extraction.h"

namespace gwr::extraction {

// Version of the JSON form; a change to any row below changes it.
inline constexpr int kRowsVersion = 1;

using OptText = std::optional<std::string>;
using OptInt = std::optional<std::int64_t>;
using OptReal = std::optional<double>;

// reports, minus report_id, content_key, char_count and ingested_at.
struct ReportRow {
  std::string source;
  std::int64_t index_in_file = 0;
  std::string format, encoding;
  bool traditional = false;
  OptText region, region_source, region_code, level, province, parent, delivered, session, speaker,
      speaker_title;
  bool acting = false;
  OptInt review_year, plan_year;
  OptText published;
  bool partial = false;
  std::string gdp_target;
  OptText targets_sentence;
  std::int64_t body_start = 0, body_end = 0;
  std::string body_text;

  static constexpr std::array kColumns = {
      "source",     "index_in_file",    "format",      "encoding",  "traditional",
      "region",     "region_source",    "region_code", "level",     "province",
      "parent",     "delivered",        "session",     "speaker",   "speaker_title",
      "acting",     "review_year",      "plan_year",   "published", "partial",
      "gdp_target", "targets_sentence", "body_start",  "body_end",  "body_text"};
  static auto tie(auto& s) {
    return std::tie(s.source, s.index_in_file, s.format, s.encoding, s.traditional, s.region,
                    s.region_source, s.region_code, s.level, s.province, s.parent, s.delivered,
                    s.session, s.speaker, s.speaker_title, s.acting, s.review_year, s.plan_year,
                    s.published, s.partial, s.gdp_target, s.targets_sentence, s.body_start,
                    s.body_end, s.body_text);
  }
  friend bool operator==(const ReportRow&, const ReportRow&) = default;
};

struct SectionRow {
  std::int64_t ord = 0;
  std::string title;
  std::int64_t level = 1;
  std::string type;
  bool appended = false;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {"ord",      "title",      "level",   "type",
                                          "appended", "start_byte", "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.ord, s.title, s.level, s.type, s.appended, s.start_byte, s.end_byte);
  }
  friend bool operator==(const SectionRow&, const SectionRow&) = default;
};

struct ParagraphRow {
  std::int64_t ord = 0;
  OptText section_type, section_title;
  std::string text;
  OptText text_simplified;  // NULL when equal to text
  std::int64_t start_byte = 0, end_byte = 0;

  // What the full-text index holds for this paragraph (the view paragraph_analysis_text).
  const std::string& analysis_text() const { return text_simplified ? *text_simplified : text; }

  static constexpr std::array kColumns = {
      "ord", "section_type", "section_title", "text", "text_simplified", "start_byte", "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.ord, s.section_type, s.section_title, s.text, s.text_simplified, s.start_byte,
                    s.end_byte);
  }
  friend bool operator==(const ParagraphRow&, const ParagraphRow&) = default;
};

struct TargetRow {
  std::string kind;
  OptInt horizon, year;
  std::string indicator;
  OptText indicator_id;
  std::string canonical;
  OptReal value, value_hi;
  OptText unit;
  std::string modifier, basis;
  bool aspiration = false;
  OptText reference, relative_modifier;
  OptReal stretch_value;
  OptInt base_year;
  std::string verbatim;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {
      "kind",      "horizon",           "year",          "indicator", "indicator_id", "canonical",
      "value",     "value_hi",          "unit",          "modifier",  "basis",        "aspiration",
      "reference", "relative_modifier", "stretch_value", "base_year", "verbatim",     "start_byte",
      "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.kind, s.horizon, s.year, s.indicator, s.indicator_id, s.canonical, s.value,
                    s.value_hi, s.unit, s.modifier, s.basis, s.aspiration, s.reference,
                    s.relative_modifier, s.stretch_value, s.base_year, s.verbatim, s.start_byte,
                    s.end_byte);
  }
  friend bool operator==(const TargetRow&, const TargetRow&) = default;
};

struct FactRow {
  std::int64_t ord = 0;
  std::string indicator, indicator_id, measure;
  double value = 0;
  OptReal value_hi;
  std::string unit;
  OptText comparator;
  std::string status, period;
  OptInt year;
  std::string scope;
  bool headline = false;
  OptInt linked_ord;
  std::string verbatim;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {
      "ord",      "indicator",  "indicator_id", "measure",    "value",   "value_hi",
      "unit",     "comparator", "status",       "period",     "year",    "scope",
      "headline", "linked_ord", "verbatim",     "start_byte", "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.ord, s.indicator, s.indicator_id, s.measure, s.value, s.value_hi, s.unit,
                    s.comparator, s.status, s.period, s.year, s.scope, s.headline, s.linked_ord,
                    s.verbatim, s.start_byte, s.end_byte);
  }
  friend bool operator==(const FactRow&, const FactRow&) = default;
};

struct QuantityRow {
  double value = 0;
  OptReal value_hi;
  std::string unit;
  double base_value = 0;
  std::string base_unit, kind, comparator, text;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {"value", "value_hi",   "unit", "base_value", "base_unit",
                                          "kind",  "comparator", "text", "start_byte", "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.value, s.value_hi, s.unit, s.base_value, s.base_unit, s.kind, s.comparator,
                    s.text, s.start_byte, s.end_byte);
  }
  friend bool operator==(const QuantityRow&, const QuantityRow&) = default;
};

struct LivelihoodRow {
  std::int64_t ord = 0;
  std::string label;
  OptInt declared_count;
  std::string text;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {"ord",  "label",      "declared_count",
                                          "text", "start_byte", "end_byte"};
  static auto tie(auto& s) {
    return std::tie(s.ord, s.label, s.declared_count, s.text, s.start_byte, s.end_byte);
  }
  friend bool operator==(const LivelihoodRow&, const LivelihoodRow&) = default;
};

struct GlossaryRow {
  std::string term, definition;
  std::int64_t start_byte = 0, end_byte = 0;

  static constexpr std::array kColumns = {"term", "definition", "start_byte", "end_byte"};
  static auto tie(auto& s) { return std::tie(s.term, s.definition, s.start_byte, s.end_byte); }
  friend bool operator==(const GlossaryRow&, const GlossaryRow&) = default;
};

struct SloganRow {
  std::string text;
  std::int64_t count = 0;

  static constexpr std::array kColumns = {"text", "count"};
  static auto tie(auto& s) { return std::tie(s.text, s.count); }
  friend bool operator==(const SloganRow&, const SloganRow&) = default;
};

struct WarningRow {
  std::string code, message;
  OptInt raw_offset;

  static constexpr std::array kColumns = {"code", "message", "raw_offset"};
  static auto tie(auto& s) { return std::tie(s.code, s.message, s.raw_offset); }
  friend bool operator==(const WarningRow&, const WarningRow&) = default;
};

struct ReportRows {
  ReportRow report;
  std::vector<SectionRow> sections;
  std::vector<ParagraphRow> paragraphs;
  std::vector<TargetRow> targets;  // plan-year targets, then five-year targets
  std::vector<FactRow> facts;
  std::vector<QuantityRow> quantities;
  std::vector<LivelihoodRow> livelihood_items;
  std::vector<GlossaryRow> glossary;
  std::vector<SloganRow> slogans;
  std::vector<WarningRow> warnings;
  friend bool operator==(const ReportRows&, const ReportRows&) = default;
};

// The rows Store::add writes for `x`: every table below, in order.
ReportRows rows_of(const Extraction& x);

// The tables one at a time (rows_of is all of them); the JSON writer reads these, so it shows
// what the store holds. Rows come in document order; `ord` is the index in the returned vector.
ReportRow report_row(const Extraction& x);
std::vector<SectionRow> section_rows(const Document& d);
std::vector<ParagraphRow> paragraph_rows(const Document& d);
std::vector<TargetRow> target_rows(const Extraction& x);  // plan-year, then five-year
std::vector<FactRow> fact_rows(const Extraction& x);
std::vector<QuantityRow> quantity_rows(const Extraction& x);
std::vector<LivelihoodRow> livelihood_rows(const Extraction& x);
std::vector<GlossaryRow> glossary_rows(const Extraction& x);
std::vector<SloganRow> slogan_rows(const Extraction& x);
std::vector<WarningRow> warning_rows(const Document& d);

// The JSON form (see the header comment). Strings are kept as they are; print with
// gwr::dump_json (common/json.h).
nlohmann::json rows_json(const ReportRows& r);

// Reads the JSON form back. kInvalidData naming the table, row and column on any mismatch.
Result<ReportRows> rows_from_json(const nlohmann::json& j);

}  // namespace gwr::extraction
