#include "store/sqlite.h"

namespace gwr::store {

Error sqlite_error(sqlite3* db, std::string_view what) {
  const int rc = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  const std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database");
  const int primary = rc & 0xff;
  if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR ||
      primary == SQLITE_PERM || primary == SQLITE_BUSY || primary == SQLITE_LOCKED ||
      primary == SQLITE_FULL) {
    return make_error(ErrorCode::kUnreadable, msg);
  }
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    return make_error(ErrorCode::kInvalidData, msg);
  }
  return make_error(ErrorCode::kInternal, msg);
}

Status exec(sqlite3* db, std::string_view sql) {
  const std::string s(sql);
  if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "sqlite");
  }
  return Ok{};
}

Result<Stmt> Stmt::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return sqlite_error(db, "prepare");
  }
  return Stmt(s);
}

Result<bool> Stmt::step() {
  const int rc = sqlite3_step(s_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(sqlite3_db_handle(s_.get()), "step");
}

Status Stmt::run() {
  auto r = step();
  reset();
  if (!r) return r.error();
  return Ok{};
}

std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_.get(), col));
  if (!p) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_.get(), col)));
}

std::optional<std::string> Stmt::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

std::optional<std::int64_t> Stmt::opt_int64(int col) const {
  if (is_null(col)) return std::nullopt;
  return int64(col);
}

}  // namespace gwr::store
