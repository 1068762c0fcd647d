// gwr/cli/corpus.h — INTERNAL to the gwr command: what the analysis commands (targets, realised,
// attention, terms, compare, check, export) share: opening the corpus read-only and printing.
#pragma once

#include <filesystem>
#include <iostream>
#include <string>

#include "analysis/output.h"
#include "cli/commands.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::cli {

// The corpus database at `path`, read-only; a missing file is kUnreadable (never created).
inline Result<store::Reader> open_corpus(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return make_error(ErrorCode::kUnreadable, "no such corpus database", path);
  }
  return store::Reader::open(path);
}

// Prints `t` in `format` on stdout and returns the exit code.
inline int print_table(const Result<Table>& t, const std::string& format) {
  if (!t) return fail(t.error());
  auto st = analysis::print(std::cout, *t, format);
  if (!st) return fail(st.error());
  std::cout.flush();
  return 0;
}

inline constexpr const char* kFormats = "csv, json, jsonl or table";

}  // namespace gwr::cli
