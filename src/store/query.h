// gwr/store/query.h — the one way to read a corpus database: a read connection and parameterised
// queries that return Tables.
//
//   auto db = store::Reader::open("corpus.db");                   // Result<Reader>, read-only
//   if (!db) return fail(db.error());
//   Result<Table> t = store::query(*db, "SELECT region, plan_year FROM reports WHERE level = ?1",
//                                  {Cell{"county"}}, "reports");
//   auto s = store::Statement::prepare(*db, "SELECT text FROM paragraphs WHERE report_id = ?1");
//   for (std::int64_t id : ids) {                                  // one statement, many runs
//     s->reset();
//     s->bind(1, Cell{id});
//     for (auto row = s->step(); row && *row; row = s->step()) use(s->cell(0));
//   }
//
// analysis/, server/ and cli/ read the corpus through this header only: none of them includes
// <sqlite3.h> or store/sqlite.h (the CTest sqlite_stays_in_store fails if one does). SQL text is
// written in store/ and analysis/ only, and "the report of a region and plan year" is always the
// view canonical_reports (data/store_views.sql). Parameters are bound (?1, ?2 … in order; a null
// cell binds NULL), never pasted into SQL.
//
// OPENING. Reader::open opens the file read-only and never creates it: a missing or unreadable
// file is kUnreadable; a file that is not a gwr corpus (no reports table) or has another schema
// version is kInvalidData. A WAL database in a folder this process cannot write (a shared corpus
// on a read-only mount, or owned by someone else) cannot get its -shm file, so it is opened
// immutable instead (no side files, no locks) — unless a non-empty -wal file is there (an ingest
// was killed or is running), whose pages immutable would miss; then the normal read-only open is
// tried. A file written before the read views of data/store_views.sql existed gets them as
// temporary views of the connection; nothing is written to it. Store::reader() (store.h) is the
// same kind of connection over a Store's own.
//
// RESULTS. Columns keep SQLite's type: NULL → null cell, INTEGER → integer, REAL → real, TEXT and
// BLOB → text, named as in the SQL. SQL that SQLite cannot prepare (a database without the corpus
// schema, say) is kInvalidData "SQL error: …" with the SQL's first line in `where`; a failure while
// stepping is kInvalidData "SQL step: …". Nothing here throws.
//
// THREADS. A Reader is one SQLite connection: use it from one thread at a time (the server lends
// each of its readers to one request at a time). Statements borrow their Reader and must not
// outlive it; Tables are plain data. Moving a Reader keeps its statements valid.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/table.h"

struct sqlite3;

namespace gwr::store {

class Stmt;

struct ReadOptions {
  // Open as immutable (URI immutable=1) even where the automatic rule above would not: the file
  // must not change while open.
  bool immutable = false;
};

class Reader {
 public:
  static Result<Reader> open(const std::filesystem::path& path, ReadOptions options = {});

  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader();

  // The corpus has its full-text index (paragraphs_fts): store::search works.
  bool has_fts() const;

 private:
  // store/sqlite.h: the connection, and a Reader over a Store's own connection.
  friend sqlite3* handle_of(const Reader& reader);
  friend Reader borrow_reader(sqlite3* db, bool fts);
  friend void set_deadline(Reader& db,
                           std::optional<std::chrono::steady_clock::time_point> deadline);
  friend bool deadline_passed(const Reader& db);
  struct Impl;
  explicit Reader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A prepared statement for a loop: prepare once, then reset(), bind and step per run.
class Statement {
 public:
  static Result<Statement> prepare(const Reader& db, std::string_view sql);

  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binds parameter ?i (1-based); a null cell binds NULL.
  void bind(int i, const Cell& c);
  // Rewinds for another run and clears the bindings.
  void reset();
  // Advances: true while a row is available, false at the end.
  Result<bool> step();
  int columns() const;
  std::string column_name(int i) const;
  Cell cell(int i) const;

 private:
  explicit Statement(std::unique_ptr<Stmt> s);
  std::unique_ptr<Stmt> s_;
};

// Runs a SELECT with the given parameters and returns every row; the Table is called `name`.
Result<Table> query(const Reader& db, std::string_view sql, const std::vector<Cell>& params = {},
                    std::string name = {});

// PER-REQUEST CONTROLS (the server's).
// From now on a query on `db` that runs past `deadline` is interrupted and fails (SQLite's progress
// handler checks the clock every few hundred steps); nullopt removes the deadline.
void set_deadline(Reader& db, std::optional<std::chrono::steady_clock::time_point> deadline);
// The deadline set on `db` has passed: a query was interrupted, or the clock is past it.
bool deadline_passed(const Reader& db);
// PRAGMA data_version of the connection: it changes when another connection has committed to the
// file since this one last read it (the connection's own writes do not count).
Result<std::int64_t> data_version(const Reader& db);

}  // namespace gwr::store
