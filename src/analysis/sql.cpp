#include "analysis/sql.h"

#include <string>
#include <utility>

namespace gwr::analysis::sql {

namespace {
std::string first_line(std::string_view text) {
  const auto nl = text.find('\n');
  std::string s(text.substr(0, nl == std::string_view::npos ? text.size() : nl));
  return s.size() > 80 ? s.substr(0, 80) : s;
}
}  // namespace

Result<Stmt> Stmt::prepare(sqlite3* db, std::string_view text) {
  if (db == nullptr) return make_error(ErrorCode::kInternal, "no database handle");
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db, text.data(), static_cast<int>(text.size()), &s, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(s);
    return make_error(ErrorCode::kInvalidData, std::string("SQL error: ") + sqlite3_errmsg(db),
                      first_line(text));
  }
  return Stmt(db, s);
}

Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), s_(std::exchange(o.s_, nullptr)) {}
Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(s_);
    db_ = o.db_;
    s_ = std::exchange(o.s_, nullptr);
  }
  return *this;
}
Stmt::~Stmt() { sqlite3_finalize(s_); }

Status Stmt::bind(int i, const Cell& c) {
  int rc = SQLITE_OK;
  if (const auto* n = std::get_if<std::int64_t>(&c)) {
    rc = sqlite3_bind_int64(s_, i, *n);
  } else if (const auto* d = std::get_if<double>(&c)) {
    rc = sqlite3_bind_double(s_, i, *d);
  } else if (const auto* t = std::get_if<std::string>(&c)) {
    rc = sqlite3_bind_text(s_, i, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
  } else {
    rc = sqlite3_bind_null(s_, i);
  }
  if (rc != SQLITE_OK) {
    return make_error(ErrorCode::kInternal, std::string("SQL bind: ") + sqlite3_errmsg(db_));
  }
  return Ok{};
}

void Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

Result<bool> Stmt::step() {
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return make_error(ErrorCode::kInvalidData, std::string("SQL step: ") + sqlite3_errmsg(db_));
}

int Stmt::columns() const { return sqlite3_column_count(s_); }

std::string Stmt::column_name(int i) const {
  const char* n = sqlite3_column_name(s_, i);
  return n != nullptr ? n : "";
}

Cell Stmt::cell(int i) const {
  switch (sqlite3_column_type(s_, i)) {
    case SQLITE_INTEGER:
      return Cell{static_cast<std::int64_t>(sqlite3_column_int64(s_, i))};
    case SQLITE_FLOAT:
      return Cell{sqlite3_column_double(s_, i)};
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
      const int n = sqlite3_column_bytes(s_, i);
      return Cell{std::string(p != nullptr ? p : "", static_cast<std::size_t>(n))};
    }
    default:
      return Cell{};
  }
}

Result<Table> query(sqlite3* db, std::string_view text, const std::vector<Cell>& params,
                    std::string name) {
  auto st = Stmt::prepare(db, text);
  if (!st) return st.error();
  Stmt& s = st.value();
  for (std::size_t i = 0; i < params.size(); ++i) {
    auto b = s.bind(static_cast<int>(i + 1), params[i]);
    if (!b) return b.error();
  }
  Table t;
  t.name = std::move(name);
  const int n = s.columns();
  for (int i = 0; i < n; ++i) t.columns.push_back(s.column_name(i));
  for (;;) {
    auto r = s.step();
    if (!r) return r.error();
    if (!*r) break;
    std::vector<Cell> row;
    row.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) row.push_back(s.cell(i));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace gwr::analysis::sql
