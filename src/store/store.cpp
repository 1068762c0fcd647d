#include "store/store.h"

#include <xxhash.h>

#include <cstdio>
#include <tuple>
#include <utility>

#include "common/data.h"
#include "common/utf8.h"
#include "store/body_gaps.h"
#include "store/query.h"
#include "store/sqlite.h"
#include "store/tokenizer.h"

namespace gwr::store {

using extraction::ParagraphRow;
using extraction::ReportRow;
using extraction::ReportRows;
using extraction::rows_of;

std::string content_key(std::string_view body) {
  const XXH128_hash_t h = XXH3_128bits(body.data(), body.size());
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return std::string(buf, 32);
}

namespace {

constexpr const char* kCreateFts =
    "CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text_simplified, "
    "content='paragraph_analysis_text', "
    "content_rowid='paragraph_id', tokenize='gwr')";

// The version ranks of every report (report_versions), computed again from the rules of the view
// version_ranks (data/store_views.sql): after a transaction added reports, after a preference
// changed, and at every writable open (the rules may be newer than the file). One window over
// report_rows: about N log N, tens of milliseconds for tens of thousands of reports.
constexpr const char* kRankVersions =
    "DELETE FROM report_versions; "
    "INSERT INTO report_versions(report_id, report_key, version_rank) "
    "SELECT report_id, report_key, version_rank FROM version_ranks";

// The prepared inserts of add(), in the order add() uses them.
struct Inserts {
  Stmt find_key, report, section, paragraph, target, fact, quantity, livelihood, glossary, slogan,
      warning, file, gap;

  static Result<Inserts> prepare(sqlite3* db) {
    // Columns in the order of the row structs of extraction/rows.h (T::tie), after report_id.
    const char* sql[] = {
        "SELECT report_id FROM report_rows WHERE content_key = ?1",
        "INSERT INTO report_rows(content_key, char_count, source, index_in_file, format, encoding, "
        "traditional, region, region_source, region_code, level, province, parent, delivered, "
        "session, speaker, speaker_title, acting, review_year, plan_year, published, partial, "
        "gdp_target, targets_sentence, body_start, body_end, body_text) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
        "?23,?24,?25,?26,?27)",
        "INSERT INTO sections(report_id, ord, title, level, type, appended, start_byte, end_byte) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
        "INSERT INTO paragraphs(report_id, ord, section_type, section_title, text, "
        "text_simplified, start_byte, end_byte) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)",
        "INSERT INTO targets(report_id, kind, horizon, year, indicator, indicator_id, canonical, "
        "value, value_hi, unit, modifier, basis, aspiration, reference, relative_modifier, "
        "stretch_value, base_year, verbatim, start_byte, end_byte) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)",
        "INSERT INTO facts(report_id, ord, indicator, indicator_id, measure, value, value_hi, "
        "unit, comparator, status, period, year, scope, headline, linked_ord, verbatim, "
        "start_byte, end_byte) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
        "INSERT INTO quantities(report_id, value, value_hi, unit, base_value, base_unit, kind, "
        "comparator, text, start_byte, end_byte) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
        "INSERT INTO livelihood_items(report_id, ord, label, declared_count, text, start_byte, "
        "end_byte) VALUES(?1,?2,?3,?4,?5,?6,?7)",
        "INSERT INTO glossary(report_id, term, definition, start_byte, end_byte) "
        "VALUES(?1,?2,?3,?4,?5)",
        "INSERT INTO slogans(report_id, text, count) VALUES(?1,?2,?3) "
        "ON CONFLICT(report_id, text) DO UPDATE SET count = count + excluded.count",
        "INSERT INTO warnings(report_id, code, message, raw_offset) VALUES(?1,?2,?3,?4)",
        "INSERT OR REPLACE INTO ingest_files(path, size, status, reports, error) "
        "VALUES(?1,?2,?3,?4,?5)",
        "INSERT INTO body_gaps(report_id, ord, text) VALUES(?1,?2,?3)",
    };
    std::vector<Stmt> s;
    for (const char* q : sql) {
      auto p = Stmt::prepare(db, q);
      if (!p) return p.error();
      s.push_back(std::move(p).value());
    }
    return Inserts{std::move(s[0]), std::move(s[1]), std::move(s[2]),  std::move(s[3]),
                   std::move(s[4]), std::move(s[5]), std::move(s[6]),  std::move(s[7]),
                   std::move(s[8]), std::move(s[9]), std::move(s[10]), std::move(s[11]),
                   std::move(s[12])};
  }
};

// A version 2 database: add the columns version 3 introduced, in one transaction.
Status migrate_from_v2(sqlite3* db) {
  auto has_meta = table_exists(db, "meta");
  if (!has_meta) return has_meta.error();
  if (!*has_meta) return Ok{};
  auto v = Stmt::prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!v) return v.error();
  auto row = v->step();
  if (!row) return row.error();
  if (!*row || v->text(0) != "2") return Ok{};
  Status s = exec(db,
                  "BEGIN IMMEDIATE; "
                  "ALTER TABLE reports ADD COLUMN region_source TEXT; "
                  "ALTER TABLE targets ADD COLUMN reference TEXT; "
                  "ALTER TABLE targets ADD COLUMN relative_modifier TEXT; "
                  "ALTER TABLE targets ADD COLUMN stretch_value REAL; "
                  "ALTER TABLE targets ADD COLUMN base_year INTEGER; "
                  "UPDATE meta SET value = '3' WHERE key = 'schema_version'; COMMIT");
  if (!s) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return s;
}

// The stored version, or "" when the database has no meta table or no version yet.
Result<std::string> schema_version(sqlite3* db) {
  auto has_meta = table_exists(db, "meta");
  if (!has_meta) return has_meta.error();
  if (!*has_meta) return std::string();
  auto v = Stmt::prepare(db, "SELECT value FROM meta WHERE key = 'schema_version'");
  if (!v) return v.error();
  auto row = v->step();
  if (!row) return row.error();
  return *row ? v->text(0) : std::string();
}

// A version 3 database: reports becomes the table report_rows (child tables follow the rename)
// behind the view reports, each body that its paragraphs and gaps rebuild is dropped from
// report_rows, and slogans becomes a table without rowid. One transaction; the file keeps its size
// until VACUUM.
Status migrate_from_v3(sqlite3* db, const std::string& schema) {
  auto version = schema_version(db);
  if (!version) return version.error();
  if (*version != "3") return Ok{};
  auto run = [&]() -> Status {
    if (auto s = exec(db,
                      "BEGIN IMMEDIATE; ALTER TABLE reports RENAME TO report_rows; "
                      "ALTER TABLE slogans RENAME TO slogans_v3");
        !s)
      return s;
    if (auto s = exec(db, schema); !s) return s;  // the view, body_gaps, slogans without rowid
    if (auto s = exec(db,
                      "INSERT INTO slogans(report_id, text, count) "
                      "SELECT report_id, text, count FROM slogans_v3; DROP TABLE slogans_v3");
        !s)
      return s;
    auto reports = Stmt::prepare(db,
                                 "SELECT report_id, body_text FROM report_rows "
                                 "WHERE body_text IS NOT NULL ORDER BY report_id");
    auto paras = Stmt::prepare(db,
                               "SELECT ord, text FROM paragraphs WHERE report_id = ?1 "
                               "ORDER BY ord");
    auto gap = Stmt::prepare(db, "INSERT INTO body_gaps(report_id, ord, text) VALUES(?1,?2,?3)");
    auto drop = Stmt::prepare(db, "UPDATE report_rows SET body_text = NULL WHERE report_id = ?1");
    if (!reports) return reports.error();
    if (!paras) return paras.error();
    if (!gap) return gap.error();
    if (!drop) return drop.error();
    for (;;) {
      auto row = reports->step();
      if (!row) return row.error();
      if (!*row) break;
      const std::int64_t id = reports->int64(0);
      const std::string body = reports->text(1);
      std::vector<std::int64_t> ords;
      std::vector<std::string> texts;
      paras->bind(1, id);
      for (;;) {
        auto p = paras->step();
        if (!p) return p.error();
        if (!*p) break;
        ords.push_back(paras->int64(0));
        texts.push_back(paras->text(1));
      }
      paras->reset();
      std::vector<std::string_view> views(texts.begin(), texts.end());
      const auto gaps = body_gaps(body, ords, views);
      if (!gaps) continue;  // kept whole in report_rows.body_text
      for (const BodyGap& g : *gaps) {
        if (auto s = gap->run_with(id, g.ord, g.text); !s) return s;
      }
      if (auto s = drop->run_with(id); !s) return s;
    }
    return exec(db, "UPDATE meta SET value = '4' WHERE key = 'schema_version'; COMMIT");
  };
  Status s = run();
  if (!s) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return s;
}

// NULL for an empty string.
std::optional<std::string> nonempty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

namespace fs = std::filesystem;

Status quick_check(sqlite3* db) {
  std::string problems;
  auto damaged = [](const Error& e) {
    // A schema SQLite cannot read fails before the check runs: the same verdict.
    if (e.code != ErrorCode::kInvalidData) return e;
    return make_error(ErrorCode::kInvalidData, "the corpus database is damaged (" + e.message +
                                                   "); nothing was written — restore it or "
                                                   "ingest into a new database");
  };
  auto s = Stmt::prepare(db, "PRAGMA quick_check(3)");
  if (!s) return damaged(s.error());
  for (;;) {
    auto row = s->step();
    if (!row) return damaged(row.error());
    if (!*row) break;
    const std::string line = s->text(0);
    if (line == "ok") return Ok{};
    problems += (problems.empty() ? "" : "; ") + line;
  }
  return make_error(ErrorCode::kInvalidData,
                    "the corpus database is damaged (PRAGMA quick_check: " + problems +
                        "); nothing was written — restore it or ingest into a new database");
}

}  // namespace

struct Store::Impl {
  DbPtr db;
  bool read_only = false;
  bool fts = false;
  bool batch = false;
  std::optional<Inserts> ins;  // prepared on first write
  std::optional<Stmt> fts_insert;
  std::optional<Reader> reader;  // over `db`, set once open() has succeeded

  bool versions_dirty = false;  // the open transaction added reports: rank versions again

  Status begin() { return exec(db.get(), "BEGIN IMMEDIATE"); }
  Status commit() {
    if (versions_dirty) {
      if (auto s = exec(db.get(), kRankVersions); !s) return s;
      versions_dirty = false;
    }
    return exec(db.get(), "COMMIT");
  }
  void rollback() {
    versions_dirty = false;
    if (!sqlite3_get_autocommit(db.get()))
      sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status writable() const {
    if (read_only)
      return make_error(ErrorCode::kUnreadable, "the corpus database is open read-only");
    return Ok{};
  }
  Status prepare_inserts() {
    if (ins) return Ok{};
    auto p = Inserts::prepare(db.get());
    if (!p) return p.error();
    ins.emplace(std::move(p).value());
    return Ok{};
  }
  Result<AddResult> write(const ReportRows& x);
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() {
  if (impl_ && impl_->batch) impl_->rollback();
}

Result<Store> Store::open(const std::filesystem::path& path, Options options) {
  auto impl = std::make_unique<Impl>();
  impl->read_only = options.read_only;
  std::error_code exists_ec;
  const bool existed = fs::exists(path, exists_ec) && fs::file_size(path, exists_ec) > 0;
  auto opened = open_file(path, options.read_only, options.immutable);
  if (!opened) return opened.error();
  impl->db = std::move(opened).value();
  sqlite3* db = impl->db.get();
  const std::string where = path.string();
  auto with_where = [&](Error e) {
    e.where = where;
    return e;
  };
  // Before anything reads or writes the file (opening only registered the tokenizer).
  if (!options.read_only && existed && options.check_integrity) {
    if (auto s = quick_check(db); !s) return with_where(s.error());
  }
  if (auto s = tune(db); !s) return with_where(s.error());
  if (!options.read_only && !existed) {
    // Only a new, empty file takes these (before its first table and before WAL).
    if (auto s = exec(db, "PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL"); !s)
      return with_where(s.error());
  }
  if (!options.read_only) {
    if (auto s = exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"); !s)
      return with_where(s.error());
    // Version 2 databases gain the columns of version 3 (relative targets, stretch values,
    // doubling base years, region_source); their rows keep NULL there until re-ingested.
    if (auto v2 = migrate_from_v2(db); !v2) return with_where(v2.error());
    auto schema = data::read("store_schema.sql");
    if (!schema) return schema.error();
    // Version 3 databases (and version 2 ones, just upgraded) keep each body once.
    if (auto v3 = migrate_from_v3(db, *schema); !v3) return with_where(v3.error());
    if (auto s = exec(db, *schema); !s) return with_where(s.error());
    if (auto s = exec(
            db, std::string("INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '") +
                    kSchemaVersion + "')");
        !s)
      return with_where(s.error());
  }
  auto has_fts = check_corpus(db, where);
  if (!has_fts) return has_fts.error();
  impl->fts = *has_fts;
  if (auto s = ensure_read_views(db, /*persistent=*/!options.read_only); !s)
    return with_where(s.error());
  if (!options.read_only) {
    if (auto s = exec(db, std::string("BEGIN IMMEDIATE; ") + kRankVersions + "; COMMIT"); !s) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return with_where(s.error());
    }
  }
  if (!options.read_only && options.fts && !impl->fts) {
    // Created late (the database was ingested with --no-fts): index what is already there.
    if (auto s =
            exec(db, std::string("BEGIN IMMEDIATE; ") + kCreateFts +
                         "; INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('rebuild'); COMMIT");
        !s) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return with_where(s.error());
    }
    impl->fts = true;
  }
  impl->reader.emplace(borrow_reader(db, impl->fts));
  return Store(std::move(impl));
}

Result<std::int64_t> Store::last_paragraph_id() const {
  auto s = Stmt::prepare(impl_->db.get(), "SELECT coalesce(max(paragraph_id), 0) FROM paragraphs");
  if (!s) return s.error();
  auto row = s->step();
  if (!row) return row.error();
  return *row ? s->int64(0) : 0;
}

Status Store::tidy(std::int64_t before) {
  if (auto s = impl_->writable(); !s) return s;
  if (impl_->batch) return make_error(ErrorCode::kInternal, "tidy() inside a batch");
  auto last = last_paragraph_id();
  if (!last) return last.error();
  const bool grew = *last - before >= before && *last > before;
  sqlite3* db = impl_->db.get();
  if (impl_->fts && grew) {
    if (auto s = exec(db,
                      "BEGIN IMMEDIATE; INSERT INTO paragraphs_fts(paragraphs_fts) "
                      "VALUES('optimize'); COMMIT");
        !s) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
  }
  return exec(db, "PRAGMA incremental_vacuum");
}

bool Store::has_fts() const { return impl_->fts; }
bool Store::read_only() const { return impl_->read_only; }
bool Store::in_batch() const { return impl_->batch; }
sqlite3* Store::handle() const { return impl_->db.get(); }
const Reader& Store::reader() const { return *impl_->reader; }

Result<std::vector<FileRecord>> Store::recorded_files() const {
  auto s = Stmt::prepare(
      impl_->db.get(), "SELECT path, size, status, reports, error FROM ingest_files ORDER BY path");
  if (!s) return s.error();
  std::vector<FileRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(
        FileRecord{s->text(0), s->int64(1), s->text(2), static_cast<int>(s->int64(3)), s->text(4)});
  }
  return out;
}

Status Store::begin_batch() {
  if (auto s = impl_->writable(); !s) return s;
  if (impl_->batch) return make_error(ErrorCode::kInternal, "a batch is already open");
  if (auto s = impl_->begin(); !s) return s;
  impl_->batch = true;
  return Ok{};
}

Status Store::commit_batch() {
  if (!impl_->batch) return make_error(ErrorCode::kInternal, "no batch is open");
  impl_->batch = false;
  if (auto s = impl_->commit(); !s) {
    impl_->rollback();
    return s;
  }
  return Ok{};
}

void Store::rollback_batch() {
  if (!impl_->batch) return;
  impl_->batch = false;
  impl_->rollback();
}

namespace {
// Calls each_text(add) with add(text) tokenizing one text into the result, on this thread's
// Tokenizer.
template <class F>
Pretokenized pretokenize_texts(F&& each_text) {
  thread_local std::optional<Tokenizer> tok;
  Pretokenized out;
  if (!tok) {
    auto t = Tokenizer::create();
    if (!t) return out;  // nothing held: add() tokenizes as usual
    tok.emplace(std::move(t).value());
  }
  each_text([&](std::string_view text) { out.add(text, *tok); });
  return out;
}
}  // namespace

Pretokenized pretokenize(std::span<const ReportRows> xs) {
  return pretokenize_texts([&](auto&& add) {
    for (const auto& x : xs) {
      for (const auto& p : x.paragraphs) add(p.analysis_text());
    }
  });
}

Pretokenized pretokenize(std::span<const extraction::Extraction> xs) {
  return pretokenize_texts([&](auto&& add) {
    for (const auto& x : xs) {
      for (const auto& p : x.doc.paragraphs) add(x.doc.text_of(p.span));
    }
  });
}

Result<AddResult> Store::add(const extraction::Extraction& x, const Pretokenized* pre) {
  return add(rows_of(x), pre);
}

Result<AddResult> Store::add(const ReportRows& x, const Pretokenized* pre) {
  if (auto s = impl_->writable(); !s) return s.error();
  PretokenizedScope scope(impl_->fts ? pre : nullptr);
  const bool own = !impl_->batch;
  if (own) {
    if (auto s = impl_->begin(); !s) return s.error();
  }
  Result<AddResult> r = make_error(ErrorCode::kInternal, "not written");
  try {
    r = impl_->write(x);
  } catch (const std::exception& e) {
    r = make_error(ErrorCode::kInternal, std::string("storing the report: ") + e.what(),
                   x.report.source);
  }
  if (!r) {
    if (impl_->ins) {
      // Statements left mid-step would hold the transaction open.
      for (Stmt* s : {&impl_->ins->find_key, &impl_->ins->report, &impl_->ins->section,
                      &impl_->ins->paragraph, &impl_->ins->target, &impl_->ins->fact,
                      &impl_->ins->quantity, &impl_->ins->livelihood, &impl_->ins->glossary,
                      &impl_->ins->slogan, &impl_->ins->warning, &impl_->ins->gap})
        s->reset();
    }
    if (impl_->fts_insert) impl_->fts_insert->reset();
    impl_->batch = false;
    impl_->rollback();
    return r;
  }
  if (own) {
    if (auto s = impl_->commit(); !s) {
      impl_->rollback();
      return s.error();
    }
  }
  return r;
}

Result<std::vector<AddResult>> Store::add_batch(std::span<const extraction::Extraction> xs) {
  if (auto s = begin_batch(); !s) return s.error();
  std::vector<AddResult> out;
  out.reserve(xs.size());
  for (const auto& x : xs) {
    auto r = add(x);
    if (!r) return r.error();  // add() rolled the batch back
    out.push_back(*r);
  }
  if (auto s = commit_batch(); !s) return s.error();
  return out;
}

Status Store::prefer_version(std::int64_t report_id) {
  if (auto s = impl_->writable(); !s) return s;
  if (impl_->batch) return make_error(ErrorCode::kInternal, "prefer_version inside a batch");
  sqlite3* db = impl_->db.get();
  auto find = Stmt::prepare(db,
                            "SELECT r.content_key, v.report_key FROM report_rows r "
                            "JOIN report_versions v ON v.report_id = r.report_id "
                            "WHERE r.report_id = ?1");
  if (!find) return find.error();
  find->bind(1, report_id);
  auto row = find->step();
  if (!row) return row.error();
  if (!*row) {
    return make_error(ErrorCode::kInvalidData,
                      "no report with id " + std::to_string(report_id) + " in the corpus");
  }
  const std::string content = find->text(0);
  const std::optional<std::string> key = find->opt_text(1);
  find->reset();
  if (auto s = impl_->begin(); !s) return s;
  auto run = [&]() -> Status {
    if (key) {
      auto drop = Stmt::prepare(db,
                                "DELETE FROM version_preferences WHERE content_key IN "
                                "(SELECT r.content_key FROM report_rows r JOIN report_versions v "
                                "ON v.report_id = r.report_id WHERE v.report_key = ?1)");
      if (!drop) return drop.error();
      if (auto s = drop->run_with(*key); !s) return s;
    }
    auto add =
        Stmt::prepare(db, "INSERT OR REPLACE INTO version_preferences(content_key) VALUES(?1)");
    if (!add) return add.error();
    if (auto s = add->run_with(content); !s) return s;
    impl_->versions_dirty = true;
    return impl_->commit();
  };
  Status s = run();
  if (!s) impl_->rollback();
  return s;
}

Result<bool> Store::clear_preference(const std::string& report_key) {
  if (auto s = impl_->writable(); !s) return s.error();
  if (impl_->batch) return make_error(ErrorCode::kInternal, "clear_preference inside a batch");
  sqlite3* db = impl_->db.get();
  if (auto s = impl_->begin(); !s) return s.error();
  auto run = [&]() -> Result<bool> {
    auto drop = Stmt::prepare(db,
                              "DELETE FROM version_preferences WHERE content_key IN "
                              "(SELECT r.content_key FROM report_rows r JOIN report_versions v "
                              "ON v.report_id = r.report_id WHERE v.report_key = ?1)");
    if (!drop) return drop.error();
    if (auto s = drop->run_with(report_key); !s) return s.error();
    const bool had = sqlite3_changes(db) > 0;
    impl_->versions_dirty = true;
    if (auto s = impl_->commit(); !s) return s.error();
    return had;
  };
  Result<bool> r = run();
  if (!r) impl_->rollback();
  return r;
}

Status Store::record_file(const FileRecord& rec) {
  if (auto s = impl_->writable(); !s) return s;
  if (auto s = impl_->prepare_inserts(); !s) return s;
  auto s =
      impl_->ins->file.run_with(rec.path, rec.size, rec.status, rec.reports, nonempty(rec.error));
  if (!s && impl_->batch) rollback_batch();
  return s;
}

namespace {
// Binds `id` and then the columns of `row` (Row::tie order) and runs `stmt`.
template <class Row>
Status insert_row(Stmt& stmt, std::int64_t id, const Row& row) {
  return std::apply([&](const auto&... v) { return stmt.run_with(id, v...); }, Row::tie(row));
}

template <class Row>
Status insert_rows(Stmt& stmt, std::int64_t id, const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    if (auto s = insert_row(stmt, id, r); !s) return s;
  }
  return Ok{};
}
}  // namespace

// Runs inside an open transaction; the caller rolls back on error.
Result<AddResult> Store::Impl::write(const ReportRows& x) {
  if (auto s = prepare_inserts(); !s) return s.error();
  if (fts && !fts_insert) {
    auto p = Stmt::prepare(db.get(),
                           "INSERT INTO paragraphs_fts(rowid, text_simplified) VALUES(?1, ?2)");
    if (!p) return p.error();
    fts_insert.emplace(std::move(p).value());
  }
  Inserts& in = *ins;
  const std::string& body = x.report.body_text;
  const std::string key = content_key(body);

  in.find_key.bind(1, key);
  auto found = in.find_key.step();
  if (!found) return found.error();
  if (*found) {
    const std::int64_t id = in.find_key.int64(0);
    in.find_key.reset();
    return AddResult{id, true};
  }
  in.find_key.reset();

  // The body is stored once: as its paragraphs and the gaps between them when they rebuild it
  // (always, for rows_of()), else whole in report_rows.body_text.
  std::vector<std::int64_t> ords;
  std::vector<std::string_view> texts;
  ords.reserve(x.paragraphs.size());
  texts.reserve(x.paragraphs.size());
  for (const ParagraphRow& p : x.paragraphs) {
    ords.push_back(p.ord);
    texts.push_back(p.text);
  }
  const std::optional<std::vector<BodyGap>> gaps = body_gaps(body, ords, texts);
  const auto cols = ReportRow::tie(x.report);
  constexpr std::size_t kCols = std::tuple_size_v<decltype(cols)>;
  static_assert(ReportRow::kColumns[kCols - 1] == std::string_view("body_text"));
  if (auto s =
          [&]<std::size_t... I>(std::index_sequence<I...>) {
            return in.report.run_with(
                key, static_cast<std::int64_t>(utf8::length(body)), std::get<I>(cols)...,
                gaps ? std::optional<std::string_view>() : std::optional<std::string_view>(body));
          }(std::make_index_sequence<kCols - 1>());
      !s)
    return s.error();
  const std::int64_t id = sqlite3_last_insert_rowid(db.get());
  if (gaps) {
    for (const BodyGap& g : *gaps) {
      if (auto s = in.gap.run_with(id, g.ord, g.text); !s) return s.error();
    }
  }

  if (auto s = insert_rows(in.section, id, x.sections); !s) return s.error();
  for (const ParagraphRow& p : x.paragraphs) {
    if (auto s = insert_row(in.paragraph, id, p); !s) return s.error();
    if (fts) {
      if (auto q = fts_insert->run_with(
              static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.get())), p.analysis_text());
          !q)
        return q.error();
    }
  }
  // Short-circuits at the first failure; the caller rolls the transaction back.
  Status s = insert_rows(in.target, id, x.targets);
  if (s) s = insert_rows(in.fact, id, x.facts);
  if (s) s = insert_rows(in.quantity, id, x.quantities);
  if (s) s = insert_rows(in.livelihood, id, x.livelihood_items);
  if (s) s = insert_rows(in.glossary, id, x.glossary);
  if (s) s = insert_rows(in.slogan, id, x.slogans);
  if (s) s = insert_rows(in.warning, id, x.warnings);
  if (!s) return s.error();
  versions_dirty = true;
  return AddResult{id, false};
}

}  // namespace gwr::store
