// gwr/store/sqlite.h — INTERNAL to the store stage: RAII owners of SQLite handles and statements,
// and the steps of opening a corpus file that Store::open (store.h) and Reader::open (query.h)
// share.
//
//   Stmt s = Stmt::prepare(db, "SELECT report_id FROM reports WHERE content_key = ?1").value();
//   s.bind(1, key);
//   if (s.step().value()) id = s.int64(0);
//
// Errors become gwr::Error values carrying sqlite3_errmsg(); nothing here throws. Code above
// store/ reads through store/query.h and never includes this header or <sqlite3.h> (the CTest
// sqlite_stays_in_store checks it).
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/table.h"

namespace gwr::store {

class Reader;

// Version 2: reports.extraction_json dropped; paragraphs.text_simplified NULL when equal to text.
// Version 3: region_source and the relative/stretch/doubling target columns.
// Version 4: the body text stored once: reports is a view over report_rows whose body_text is
// rebuilt from the paragraphs and body_gaps; slogans without rowid. (The read views of
// data/store_views.sql need no version: a reader adds any that an older file lacks.)
inline constexpr const char* kSchemaVersion = "4";

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

// The error of the last call on `db`; read-only refusals map to kUnreadable, the rest kInternal.
Error sqlite_error(sqlite3* db, std::string_view what);

// Runs one or more statements that return no rows.
Status exec(sqlite3* db, std::string_view sql);

// The connection behind a Reader (borrowed; lives as long as the Reader).
sqlite3* handle_of(const Reader& reader);
// A Reader over `db` that does not own it (Store::reader()); `fts` as Reader::has_fts().
Reader borrow_reader(sqlite3* db, bool fts);

class Stmt {
 public:
  static Result<Stmt> prepare(sqlite3* db, std::string_view sql);

  Stmt(Stmt&&) noexcept = default;
  Stmt& operator=(Stmt&&) noexcept = default;

  void bind(int i, std::int64_t v) { sqlite3_bind_int64(s_.get(), i, v); }
  void bind(int i, int v) { sqlite3_bind_int64(s_.get(), i, v); }
  void bind(int i, std::size_t v) { sqlite3_bind_int64(s_.get(), i, static_cast<std::int64_t>(v)); }
  void bind(int i, bool v) { sqlite3_bind_int(s_.get(), i, v ? 1 : 0); }
  void bind(int i, double v) { sqlite3_bind_double(s_.get(), i, v); }
  void bind(int i, std::string_view v) {
    sqlite3_bind_text64(s_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  void bind(int i, const std::string& v) { bind(i, std::string_view(v)); }
  void bind(int i, const char* v) { bind(i, std::string_view(v)); }
  void bind_null(int i) { sqlite3_bind_null(s_.get(), i); }
  void bind(int i, std::nullptr_t) { bind_null(i); }
  template <class T>
  void bind(int i, const std::optional<T>& v) {
    if (v)
      bind(i, *v);
    else
      bind_null(i);
  }
  // A cell: null, integer, real or text.
  void bind_cell(int i, const Cell& c);

  // true: a row is ready; false: done. Resets nothing.
  Result<bool> step();
  // step() expecting no row, then reset() and clear bindings, ready for reuse.
  Status run();
  // Binds the values to ?1, ?2, … in order (nullptr or an empty optional binds NULL), then run().
  template <class... A>
  Status run_with(const A&... values) {
    int i = 0;
    (bind(++i, values), ...);
    return run();
  }
  void reset() {
    sqlite3_reset(s_.get());
    sqlite3_clear_bindings(s_.get());
  }

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_.get(), col); }
  double real(int col) const { return sqlite3_column_double(s_.get(), col); }
  bool is_null(int col) const { return sqlite3_column_type(s_.get(), col) == SQLITE_NULL; }
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::optional<std::int64_t> opt_int64(int col) const;
  // The column in SQLite's own type: NULL → null, INTEGER, REAL, TEXT and BLOB → text.
  Cell cell(int col) const;
  int columns() const { return sqlite3_column_count(s_.get()); }
  std::string column_name(int col) const;

  sqlite3_stmt* get() const { return s_.get(); }

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> s_;
};

Result<bool> table_exists(sqlite3* db, std::string_view name);

// Opening a corpus file, in the order Store::open runs these steps (Reader::open skips the
// writer's). Errors carry the path in `where`.
//
// open_file: read-only (never creates the file) or read-write-create. A read-only open is
// immutable (URI immutable=1: no -wal/-shm side files, no locks) when asked, or when the file is a
// WAL database in a folder this process cannot write and no non-empty -wal file waits (an ingest
// killed or running: its pages immutable would miss). Extended result codes, a busy timeout and
// the "gwr" tokenizer are set up.
Result<DbPtr> open_file(const std::filesystem::path& path, bool read_only, bool immutable);
// Foreign keys on, a 128 MB page cache and a 1 GB mmap.
Status tune(sqlite3* db);
// The file is a gwr corpus of this schema version (kInvalidData otherwise); returns whether it
// has the full-text table paragraphs_fts.
Result<bool> check_corpus(sqlite3* db, const std::string& where);
// The read views of data/store_views.sql: created in the file (`persistent`, a writable open), or
// as TEMP views of this connection where the file, written by an older gwr, lacks them.
Status ensure_read_views(sqlite3* db, bool persistent);

}  // namespace gwr::store
