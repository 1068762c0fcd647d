// gwr/analysis/export.h — corpus tables written to files for spreadsheets, Stata and R.
//
//   auto t = analysis::export_table(db, "targets");          // Result<Table>
//   auto st = analysis::write_file("out.xlsx", {*t});         // Status
//
// Tables (export_table_names()): targets (the panel of targets.h), facts (with region and
// years), reports (metadata, without body text and JSON), livelihood, glossary, warnings, panel
// (the wide region × year table of targets.h).
//
// write_file() picks the format from the extension:
//   .csv   — exactly one table; UTF-8 with the byte order mark (so Excel shows Chinese), RFC 4180;
//   .jsonl — exactly one table; one JSON object per row;
//   .xlsx  — one sheet per table, named after it, header row bold and frozen; numbers stay
//            numbers. Every libxlsxwriter return code is checked; a failure is kUnreadable
//            naming the file and libxlsxwriter's message.
// The file is written to "<path>.tmp" and renamed over `path` only on success, so a failed
// export never leaves a half-written file under the requested name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

const std::vector<std::string>& export_table_names();
// kUsage for an unknown name. facts, reports, livelihood, glossary and warnings hold the canonical
// version of each report only (report_versions, docs/schema.md "Versions"), every stored version
// with all_versions; reports carries report_key and version_rank. targets, panel and realised read
// every version, canonical first (targets.h).
Result<Table> export_table(const store::Reader& db, std::string_view name,
                           bool all_versions = false);

Status write_file(const std::filesystem::path& path, const std::vector<Table>& tables);
Status write_xlsx(const std::filesystem::path& path, const std::vector<Table>& tables);

}  // namespace gwr::analysis
