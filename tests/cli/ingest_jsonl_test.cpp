// End-to-end tests of `gwr ingest --from-jsonl` (src/cli/ingest_jsonl.cpp): the binary named by
// GWR_BIN runs as a subprocess on result lines that `gwr extract --stdin-jsonl` wrote. Exit codes
// and messages as docs/cli.md says; a bad line refuses the run before the database exists.
// (tests/cli/dask_from_jsonl_test.py checks the database equals a direct ingest.) Report text is
// invented.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/paths.h"

extern char** environ;

namespace gwr {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Outcome {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string out, err;
};

// Runs `gwr args...` with stdin from `in` (or /dev/null), stdout and stderr captured in files.
Outcome gwr(const fs::path& dir, const std::vector<std::string>& args,
            const std::string& in = "/dev/null") {
  const std::string out_path = (dir / "stdout").string(), err_path = (dir / "stderr").string();
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const char* bin = std::getenv("GWR_BIN");
  std::vector<std::string> argv_s{bin ? bin : "gwr"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  Outcome r;
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv_s[0].c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return r;
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = testing::read_file(out_path);
  r.err = testing::read_file(err_path);
  return r;
}

std::string report(const std::string& city) {
  return "政府工作报告\n——2024年1月10日在" + city +
         "第九届人民代表大会第四次会议上\n各位代表:\n一、2023年工作回顾\n"
         "全市地区生产总值增长6.5%,新建学校10所。\n二、2024年工作安排\n"
         "今年主要预期目标为:全市地区生产总值增长6%左右。\n";
}

std::int64_t scalar(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  std::int64_t v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

class FromJsonl : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(std::getenv("GWR_BIN"), nullptr) << "CTest sets GWR_BIN";
    dir_ = testing::temp_dir("from_jsonl");
    // The map output of three documents: two reports and one that is not a report.
    std::string in;
    for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
             {"docs/b_huzhou.txt", report("湖州市")},
             {"docs/a_notes.txt", "今天下午讨论食堂菜单。"},
             {"docs/c_jiaxing.txt", report("嘉兴市")}}) {
      in += json{{"id", name}, {"name", name}, {"text", text}}.dump() + "\n";
    }
    testing::write_file(dir_ / "input.jsonl", in);
    const Outcome r = gwr(dir_, {"extract", "--stdin-jsonl"}, (dir_ / "input.jsonl").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    shard_ = r.out;
    lines_ = split(shard_);
    ASSERT_EQ(lines_.size(), 3u);
    testing::write_file(dir_ / "part-0.jsonl", shard_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t e; (e = s.find('\n', b)) != std::string::npos; b = e + 1)
      out.push_back(s.substr(b, e - b));
    return out;
  }
  std::string db() const { return (dir_ / "c.db").string(); }
  Outcome ingest(const std::vector<std::string>& shards, const std::string& in = "/dev/null") {
    std::vector<std::string> args{"ingest", "--from-jsonl"};
    args.insert(args.end(), shards.begin(), shards.end());
    args.insert(args.end(), {"--db", db()});
    return gwr(dir_, args, in);
  }

  fs::path dir_;
  std::string shard_;
  std::vector<std::string> lines_;
};

TEST_F(FromJsonl, StoresTheReportsAndRecordsTheFailedDocument) {
  const Outcome r = ingest({(dir_ / "part-0.jsonl").string()});
  EXPECT_EQ(r.exit_code, 5) << r.err;  // not_a_report, as a direct ingest of the same files
  EXPECT_EQ(r.out,
            "ingested 2 reports from 3 files; 0 duplicates skipped; 0 unchanged files skipped; "
            "1 failed\n");
  EXPECT_NE(r.err.find("gwr: error: docs/a_notes.txt: "), std::string::npos) << r.err;
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM reports"), 2);
  // Ids in name order, whatever the order of the lines.
  EXPECT_EQ(scalar(db(), "SELECT report_id FROM reports WHERE source = 'docs/b_huzhou.txt'"), 1);
  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM ingest_files WHERE status = 'failed' AND path = "
                   "'docs/a_notes.txt' AND error LIKE 'no sign of%'"),
            1);
  // Every paragraph is in the full-text index.
  EXPECT_GT(scalar(db(), "SELECT count(*) FROM paragraphs"), 0);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM paragraphs_fts_docsize"),
            scalar(db(), "SELECT count(*) FROM paragraphs"));
}

TEST_F(FromJsonl, ReRunSkipsUnchangedDocuments) {
  ASSERT_EQ(ingest({(dir_ / "part-0.jsonl").string()}).exit_code, 5);
  const Outcome r = ingest({(dir_ / "part-0.jsonl").string()});
  EXPECT_NE(r.out.find("ingested 0 reports from 1 file; 0 duplicates skipped; 2 unchanged files "
                       "skipped; 1 failed"),
            std::string::npos)
      << r.out << r.err;
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM reports"), 2);
}

TEST_F(FromJsonl, ReadsStdinAsDash) {
  const Outcome r = ingest({"-"}, (dir_ / "part-0.jsonl").string());
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM reports"), 2);
}

TEST_F(FromJsonl, EmptyShardIngestsNothing) {
  testing::write_file(dir_ / "empty.jsonl", "");
  const Outcome r = ingest({(dir_ / "empty.jsonl").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "ingested 0 reports from 0 files; 0 duplicates skipped; 0 unchanged files skipped; "
            "0 failed\n");
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM reports"), 0);
}

TEST_F(FromJsonl, MalformedLineRefusesTheRunAndWritesNothing) {
  testing::write_file(dir_ / "bad.jsonl", lines_[0] + "\n" + lines_[1].substr(0, 40) + "\n");
  const Outcome r = ingest({(dir_ / "part-0.jsonl").string(), (dir_ / "bad.jsonl").string()});
  EXPECT_EQ(r.exit_code, 8) << r.err;
  EXPECT_NE(r.err.find("gwr: error: " + (dir_ / "bad.jsonl").string() + ":2: not a JSON object"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_FALSE(fs::exists(db())) << "refused before the database was opened";
}

TEST_F(FromJsonl, LineOfAnotherMapVersionIsRefused) {
  json j = json::parse(lines_[2]);
  j["map_version"] = 99;
  testing::write_file(dir_ / "v99.jsonl", "\n" + j.dump() + "\n");
  const Outcome r = ingest({(dir_ / "v99.jsonl").string()});
  EXPECT_EQ(r.exit_code, 8) << r.err;
  EXPECT_NE(r.err.find("v99.jsonl:2: a result line of map_version 99; this gwr reads "
                       "map_version 1"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(FromJsonl, ExtractOutputIsNotAResultLine) {
  // `gwr extract --format jsonl` prints report objects, not result lines.
  const Outcome x = gwr(dir_, {"extract", "--format", "jsonl", "examples/gbk_county_report.txt"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  testing::write_file(dir_ / "reports.jsonl", x.out);
  const Outcome r = ingest({(dir_ / "reports.jsonl").string()});
  EXPECT_EQ(r.exit_code, 8);
  EXPECT_NE(r.err.find("reports.jsonl:1: no \"map_version\": not a result line"), std::string::npos)
      << r.err;
}

TEST_F(FromJsonl, DamagedRowNamesTableRowAndColumn) {
  json j = json::parse(lines_[0]);
  ASSERT_TRUE(j.contains("rows")) << lines_[0].substr(0, 200);
  j["rows"][0]["paragraphs"][1][3] = 42;
  testing::write_file(dir_ / "damaged.jsonl", j.dump() + "\n");
  const Outcome r = ingest({(dir_ / "damaged.jsonl").string()});
  EXPECT_EQ(r.exit_code, 8);
  EXPECT_NE(r.err.find("damaged.jsonl:1: report 0: rows.paragraphs[1]: column text must be a "
                       "string"),
            std::string::npos)
      << r.err;
}

TEST_F(FromJsonl, MissingShardIsUnreadable) {
  const Outcome r = ingest({(dir_ / "part-0.jsonl").string(), (dir_ / "nope.jsonl").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("nope.jsonl: cannot open the result file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db()));
}

}  // namespace
}  // namespace gwr
