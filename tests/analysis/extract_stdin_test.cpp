// `gwr extract --stdin-jsonl` (src/cli/cmd_extract.cpp) as a streaming map task: the binary
// named by GWR_BIN reads two lines, one good and one bad, and must answer each with one line.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "support/paths.h"

namespace gwr {
namespace {

TEST(ExtractStdinJsonl, OneResultLinePerInputLineAndErrorsInBand) {
  const char* bin = std::getenv("GWR_BIN");
  if (bin == nullptr || *bin == '\0') GTEST_SKIP() << "GWR_BIN not set";
  const auto dir = testing::temp_dir("stdin_jsonl");
  const std::string text =
      testing::read_file(testing::repo_dir() / "tests/analysis/fixtures/huzhou_2023.txt");
  nlohmann::json good = {{"id", "hz-2023"}, {"text", text}};
  testing::write_file(dir / "in.jsonl", good.dump() + "\n{\"id\": 7, \"text\": 5}\n");
  const std::string cmd = std::string("'") + bin + "' extract --stdin-jsonl < '" +
                          (dir / "in.jsonl").string() + "' > '" + (dir / "out.jsonl").string() +
                          "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::istringstream out(testing::read_file(dir / "out.jsonl"));
  std::string l1, l2, l3;
  ASSERT_TRUE(std::getline(out, l1));
  ASSERT_TRUE(std::getline(out, l2));
  EXPECT_FALSE(std::getline(out, l3));
  const auto a = nlohmann::json::parse(l1), b = nlohmann::json::parse(l2);
  EXPECT_EQ(a["id"], "hz-2023");
  ASSERT_EQ(a["reports"].size(), 1u);
  EXPECT_EQ(a["reports"][0]["region"], "湖州市");
  EXPECT_EQ(a["reports"][0]["plan_year"], 2023);
  EXPECT_EQ(b["id"], 7);
  EXPECT_EQ(b["error"]["code"], "usage");
  EXPECT_FALSE(b.contains("reports"));
}

// An "id" nested 100,000 deep used to be copied recursively (exit 139); a line over the budget
// used to be read whole before its size check. Both now get an error line, and the stream goes on.
TEST(ExtractStdinJsonl, DeepIdAndOverlongLineGetErrorLines) {
  const char* bin = std::getenv("GWR_BIN");
  if (bin == nullptr || *bin == '\0') GTEST_SKIP() << "GWR_BIN not set";
  const auto dir = testing::temp_dir("stdin_jsonl_hostile");
  std::string deep = "{\"id\": ";
  deep += std::string(100000, '[') + std::string(100000, ']') + ", \"text\": \"各位代表：\"}\n";
  std::string input = deep;
  input +=
      "{\"id\": \"big\", \"text\": \"" + std::string((std::size_t{88} << 20) + 10, 'a') + "\"}\n";
  input += "{\"id\": \"after\", \"text\": 5}\n";
  testing::write_file(dir / "in.jsonl", input);
  const std::string cmd = std::string("'") + bin + "' extract --stdin-jsonl < '" +
                          (dir / "in.jsonl").string() + "' > '" + (dir / "out.jsonl").string() +
                          "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::istringstream out(testing::read_file(dir / "out.jsonl"));
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(out, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0]["id"].is_null());
  EXPECT_EQ(rows[0]["error"]["code"], "usage");
  EXPECT_EQ(rows[1]["error"]["code"], "too_large");
  EXPECT_EQ(rows[2]["id"], "after");
}

}  // namespace
}  // namespace gwr
