// Tests of the corpus store (src/store/store.cpp): schema, idempotent adds, atomic batches,
// read-only opening.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <string>
#include <vector>

#include "store/fixtures.h"
#include "store/search.h"
#include "support/paths.h"

namespace gwr::store {
namespace {

using testing::extract;
using testing::report_text;

const char* const kTables[] = {"reports", "sections",   "paragraphs",       "targets",
                               "facts",   "quantities", "livelihood_items", "glossary",
                               "slogans", "warnings",   "ingest_files"};

std::int64_t scalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::int64_t v = -1;
  if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

std::map<std::string, std::int64_t> counts(const Store& st) {
  std::map<std::string, std::int64_t> out;
  for (const char* t : kTables)
    out[t] = scalar(st.handle(), std::string("SELECT count(*) FROM ") + t);
  return out;
}

std::vector<extraction::Extraction> huzhou() {
  return extract(report_text("湖州市", 2024,
                             {"过去一年,全市经济稳中向好,地区生产总值增长6.5%。",
                              "教育事业加快发展,新建学校10所。"},
                             {"今年经济社会发展的预期目标为:本市生产总值增长6%左右。",
                              "办好“两个先行”大事,推进教育现代化。"}),
                 "huzhou.txt");
}

TEST(Store, OpenCreatesTheSchemaAndTheFullTextIndex) {
  const auto db = testing::temp_dir("store_schema") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  for (const char* t : kTables)
    EXPECT_EQ(scalar(st->handle(), std::string("SELECT count(*) FROM ") + t), 0) << t;
  EXPECT_TRUE(st->has_fts());
  EXPECT_EQ(
      scalar(st->handle(), "SELECT count(*) FROM sqlite_master WHERE name = 'paragraphs_fts'"), 1);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM meta WHERE key = 'schema_version'"), 1);
  EXPECT_EQ(scalar(st->handle(), "PRAGMA foreign_keys"), 1);
}

TEST(Store, TidyMergesTheIndexOfACorpusThatDoubledAndLeavesASmallAdditionToAutomerge) {
  const auto db = testing::temp_dir("store_tidy") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  // A new file: 16 KiB pages, incremental auto-vacuum.
  EXPECT_EQ(scalar(st->handle(), "PRAGMA page_size"), 16384);
  EXPECT_EQ(scalar(st->handle(), "PRAGMA auto_vacuum"), 2);
  const auto segments = [&] {
    return scalar(st->handle(), "SELECT count(DISTINCT segid) FROM paragraphs_fts_idx");
  };
  const auto city = [](const char* name, int year) {
    return extract(report_text(name, year, {"过去一年,经济稳中向好,新建学校10所。"},
                               {"今年推进教育现代化,建设医院3家。", "持续改善生态环境。"}),
                   "t.txt");
  };
  EXPECT_EQ(st->last_paragraph_id().value(), 0);
  // Three transactions: three segments (FTS5 merges at four).
  for (const char* name : {"湖州市", "嘉兴市", "绍兴市"}) {
    for (const auto& x : city(name, 2024)) ASSERT_TRUE(st->add(x).ok());
  }
  ASSERT_EQ(segments(), 3);
  ASSERT_TRUE(st->tidy(0).ok());
  EXPECT_EQ(segments(), 1) << "a new corpus is merged into one b-tree";
  EXPECT_EQ(scalar(st->handle(), "PRAGMA freelist_count"), 0) << "free pages are given back";
  // One report more on a corpus of three: not merged.
  const auto before = st->last_paragraph_id().value();
  EXPECT_GT(before, 0);
  for (const auto& x : city("金华市", 2024)) ASSERT_TRUE(st->add(x).ok());
  ASSERT_TRUE(st->tidy(before).ok());
  EXPECT_EQ(segments(), 2);
  // Search finds every report either way.
  SearchQuery q;
  q.text = "教育现代化";
  EXPECT_EQ(search(st->reader(), q).value().size(), 4U);
  // Not inside a batch.
  ASSERT_TRUE(st->begin_batch().ok());
  EXPECT_FALSE(st->tidy(0).ok());
  st->rollback_batch();
}

TEST(Store, WithoutFtsSkipsTheIndex) {
  const auto db = testing::temp_dir("store_nofts") / "c.db";
  auto st = Store::open(db, Options{false, false});
  ASSERT_TRUE(st.ok());
  EXPECT_FALSE(st->has_fts());
  EXPECT_EQ(
      scalar(st->handle(), "SELECT count(*) FROM sqlite_master WHERE name = 'paragraphs_fts'"), 0);
}

TEST(Store, AddWritesEveryRowAndReAddIsIdempotent) {
  const auto db = testing::temp_dir("store_idem") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok());
  const auto xs = huzhou();
  ASSERT_EQ(xs.size(), 1u);
  auto a = st.value().add(xs[0]);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  EXPECT_FALSE(a->duplicate);
  const auto before = counts(*st);
  EXPECT_EQ(before.at("reports"), 1);
  EXPECT_GT(before.at("paragraphs"), 3);
  EXPECT_GT(before.at("sections"), 1);
  EXPECT_GT(before.at("quantities"), 1);
  EXPECT_GT(before.at("targets"), 0);
  EXPECT_EQ(
      scalar(st->handle(),
             "SELECT count(*) FROM reports WHERE region = '湖州市' AND plan_year = 2024 "
             "AND level = 'prefecture' AND length(content_key) = 32 AND length(body_text) > 100"),
      1);
  EXPECT_GE(scalar(st->handle(), "SELECT count(*) FROM paragraphs WHERE section_type = 'review'"),
            2);

  auto again = st.value().add(xs[0]);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->report_id, a->report_id);
  EXPECT_EQ(counts(*st), before);

  auto batch = st.value().add_batch(xs);  // duplicates inside a batch too
  ASSERT_TRUE(batch.ok());
  EXPECT_TRUE(batch->at(0).duplicate);
  EXPECT_EQ(counts(*st), before);
}

// Every (term, paragraph, offset) of the full-text index, through fts5vocab.
std::string index_dump(const Store& st) {
  sqlite3* h = st.handle();
  EXPECT_EQ(
      sqlite3_exec(
          h, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'paragraphs_fts', 'instance')",
          nullptr, nullptr, nullptr),
      SQLITE_OK)
      << sqlite3_errmsg(h);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, "SELECT term, doc, offset FROM temp.v ORDER BY term, doc, offset",
                               -1, &s, nullptr),
            SQLITE_OK);
  std::string out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    out += ' ' + std::to_string(sqlite3_column_int64(s, 1)) + ' ' +
           std::to_string(sqlite3_column_int64(s, 2)) + '\n';
  }
  sqlite3_finalize(s);
  return out;
}

TEST(Store, AnIndexBuiltFromPretokenizedStreamsEqualsOneTokenizedOnInsert) {
  const auto dir = testing::temp_dir("store_pretok");
  const auto xs = huzhou();
  ASSERT_EQ(xs.size(), 1u);
  const Pretokenized pre = pretokenize(xs);
  EXPECT_GT(pre.size(), 3u);
  auto plain = Store::open(dir / "plain.db");
  auto replayed = Store::open(dir / "replayed.db");
  ASSERT_TRUE(plain.ok() && replayed.ok());
  ASSERT_TRUE(plain->add(xs[0]).ok());
  ASSERT_TRUE(replayed->add(xs[0], &pre).ok());
  const std::string a = index_dump(*plain), b = index_dump(*replayed);
  EXPECT_NE(a.find("教育"), std::string::npos);
  EXPECT_EQ(a, b);
  EXPECT_EQ(sqlite3_exec(replayed->handle(),
                         "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(replayed->handle());
}

TEST(Store, ContentKeyIsXxh3Of128BitsInHex) {
  EXPECT_EQ(content_key("").size(), 32u);
  EXPECT_EQ(content_key("教育"), content_key("教育"));
  EXPECT_NE(content_key("教育"), content_key("经济"));
}

TEST(Store, AFailingBatchLeavesNothing) {
  const auto db = testing::temp_dir("store_fail") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok());
  // Fault injection: the third report's warning insert fails.
  ASSERT_EQ(sqlite3_exec(st->handle(),
                         "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.warnings WHEN NEW.code = "
                         "'injected_fault' "
                         "BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::vector<extraction::Extraction> xs;
  for (const char* city : {"湖州市", "嘉兴市", "金华市"}) {
    auto one = extract(
        report_text(city, 2024, {std::string(city) + "教育事业加快发展。"}, {"推进教育现代化。"}),
        "x.txt");
    ASSERT_EQ(one.size(), 1u);
    xs.push_back(std::move(one[0]));
  }
  xs[2].doc.warnings.push_back({"injected_fault", "test", Warning::kNoOffset});
  auto r = st.value().add_batch(xs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("injected fault"), std::string::npos) << r.error().message;
  EXPECT_FALSE(st->in_batch());
  for (const auto& [table, n] : counts(*st)) EXPECT_EQ(n, 0) << table;
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM paragraphs_fts"), 0);

  // Same with begin/commit: the failed add closes the batch and commit reports it.
  ASSERT_TRUE(st.value().begin_batch().ok());
  ASSERT_TRUE(st.value().add(xs[0]).ok());
  ASSERT_FALSE(st.value().add(xs[2]).ok());
  EXPECT_FALSE(st.value().commit_batch().ok());
  for (const auto& [table, n] : counts(*st)) EXPECT_EQ(n, 0) << table;

  // The store stays usable.
  ASSERT_TRUE(st.value().add(xs[1]).ok());
  EXPECT_EQ(counts(*st).at("reports"), 1);
}

TEST(Store, ReadOnlyOpenRefusesWrites) {
  const auto dir = testing::temp_dir("store_ro");
  {
    auto st = Store::open(dir / "c.db");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(st.value().add(huzhou()[0]).ok());
  }
  auto ro = Store::open(dir / "c.db", Options{true, true});
  ASSERT_TRUE(ro.ok()) << ro.error().describe();
  EXPECT_TRUE(ro->read_only());
  EXPECT_TRUE(ro->has_fts());
  auto a = ro.value().add(huzhou()[0]);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kUnreadable);
  EXPECT_FALSE(ro.value().record_file({"x", 1, "failed", 0, "e"}).ok());
  EXPECT_NE(sqlite3_exec(ro->handle(), "DELETE FROM reports", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_EQ(scalar(ro->handle(), "SELECT count(*) FROM reports"), 1);
}

TEST(Store, AnalysisTextIsStoredOnlyWhereItDiffersAndSearchReadsItThroughTheView) {
  const auto dir = testing::temp_dir("store_simplified");
  auto st = Store::open(dir / "c.db");
  ASSERT_TRUE(st.ok());
  // A traditional-character report: its paragraphs need a separate simplified text.
  const auto trad =
      extract(report_text("湖州市", 2024, {"過去一年，全市經濟穩中向好，教育事業加快發展。"},
                          {"今年經濟社會發展的主要預期目標為：本市生產總值增長6%左右。"}),
              "trad.txt");
  ASSERT_EQ(trad.size(), 1u);
  ASSERT_TRUE(st->add(huzhou()[0]).ok());
  ASSERT_TRUE(st->add(trad[0]).ok());
  sqlite3* h = st->handle();
  EXPECT_GT(scalar(h, "SELECT count(*) FROM paragraphs WHERE text_simplified IS NULL"), 3);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM paragraphs WHERE text_simplified = text"), 0);
  EXPECT_GE(scalar(h,
                   "SELECT count(*) FROM paragraphs WHERE text LIKE '%經濟%' AND text_simplified "
                   "LIKE '%经济%'"),
            2);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM paragraph_analysis_text WHERE text_simplified IS NULL"),
            0);
  // Both kinds of paragraph are found, and snippets read the analysis text.
  EXPECT_EQ(scalar(h,
                   "SELECT count(DISTINCT p.report_id) FROM paragraphs_fts f JOIN paragraphs p "
                   "ON p.paragraph_id = f.rowid WHERE paragraphs_fts MATCH '教育'"),
            2);
  EXPECT_EQ(scalar(h,
                   "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '经济' "
                   "AND snippet(paragraphs_fts, 0, '[', ']', '', 8) LIKE '%[经济]%'"),
            scalar(h, "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '经济'"));
  EXPECT_EQ(sqlite3_exec(h, "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(h);
}

// Every row of `sql`, each cell as text (NULL as "∅"), one string per row.
std::vector<std::string> dump(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::vector<std::string> out;
  while (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      const auto* t = sqlite3_column_text(s, i);
      row += (t ? std::string(reinterpret_cast<const char*>(t),
                              static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
                : std::string("∅")) +
             "\t";
    }
    out.push_back(row);
  }
  sqlite3_finalize(s);
  return out;
}

// Turns an open version 4 database into the version 3 layout it replaced: reports a table holding
// every body text, no body_gaps.
void make_version3(sqlite3* db) {
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE report_rows SET body_text = (SELECT r.body_text FROM reports r "
                         "WHERE r.report_id = report_rows.report_id); "
                         "DROP VIEW reports; DROP TABLE body_gaps; "
                         "ALTER TABLE report_rows RENAME TO reports; "
                         "CREATE TABLE slogans_v3 AS SELECT * FROM slogans; DROP TABLE slogans; "
                         "CREATE TABLE slogans (report_id INTEGER NOT NULL REFERENCES "
                         "reports(report_id) ON DELETE CASCADE, text TEXT NOT NULL, count INTEGER "
                         "NOT NULL, PRIMARY KEY (report_id, text)); "
                         "INSERT INTO slogans SELECT * FROM slogans_v3; DROP TABLE slogans_v3; "
                         "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
}

// What readers see: every column of the reports (body_text included) and of the tables holding
// text, in id order.
std::vector<std::string> reader_view(sqlite3* db) {
  std::vector<std::string> out;
  for (const char* sql :
       {"SELECT * FROM reports ORDER BY report_id",
        "SELECT * FROM paragraphs ORDER BY paragraph_id",
        "SELECT * FROM paragraph_analysis_text ORDER BY paragraph_id",
        "SELECT * FROM quantities ORDER BY quantity_id", "SELECT * FROM facts ORDER BY fact_id",
        "SELECT * FROM targets ORDER BY target_id", "SELECT * FROM sections ORDER BY section_id"}) {
    for (auto& row : dump(db, sql)) out.push_back(sql + std::string(": ") + row);
  }
  return out;
}

TEST(Store, EveryBodyIsStoredOnceAndReadersGetItBackWhole) {
  const auto db = testing::temp_dir("store_body_once") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok());
  const auto xs = huzhou();
  for (const auto& x : xs) ASSERT_TRUE(st->add(x).ok());
  sqlite3* h = st->handle();
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM report_rows WHERE body_text IS NULL"), 1);
  EXPECT_GT(scalar(h, "SELECT count(*) FROM body_gaps"), 0);
  EXPECT_EQ(dump(h, "SELECT body_text FROM reports"),
            std::vector<std::string>{xs[0].doc.original_of(xs[0].doc.body) + "\t"});
  // A report whose paragraphs do not rebuild the body keeps it whole.
  extraction::ReportRows odd = extraction::rows_of(xs[0]);
  odd.report.body_text = "正文" + odd.report.body_text;
  odd.report.source = "odd.txt";
  std::swap(odd.paragraphs[0].text, odd.paragraphs[1].text);
  ASSERT_TRUE(st->add(odd).ok());
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM report_rows WHERE body_text IS NOT NULL"), 1);
  EXPECT_EQ(dump(h, "SELECT body_text FROM reports WHERE source = 'odd.txt'"),
            std::vector<std::string>{odd.report.body_text + "\t"});
  // Deleting through the view deletes the report and its rows.
  ASSERT_EQ(
      sqlite3_exec(h, "DELETE FROM reports WHERE source = 'odd.txt'", nullptr, nullptr, nullptr),
      SQLITE_OK)
      << sqlite3_errmsg(h);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM reports"), 1);
  EXPECT_EQ(scalar(h,
                   "SELECT count(*) FROM paragraphs WHERE report_id NOT IN (SELECT report_id "
                   "FROM report_rows)"),
            0);
  EXPECT_EQ(scalar(h,
                   "SELECT count(*) FROM body_gaps WHERE report_id NOT IN (SELECT report_id "
                   "FROM report_rows)"),
            0);
}

TEST(Store, AVersion3DatabaseKeepsEachBodyOnceAndReadsTheSame) {
  const auto db = testing::temp_dir("store_v3") / "c.db";
  std::vector<std::string> before;
  {
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok());
    for (const auto& x : huzhou()) ASSERT_TRUE(st->add(x).ok());
    make_version3(st->handle());
    before = reader_view(st->handle());
    EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM reports WHERE body_text IS NOT NULL"), 1);
  }
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  sqlite3* h = st->handle();
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM meta WHERE key = 'schema_version' AND value = '4'"), 1);
  EXPECT_EQ(scalar(h, "SELECT count(*) FROM report_rows WHERE body_text IS NULL"), 1);
  EXPECT_EQ(reader_view(h), before);
  // The foreign keys followed the rename: deleting a report still deletes its rows.
  EXPECT_NE(dump(h, "SELECT sql FROM sqlite_master WHERE name = 'paragraphs'")
                .front()
                .find("REFERENCES \"report_rows\""),
            std::string::npos);
  // Full-text search still finds the paragraphs.
  EXPECT_GT(scalar(h, "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '教育'"), 0);
  EXPECT_NE(
      dump(h, "SELECT sql FROM sqlite_master WHERE name = 'slogans'").front().find("WITHOUT ROWID"),
      std::string::npos);
  // A second open changes nothing.
  auto again = Store::open(db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(reader_view(again->handle()), before);
}

TEST(Store, AVersion2DatabaseGainsTheVersion3ColumnsAndKeepsItsRows) {
  const auto db = testing::temp_dir("store_v2") / "c.db";
  {
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok());
    for (const auto& x : huzhou()) ASSERT_TRUE(st->add(x).ok());
    // Make it a version 2 database: without the columns version 3 added.
    make_version3(st->handle());
    ASSERT_EQ(sqlite3_exec(st->handle(),
                           "ALTER TABLE reports DROP COLUMN region_source; "
                           "ALTER TABLE targets DROP COLUMN reference; "
                           "ALTER TABLE targets DROP COLUMN relative_modifier; "
                           "ALTER TABLE targets DROP COLUMN stretch_value; "
                           "ALTER TABLE targets DROP COLUMN base_year; "
                           "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(st->handle());
  }
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  EXPECT_EQ(scalar(st->handle(),
                   "SELECT count(*) FROM meta WHERE key = 'schema_version' AND "
                   "value = '4'"),
            1);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM reports WHERE region_source IS NULL"), 1);
  EXPECT_EQ(scalar(st->handle(),
                   "SELECT count(*) FROM targets WHERE stretch_value IS NULL AND "
                   "reference IS NULL AND base_year IS NULL"),
            scalar(st->handle(), "SELECT count(*) FROM targets"));
  EXPECT_GT(scalar(st->handle(), "SELECT count(*) FROM targets"), 0);
}

TEST(Store, ADatabaseOfAnotherSchemaVersionIsRefused) {
  const auto db = testing::temp_dir("store_version") / "c.db";
  {
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok());
    ASSERT_EQ(sqlite3_exec(st->handle(), "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  for (bool ro : {false, true}) {
    auto again = Store::open(db, Options{ro, true});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kInvalidData);
    EXPECT_NE(again.error().message.find("schema version 1"), std::string::npos)
        << again.error().message;
  }
}

TEST(Store, OpeningAMissingFileReadOnlyOrAForeignFileFails) {
  const auto dir = testing::temp_dir("store_bad");
  auto missing = Store::open(dir / "none.db", Options{true, true});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnreadable);
  testing::write_file(dir / "text.db", std::string(4096, 'x'));
  auto foreign = Store::open(dir / "text.db");
  ASSERT_FALSE(foreign.ok());
}

TEST(Store, RecordFileReplacesTheRowOfAPath) {
  const auto db = testing::temp_dir("store_files") / "c.db";
  auto st = Store::open(db);
  ASSERT_TRUE(st.ok());
  ASSERT_TRUE(st.value().record_file({"a.txt", 10, "failed", 0, "bad"}).ok());
  ASSERT_TRUE(st.value().record_file({"a.txt", 12, "ingested", 1, ""}).ok());
  EXPECT_EQ(scalar(st->handle(),
                   "SELECT count(*) FROM ingest_files WHERE status = 'ingested' AND error IS NULL"),
            1);
  EXPECT_EQ(scalar(st->handle(), "SELECT count(*) FROM ingest_files"), 1);
}

}  // namespace
}  // namespace gwr::store
