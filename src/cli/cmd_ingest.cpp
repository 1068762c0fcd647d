// gwr ingest PATH... --db corpus.db — extract every report under PATH into the corpus database.
// (With --from-jsonl the PATHs are map output instead: ingest_jsonl.cpp.)
//
// Worker threads run the pipeline on files (Resources are immutable and shared), convert each
// report to the rows the store writes and tokenize its paragraphs for the full-text index; the
// main thread is the only writer and owns the Store (cli/ingest_writer.h). Results are written in
// input order, in batches of whole files (their reports and their ingest_files rows), one
// transaction per batch, so a killed ingest leaves whole files only and a re-run finishes the
// job: files already recorded with the same size are skipped, and reports already stored are
// duplicates by content. One ingest per database at a time (store/lock.h); an existing database
// must pass PRAGMA quick_check before anything is written (store.h).
#include <algorithm>
#include <chrono>
#include <filesystem>

#include "cli/commands.h"
#include "cli/ingest_writer.h"
#include "store/lock.h"
#include "store/store.h"

namespace gwr::cli {

namespace {

namespace fs = std::filesystem;

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

int run_ingest(const IngestOptions& o) {
  if (o.jobs < 0)
    return fail(make_error(ErrorCode::kUsage, "--jobs must be 0 (automatic) or more"));
  if (o.batch < 1) return fail(make_error(ErrorCode::kUsage, "--batch must be 1 or more"));
  if (o.from_jsonl) return run_ingest_from_jsonl(o);
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
  const auto seen = store::recorded_files(st);
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
    if (!ec && store::unchanged(seen, inputs[i].path, size)) {
      ++unchanged;
      continue;
    }
    todo.push_back(i);
  }

  const bool fts = st.has_fts();
  std::vector<store::IngestJob> jobs;
  jobs.reserve(todo.size());
  for (std::size_t i : todo) {
    std::error_code ec;
    const auto n = fs::file_size(inputs[i].path, ec);
    const std::uint64_t size = ec ? 0 : static_cast<std::uint64_t>(n);
    jobs.push_back({inputs[i].path, static_cast<std::int64_t>(size), size});
  }
  store::IngestTotals totals = store::write_in_order(
      st, jobs, {o.jobs, o.batch, progress_bar(jobs.size())}, [&](std::size_t k) {
        store::IngestDone d;
        auto r = pipeline::extract_file(jobs[k].path, *res);
        if (!r) {
          d.result = r.error();
          return d;
        }
        std::vector<extraction::ReportRows> rows;
        rows.reserve(r->size());
        for (const auto& x : *r) rows.push_back(extraction::rows_of(x));
        if (fts) d.tokens = store::pretokenize(rows);
        d.result = std::move(rows);
        return d;
      });
  totals.failures.insert(totals.failures.begin(), failures.begin(), failures.end());
  totals.worst = std::max(totals.worst, worst);
  return report_totals(std::move(totals), unchanged, o.db);
}

}  // namespace

void register_ingest(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<IngestOptions>();
  auto* sub =
      app.add_subcommand("ingest", "Extract reports from files and folders into a corpus database");
  sub->add_option("PATH", o->paths,
                  "Report files or folders (searched recursively for .txt .htm .html .pdf .docx); "
                  "with --from-jsonl, result files of gwr extract --stdin-jsonl (- for stdin)")
      ->required();
  sub->add_flag("--from-jsonl", o->from_jsonl,
                "PATH are result lines of gwr extract --stdin-jsonl (map output): store their "
                "rows without extracting again");
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
