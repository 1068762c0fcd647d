// One writer, a damaged file, read-only readers (src/store/lock.cpp, src/store/store.cpp and
// `gwr ingest` / `gwr search` over them): concurrent ingests are serialised or refused, and
// ingest_files tells what each did; a database failing PRAGMA quick_check is refused before
// anything is written; a WAL database in a folder the reader cannot write is read without side
// files. Runs the gwr binary named by GWR_BIN. All report text is invented (variants of
// examples/clean_prefecture_report.txt).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/lock.h"
#include "store/store.h"
#include "support/paths.h"

extern char** environ;

namespace gwr::store {
namespace {

namespace fs = std::filesystem;

struct Spawned {
  pid_t pid = -1;
  fs::path out, err;
};

struct Outcome {
  int code = -1;
  std::string out, err;
  double seconds = 0;
};

// Starts `prefix... gwr args...` with stdout and stderr in files under `dir`.
Spawned start(const fs::path& dir, const std::string& tag, const std::vector<std::string>& args,
              const std::vector<std::string>& prefix = {}) {
  Spawned r;
  r.out = dir / (tag + ".out");
  r.err = dir / (tag + ".err");
  std::vector<std::string> a = prefix;
  a.push_back(std::getenv("GWR_BIN"));
  a.insert(a.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : a) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, r.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, r.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  const int rc = posix_spawn(&r.pid, a[0].c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  EXPECT_EQ(rc, 0) << a[0];
  return r;
}

Outcome finish(const Spawned& r) {
  Outcome o;
  int status = 0;
  waitpid(r.pid, &status, 0);
  o.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  o.out = testing::read_file(r.out);
  o.err = testing::read_file(r.err);
  return o;
}

Outcome gwr(const fs::path& dir, const std::vector<std::string>& args,
            const std::vector<std::string>& prefix = {}) {
  const auto t0 = std::chrono::steady_clock::now();
  Outcome o = finish(start(dir, "run", args, prefix));
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return o;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

// `n` report files, each a distinct report (another city, invented figures).
void write_inputs(const fs::path& dir, int n) {
  const std::string base =
      testing::read_file(testing::repo_dir() / "examples" / "clean_prefecture_report.txt");
  const std::string anchor = "一、2023年工作回顾\n";
  ASSERT_NE(base.find(anchor), std::string::npos);
  const char* cities[] = {"绍兴市", "湖州市", "嘉兴市", "金华市"};
  fs::create_directories(dir);
  for (int i = 0; i < n; ++i) {
    std::string extra;
    for (int k = 0; k < 40; ++k) {
      extra += "第" + std::to_string(k + 1) + "项重点工程完成投资" +
               std::to_string(200 + i * 3 + k) + "亿元,新增岗位" +
               std::to_string(500 + 11 * k + i) + "个。\n";
    }
    std::string text = replace_all(base, "绍兴市", cities[i % 4]);
    text.insert(text.find(anchor) + anchor.size(), extra);
    testing::write_file(dir / ("r" + std::to_string(100 + i) + ".txt"), text);
  }
}

// Rows of `sql` as "a|b|…" lines, through a plain read-only connection.
std::string query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK) {
      while (sqlite3_step(s) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
          const auto* t = sqlite3_column_text(s, c);
          out += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
        }
        out += '\n';
      }
    }
    sqlite3_finalize(s);
  }
  sqlite3_close_v2(h);
  return out;
}

class Writers : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::getenv("GWR_BIN") == nullptr) GTEST_SKIP() << "GWR_BIN is not set";
    dir_ = testing::temp_dir("writers");
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(Writers, ASecondIngestRefusesAtOnceOrWaitsForTheLock) {
  write_inputs(dir_ / "in", 3);
  const fs::path db = dir_ / "c.db";
  {
    auto held = WriterLock::acquire(db, std::chrono::milliseconds(0));
    ASSERT_TRUE(held.ok()) << held.error().describe();
    const Outcome refused = gwr(dir_, {"ingest", (dir_ / "in").string(), "--db", db.string()});
    EXPECT_EQ(refused.code, 3) << refused.err;
    EXPECT_NE(refused.err.find("another gwr ingest (pid " + std::to_string(::getpid()) + ")"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find(db.string()), std::string::npos) << refused.err;
    EXPECT_TRUE(refused.out.empty());
    EXPECT_FALSE(fs::exists(db)) << "nothing opened or created while refused";

    const Outcome waited_out =
        gwr(dir_, {"ingest", (dir_ / "in").string(), "--db", db.string(), "--wait", "0.5"});
    EXPECT_EQ(waited_out.code, 3) << waited_out.err;
    EXPECT_GE(waited_out.seconds, 0.45);
  }
  // Released while a --wait ingest waits: it goes on.
  std::optional<WriterLock> held;
  {
    auto l = WriterLock::acquire(db, std::chrono::milliseconds(0));
    ASSERT_TRUE(l.ok());
    held.emplace(std::move(l).value());
  }
  const Spawned waiting =
      start(dir_, "w", {"ingest", (dir_ / "in").string(), "--db", db.string(), "--wait", "30"});
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_FALSE(fs::exists(db)) << "still waiting";
  held.reset();
  const Outcome ok = finish(waiting);
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_NE(ok.out.find("ingested 3 reports from 3 files"), std::string::npos) << ok.out;
}

TEST_F(Writers, TwoConcurrentIngestsAreSerialisedAndIngestFilesTellsTheTruth) {
  constexpr int kFiles = 12;
  write_inputs(dir_ / "in", kFiles);
  const fs::path db = dir_ / "c.db";
  const std::vector<std::string> args = {"ingest",  (dir_ / "in").string(),
                                         "--db",    db.string(),
                                         "--wait",  "120",
                                         "--jobs",  "1",
                                         "--batch", "1"};
  const Spawned a = start(dir_, "a", args);
  const Spawned b = start(dir_, "b", args);
  const Outcome ra = finish(a), rb = finish(b);
  ASSERT_EQ(ra.code, 0) << ra.err;
  ASSERT_EQ(rb.code, 0) << rb.err;
  // One did the work, the other found every file recorded.
  const std::string all = "ingested " + std::to_string(kFiles) + " reports from " +
                          std::to_string(kFiles) + " files; 0 duplicates";
  const std::string none = "ingested 0 reports from 0 files; 0 duplicates skipped; " +
                           std::to_string(kFiles) + " unchanged files skipped";
  const bool a_first = ra.out.find(all) != std::string::npos;
  EXPECT_NE((a_first ? ra : rb).out.find(all), std::string::npos) << ra.out << rb.out;
  EXPECT_NE((a_first ? rb : ra).out.find(none), std::string::npos) << ra.out << rb.out;
  EXPECT_EQ(query(db, "SELECT count(*) FROM reports"), std::to_string(kFiles) + "\n");
  EXPECT_EQ(query(db, "SELECT status, reports, count(*) FROM ingest_files GROUP BY 1, 2"),
            "ingested|1|" + std::to_string(kFiles) + "\n");
}

TEST_F(Writers, ADamagedDatabaseIsRefusedAndNotWritten) {
  write_inputs(dir_ / "in", 6);
  write_inputs(dir_ / "more", 2);
  const fs::path db = dir_ / "c.db";
  const Outcome first = gwr(dir_, {"ingest", (dir_ / "in").string(), "--db", db.string()});
  ASSERT_EQ(first.code, 0) << first.err;
  ASSERT_FALSE(fs::exists(db.string() + "-wal")) << "the last connection checkpoints the WAL";
  // Garbage over the middle third of the pages (the header page stays intact).
  std::string bytes = testing::read_file(db);
  const std::size_t page = 4096, pages = bytes.size() / page;
  ASSERT_GT(pages, 6u);
  for (std::size_t p = pages / 3; p < 2 * pages / 3; ++p) {
    for (std::size_t i = 0; i < page; ++i)
      bytes[p * page + i] = static_cast<char>((p * 131 + i * 7) & 0xff);
  }
  testing::write_file(db, bytes);

  const Outcome r = gwr(dir_, {"ingest", (dir_ / "more").string(), "--db", db.string()});
  EXPECT_EQ(r.code, 8) << r.err;
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(testing::read_file(db), bytes) << "the damaged file was written to";
  std::error_code ec;
  EXPECT_TRUE(!fs::exists(db.string() + "-wal") || fs::file_size(db.string() + "-wal", ec) == 0);
}

// The immutable open itself, independent of who runs the test.
TEST_F(Writers, ImmutableReadersCreateNoSideFiles) {
  write_inputs(dir_ / "in", 2);
  const fs::path db = dir_ / "c.db";
  ASSERT_EQ(gwr(dir_, {"ingest", (dir_ / "in").string(), "--db", db.string()}).code, 0);
  ASSERT_FALSE(fs::exists(db.string() + "-wal"));
  ASSERT_FALSE(fs::exists(db.string() + "-shm"));
  Options o;
  o.read_only = true;
  o.immutable = true;
  auto st = Store::open(db, o);
  ASSERT_TRUE(st.ok()) << st.error().describe();
  EXPECT_TRUE(st->has_fts());
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(st->handle(), "SELECT count(*) FROM reports", -1, &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 2);
  sqlite3_finalize(s);
  EXPECT_FALSE(fs::exists(db.string() + "-wal"));
  EXPECT_FALSE(fs::exists(db.string() + "-shm"));
  // docs/cli.md: an unparseable query exits 2.
  for (const char* q : {"\"", "a\"b", "*"}) {
    const Outcome bad = gwr(dir_, {"search", q, "--db", db.string()});
    EXPECT_EQ(bad.code, 2) << q << ": " << bad.err;
    EXPECT_NE(bad.err.find("cannot parse the search query"), std::string::npos) << bad.err;
    EXPECT_TRUE(bad.out.empty());
  }
  // A path with URI characters in it still opens (the URI escapes them).
  const fs::path odd = dir_ / "a%3f?b#c";
  fs::create_directories(odd);
  fs::copy_file(db, odd / "c.db");
  auto st2 = Store::open(odd / "c.db", o);
  EXPECT_TRUE(st2.ok()) << st2.error().describe();
}

// A reader without write permission on the folder: `gwr search` and `gwr targets` work. As root
// (where chmod does not stop writes) the reader runs as nobody through setpriv, when available.
TEST_F(Writers, ReadersWorkInAFolderTheyCannotWrite) {
  write_inputs(dir_ / "in", 3);
  const fs::path shared = dir_ / "shared";
  fs::create_directories(shared);
  const fs::path db = shared / "c.db";
  ASSERT_EQ(gwr(dir_, {"ingest", (dir_ / "in").string(), "--db", db.string()}).code, 0);
  fs::permissions(shared, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::vector<std::string> prefix;
  fs::path out_dir = dir_;
  if (::geteuid() == 0) {
    if (!fs::exists("/usr/bin/setpriv")) GTEST_SKIP() << "root and no setpriv to drop privileges";
    prefix = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    // nobody must be able to write its output files and reach everything.
    out_dir = dir_ / "out";
    fs::create_directories(out_dir);
    fs::permissions(out_dir, fs::perms::all);
    fs::permissions(dir_, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
    const Outcome probe = gwr(out_dir, {"--version"}, prefix);
    if (probe.code != 0) GTEST_SKIP() << "gwr cannot run as nobody here: " << probe.err;
  }
  const Outcome search = gwr(out_dir, {"search", "重点工程", "--db", db.string()}, prefix);
  EXPECT_EQ(search.code, 0) << search.err;
  EXPECT_FALSE(search.out.empty());
  const Outcome targets = gwr(out_dir, {"targets", "--db", db.string()}, prefix);
  EXPECT_EQ(targets.code, 0) << targets.err;
  EXPECT_FALSE(fs::exists(db.string() + "-wal"));
  EXPECT_FALSE(fs::exists(db.string() + "-shm"));
  fs::permissions(shared, fs::perms::owner_all, fs::perm_options::add);
}

}  // namespace
}  // namespace gwr::store
