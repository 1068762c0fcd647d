// gwr/eval/eval.h — scores extraction against a gold file in the format of shared/gold/seeds.json.
//
//   auto res = pipeline::Resources::load();
//   Result<eval::Report> r = eval::evaluate("seeds.json", "corpus/", **res);
//   std::cout << eval::format(*r);   // table, then a last line "targets: P=… R=… F1=…"
//
// Gold records are matched to extracted documents by source_file and index_in_file (falling
// back to the document of the same file whose region matches). A target matches on canonical id,
// value, value_hi and modifier (values within 1e-6); matching is one-to-one. Metadata accuracy is
// counted per labelled field; livelihood recall per item text (exact, after trimming).
// Errors: unreadable or malformed gold file → kInvalidData; a corpus file that fails to extract is
// reported in the table and counts every gold item of its records as missed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "pipeline/pipeline.h"

namespace gwr::eval {

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct RecordScore {
  std::string source_file;
  int index_in_file = 0;
  std::string region;  // gold region
  bool found = false;  // a document was extracted for it
  int meta_ok = 0, meta_total = 0;
  std::vector<std::string> meta_misses;  // "field: got X, want Y"
  bool body_start_ok = false, body_end_ok = false, sections_ok = false;
  Counts targets, fyp;
  int livelihood_found = 0, livelihood_total = 0;
  bool declared_ok = false;
  std::vector<std::string> target_misses;  // human-readable FN/FP lines
  int verbatim_ok = 0;  // dev labels: matched targets whose verbatim is the labelled text
};

struct Report {
  std::vector<RecordScore> records;
  int meta_ok = 0, meta_total = 0;
  int body_ok = 0, body_total = 0;
  int sections_ok = 0;
  Counts targets, fyp;
  int livelihood_found = 0, livelihood_total = 0;
  int declared_ok = 0;
  int verbatim_ok = 0;      // dev labels: matched targets with the labelled verbatim
  bool dev_labels = false;  // scored with evaluate_dev_labels (no body/sections/livelihood)
};

Result<Report> evaluate(const std::filesystem::path& gold, const std::filesystem::path& corpus,
                        const pipeline::Resources& res);

// Scores the hand labels of the dev corpus (tests/eval/dev/labels/*.json: values and byte
// offsets into the "docx-wt-1" rendering, eval/docx_render.h) against extraction of the .docx
// files of `corpus`. Metadata counts region, level, province, parent, years, delivered, session,
// speaker, speaker_title, acting and gdp_target; a target matches as in evaluate() and, where
// the label gives them, on reference, relative_modifier and stretch_value too. A label whose
// rendering hash differs from the file's rendering is reported and scored as missed. kInvalidData
// for a malformed label file.
Result<Report> evaluate_dev_labels(const std::filesystem::path& labels,
                                   const std::filesystem::path& corpus,
                                   const pipeline::Resources& res);
// The table; with `verbose`, every miss. The last line is "targets: P=… R=… F1=…".
std::string format(const Report& r, bool verbose = false);

}  // namespace gwr::eval
