// Tests of one --stdin-jsonl line and its result line read back (src/cli/jsonl.cpp).
#include "cli/jsonl.h"

#include <gtest/gtest.h>

#include <string>

#include "common/json.h"
#include "support/resources.h"

namespace gwr::cli {
namespace {

using nlohmann::json;

const std::string kReport =
    "政府工作报告\n——2024年1月10日在湖州市第九届人民代表大会第四次会议上\n各位代表:\n"
    "一、2023年工作回顾\n全市地区生产总值增长6.5%。\n二、2024年工作安排\n"
    "今年主要预期目标定为:地区生产总值增长6%左右。\n";

std::string input(const std::string& name, const std::string& text) {
  return json{{"id", 7}, {"name", name}, {"text", text}}.dump();
}

TEST(StdinJsonlLine, ResultLineCarriesVersionNameSizeReportsAndRows) {
  const json out = extract_line(input("a/huzhou.txt", kReport), testing::resources(), false);
  EXPECT_EQ(out["map_version"], kMapVersion);
  EXPECT_EQ(out["id"], 7);
  EXPECT_EQ(out["name"], "a/huzhou.txt");
  EXPECT_EQ(out["size"], kReport.size());
  ASSERT_EQ(out["reports"].size(), 1u);
  ASSERT_EQ(out["rows"].size(), 1u);
  EXPECT_EQ(out["rows"][0]["report"][0], "a/huzhou.txt");

  auto back = read_result_line(dump_json(out));
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(back->name, std::optional<std::string>("a/huzhou.txt"));
  EXPECT_EQ(back->size, static_cast<std::int64_t>(kReport.size()));
  EXPECT_FALSE(back->error);
  ASSERT_EQ(back->rows.size(), 1u);
  auto x = pipeline::extract_bytes(kReport, "a/huzhou.txt", testing::resources());
  ASSERT_TRUE(x.ok());
  EXPECT_TRUE(back->rows[0] == extraction::rows_of(x->at(0)));
  // Hadoop Streaming's TextOutputFormat ends a line without a tab with key, tab, empty value.
  EXPECT_TRUE(read_result_line(dump_json(out) + "\t").ok());
}

TEST(StdinJsonlLine, FailedDocumentReadsBackAsItsError) {
  const json out =
      extract_line(input("notes.txt", "今天下午讨论食堂菜单。"), testing::resources(), false);
  ASSERT_TRUE(out.contains("error"));
  EXPECT_EQ(out["name"], "notes.txt");
  auto back = read_result_line(dump_json(out));
  ASSERT_TRUE(back.ok()) << back.error().describe();
  ASSERT_TRUE(back->error);
  EXPECT_EQ(back->error->code, ErrorCode::kNotAReport);
  EXPECT_EQ(back->error->where, "notes.txt");
  EXPECT_TRUE(back->rows.empty());
}

TEST(StdinJsonlLine, TooLongAnswerHasNoName) {
  auto back = read_result_line(dump_json(too_long_line()));
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_FALSE(back->name);
  ASSERT_TRUE(back->error);
  EXPECT_EQ(back->error->code, ErrorCode::kTooLarge);
}

TEST(StdinJsonlLine, BadResultLinesSayWhatIsWrong) {
  const json good = extract_line(input("a.txt", kReport), testing::resources(), false);
  auto with = [&](auto change) {
    json j = good;
    change(j);
    return j.dump();
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "not a JSON object"},
      {"[1,2]", "not a JSON object"},
      {"{\"id\": 1", "not a JSON object"},
      {std::string(100, '[') + std::string(100, ']'), "more than 64 levels deep"},
      {with([](json& j) { j.erase("map_version"); }), "no \"map_version\": not a result line"},
      {with([](json& j) { j["map_version"] = 2; }),
       "a result line of map_version 2; this gwr reads map_version 1"},
      {with([](json& j) { j["map_version"] = "1"; }), "map_version \"1\""},
      {with([](json& j) { j.erase("rows"); }), "no \"rows\" array"},
      {with([](json& j) { j.erase("name"); }), "no \"name\""},
      {with([](json& j) { j["size"] = -1; }), "\"size\" must be a byte count"},
      {with([](json& j) { j["rows"][0]["facts"][0][4] = "x"; }),
       "report 0: rows.facts[0]: column value must be a number"},
      {with([](json& j) {
         j["error"] = {{"code", "no_such_code"}, {"message", "m"}};
       }),
       "unknown error code \"no_such_code\""},
      {with([](json& j) { j["error"] = "boom"; }), "\"error\" must be an object"},
  };
  for (const auto& [line, message] : cases) {
    auto r = read_result_line(line);
    ASSERT_FALSE(r.ok()) << line.substr(0, 80);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidData);
    EXPECT_NE(r.error().message.find(message), std::string::npos)
        << r.error().message << "\nexpected: " << message;
  }
}

}  // namespace
}  // namespace gwr::cli
