#include "store/sqlite.h"

#include <unistd.h>

#include <fstream>

#include "common/data.h"
#include "store/tokenizer.h"

namespace gwr::store {

namespace fs = std::filesystem;

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

void Stmt::bind_cell(int i, const Cell& c) {
  if (const auto* n = std::get_if<std::int64_t>(&c)) {
    bind(i, *n);
  } else if (const auto* d = std::get_if<double>(&c)) {
    bind(i, *d);
  } else if (const auto* t = std::get_if<std::string>(&c)) {
    bind(i, *t);
  } else {
    bind_null(i);
  }
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

Cell Stmt::cell(int col) const {
  switch (sqlite3_column_type(s_.get(), col)) {
    case SQLITE_INTEGER:
      return Cell{int64(col)};
    case SQLITE_FLOAT:
      return Cell{real(col)};
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return Cell{text(col)};
    default:
      return Cell{};
  }
}

std::string Stmt::column_name(int col) const {
  const char* n = sqlite3_column_name(s_.get(), col);
  return n != nullptr ? n : "";
}

Result<bool> table_exists(sqlite3* db, std::string_view name) {
  auto s = Stmt::prepare(db, "SELECT 1 FROM sqlite_master WHERE name = ?1");
  if (!s) return s.error();
  s->bind(1, name);
  return s->step();
}

namespace {

constexpr int kBusyTimeoutMs = 10000;
constexpr long long kCacheMiB = 128;
constexpr long long kMmapBytes = 1ll << 30;

// A file: URI for sqlite3_open_v2 (SQLITE_OPEN_URI) of `path` with `query`.
std::string file_uri(const fs::path& path, const std::string& query) {
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec);
  std::string out = "file:";
  for (char c : (ec ? path : abs).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static const char* hex = "0123456789abcdef";
      out += '%';
      out += hex[(static_cast<unsigned char>(c) >> 4) & 15];
      out += hex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out + "?" + query;
}

// The database header says WAL (file format versions 2 at bytes 18 and 19).
bool wal_header(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char h[20] = {};
  if (!in.read(h, sizeof h)) return false;
  return h[18] == 2 && h[19] == 2;
}

// A read-only open that must not create side files: a WAL database whose folder is not writable
// and that has no WAL content waiting.
bool needs_immutable(const fs::path& path) {
  std::error_code ec;
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  if (::access(dir.c_str(), W_OK) == 0) return false;
  if (!wal_header(path)) return false;
  const auto wal = fs::file_size(fs::path(path.string() + "-wal"), ec);
  return ec || wal == 0;
}

// The views of data/store_views.sql, each created by one "CREATE VIEW IF NOT EXISTS name".
constexpr const char* kReadViews[] = {"version_ranks", "canonical_reports", "next_reports"};
constexpr std::string_view kCreateView = "CREATE VIEW IF NOT EXISTS ";
constexpr std::string_view kCreateTempView = "CREATE TEMP VIEW IF NOT EXISTS ";

}  // namespace

Result<DbPtr> open_file(const fs::path& path, bool read_only, bool immutable) {
  immutable = read_only && (immutable || needs_immutable(path));
  const int flags = read_only ? SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0)
                              : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const std::string name = immutable ? file_uri(path, "immutable=1") : path.string();
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK) {
    Error e = sqlite_error(raw, "cannot open the corpus database");
    e.code = ErrorCode::kUnreadable;
    e.where = path.string();
    return e;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  if (auto s = register_tokenizer(raw); !s) {
    Error e = s.error();
    e.where = path.string();
    return e;
  }
  return db;
}

Status tune(sqlite3* db) {
  if (auto s = exec(db, "PRAGMA foreign_keys = ON"); !s) return s;
  // A page cache of kCacheMiB (SQLite's default is 2 MB) and memory-mapped reads: a corpus of
  // many GB keeps its index pages and the full-text segments being merged in memory.
  return exec(db, "PRAGMA cache_size = -" + std::to_string(kCacheMiB * 1024) +
                      "; PRAGMA mmap_size = " + std::to_string(kMmapBytes));
}

Result<bool> check_corpus(sqlite3* db, const std::string& where) {
  auto with_where = [&](Error e) {
    e.where = where;
    return e;
  };
  {
    // A database written by another version of the schema is refused, not half-used.
    auto v = Stmt::prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (v) {
      auto row = v->step();
      if (row && *row && v->text(0) != kSchemaVersion) {
        return make_error(ErrorCode::kInvalidData,
                          "corpus database has schema version " + v->text(0) +
                              ", this gwr reads version " + kSchemaVersion +
                              "; ingest the reports again into a new database",
                          where);
      }
    }
  }
  auto has_reports = table_exists(db, "reports");
  if (!has_reports) return with_where(has_reports.error());
  if (!*has_reports)
    return make_error(ErrorCode::kInvalidData, "not a gwr corpus database (no reports table)",
                      where);
  auto has_fts = table_exists(db, "paragraphs_fts");
  if (!has_fts) return with_where(has_fts.error());
  return *has_fts;
}

Status ensure_read_views(sqlite3* db, bool persistent) {
  auto sql = data::read("store_views.sql");
  if (!sql) return sql.error();
  std::string text = std::move(sql).value();
  if (persistent) {
    // The views are rules, not data: a writable open replaces them, so a file written by an older
    // gwr reads by this one's rules.
    std::string drop;
    for (const char* v : kReadViews) drop += std::string("DROP VIEW IF EXISTS ") + v + "; ";
    return exec(db, drop + text);
  }
  // Read-only: a file of this gwr has its views and the version table. One written before the
  // versions existed (no report_versions table) gets TEMP views of this connection, which shadow
  // its own, and a TEMP report_versions view that ranks on the fly.
  auto has_versions = table_exists(db, "report_versions");
  if (!has_versions) return has_versions.error();
  if (*has_versions) return Ok{};
  // A temporary view may read the tables of the file; it lives as long as this connection.
  for (auto at = text.find(kCreateView); at != std::string::npos;
       at = text.find(kCreateView, at + kCreateTempView.size()))
    text.replace(at, kCreateView.size(), kCreateTempView);
  auto has_prefs = table_exists(db, "version_preferences");
  if (!has_prefs) return has_prefs.error();
  std::string pre;
  if (!*has_prefs)
    pre = "CREATE TEMP TABLE IF NOT EXISTS version_preferences (content_key TEXT PRIMARY KEY); ";
  pre +=
      "CREATE TEMP VIEW IF NOT EXISTS report_versions AS "
      "SELECT report_id, report_key, version_rank FROM version_ranks; ";
  // version_ranks must exist before report_versions reads it: views first, then the table view.
  return exec(db, text + pre);
}

}  // namespace gwr::store
