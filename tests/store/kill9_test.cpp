// Crash safety of `gwr ingest` (src/cli/cmd_ingest.cpp over src/store/store.cpp): an ingest killed
// with SIGKILL mid-run and then re-run gives the same database content as an uninterrupted
// ingest. The inputs are variants of examples/clean_prefecture_report.txt with other regions and
// invented numbers. Runs the gwr binary named by GWR_BIN.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/paths.h"

extern char** environ;

namespace gwr::store {
namespace {

namespace fs = std::filesystem;

constexpr int kFiles = 40;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// kFiles report files: the example with another city and extra review paragraphs of invented
// figures.
void write_inputs(const fs::path& dir) {
  const std::string base =
      testing::read_file(testing::repo_dir() / "examples" / "clean_prefecture_report.txt");
  const std::string anchor = "一、2023年工作回顾\n";
  ASSERT_NE(base.find(anchor), std::string::npos);
  const char* cities[] = {"绍兴市", "湖州市", "嘉兴市", "金华市",
                          "台州市", "丽水市", "衢州市", "舟山市"};
  fs::create_directories(dir / "sub");
  for (int i = 0; i < kFiles; ++i) {
    std::string extra;
    for (int k = 0; k < 80; ++k) {
      extra += "第" + std::to_string(k + 1) + "项工作取得进展,全年完成投资" +
               std::to_string(100 + i * 7 + k) + "亿元,增长" + std::to_string(k % 9) + "." +
               std::to_string(i % 10) + "%,新建项目" + std::to_string(k + i) + "个,带动就业" +
               std::to_string(1000 + 13 * k + i) + "人。\n";
    }
    std::string text = replace_all(base, "绍兴市", cities[i % 8]);
    text.insert(text.find(anchor) + anchor.size(), extra);
    const fs::path where =
        (i % 3 == 0 ? dir / "sub" : dir) / ("report_" + std::to_string(i) + ".txt");
    testing::write_file(where, text);
  }
}

pid_t spawn_ingest(const fs::path& inputs, const fs::path& db) {
  const char* bin = std::getenv("GWR_BIN");
  std::vector<std::string> args = {bin,      "ingest", inputs.string(), "--db", db.string(),
                                   "--jobs", "2",      "--batch",       "1"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, bin, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  EXPECT_EQ(rc, 0);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Reports stored so far, read through a separate read-only connection (-1 before the schema
// exists).
std::int64_t report_count(const fs::path& db) {
  sqlite3* h = nullptr;
  std::int64_t n = -1;
  if (sqlite3_open_v2(db.string().c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 1000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM reports", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close_v2(h);
  return n;
}

// Canonical content: per report (sorted by content key) its region, plan year and child row
// counts; the row count of every table; the FTS index's own integrity check.
std::string canonical_dump(const fs::path& db) {
  auto st = Store::open(db);
  EXPECT_TRUE(st.ok());
  if (!st) return {};
  sqlite3* h = st->handle();
  std::string out;
  auto rows = [&](const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* t = sqlite3_column_text(s, c);
        out += (t ? reinterpret_cast<const char*>(t) : "NULL");
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(s);
  };
  rows(
      "SELECT content_key, region, plan_year, "
      "(SELECT count(*) FROM paragraphs x WHERE x.report_id = r.report_id), "
      "(SELECT count(*) FROM facts x WHERE x.report_id = r.report_id), "
      "(SELECT count(*) FROM quantities x WHERE x.report_id = r.report_id) FROM reports r ORDER BY "
      "content_key");
  for (const char* t : {"reports", "sections", "paragraphs", "targets", "facts", "quantities",
                        "livelihood_items", "glossary", "slogans", "warnings", "ingest_files"}) {
    out += t;
    out += ':';
    rows(std::string("SELECT count(*) FROM ") + t);
  }
  rows("SELECT path, status, reports FROM ingest_files ORDER BY path");
  EXPECT_EQ(sqlite3_exec(h, "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(h);
  return out;
}

TEST(Kill9, KilledIngestThenReRunEqualsAnUninterruptedIngest) {
  if (std::getenv("GWR_BIN") == nullptr) GTEST_SKIP() << "GWR_BIN is not set";
  const fs::path dir = testing::temp_dir("kill9");
  write_inputs(dir / "in");
  if (HasFatalFailure()) return;

  ASSERT_EQ(wait_exit(spawn_ingest(dir / "in", dir / "ref.db")), 0);
  const std::string want = canonical_dump(dir / "ref.db");
  ASSERT_NE(want.find("reports:" + std::to_string(kFiles) + "|"), std::string::npos)
      << want.substr(0, 400);

  const pid_t pid = spawn_ingest(dir / "in", dir / "k.db");
  std::int64_t at_kill = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    at_kill = report_count(dir / "k.db");
    if (at_kill > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  const int killed = wait_exit(pid);
  ASSERT_GT(at_kill, 0);
  if (killed != 128 + SIGKILL) {
    std::cerr << "note: the ingest finished before SIGKILL arrived (exit " << killed << ")\n";
  } else {
    EXPECT_LT(report_count(dir / "k.db"), kFiles) << "killed after the last report";
  }

  ASSERT_EQ(wait_exit(spawn_ingest(dir / "in", dir / "k.db")), 0);
  EXPECT_EQ(canonical_dump(dir / "k.db"), want);
}

}  // namespace
}  // namespace gwr::store
