// End-to-end tests of the `gwr` command (src/cli/main.cpp): the binary named by GWR_BIN runs as a
// subprocess; its stdout, stderr and exit status are checked against docs/cli.md. Every failure
// case asserts the documented exit code, that stderr names the file and the problem, that
// nothing was printed on stdout, and that the process exited rather than died on a signal.
//
// The PDF is written by hand (same approach as tests/ingest/pdf_test.cpp): a Type0 font with
// Identity-H encoding and a ToUnicode CMap, so poppler extracts Chinese text without a font file.
// All report text below is invented.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "support/paths.h"
#include "support/pdf_builder.h"

extern char** environ;

namespace gwr {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Outcome {
  int exit_code = -1;  // -1 when the process did not exit normally
  int signal = 0;      // the signal that killed it, if any
  std::string out, err;
  double seconds = 0;
};

std::string gwr_bin() {
  const char* b = std::getenv("GWR_BIN");
  return b != nullptr ? b : "";
}

// Runs `gwr args...` with stdout and stderr captured through files (no pipe deadlock).
Outcome run_gwr(const std::vector<std::string>& args) {
  const fs::path dir = testing::temp_dir("cli_run");  // runs are sequential
  const std::string out_path = (dir / "out").string(), err_path = (dir / "err").string();
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string bin = gwr_bin();
  std::vector<std::string> argv_s{bin};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  Outcome r;
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, bin.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    r.err = "posix_spawn failed for '" + bin + "'";
    return r;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = testing::read_file(out_path);
  r.err = testing::read_file(err_path);
  fs::remove_all(dir);
  return r;
}

std::string describe(const Outcome& r) {
  return "exit=" + std::to_string(r.exit_code) + " signal=" + std::to_string(r.signal) +
         "\nstderr: " + r.err + "\nstdout (first 300 bytes): " + r.out.substr(0, 300);
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(gwr_bin().empty()) << "GWR_BIN must name the built gwr binary (CTest sets it)";
    ASSERT_TRUE(fs::exists(gwr_bin())) << gwr_bin();
    dir_ = testing::temp_dir("cli");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A failing run: the exit code, stderr naming `file` and containing `problem`, empty stdout.
  static void expect_failure(const Outcome& r, int code, const std::string& file,
                             const std::string& problem) {
    EXPECT_EQ(r.signal, 0) << describe(r);
    EXPECT_EQ(r.exit_code, code) << describe(r);
    EXPECT_NE(r.err.find("gwr: error: "), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find(file), std::string::npos) << "stderr should name " << file << "\n"
                                                   << describe(r);
    EXPECT_NE(r.err.find(problem), std::string::npos) << "stderr should say " << problem << "\n"
                                                      << describe(r);
    EXPECT_TRUE(r.out.empty()) << describe(r);
  }

  fs::path dir_;
};

// The object of the single report in a `--format json` run.
json single(const Outcome& r) {
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  return json::parse(r.out);
}

std::vector<json> jsonl(const std::string& out) {
  std::vector<json> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) v.push_back(json::parse(line));
  }
  return v;
}

// The plan-year GDP growth target: {value, modifier}.
std::pair<double, std::string> gdp_target(const json& j) {
  for (const json& t : j.at("targets")) {
    if (t.at("canonical") == "gdp_growth")
      return {t.at("value").get<double>(), t.at("modifier").get<std::string>()};
  }
  return {-1, "none"};
}

// ---------------------------------------------------------------- good inputs

TEST_F(Cli, ExtractsCleanPrefectureReport) {
  const Outcome r = run_gwr({"extract", "examples/clean_prefecture_report.txt"});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_TRUE(r.err.empty()) << r.err;
  const json j = single(r);
  EXPECT_EQ(j.at("region"), "绍兴市");
  EXPECT_EQ(j.at("level"), "prefecture");
  EXPECT_EQ(j.at("province"), "浙江省");
  EXPECT_EQ(j.at("plan_year"), 2024);
  EXPECT_EQ(j.at("encoding"), "UTF-8");
  EXPECT_EQ(j.at("format"), "txt");
  EXPECT_EQ(gdp_target(j), std::make_pair(6.0, std::string("around")));
  EXPECT_FALSE(j.contains("text")) << "body text only with --text";
}

TEST_F(Cli, TextFlagAddsTheBody) {
  const Outcome r = run_gwr({"extract", "--text", "examples/clean_prefecture_report.txt"});
  const json j = single(r);
  ASSERT_TRUE(j.contains("text")) << r.out.substr(0, 300);
  EXPECT_EQ(j.at("text").get<std::string>().rfind("政府工作报告", 0), 0u);
}

TEST_F(Cli, DumpFileGivesThreeJsonlObjectsInFileOrder) {
  const Outcome r = run_gwr({"extract", "--format", "jsonl", "examples/dump_three_reports.txt"});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  const std::vector<json> v = jsonl(r.out);
  ASSERT_EQ(v.size(), 3u) << r.out.substr(0, 300);
  const std::vector<std::string> regions{"安吉县", "临安区", "建德市"};
  const std::vector<std::pair<double, std::string>> gdp{
      {6.5, "around"}, {6.0, "at_least"}, {5.5, "around"}};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(v[i].at("index_in_file"), i);
    EXPECT_EQ(v[i].at("region"), regions[i]);
    EXPECT_EQ(v[i].at("level"), "county");
    EXPECT_EQ(v[i].at("plan_year"), 2024);
    EXPECT_EQ(gdp_target(v[i]), gdp[i]) << regions[i];
  }
}

TEST_F(Cli, GbkReportIsDecoded) {
  const json j = single(run_gwr({"extract", "examples/gbk_county_report.txt"}));
  EXPECT_EQ(j.at("encoding"), "GB18030");
  EXPECT_EQ(j.at("region"), "桐庐县");
  EXPECT_EQ(j.at("level"), "county");
  EXPECT_EQ(j.at("parent"), "杭州市");
  EXPECT_EQ(j.at("plan_year"), 2024);
  EXPECT_EQ(gdp_target(j), std::make_pair(6.0, std::string("around")));
}

TEST_F(Cli, Big5TraditionalReportIsDecodedAndSimplified) {
  const json j = single(run_gwr({"extract", "examples/big5_county_report.txt"}));
  EXPECT_EQ(j.at("encoding"), "Big5");
  EXPECT_EQ(j.at("traditional"), true);
  EXPECT_EQ(j.at("region"), "永登县");  // simplified form
  EXPECT_EQ(j.at("level"), "county");
  EXPECT_EQ(j.at("province"), "甘肃省");
  EXPECT_EQ(j.at("plan_year"), 2024);
  EXPECT_EQ(gdp_target(j), std::make_pair(7.0, std::string("around")));
}

TEST_F(Cli, HtmlPortalPageKeepsOnlyTheReport) {
  const json j = single(run_gwr({"extract", "examples/portal_page.html"}));
  EXPECT_EQ(j.at("format"), "html");
  EXPECT_EQ(j.at("region"), "宜宾市");
  EXPECT_EQ(j.at("level"), "prefecture");
  EXPECT_EQ(j.at("plan_year"), 2024);
  EXPECT_EQ(gdp_target(j), std::make_pair(7.0, std::string("around")));
  EXPECT_EQ(j.at("body_starts_with"), "政府工作报告");
}

using gwr::testing::make_pdf;

TEST_F(Cli, PdfReportIsExtracted) {
  const fs::path pdf = dir_ / "county.pdf";
  testing::write_file(
      pdf, make_pdf({{"政府工作报告", "——2024年1月8日在德清县第十七届人民代表大会第三次会议上",
                      "各位代表:", "现在,我代表县政府向大会作报告。", "一、2023年工作回顾",
                      "过去一年,全县生产总值增长6%。"},
                     {"二、2024年工作安排", "今年预期目标:全县生产总值增长5.5%左右。",
                      "让我们团结奋斗,再创新辉煌!"}}));
  const Outcome r = run_gwr({"extract", pdf.string()});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  const json j = json::parse(r.out);
  EXPECT_EQ(j.at("format"), "pdf");
  EXPECT_EQ(j.at("region"), "德清县");
  EXPECT_EQ(j.at("level"), "county");
  EXPECT_EQ(j.at("plan_year"), 2024);
  EXPECT_EQ(gdp_target(j), std::make_pair(5.5, std::string("around")));
}

TEST_F(Cli, GoodAndBadFilesTogetherPrintTheGoodAndExitWithTheWorstCode) {
  const fs::path empty = dir_ / "empty.txt";
  testing::write_file(empty, "");
  const Outcome r = run_gwr({"extract", "--format", "jsonl", "examples/clean_prefecture_report.txt",
                             empty.string(), (dir_ / "missing.txt").string()});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 5) << describe(r);  // max(5 not a report, 3 unreadable)
  ASSERT_EQ(jsonl(r.out).size(), 1u);
  EXPECT_NE(r.err.find("empty.txt: empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------- bad inputs

TEST_F(Cli, EmptyFileIsNotAReport) {
  const fs::path f = dir_ / "empty.txt";
  testing::write_file(f, "");
  expect_failure(run_gwr({"extract", f.string()}), 5, f.string(), "empty file");
}

TEST_F(Cli, RandomBytesWithNulsAreBinary) {
  std::mt19937 rng(42);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  bytes[100] = '\0';
  const fs::path f = dir_ / "noise.txt";
  testing::write_file(f, bytes);
  expect_failure(run_gwr({"extract", f.string()}), 4, f.string(), "binary data");
}

TEST_F(Cli, ReportCutMidCharacterSucceedsWithAWarningNamingTheFile) {
  std::string text = testing::read_file("examples/clean_prefecture_report.txt");
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  ASSERT_EQ(static_cast<unsigned char>(text.back()) & 0xC0, 0x80)
      << "ends with a multi-byte character";
  text.pop_back();  // the last character loses its final byte
  const fs::path f = dir_ / "cut.txt";
  testing::write_file(f, text);
  const Outcome r = run_gwr({"extract", f.string()});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_NE(r.err.find("gwr: warning: " + f.string() + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not valid UTF-8"), std::string::npos) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j.at("region"), "绍兴市");
  bool warned = false;
  for (const json& w : j.at("warnings")) warned |= w.at("code") == "invalid_utf8";
  EXPECT_TRUE(warned) << j.at("warnings").dump();
}

TEST_F(Cli, HundredMegabyteLineIsTooLargeWithoutBeingRead) {
  const fs::path f = dir_ / "huge.txt";
  {
    std::FILE* fp = std::fopen(f.c_str(), "wb");
    ASSERT_NE(fp, nullptr);
    std::fclose(fp);
  }
  fs::resize_file(f, 100u << 20);  // sparse: no blocks written, one "line" of NULs
  const Outcome r = run_gwr({"extract", f.string()});
  expect_failure(r, 6, f.string(), "over the limit");
  EXPECT_LT(r.seconds, 2.0) << "the size is checked before reading";
}

TEST_F(Cli, DirectoryIsUnreadable) {
  expect_failure(run_gwr({"extract", dir_.string()}), 3, dir_.string(), "is a directory");
}

TEST_F(Cli, MissingPathIsUnreadable) {
  const fs::path f = dir_ / "no_such_report.txt";
  expect_failure(run_gwr({"extract", f.string()}), 3, f.string(), "no such file");
}

TEST_F(Cli, EndlessDeviceIsTooLargeWithBoundedReading) {
  const Outcome r = run_gwr({"extract", "/dev/zero"});
  expect_failure(r, 6, "/dev/zero", "over the limit");
  EXPECT_LT(r.seconds, 10.0);
}

TEST_F(Cli, SymbolicLinkLoopIsReportedAsALoop) {
  fs::create_symlink("b.txt", dir_ / "a.txt");
  fs::create_symlink("a.txt", dir_ / "b.txt");
  const fs::path f = dir_ / "a.txt";
  expect_failure(run_gwr({"extract", f.string()}), 3, f.string(), "symbolic link loop");
}

TEST_F(Cli, IngestGoesOnAfterAnEndlessDevice) {
  const fs::path db = dir_ / "c.db";
  const Outcome r = run_gwr({"ingest", "/dev/zero", "examples/clean_prefecture_report.txt", "--db",
                             db.string(), "--no-fts"});
  EXPECT_EQ(r.signal, 0) << describe(r);
  EXPECT_EQ(r.exit_code, 6) << describe(r);
  EXPECT_NE(r.err.find("/dev/zero"), std::string::npos) << describe(r);
  EXPECT_NE(r.out.find("ingested 1 report from 2 files"), std::string::npos) << describe(r);
}

TEST_F(Cli, IngestGoesOnAfterAPdfOverItsTimeBudget) {
  const fs::path in = dir_ / "in";
  fs::create_directories(in);
  testing::write_file(in / "a_hostile.pdf", testing::nested_xobject_pdf(12, 8));
  fs::copy_file("examples/clean_prefecture_report.txt", in / "b_report.txt");
  const fs::path db = dir_ / "c.db";
  ::setenv("GWR_PDF_TIMEOUT", "1", 1);
  const Outcome r = run_gwr({"ingest", in.string(), "--db", db.string(), "--no-fts"});
  ::unsetenv("GWR_PDF_TIMEOUT");
  EXPECT_EQ(r.signal, 0) << describe(r);
  EXPECT_EQ(r.exit_code, 6) << describe(r);
  EXPECT_NE(r.err.find("a_hostile.pdf: PDF reader ran over the time budget of 1 s"),
            std::string::npos)
      << describe(r);
  EXPECT_NE(r.out.find("ingested 1 report from 2 files"), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, 10.0);
}

TEST_F(Cli, OfficeAndArchiveFilesAreUnsupported) {
  const fs::path doc = dir_ / "report.doc", zip = dir_ / "report.zip",
                 disguised = dir_ / "report.txt";
  testing::write_file(doc,
                      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0'));
  testing::write_file(zip, std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "word/document.xml");
  testing::write_file(disguised,
                      std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "word/document.xml");
  expect_failure(run_gwr({"extract", doc.string()}), 4, doc.string(), "save it as .docx");
  // A zip that is not a readable .docx package, whatever its name says.
  expect_failure(run_gwr({"extract", zip.string()}), 4, zip.string(), "not a readable zip archive");
  expect_failure(run_gwr({"extract", disguised.string()}), 4, disguised.string(),
                 "not a readable zip archive");
}

TEST_F(Cli, CorruptPdfIsUnsupported) {
  const fs::path f = dir_ / "broken.pdf";
  testing::write_file(f, "%PDF-1.4\nnot really a pdf\n");
  const Outcome r = run_gwr({"extract", f.string()});
  EXPECT_EQ(r.exit_code, 4) << describe(r);
  EXPECT_NE(r.err.find(f.string()), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(Cli, TextThatIsNotAReportExits5) {
  const fs::path f = dir_ / "menu.txt";
  testing::write_file(f,
                      "今日菜单:番茄炒蛋、青椒肉丝、紫菜蛋花汤。\n营业时间:上午十点至晚上九点。\n");
  expect_failure(run_gwr({"extract", f.string()}), 5, f.string(),
                 "no sign of a government work report");
}

TEST_F(Cli, UsageErrorsExit2) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{},
                                               {"extract"},
                                               {"frobnicate"},
                                               {"extract", "--format", "xml", "a.txt"},
                                               {"eval", "--gold", "g.json"},
                                               {"extract", "--no-such-flag", "a.txt"}}) {
    const Outcome r = run_gwr(args);
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_FALSE(r.err.empty()) << describe(r);
    EXPECT_TRUE(r.out.empty()) << describe(r);
  }
  const Outcome help = run_gwr({"--help"});
  EXPECT_EQ(help.exit_code, 0) << describe(help);
  EXPECT_NE(help.out.find("extract"), std::string::npos);
}

// ---------------------------------------------------------------- eval

TEST_F(Cli, EvalWithMalformedGoldExits8) {
  const fs::path corpus = dir_ / "corpus";
  fs::create_directories(corpus);
  const fs::path bad = dir_ / "gold.json", not_array = dir_ / "object.json";
  testing::write_file(bad, "[{\"source_file\": ");
  testing::write_file(not_array, "{}");
  expect_failure(run_gwr({"eval", "--gold", bad.string(), "--corpus", corpus.string()}), 8,
                 bad.string(), "not valid JSON");
  expect_failure(run_gwr({"eval", "--gold", not_array.string(), "--corpus", corpus.string()}), 8,
                 not_array.string(), "JSON array");
}

TEST_F(Cli, EvalWithMissingCorpusFolderExits3) {
  const fs::path gold = dir_ / "gold.json", corpus = dir_ / "no_corpus";
  testing::write_file(gold, "[]");
  expect_failure(run_gwr({"eval", "--gold", gold.string(), "--corpus", corpus.string()}), 3,
                 corpus.string(), "corpus folder not found");
}

TEST_F(Cli, EvalOnTheSharedGoldScoresPerfectTargets) {
  const fs::path shared = testing::shared_dir();
  if (!fs::exists(shared / "gold" / "seeds.json") || !fs::is_directory(shared / "corpus")) {
    GTEST_SKIP() << "no shared gold/corpus at " << shared;
  }
  const Outcome r = run_gwr({"eval", "--gold", (shared / "gold" / "seeds.json").string(),
                             "--corpus", (shared / "corpus").string()});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  const std::string want = "targets: P=1.000 R=1.000 F1=1.000\n";
  ASSERT_GE(r.out.size(), want.size()) << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - want.size()), want) << r.out;
}

// ---------------------------------------------------------------- corpus commands

// Lines of `out` (no trailing empty line).
std::vector<std::string> lines(const std::string& out) {
  std::vector<std::string> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) v.push_back(line);
  return v;
}

// The whole corpus workflow through the binary: ingest the shared corpus with the repo's examples
// and the analysis fixtures, re-ingest (nothing changes), then search, targets, commitments,
// check and export read it; wrong use exits with the documented codes.
TEST_F(Cli, CorpusWorkflowFromIngestToExport) {
  const fs::path shared = testing::shared_dir() / "corpus";
  if (!fs::is_directory(shared)) GTEST_SKIP() << "no shared corpus at " << shared;
  const fs::path in = dir_ / "in", db = dir_ / "corpus.db";
  fs::create_directories(in / "examples");
  for (const auto& e : fs::directory_iterator(testing::repo_dir() / "examples")) {
    fs::copy_file(e.path(), in / "examples" / e.path().filename());
  }
  fs::copy(testing::repo_dir() / "tests/analysis/fixtures", in / "fixtures");
  // A file that is not a report: recorded as failed, the others still land.
  testing::write_file(in / "notes.txt", "今天天气很好。\n");

  const Outcome first = run_gwr({"ingest", shared.string(), in.string(), "--db", db.string()});
  EXPECT_EQ(first.exit_code, 5) << describe(first);  // the worst failure: not a report
  EXPECT_NE(first.err.find("notes.txt"), std::string::npos) << describe(first);
  // 15 files: 5 shared (14 reports), 5 examples (1 + 3 + 1 + 1 + 1), 4 fixtures, notes.txt.
  EXPECT_EQ(first.out,
            "ingested 25 reports from 15 files; 0 duplicates skipped; 0 unchanged files skipped; 1 "
            "failed\n")
      << describe(first);

  const Outcome again = run_gwr({"ingest", shared.string(), in.string(), "--db", db.string()});
  EXPECT_EQ(again.out,
            "ingested 0 reports from 1 file; 0 duplicates skipped; 14 unchanged files skipped; 1 "
            "failed\n")
      << describe(again);

  const Outcome hits =
      run_gwr({"search", "教育", "--db", db.string(), "--format", "csv", "--limit", "1000"});
  ASSERT_EQ(hits.exit_code, 0) << describe(hits);
  const auto hit_lines = lines(hits.out);
  ASSERT_GT(hit_lines.size(), 20u);
  EXPECT_EQ(hit_lines[0].rfind("score,region,", 0), 0u) << hit_lines[0];
  const Outcome few =
      run_gwr({"search", "教育", "--db", db.string(), "--format", "csv", "--level", "county"});
  ASSERT_EQ(few.exit_code, 0);
  EXPECT_LT(lines(few.out).size(), hit_lines.size());
  EXPECT_GT(lines(few.out).size(), 1u);

  const Outcome gdp =
      run_gwr({"targets", "--db", db.string(), "--indicator", "gdp_growth", "--format", "json"});
  ASSERT_EQ(gdp.exit_code, 0) << describe(gdp);
  const json rows = json::parse(gdp.out);
  ASSERT_TRUE(rows.is_array());
  EXPECT_GE(rows.size(), 14u);
  for (const json& r : rows) EXPECT_EQ(r.at("canonical"), "gdp_growth");

  // 庆阳市's 2023 report lists 12 惠民实事; the corpus has no 2024 report of the city.
  const Outcome cm =
      run_gwr({"commitments", "庆阳市 2023", "--db", db.string(), "--format", "csv"});
  ASSERT_EQ(cm.exit_code, 0) << describe(cm);
  const auto cm_lines = lines(cm.out);
  ASSERT_EQ(cm_lines.size(), 13u) << cm.out;
  for (std::size_t i = 1; i < cm_lines.size(); ++i) {
    EXPECT_NE(cm_lines[i].find("no_next_report"), std::string::npos) << cm_lines[i];
  }

  const fs::path xlsx = dir_ / "out.xlsx", csv = dir_ / "targets.csv";
  ASSERT_EQ(run_gwr({"export", "--db", db.string(), "--to", xlsx.string()}).exit_code, 0);
  EXPECT_EQ(testing::read_file(xlsx).substr(0, 2), "PK");
  ASSERT_EQ(run_gwr({"export", "--db", db.string(), "--to", csv.string()}).exit_code, 0);
  EXPECT_EQ(testing::read_file(csv).rfind("\xEF\xBB\xBF", 0), 0u);

  const Outcome checked = run_gwr({"check", "--db", db.string(), "--format", "csv"});
  EXPECT_EQ(checked.exit_code, 0) << describe(checked);

  expect_failure(run_gwr({"search", "教育", "--db", (dir_ / "none.db").string()}), 3, "none.db",
                 "");
  expect_failure(run_gwr({"commitments", "不存在市 2020", "--db", db.string()}), 2, "不存在市", "");
  const Outcome bad = run_gwr({"ingest", in.string(), "--db", db.string(), "--batch", "0"});
  EXPECT_EQ(bad.exit_code, 2) << describe(bad);
}

}  // namespace
}  // namespace gwr
