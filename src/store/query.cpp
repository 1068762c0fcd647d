#include "store/query.h"

#include <utility>

#include "store/sqlite.h"

namespace gwr::store {

namespace {

struct Deadline {
  std::optional<std::chrono::steady_clock::time_point> at;
  bool interrupted = false;  // the progress handler stopped a query after `at`
};

constexpr int kProgressOps = 256;  // VM steps between deadline checks

std::string first_line(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
  const auto nl = text.find('\n');
  std::string s(text.substr(0, nl == std::string_view::npos ? text.size() : nl));
  return s.size() > 80 ? s.substr(0, 80) : s;
}

// The progress handler handed to SQLite: only compares times, cannot throw.
int past_deadline(void* arg) noexcept {
  auto* d = static_cast<Deadline*>(arg);
  if (!d->at || std::chrono::steady_clock::now() < *d->at) return 0;
  d->interrupted = true;
  return 1;  // the query ends with SQLITE_INTERRUPT
}

}  // namespace

struct Reader::Impl {
  DbPtr owned;            // empty for the reader of a Store, which owns the connection
  sqlite3* db = nullptr;  // the connection, owned or borrowed
  bool fts = false;
  Deadline deadline;
};

Reader::Reader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Reader::Reader(Reader&&) noexcept = default;
Reader& Reader::operator=(Reader&&) noexcept = default;
Reader::~Reader() = default;

bool Reader::has_fts() const { return impl_->fts; }

sqlite3* handle_of(const Reader& reader) { return reader.impl_->db; }

Reader borrow_reader(sqlite3* db, bool fts) {
  auto impl = std::make_unique<Reader::Impl>();
  impl->db = db;
  impl->fts = fts;
  return Reader(std::move(impl));
}

Result<Reader> Reader::open(const std::filesystem::path& path, ReadOptions options) {
  auto db = open_file(path, /*read_only=*/true, options.immutable);
  if (!db) return db.error();
  sqlite3* h = db->get();
  const std::string where = path.string();
  auto with_where = [&](Error e) {
    e.where = where;
    return e;
  };
  if (auto s = tune(h); !s) return with_where(s.error());
  auto fts = check_corpus(h, where);
  if (!fts) return fts.error();
  if (auto s = ensure_read_views(h, /*persistent=*/false); !s) return with_where(s.error());
  auto impl = std::make_unique<Impl>();
  impl->owned = std::move(db).value();
  impl->db = h;
  impl->fts = *fts;
  return Reader(std::move(impl));
}

Statement::Statement(std::unique_ptr<Stmt> s) : s_(std::move(s)) {}
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

Result<Statement> Statement::prepare(const Reader& db, std::string_view sql) {
  sqlite3* h = handle_of(db);
  auto s = Stmt::prepare(h, sql);
  if (!s) {
    return make_error(ErrorCode::kInvalidData, std::string("SQL error: ") + sqlite3_errmsg(h),
                      first_line(sql));
  }
  return Statement(std::make_unique<Stmt>(std::move(s).value()));
}

void Statement::bind(int i, const Cell& c) { s_->bind_cell(i, c); }
void Statement::reset() { s_->reset(); }

Result<bool> Statement::step() {
  auto r = s_->step();
  if (!r) {
    return make_error(ErrorCode::kInvalidData,
                      std::string("SQL step: ") + sqlite3_errmsg(sqlite3_db_handle(s_->get())));
  }
  return r;
}

int Statement::columns() const { return s_->columns(); }
std::string Statement::column_name(int i) const { return s_->column_name(i); }
Cell Statement::cell(int i) const { return s_->cell(i); }

Result<Table> query(const Reader& db, std::string_view sql, const std::vector<Cell>& params,
                    std::string name) {
  auto st = Statement::prepare(db, sql);
  if (!st) return st.error();
  Statement& s = st.value();
  for (std::size_t i = 0; i < params.size(); ++i) s.bind(static_cast<int>(i + 1), params[i]);
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

void set_deadline(Reader& db, std::optional<std::chrono::steady_clock::time_point> deadline) {
  Reader::Impl* impl = db.impl_.get();
  impl->deadline = Deadline{deadline, false};
  if (deadline)
    sqlite3_progress_handler(impl->db, kProgressOps, &past_deadline, &impl->deadline);
  else
    sqlite3_progress_handler(impl->db, 0, nullptr, nullptr);
}

bool deadline_passed(const Reader& db) {
  const Deadline& d = db.impl_->deadline;
  return d.interrupted || (d.at && std::chrono::steady_clock::now() >= *d.at);
}

Result<std::int64_t> data_version(const Reader& db) {
  auto s = Stmt::prepare(handle_of(db), "PRAGMA data_version");
  if (!s) return s.error();
  auto row = s->step();
  if (!row) return row.error();
  if (!*row) return make_error(ErrorCode::kInternal, "PRAGMA data_version returned no row");
  return s->int64(0);
}

}  // namespace gwr::store
