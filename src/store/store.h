// gwr/store/store.h — the corpus database: reports and every extracted row in SQLite.
//
//   auto st = store::Store::open("corpus.db");                 // Result<Store>, creates the schema
//   if (!st) return fail(st.error());
//   for (const auto& x : pipeline::extract_file(path, *res).value()) {
//     Result<store::AddResult> a = st->add(x);                   // one transaction per call
//     if (a && a->duplicate) { /* same body already stored: nothing written */ }
//   }
//   auto t = store::query(st->reader(), "SELECT count(*) FROM reports");  // read (store/query.h)
//
// Input: extractions (extraction::Extraction) or their rows (extraction/rows.h). Output: the corpus
// database. The schema is data/store_schema.sql, with the read views of data/store_views.sql
// (documented in docs/schema.md, "Corpus database"). open() applies both, turns on WAL, foreign
// keys and a busy timeout, and registers the "gwr" FTS5 tokenizer (store/tokenizer.h); unless
// Options::fts is false it also creates the external-content table paragraphs_fts over the view
// paragraph_analysis_text (paragraphs.text_simplified, or text where that is NULL because the two
// are equal) and keeps it in sync on every insert. Each body is stored once: add() writes the
// paragraphs and the gaps between them (store/body_gaps.h), and the view `reports` rebuilds
// body_text from them. A writable open upgrades a version 2 or 3 database in place
// (docs/schema.md). Readers of a corpus (analysis/, server/, cli/) open a store::Reader
// (store/query.h), not a Store; reader() is the same kind of connection over a Store's own, for
// a process that writes and then reads (tests, the ingest summary). A new database file gets
// 16 KiB pages (rows of long paragraphs waste less space) and auto_vacuum=INCREMENTAL, so tidy()
// can shrink it after an ingest.
// A read-only Store opens as Reader::open does (read-only, immutable where the folder cannot be
// written; store/query.h); every write on it fails with kUnreadable. A writable open of an
// existing database first runs PRAGMA quick_check: a damaged file is refused (kInvalidData)
// before anything is written.
//
// IDEMPOTENCE. A report is identified by content_key = XXH3-128 (lower-case hex) of its body as
// written. Adding a report whose key is stored returns the existing id with duplicate=true and
// writes nothing.
//
// ATOMICITY. add() outside a batch is one transaction. begin_batch()/commit_batch() (or
// add_batch()) group many adds into one transaction; if any add in a batch fails the whole batch
// is rolled back — the database never holds a half-written report or batch. A failed add inside
// an open batch leaves the batch rolled back and closed; the caller must begin a new one.
//
// Offsets stored (start_byte, end_byte, raw_offset) are half-open byte ranges into the report's
// raw input file, as everywhere in gwr. A Store is movable, not copyable, and not safe for
// concurrent use: one thread owns it (the ingest command's writer thread), and its reader() is
// that same connection. Other connections may read the file concurrently (WAL).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "extraction/extraction.h"
#include "extraction/rows.h"
#include "store/query.h"
#include "store/tokenizer.h"

struct sqlite3;

namespace gwr::store {

struct Options {
  bool read_only = false;
  bool fts = true;  // create and maintain paragraphs_fts (ignored when read_only)
  // Read-only only: open as immutable (URI immutable=1): no -wal/-shm side files, no locks; the
  // file must not change while open. Also chosen automatically (store/query.h, OPENING).
  bool immutable = false;
  // Writable open of an existing database: PRAGMA quick_check first; failing → kInvalidData and
  // nothing is written.
  bool check_integrity = true;
};

struct AddResult {
  std::int64_t report_id = 0;
  bool duplicate = false;  // the body was already stored; nothing was written
};

// One row of ingest_files: what `gwr ingest` did with an input file.
struct FileRecord {
  std::string path;
  std::int64_t size = 0;
  std::string status;  // "ingested" | "duplicate" | "failed"
  int reports = 0;
  std::string error;  // empty unless failed
};

// The full-text token streams of every paragraph of `xs`, as Store::add indexes them. Call it on
// a worker thread (it keeps one Tokenizer per thread) and pass the result to add().
Pretokenized pretokenize(std::span<const extraction::Extraction> xs);
Pretokenized pretokenize(std::span<const extraction::ReportRows> xs);

// XXH3-128 of `body`, 32 lower-case hex digits.
std::string content_key(std::string_view body);

class Store {
 public:
  static Result<Store> open(const std::filesystem::path& path, Options options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();  // rolls back an open batch

  // `pre`, when given, holds the full-text token streams of x's paragraphs (pretokenize()); the
  // index then replays them instead of segmenting on this thread. The stored rows are the same.
  Result<AddResult> add(const extraction::Extraction& x, const Pretokenized* pre = nullptr);
  // The same for rows already converted (rows_of(x), or read back with rows_from_json): the
  // database ends up the same either way — add(x) is add(rows_of(x)).
  Result<AddResult> add(const extraction::ReportRows& rows, const Pretokenized* pre = nullptr);
  // All or nothing: on error nothing of the batch is stored.
  Result<std::vector<AddResult>> add_batch(std::span<const extraction::Extraction> xs);

  Status begin_batch();
  Status commit_batch();
  void rollback_batch();  // no-op when no batch is open
  bool in_batch() const;

  // Inserts or replaces the ingest_files row of rec.path (inside the open batch, if any).
  Status record_file(const FileRecord& rec);
  // Every ingest_files row, by path (what a resumed ingest skips).
  Result<std::vector<FileRecord>> recorded_files() const;

  // VERSIONS (docs/schema.md, "Versions"). Makes the stored report `report_id` the canonical
  // version of its report, whatever the rules say: its content_key goes into version_preferences
  // and the preferences of the other versions of its report_key are dropped. kInvalidData when no
  // such report is stored. One transaction (not inside a batch).
  Status prefer_version(std::int64_t report_id);
  // Drops the hand-made choice for `report_key` ("<code>/<year>"): the rules choose again.
  // Returns whether there was one.
  Result<bool> clear_preference(const std::string& report_key);

  // AFTER AN INGEST. The largest paragraph id stored (0 when none): taken before an ingest, it
  // tells tidy() how much the ingest added.
  Result<std::int64_t> last_paragraph_id() const;
  // When the paragraphs added since `before` (a last_paragraph_id()) are at least as many as
  // were stored before them (a new corpus, or one that doubled), merges the full-text index into
  // one b-tree (FTS5 'optimize': about 12% smaller, and a search reads one segment); its cost
  // grows with the whole index, so a small addition leaves the merging to FTS5's automerge.
  // Then gives the file's free pages back to the file system (PRAGMA incremental_vacuum; a
  // database created before 2026-12-03 has auto_vacuum off and keeps them for reuse). Search
  // results and scores are the same either way. One transaction (not inside a batch).
  Status tidy(std::int64_t before);

  bool has_fts() const;  // paragraphs_fts exists and is maintained
  bool read_only() const;
  // This Store's connection as a read connection (store/query.h); lives as long as the Store.
  const Reader& reader() const;
  // The raw connection, for store/ and its tests only; code above store/ reads through reader().
  sqlite3* handle() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gwr::store
