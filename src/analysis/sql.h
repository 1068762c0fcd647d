// gwr/analysis/sql.h — INTERNAL to the analysis stage: prepared statements over a borrowed
// sqlite3 handle, always with bound parameters (no SQL text is ever built from user input).
//
//   auto t = sql::query(db, "SELECT region FROM reports WHERE plan_year = ?1", {Cell{2022}}, "r");
//
// Statements are finalized by their destructor. Errors carry sqlite3_errmsg() and the SQL's
// first line in `where`.
#pragma once

#include <sqlite3.h>

#include <string_view>
#include <vector>

#include "analysis/table.h"
#include "common/result.h"

namespace gwr::analysis::sql {

class Stmt {
 public:
  static Result<Stmt> prepare(sqlite3* db, std::string_view text);
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Binds parameter ?i (1-based). A null cell binds NULL.
  Status bind(int i, const Cell& c);
  // Rewinds for another run and clears the bindings.
  void reset();
  // Advances: true while a row is available, false at the end.
  Result<bool> step();
  int columns() const;
  std::string column_name(int i) const;
  Cell cell(int i) const;

 private:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

// Runs a SELECT with the given parameters and returns every row, columns named as in the SQL.
Result<Table> query(sqlite3* db, std::string_view text, const std::vector<Cell>& params,
                    std::string name);

}  // namespace gwr::analysis::sql
