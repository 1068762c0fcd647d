// gwr/store/ingest_job.h — the ordered writer of an ingest: a pool of extraction workers, the
// one writer thread that stores their results in input order and in batches, and the record of
// files already stored that lets a re-run resume. Both forms of `gwr ingest` use it (files:
// cli/cmd_ingest.cpp; map result lines: cli/ingest_jsonl.cpp).
//
//   std::vector<store::IngestJob> jobs = …;                       // in the order to store them
//   store::IngestTotals t = store::write_in_order(st, jobs, settings, [&](std::size_t k) {
//     store::IngestDone d;                                         // on a worker thread
//     d.result = rows of every report of jobs[k] (or the Error that stopped it);
//     d.tokens = store::pretokenize(d.result.value());
//     return d;
//   });
//
// Input: jobs (an input file each) and produce(k), which turns job k into rows. Output: the rows
// stored, one ingest_files row per job, and the totals.
// produce(k) runs on `settings.jobs` worker threads (it must be safe for concurrent use on
// different k); the calling thread is the only writer and stores the results in job order, in
// batches of whole jobs (their reports and their ingest_files rows), one transaction per batch,
// closed after settings.batch jobs, 8 MB of input or one second. A job whose result is an Error
// is recorded as failed (its message in ingest_files.error); a job with `fatal` set, or a
// database error, stops the run: the open batch is rolled back, so the database holds whole jobs
// only. Workers run ahead of the writer by at most 64 jobs each and 256 MB of IngestJob::cost.
// A run that was not stopped ends with Store::tidy() (the index merged when the run at least
// doubled the corpus, free pages returned); its failure stops the run too, after every batch was
// committed.
// RESUME. recorded_files() and unchanged() tell a re-run which inputs are stored already (same
// path and size, not failed): it skips them, and reports stored already are duplicates by content.
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

namespace gwr::store {

struct IngestJob {
  std::string path;        // ingest_files.path: the input file as given (the report's source)
  std::int64_t size = 0;   // ingest_files.size: bytes of the input file
  std::uint64_t cost = 0;  // bytes held while the result waits for the writer
};

struct IngestDone {
  Result<std::vector<extraction::ReportRows>> result = make_error(ErrorCode::kInternal, "not run");
  Pretokenized tokens;         // full-text token streams, when the database keeps the index
  std::optional<Error> fatal;  // stop the whole run (an input that changed under the ingest)
};

struct IngestSettings {
  int jobs = 0;    // worker threads; 0: one per core
  int batch = 64;  // jobs per transaction, at most
  // Called on the writer thread after each job (throttling is the callee's) and once with
  // final=true at the end: jobs done, reports stored, bytes of input read.
  std::function<void(std::size_t jobs, std::size_t reports, std::uint64_t bytes, bool final)>
      progress;
};

struct IngestTotals {
  std::size_t reports = 0, duplicates = 0, jobs_done = 0;
  std::vector<std::string> failures;  // "where: message" of every failed job
  int worst = 0;                      // highest exit code among the failures
  std::optional<Error> fatal;         // the run stopped here
};

// Writes the results of produce(0 … jobs.size()-1) in order (see the header comment).
IngestTotals write_in_order(Store& st, const std::vector<IngestJob>& jobs,
                            const IngestSettings& settings,
                            const std::function<IngestDone(std::size_t)>& produce);

// ingest_files rows already written: path -> (size, status).
using RecordedFiles = std::map<std::string, std::pair<std::int64_t, std::string>>;
RecordedFiles recorded_files(const Store& st);

// True when `path` was recorded with this size and did not fail: a re-run skips it.
bool unchanged(const RecordedFiles& seen, const std::string& path, std::int64_t size);

}  // namespace gwr::store
