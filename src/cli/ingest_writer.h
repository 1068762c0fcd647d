// gwr/cli/ingest_writer.h — INTERNAL to the gwr command: the writer both forms of `gwr ingest`
// share (files: cmd_ingest.cpp; map result lines: ingest_jsonl.cpp).
//
//   std::vector<cli::IngestJob> jobs = …;                         // in the order to store them
//   cli::IngestTotals t = cli::write_in_order(st, jobs, settings, [&](std::size_t k) {
//     cli::IngestDone d;                                           // on a worker thread
//     d.result = rows of every report of jobs[k] (or the Error that stopped it);
//     d.tokens = store::pretokenize(d.result.value());
//     return d;
//   });
//
// produce(k) runs on `settings.jobs` worker threads (it must be safe for concurrent use on
// different k); the calling thread is the only writer and stores the results in job order, in
// batches of whole jobs (their reports and their ingest_files rows), one transaction per batch,
// closed after settings.batch jobs, 8 MB of input or one second. A job whose result is an Error
// is recorded as failed (its message in ingest_files.error); a job with `fatal` set, or a
// database error, stops the run: the open batch is rolled back, so the database holds whole jobs
// only. Workers run ahead of the writer by at most 64 jobs each and 256 MB of IngestJob::cost.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "extraction/rows.h"
#include "store/store.h"
#include "store/tokenizer.h"

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

struct IngestJob {
  std::string path;        // ingest_files.path: the input file as given (the report's source)
  std::int64_t size = 0;   // ingest_files.size: bytes of the input file
  std::uint64_t cost = 0;  // bytes held while the result waits for the writer
};

struct IngestDone {
  Result<std::vector<extraction::ReportRows>> result = make_error(ErrorCode::kInternal, "not run");
  store::Pretokenized tokens;  // full-text token streams, when the database keeps the index
  std::optional<Error> fatal;  // stop the whole run (an input that changed under the ingest)
};

struct IngestSettings {
  int jobs = 0;    // worker threads; 0: one per core
  int batch = 64;  // jobs per transaction, at most
};

struct IngestTotals {
  std::size_t reports = 0, duplicates = 0, jobs_done = 0;
  std::vector<std::string> failures;  // "where: message" of every failed job
  int worst = 0;                      // highest exit code among the failures
  std::optional<Error> fatal;         // the run stopped here
};

// Writes the results of produce(0 … jobs.size()-1) in order (see the header comment).
IngestTotals write_in_order(store::Store& st, const std::vector<IngestJob>& jobs,
                            const IngestSettings& settings,
                            const std::function<IngestDone(std::size_t)>& produce);

// ingest_files rows already written: path -> (size, status).
std::map<std::string, std::pair<std::int64_t, std::string>> recorded_files(const store::Store& st);

// True when `path` was recorded with this size and did not fail: a re-run skips it.
bool unchanged(const std::map<std::string, std::pair<std::int64_t, std::string>>& seen,
               const std::string& path, std::int64_t size);

// The summary line on stdout ("ingested 14 reports from 5 files; …"), the failures on stderr,
// and the exit code: the fatal error's, else the worst failure's, else 0.
int report_totals(IngestTotals totals, std::size_t unchanged_count, const std::string& db);

}  // namespace gwr::cli
