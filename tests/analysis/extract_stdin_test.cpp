// `gwr extract --stdin-jsonl` (src/cli/cmd_extract.cpp) as a streaming map task: the binary
// named by GWR_BIN reads two lines, one good and one bad, and must answer each with one line.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <nlohmann/json.hpp>

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
                          (dir / "in.jsonl").string() + "' > '" + (dir / "out.jsonl").string() + "'";
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

}  // namespace
}  // namespace gwr
