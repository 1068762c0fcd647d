// gwr ingest --from-jsonl SHARD... --db corpus.db — the reduce side of a scale-out run: stores the
// result lines of `gwr extract --stdin-jsonl` (map output shards, "-" for stdin) without running
// the extractor.
//
// Two passes. The first reads every line of every shard and checks it completely
// (read_result_line, every row and column): one bad line refuses the whole run, naming the shard
// and line, before the database is opened — nothing is written. It keeps only each document's
// name, size and where its line is. The documents are then put in byte order of their names
// (stable: equal names keep shard and line order) — the order a direct `gwr ingest` of one folder
// walks — and the second pass re-reads their lines on the worker threads and hands the rows to the
// same writer as a direct ingest (ingest_writer.h), so report ids, duplicates, ingest_files rows
// and the full-text index come out as a direct ingest of the same files makes them. Documents
// already recorded in ingest_files with the same size are skipped, as a direct ingest skips
// unchanged files. Error lines of the map task are failed documents, recorded as such; an error
// line without a name (an input line the map task could not read at all) is reported and counted
// but cannot be recorded.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/ingest_writer.h"
#include "cli/jsonl.h"
#include "store/lock.h"
#include "store/store.h"

namespace gwr::cli {

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

struct Shard {
  std::string shown;  // the name in messages: the path, or "<stdin>"
  FilePtr file;       // open for the whole run; the second pass reads it with pread
};

// Where a document's result line is.
struct Entry {
  std::string name;
  std::int64_t size = 0;
  std::size_t shard = 0;
  std::size_t line_no = 0;  // 1-based
  std::uint64_t offset = 0;
  std::size_t length = 0;  // bytes of the line, without its '\n'
};

std::string at(const Shard& s, std::size_t line_no) {
  return s.shown + ":" + std::to_string(line_no);
}

// Opens a shard; "-" is stdin, copied to an unnamed temporary file so that it can be re-read.
Result<Shard> open_shard(const std::string& path) {
  if (path != "-") {
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) {
      return make_error(ErrorCode::kUnreadable,
                        std::string("cannot open the result file: ") + std::strerror(errno), path);
    }
    return Shard{path, std::move(f)};
  }
  FilePtr tmp(std::tmpfile());
  if (!tmp) {
    return make_error(
        ErrorCode::kUnreadable,
        std::string("cannot create a temporary file for stdin: ") + std::strerror(errno),
        "<stdin>");
  }
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    if (std::fwrite(buf, 1, n, tmp.get()) != n) {
      return make_error(ErrorCode::kUnreadable, "cannot spool stdin to a temporary file",
                        "<stdin>");
    }
  }
  if (std::ferror(stdin) || std::fflush(tmp.get()) != 0) {
    return make_error(ErrorCode::kUnreadable, "cannot read stdin", "<stdin>");
  }
  std::rewind(tmp.get());
  return Shard{"<stdin>", std::move(tmp)};
}

// The first pass over one shard: every line checked, its place kept.
Status index_shard(Shard& shard, std::size_t index, std::vector<Entry>& entries,
                   store::IngestTotals& unnamed) {
  std::string line;
  bool too_long = false;
  std::uint64_t offset = 0;
  std::size_t line_no = 0;
  while (read_bounded_line(shard.file.get(), line, kMaxResultLineBytes, too_long)) {
    ++line_no;
    if (too_long) {
      return make_error(ErrorCode::kTooLarge, "result line over 1 GiB", at(shard, line_no));
    }
    const std::uint64_t start = offset;
    const std::size_t length = line.size();
    offset += length + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto r = read_result_line(line);
    if (!r) return make_error(r.error().code, r.error().message, at(shard, line_no));
    if (!r->name) {  // an error line that names no document
      const Error& e = *r->error;
      unnamed.failures.push_back(at(shard, line_no) + ": " + e.message +
                                 " (the map task could not read the input line; not recorded)");
      unnamed.worst = std::max(unnamed.worst, exit_code_for(e.code));
      continue;
    }
    entries.push_back(Entry{std::move(*r->name), r->size, index, line_no, start, length});
  }
  if (std::ferror(shard.file.get())) {
    return make_error(ErrorCode::kUnreadable, "read error", shard.shown);
  }
  return Ok{};
}

// The second pass: the line of `e`, read again (pread: safe on several threads at once).
Result<MapResult> reread(const Shard& shard, const Entry& e) {
  std::string line(e.length, '\0');
  const int fd = fileno(shard.file.get());
  std::size_t got = 0;
  while (got < e.length) {
    const ssize_t n =
        ::pread(fd, line.data() + got, e.length - got, static_cast<off_t>(e.offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  const std::string where = at(shard, e.line_no);
  if (got != e.length) {
    return make_error(ErrorCode::kUnreadable,
                      "the result file changed or shrank while being ingested", where);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  auto r = read_result_line(line);
  if (!r) {
    return make_error(ErrorCode::kInvalidData,
                      "the result file changed while being ingested: " + r.error().message, where);
  }
  if (r->name != e.name || r->size != e.size) {
    return make_error(ErrorCode::kInvalidData,
                      "the result file changed while being ingested (another document here now)",
                      where);
  }
  return r;
}

}  // namespace

int run_ingest_from_jsonl(const IngestOptions& o) {
  // One ingest per database at a time (store/lock.h), taken before anything is read or written.
  auto writer = store::WriterLock::acquire(
      o.db, std::chrono::milliseconds(static_cast<long long>(o.wait_s * 1000)));
  if (!writer) return fail(writer.error());

  if (std::count(o.paths.begin(), o.paths.end(), "-") > 1) {
    return fail(make_error(ErrorCode::kUsage, "stdin (-) can be read only once"));
  }
  std::vector<Shard> shards;
  std::vector<Entry> entries;
  store::IngestTotals unnamed;  // failures of error lines that name no document
  for (const auto& p : o.paths) {
    auto s = open_shard(p);
    if (!s) return fail(s.error());
    shards.push_back(std::move(s).value());
    if (auto st = index_shard(shards.back(), shards.size() - 1, entries, unnamed); !st) {
      return fail(make_error(st.error().code,
                             st.error().message + "; nothing was written to the database",
                             st.error().where));
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.name < b.name; });

  auto opened = store::Store::open(o.db, store::Options{false, !o.no_fts});
  if (!opened) return fail(opened.error());
  store::Store st = std::move(opened).value();
  const auto seen = store::recorded_files(st);
  std::vector<store::IngestJob> jobs;
  std::vector<const Entry*> todo;
  std::size_t skipped = 0;
  for (const Entry& e : entries) {
    if (store::unchanged(seen, e.name, e.size)) {
      ++skipped;
      continue;
    }
    jobs.push_back({e.name, e.size, e.length});
    todo.push_back(&e);
  }

  const bool fts = st.has_fts();
  store::IngestTotals totals = store::write_in_order(
      st, jobs, {o.jobs, o.batch, progress_bar(jobs.size())}, [&](std::size_t k) {
        store::IngestDone d;
        const Entry& e = *todo[k];
        auto r = reread(shards[e.shard], e);
        if (!r) {
          d.fatal = r.error();
          return d;
        }
        if (r->error) {
          d.result = *r->error;
          return d;
        }
        if (fts) d.tokens = store::pretokenize(r->rows);
        d.result = std::move(r).value().rows;
        return d;
      });
  totals.failures.insert(totals.failures.begin(), unnamed.failures.begin(), unnamed.failures.end());
  totals.worst = std::max(totals.worst, unnamed.worst);
  return report_totals(std::move(totals), skipped, o.db);
}

}  // namespace gwr::cli
