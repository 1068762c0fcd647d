// gwr/cli/corpus.h — INTERNAL to the gwr command: what the analysis commands (targets, realised,
// attention, terms, compare, check, export) share: opening the corpus read-only and printing.
#pragma once

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "analysis/compare.h"
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

// The arguments of a command over reports named by reference (compare, commitments):
// REF… --db --format.
struct RefsOptions {
  std::string db, format = "table";
  std::vector<std::string> refs;
};

inline void add_refs_options(CLI::App* sub, RefsOptions& o) {
  sub->add_option("REF", o.refs,
                  "Report id, or region and plan year ('庆阳市 2023', '庆阳市:2023')")
      ->required();
  sub->add_option("--db", o.db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--format", o.format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
}

// The corpus opened read-only and the reports its references name.
struct OpenedRefs {
  store::Reader db;
  std::vector<std::int64_t> ids;
};

inline Result<OpenedRefs> open_refs(const RefsOptions& o) {
  auto db = open_corpus(o.db);
  if (!db) return db.error();
  auto ids = analysis::resolve_reports(*db, o.refs);
  if (!ids) return ids.error();
  return OpenedRefs{std::move(db).value(), std::move(ids).value()};
}

}  // namespace gwr::cli
