// gwr/cli/ingest_writer.h — INTERNAL to the gwr command: what both forms of `gwr ingest` share
// (files: cmd_ingest.cpp; map result lines: ingest_jsonl.cpp): their options, the progress bar
// and the summary. The pool, the ordered batches and resume are store/ingest_job.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/ingest_job.h"

namespace gwr::cli {

// The options of `gwr ingest` (cmd_ingest.cpp registers them).
struct IngestOptions {
  std::vector<std::string> paths;  // files and folders; with from_jsonl, result shards ("-": stdin)
  std::string db;
  bool from_jsonl = false;
  bool no_fts = false;
  int jobs = 0;
  int batch = 64;     // jobs per transaction, at most
  double wait_s = 0;  // for another ingest on the same database to finish
};

// `gwr ingest --from-jsonl SHARD... --db DB` (ingest_jsonl.cpp).
int run_ingest_from_jsonl(const IngestOptions& o);

// A progress bar on stderr when it is a terminal (files, docs/s, MB/s), redrawn at most every
// 100 ms; the callback for IngestSettings::progress.
std::function<void(std::size_t, std::size_t, std::uint64_t, bool)> progress_bar(std::size_t total);

// The summary line on stdout ("ingested 14 reports from 5 files; …"), the failures on stderr,
// and the exit code: the fatal error's, else the worst failure's, else 0.
int report_totals(store::IngestTotals totals, std::size_t unchanged_count, const std::string& db);

}  // namespace gwr::cli
