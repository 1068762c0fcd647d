// gwr/store/sqlite.h — INTERNAL to the store stage: RAII owners of SQLite handles and statements.
//
//   Stmt s = Stmt::prepare(db, "SELECT report_id FROM reports WHERE content_key = ?1").value();
//   s.bind(1, key);
//   if (s.step().value()) id = s.int64(0);
//
// Errors become gwr::Error values carrying sqlite3_errmsg(); nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace gwr::store {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

// The error of the last call on `db`; read-only refusals map to kUnreadable, the rest kInternal.
Error sqlite_error(sqlite3* db, std::string_view what);

// Runs one or more statements that return no rows.
Status exec(sqlite3* db, std::string_view sql);

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

  sqlite3_stmt* get() const { return s_.get(); }

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> s_;
};

}  // namespace gwr::store
