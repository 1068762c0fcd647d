// Tests of the read layer (src/store/query.cpp): opening a corpus read-only, queries returning
// Tables, prepared statements, the read views of data/store_views.sql, and the server's
// per-request controls (deadline, data_version).
#include "store/query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <vector>

#include "extraction/rows.h"
#include "store/fixtures.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::store {
namespace {

using extraction::ReportRows;
using extraction::rows_of;
using testing::extract;
using testing::report_text;

// The rows of an invented report of `city` for `year`; `line` makes its body unique.
ReportRows report(const std::string& city, int year, const std::string& line, bool partial) {
  const auto xs = extract(report_text(city, year, {"过去一年,全市经济稳中向好。" + line},
                                      {"本年度的主要预期目标定为:本市生产总值增长6%左右。"}),
                          city + std::to_string(year) + ".txt");
  EXPECT_EQ(xs.size(), 1u);
  ReportRows r = rows_of(xs.at(0));
  r.report.partial = partial;
  return r;
}

// A database whose reports are added in this order (ids 1, 2, …).
std::filesystem::path corpus(const std::string& name, const std::vector<ReportRows>& rows) {
  const auto db = testing::temp_dir(name) / "c.db";
  auto st = Store::open(db);
  EXPECT_TRUE(st.ok()) << st.error().describe();
  for (const auto& r : rows) {
    auto a = st->add(r);
    EXPECT_TRUE(a.ok()) << a.error().describe();
  }
  return db;
}

std::string dump(const Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + to_text(row[i]);
    out += "\n";
  }
  return out;
}

TEST(Query, CellsKeepTheirTypeAndColumnsTheirNames) {
  const auto db = corpus("query_types", {});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto t = query(*r, "SELECT 1 AS i, 2.5 AS d, 'x' AS t, NULL AS n, ?1 AS p, ?2 AS q",
                 {Cell{std::string("y")}, Cell{}}, "types");
  ASSERT_TRUE(t.ok()) << t.error().describe();
  EXPECT_EQ(t->name, "types");
  EXPECT_EQ(t->columns, (std::vector<std::string>{"i", "d", "t", "n", "p", "q"}));
  ASSERT_EQ(t->rows.size(), 1u);
  const auto& row = t->rows[0];
  EXPECT_EQ(std::get<std::int64_t>(row[0]), 1);
  EXPECT_EQ(std::get<double>(row[1]), 2.5);
  EXPECT_EQ(std::get<std::string>(row[2]), "x");
  EXPECT_TRUE(is_null(row[3]));
  EXPECT_EQ(std::get<std::string>(row[4]), "y");
  EXPECT_TRUE(is_null(row[5]));
}

TEST(Query, SqlThatCannotBePreparedIsInvalidDataNamingItsFirstLine) {
  const auto db = corpus("query_error", {});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok());
  auto t = query(*r, "\nSELECT nothing FROM nowhere\nWHERE 1");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidData);
  EXPECT_EQ(t.error().message.rfind("SQL error: ", 0), 0u) << t.error().message;
  EXPECT_EQ(t.error().where, "SELECT nothing FROM nowhere");
}

TEST(Query, AStatementRunsOncePerBinding) {
  const auto db = corpus("query_stmt", {});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok());
  auto s = Statement::prepare(*r, "SELECT ?1 * 2 AS twice");
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->columns(), 1);
  EXPECT_EQ(s->column_name(0), "twice");
  for (std::int64_t v : {1, 5, 21}) {
    s->reset();
    s->bind(1, Cell{v});
    auto row = s->step();
    ASSERT_TRUE(row.ok() && *row);
    EXPECT_EQ(std::get<std::int64_t>(s->cell(0)), 2 * v);
    auto end = s->step();
    ASSERT_TRUE(end.ok());
    EXPECT_FALSE(*end);
  }
}

TEST(Reader, MissingAndForeignFilesAreRefused) {
  const auto dir = testing::temp_dir("reader_refuses");
  auto missing = Reader::open(dir / "none.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnreadable);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db")) << "a reader never creates the file";

  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "other.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto foreign = Reader::open(dir / "other.db");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::kInvalidData);
}

// Three versions of 湖州市 2023 (a partial page first, then two complete texts) and 湖州市 2022.
TEST(Reader, TheCanonicalReportIsTheFirstCompleteVersionAndNextReportsPointsToIt) {
  const auto db =
      corpus("reader_canonical",
             {report("湖州市", 2023, "第一页。", true), report("湖州市", 2023, "全文。", false),
              report("湖州市", 2023, "转载。", false), report("湖州市", 2022, "上年。", false)});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  auto c = query(*r, "SELECT report_id, region, plan_year FROM canonical_reports ORDER BY 1");
  ASSERT_TRUE(c.ok()) << c.error().describe();
  EXPECT_EQ(dump(*c), "2|湖州市|2023\n4|湖州市|2022\n");
  auto n = query(*r, "SELECT report_id, next_report_id, next_plan_year FROM next_reports");
  ASSERT_TRUE(n.ok()) << n.error().describe();
  EXPECT_EQ(dump(*n), "4|2|2023\n");
}

// The rules of report_versions (data/store_views.sql): complete over partial, simplified over
// traditional, a document format over a web page over text, then the first stored; a version
// chosen by hand beats them all and is kept by content across a rebuild.
TEST(Versions, TheRulesRankTheCopiesOfAReportAndAPreferenceOverridesThem) {
  auto as = [](ReportRows r, const char* format, bool traditional) {
    r.report.format = format;
    r.report.traditional = traditional;
    return r;
  };
  const std::vector<ReportRows> rows = {
      as(report("湖州市", 2023, "文本。", false), "txt", false),      // 1
      as(report("湖州市", 2023, "繁体转载。", false), "docx", true),  // 2
      as(report("湖州市", 2023, "网页。", false), "html", false),     // 3
      as(report("湖州市", 2023, "节选。", true), "docx", false),      // 4
      as(report("湖州市", 2023, "原件。", false), "docx", false),     // 5
      as(report("湖州市", 2022, "上一年。", false), "txt", false)};   // 6
  const auto path = corpus("versions_rules", rows);
  auto opened = Store::open(path);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  Store st = std::move(opened).value();
  const char* kRanks =
      "SELECT report_key, group_concat(report_id, ',') FROM "
      "(SELECT * FROM report_versions ORDER BY report_key, version_rank) GROUP BY report_key";
  auto ranks = query(st.reader(), kRanks);
  ASSERT_TRUE(ranks.ok()) << ranks.error().describe();
  EXPECT_EQ(dump(*ranks), "330500/2022|6\n330500/2023|5,3,1,2,4\n");

  ASSERT_TRUE(st.prefer_version(1).ok());
  ranks = query(st.reader(), kRanks);
  EXPECT_EQ(dump(*ranks), "330500/2022|6\n330500/2023|1,5,3,2,4\n");
  // Choosing another version of the same report replaces the choice.
  ASSERT_TRUE(st.prefer_version(3).ok());
  ranks = query(st.reader(), kRanks);
  EXPECT_EQ(dump(*ranks), "330500/2022|6\n330500/2023|3,5,1,2,4\n");
  auto pref = query(st.reader(), "SELECT count(*) FROM version_preferences");
  EXPECT_EQ(dump(*pref), "1\n");
  EXPECT_EQ(st.prefer_version(99).error().code, ErrorCode::kInvalidData);

  auto cleared = st.clear_preference("330500/2023");
  ASSERT_TRUE(cleared.ok());
  EXPECT_TRUE(*cleared);
  ranks = query(st.reader(), kRanks);
  EXPECT_EQ(dump(*ranks), "330500/2022|6\n330500/2023|5,3,1,2,4\n");
  cleared = st.clear_preference("330500/2023");
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(*cleared);

  // canonical_reports and next_reports follow the ranks.
  auto c = query(st.reader(), "SELECT report_id FROM canonical_reports ORDER BY 1");
  EXPECT_EQ(dump(*c), "5\n6\n");
  auto n = query(st.reader(), "SELECT next_report_id FROM next_reports WHERE report_id = 6");
  EXPECT_EQ(dump(*n), "5\n");
}

TEST(Reader, AFileWithoutTheReadViewsGetsThemForTheConnectionOnly) {
  const auto db = corpus("reader_old_file", {report("湖州市", 2023, "全文。", false)});
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
    // A file of an older gwr: no read views, no version tables.
    ASSERT_EQ(sqlite3_exec(raw,
                           "DROP VIEW next_reports; DROP VIEW canonical_reports; "
                           "DROP VIEW version_ranks; DROP TABLE report_versions; "
                           "DROP TABLE version_preferences",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  }
  {
    auto r = Reader::open(db);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    auto c = query(*r, "SELECT report_id FROM canonical_reports");
    ASSERT_TRUE(c.ok()) << c.error().describe();
    EXPECT_EQ(dump(*c), "1\n");
  }
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok());
  auto versions = query(*r, "SELECT report_key, version_rank FROM report_versions");
  ASSERT_TRUE(versions.ok()) << versions.error().describe();
  EXPECT_EQ(dump(*versions), "330500/2023|1\n");
  auto views = query(*r,
                     "SELECT count(*) FROM sqlite_master WHERE name LIKE '%_reports' OR name LIKE "
                     "'%version%'");
  ASSERT_TRUE(views.ok());
  EXPECT_EQ(dump(*views), "0\n") << "nothing was written to the file";
}

TEST(Reader, APassedDeadlineInterruptsQueriesUntilCleared) {
  const auto db = corpus("reader_deadline", {});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok());
  constexpr const char* kLong =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) "
      "SELECT count(*) FROM n";
  EXPECT_FALSE(deadline_passed(*r));
  set_deadline(r.value(), std::chrono::steady_clock::now() - std::chrono::milliseconds(1));
  auto stopped = query(*r, kLong);
  EXPECT_FALSE(stopped.ok());
  EXPECT_TRUE(deadline_passed(*r));
  set_deadline(r.value(), std::nullopt);
  EXPECT_FALSE(deadline_passed(*r));
  auto done = query(*r, "SELECT count(*) FROM reports");
  EXPECT_TRUE(done.ok());
}

TEST(Reader, DataVersionChangesWhenAnotherConnectionCommits) {
  const auto db = corpus("reader_data_version", {});
  auto r = Reader::open(db);
  ASSERT_TRUE(r.ok());
  auto before = data_version(*r);
  ASSERT_TRUE(before.ok()) << before.error().describe();
  EXPECT_EQ(data_version(*r).value(), *before) << "nothing committed yet";
  {
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st->add(report("湖州市", 2023, "全文。", false)).ok());
  }
  auto after = data_version(*r);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*after, *before);
}

}  // namespace
}  // namespace gwr::store
