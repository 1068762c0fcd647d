#include "store/ingest_job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace gwr::store {

RecordedFiles recorded_files(const Store& st) {
  RecordedFiles out;
  auto files = st.recorded_files();
  if (!files) return out;
  for (auto& f : *files) out[f.path] = {f.size, f.status};
  return out;
}

bool unchanged(const RecordedFiles& seen, const std::string& path, std::int64_t size) {
  const auto it = seen.find(path);
  return it != seen.end() && it->second.first == size && it->second.second != "failed";
}

IngestTotals write_in_order(Store& st, const std::vector<IngestJob>& todo,
                            const IngestSettings& settings,
                            const std::function<IngestDone(std::size_t)>& produce) {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t jobs =
      std::min<std::size_t>(settings.jobs > 0 ? static_cast<std::size_t>(settings.jobs) : hw,
                            std::max<std::size_t>(1, todo.size()));
  // The writer stores results in job order, so a worker may run ahead of it while another is
  // busy with a large input (a dump of many reports). How far: at most `window` jobs and
  // `kAheadBytes` of cost held in results not yet written. The job the writer waits for always
  // runs, so the bounds cannot deadlock.
  const std::size_t window = jobs * 64;
  constexpr std::uint64_t kAheadBytes = 256ull << 20;
  std::uint64_t held = 0;  // cost of jobs started and not yet written

  std::mutex mu;
  std::condition_variable cv_done, cv_room;
  std::map<std::size_t, IngestDone> ready;  // by position in `todo`
  std::size_t next_write = 0;
  std::atomic<std::size_t> next_job{0};
  std::atomic<bool> stop{false};

  auto worker = [&] {
    for (;;) {
      const std::size_t k = next_job.fetch_add(1);
      if (k >= todo.size() || stop) return;
      {
        std::unique_lock lock(mu);
        cv_room.wait(lock, [&] {
          return stop || k == next_write ||
                 (k < next_write + window && held + todo[k].cost <= kAheadBytes);
        });
        if (stop) return;
        held += todo[k].cost;
      }
      IngestDone d;
      try {
        d = produce(k);
      } catch (const std::exception& e) {
        d.result = make_error(ErrorCode::kInternal, e.what(), todo[k].path);
      }
      {
        std::lock_guard lock(mu);
        ready.emplace(k, std::move(d));
      }
      cv_done.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t j = 0; j < jobs; ++j) threads.emplace_back(worker);

  IngestTotals t;
  auto before = st.last_paragraph_id();
  if (!before) t.fatal = before.error();
  const auto progress = [&](std::size_t docs, std::uint64_t read, bool final) {
    if (settings.progress) settings.progress(t.jobs_done, docs, read, final);
  };
  std::uint64_t bytes = 0;
  // Jobs are written in batches, one transaction each: a batch closes after settings.batch jobs,
  // kBatchBytes of input or kBatchSeconds, whichever comes first (fewer, larger commits let the
  // full-text index flush less often). Counts are taken into the totals only once committed.
  const auto kBatchJobs = static_cast<std::size_t>(std::max(1, settings.batch));
  constexpr std::uint64_t kBatchBytes = 8u << 20;
  constexpr double kBatchSeconds = 1.0;
  std::size_t batch_jobs = 0, batch_reports = 0, batch_duplicates = 0;
  std::uint64_t batch_bytes = 0;
  auto batch_start = std::chrono::steady_clock::now();
  auto commit = [&]() -> Status {
    if (!st.in_batch()) return Ok{};
    if (auto c = st.commit_batch(); !c) return c;
    t.reports += batch_reports;
    t.duplicates += batch_duplicates;
    batch_jobs = batch_reports = batch_duplicates = 0;
    batch_bytes = 0;
    return Ok{};
  };
  for (std::size_t k = 0; k < todo.size() && !t.fatal; ++k) {
    IngestDone d;
    {
      std::unique_lock lock(mu);
      cv_done.wait(lock, [&] { return ready.count(k) > 0; });
      d = std::move(ready.at(k));
      ready.erase(k);
      next_write = k + 1;
      held -= todo[k].cost;
    }
    cv_room.notify_all();
    if (d.fatal) {
      t.fatal = *d.fatal;
      st.rollback_batch();
      break;
    }
    const auto size = static_cast<std::uint64_t>(std::max<std::int64_t>(0, todo[k].size));
    FileRecord rec{todo[k].path, todo[k].size, "failed", 0, ""};
    bytes += size;
    Status written = Ok{};
    if (!st.in_batch()) {
      written = st.begin_batch();
      batch_start = std::chrono::steady_clock::now();
    }
    if (written && !d.result) {
      rec.error = d.result.error().message;
      t.failures.push_back(d.result.error().describe());
      t.worst = std::max(t.worst, exit_code_for(d.result.error().code));
      written = st.record_file(rec);
    } else if (written) {
      int added = 0, dup = 0;
      for (const auto& x : d.result.value()) {
        auto a = st.add(x, &d.tokens);
        if (!a) {
          written = a.error();
          break;
        }
        (a->duplicate ? dup : added) += 1;
      }
      if (written) {
        rec.status = added > 0 ? "ingested" : "duplicate";
        rec.reports = added;
        written = st.record_file(rec);
      }
      if (written) {
        batch_reports += static_cast<std::size_t>(added);
        batch_duplicates += static_cast<std::size_t>(dup);
      }
    }
    ++batch_jobs;
    batch_bytes += size;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count();
    if (written && (batch_jobs >= kBatchJobs || batch_bytes >= kBatchBytes ||
                    secs >= kBatchSeconds || k + 1 == todo.size())) {
      written = commit();
    }
    if (!written) {
      t.fatal = written.error();
      st.rollback_batch();
    }
    ++t.jobs_done;
    progress(t.reports + batch_reports, bytes, false);
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  cv_room.notify_all();
  for (auto& th : threads) th.join();
  if (!t.fatal) {
    if (auto s = st.tidy(*before); !s) t.fatal = s.error();
  }
  progress(t.reports, bytes, true);
  return t;
}

}  // namespace gwr::store
