// gwr ingest PATH... --db corpus.db — extract every report under PATH into the corpus database.
//
// Worker threads run the pipeline on files (Resources are immutable and shared) and tokenize the
// paragraphs for the full-text index; the main thread is the only writer and owns the Store.
// Results are written in input order, in batches of whole files (their reports and their
// ingest_files rows), one transaction per batch, so a killed ingest leaves whole files only and a
// re-run finishes the job: files already recorded with the same size are skipped, and reports
// already stored are duplicates by content. One ingest per database at a time (store/lock.h);
// an existing database must pass PRAGMA quick_check before anything is written (store.h).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "store/lock.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace gwr::cli {

namespace {

namespace fs = std::filesystem;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db;
  bool no_fts = false;
  int jobs = 0;
  int batch = 64;     // files per transaction, at most
  double wait_s = 0;  // for another ingest on the same database to finish
};

bool wanted_extension(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e == ".txt" || e == ".htm" || e == ".html" || e == ".pdf" || e == ".docx";
}

struct Input {
  std::string path;
  std::optional<Error> error;  // the path could not be listed
};

// Files named on the command line are taken as given; folders are walked recursively for the
// supported extensions, in sorted order.
std::vector<Input> collect(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        // An entry that cannot be resolved (a symbolic link loop, a dangling link) is skipped;
        // it must not end the walk of the folder.
        std::error_code entry_ec;
        if (it->is_regular_file(entry_ec) && wanted_extension(it->path()))
          found.push_back(it->path().string());
      }
      if (ec)
        out.push_back(
            {p, make_error(ErrorCode::kUnreadable, "cannot list the folder: " + ec.message(), p)});
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back({std::move(f), std::nullopt});
    } else if (fs::exists(p, ec)) {
      out.push_back({p, std::nullopt});
    } else if (ec == std::errc::too_many_symbolic_link_levels) {
      out.push_back({p, make_error(ErrorCode::kUnreadable,
                                   "symbolic link loop (too many levels of symbolic links)", p)});
    } else {
      out.push_back({p, make_error(ErrorCode::kUnreadable, "no such file or folder", p)});
    }
  }
  return out;
}

// ingest_files rows already written: path -> (size, status).
std::map<std::string, std::pair<std::int64_t, std::string>> recorded_files(const store::Store& st) {
  std::map<std::string, std::pair<std::int64_t, std::string>> out;
  auto s = store::Stmt::prepare(st.handle(), "SELECT path, size, status FROM ingest_files");
  if (!s) return out;
  store::Stmt& q = s.value();
  while (true) {
    auto row = q.step();
    if (!row || !*row) break;
    out[q.text(0)] = {q.int64(1), q.text(2)};
  }
  return out;
}

struct Done {
  Result<std::vector<pipeline::Extraction>> result = make_error(ErrorCode::kInternal, "not run");
  store::Pretokenized tokens;  // full-text token streams, when the database keeps the index
};

class Progress {
 public:
  Progress(std::size_t total, bool shown) : total_(total), shown_(shown), start_(Clock::now()) {}
  void update(std::size_t files, std::size_t docs, std::uint64_t bytes, bool force = false) {
    if (!shown_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::max(1e-3, std::chrono::duration<double>(now - start_).count());
    const int width = 30;
    const int filled =
        total_ ? static_cast<int>(static_cast<double>(files) * width / static_cast<double>(total_))
               : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %.1f docs/s  %.2f MB/s ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), files, total_,
                 static_cast<double>(docs) / secs, static_cast<double>(bytes) / 1e6 / secs);
    std::fflush(stderr);
  }
  void clear() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  bool shown() const { return shown_; }

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  bool shown_;
  Clock::time_point start_, last_{};
};

int run_ingest(const IngestOptions& o) {
  if (o.jobs < 0)
    return fail(make_error(ErrorCode::kUsage, "--jobs must be 0 (automatic) or more"));
  if (o.batch < 1) return fail(make_error(ErrorCode::kUsage, "--batch must be 1 or more"));
  // One ingest per database at a time (store/lock.h), taken before anything is read or written.
  auto writer = store::WriterLock::acquire(
      o.db, std::chrono::milliseconds(static_cast<long long>(o.wait_s * 1000)));
  if (!writer) return fail(writer.error());
  auto opened = store::Store::open(o.db, store::Options{false, !o.no_fts});
  if (!opened) return fail(opened.error());
  store::Store st = std::move(opened).value();
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;

  const std::vector<Input> inputs = collect(o.paths);
  const auto seen = recorded_files(st);
  std::vector<std::size_t> todo;  // indices into inputs that need extraction
  std::size_t unchanged = 0;
  int worst = 0;
  std::vector<std::string> failures;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].error) {
      failures.push_back(inputs[i].error->describe());
      worst = std::max(worst, exit_code_for(inputs[i].error->code));
      if (auto w = st.record_file({inputs[i].path, 0, "failed", 0, inputs[i].error->message}); !w)
        return fail(w.error());
      continue;
    }
    std::error_code ec;
    const auto size = static_cast<std::int64_t>(fs::file_size(inputs[i].path, ec));
    auto it = seen.find(inputs[i].path);
    if (!ec && it != seen.end() && it->second.first == size && it->second.second != "failed") {
      ++unchanged;
      continue;
    }
    todo.push_back(i);
  }

  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t jobs = std::min<std::size_t>(o.jobs > 0 ? static_cast<std::size_t>(o.jobs) : hw,
                                                 std::max<std::size_t>(1, todo.size()));
  // The writer stores results in input order, so a worker may run ahead of it while another is
  // busy with a large file (a dump of many reports). How far: at most `window` files and
  // `kAheadBytes` of input held in results not yet written. The job the writer waits for always
  // runs, so the bounds cannot deadlock.
  const std::size_t window = jobs * 64;
  constexpr std::uint64_t kAheadBytes = 256ull << 20;
  std::vector<std::uint64_t> todo_size(todo.size(), 0);
  for (std::size_t k = 0; k < todo.size(); ++k) {
    std::error_code ec;
    const auto n = fs::file_size(inputs[todo[k]].path, ec);
    todo_size[k] = ec ? 0 : static_cast<std::uint64_t>(n);
  }
  std::uint64_t held = 0;  // input bytes of jobs started and not yet written

  std::mutex mu;
  std::condition_variable cv_done, cv_room;
  std::map<std::size_t, Done> ready;  // by position in `todo`
  std::size_t next_write = 0;
  std::atomic<std::size_t> next_job{0};
  std::atomic<bool> stop{false};

  const bool fts = st.has_fts();
  auto worker = [&] {
    for (;;) {
      const std::size_t k = next_job.fetch_add(1);
      if (k >= todo.size() || stop) return;
      {
        std::unique_lock lock(mu);
        cv_room.wait(lock, [&] {
          return stop || k == next_write ||
                 (k < next_write + window && held + todo_size[k] <= kAheadBytes);
        });
        if (stop) return;
        held += todo_size[k];
      }
      Done d;
      try {
        d.result = pipeline::extract_file(inputs[todo[k]].path, *res);
        if (d.result && fts) d.tokens = store::pretokenize(d.result.value());
      } catch (const std::exception& e) {
        d.result = make_error(ErrorCode::kInternal, e.what(), inputs[todo[k]].path);
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

  Progress progress(todo.size(), isatty(STDERR_FILENO) != 0);
  std::size_t reports = 0, duplicates = 0, files_done = 0;
  std::uint64_t bytes = 0;
  std::optional<Error> fatal;
  // Files are written in batches, one transaction each: a batch closes after --batch files,
  // kBatchBytes of input or kBatchSeconds, whichever comes first (fewer, larger commits let the
  // full-text index flush less often). Counts are taken into the totals only once committed.
  const auto kBatchFiles = static_cast<std::size_t>(o.batch);
  constexpr std::uint64_t kBatchBytes = 8u << 20;
  constexpr double kBatchSeconds = 1.0;
  std::size_t batch_files = 0, batch_reports = 0, batch_duplicates = 0;
  std::uint64_t batch_bytes = 0;
  auto batch_start = std::chrono::steady_clock::now();
  auto commit = [&]() -> Status {
    if (!st.in_batch()) return Ok{};
    if (auto c = st.commit_batch(); !c) return c;
    reports += batch_reports;
    duplicates += batch_duplicates;
    batch_files = batch_reports = batch_duplicates = 0;
    batch_bytes = 0;
    return Ok{};
  };
  for (std::size_t k = 0; k < todo.size() && !fatal; ++k) {
    Done d;
    {
      std::unique_lock lock(mu);
      cv_done.wait(lock, [&] { return ready.count(k) > 0; });
      d = std::move(ready.at(k));
      ready.erase(k);
      next_write = k + 1;
      held -= todo_size[k];
    }
    cv_room.notify_all();
    const std::string& path = inputs[todo[k]].path;
    store::FileRecord rec{path, static_cast<std::int64_t>(todo_size[k]), "failed", 0, ""};
    bytes += todo_size[k];
    Status written = Ok{};
    if (!st.in_batch()) {
      written = st.begin_batch();
      batch_start = std::chrono::steady_clock::now();
    }
    if (written && !d.result) {
      rec.error = d.result.error().message;
      failures.push_back(d.result.error().describe());
      worst = std::max(worst, exit_code_for(d.result.error().code));
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
    ++batch_files;
    batch_bytes += todo_size[k];
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start).count();
    if (written && (batch_files >= kBatchFiles || batch_bytes >= kBatchBytes ||
                    secs >= kBatchSeconds || k + 1 == todo.size())) {
      written = commit();
    }
    if (!written) {
      Error e = written.error();
      if (e.where.empty()) e.where = o.db;
      fatal = e;
      st.rollback_batch();
    }
    ++files_done;
    progress.update(files_done, reports + batch_reports, bytes);
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  cv_room.notify_all();
  for (auto& t : threads) t.join();
  progress.update(files_done, reports, bytes, true);
  progress.clear();

  for (const auto& f : failures) std::cerr << "gwr: error: " << f << "\n";
  if (fatal) return fail(*fatal);
  std::cout << "ingested " << reports << " report" << (reports == 1 ? "" : "s") << " from "
            << files_done << " file" << (files_done == 1 ? "" : "s") << "; " << duplicates
            << " duplicate" << (duplicates == 1 ? "" : "s") << " skipped; " << unchanged
            << " unchanged file" << (unchanged == 1 ? "" : "s") << " skipped; " << failures.size()
            << " failed\n";
  return worst;
}

}  // namespace

void register_ingest(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<IngestOptions>();
  auto* sub =
      app.add_subcommand("ingest", "Extract reports from files and folders into a corpus database");
  sub->add_option("PATH", o->paths,
                  "Report files or folders (searched recursively for .txt .htm .html .pdf .docx)")
      ->required();
  sub->add_option("--db", o->db, "Corpus database (SQLite), created if missing")->required();
  sub->add_flag("--no-fts", o->no_fts,
                "Do not build the full-text index (faster; gwr search needs it)");
  sub->add_option("--jobs", o->jobs, "Extraction threads (default: one per core)");
  sub->add_option(
      "--batch", o->batch,
      "Files per transaction, at most (default 64; a batch also closes after 8 MB or 1 s)");
  sub->add_option("--wait", o->wait_s,
                  "Seconds to wait for another gwr ingest on the same database (default 0: "
                  "refuse at once, exit 3)")
      ->check(CLI::Range(0.0, 86400.0));
  out.push_back(Command{sub, [o] { return run_ingest(*o); }});
}

}  // namespace gwr::cli
