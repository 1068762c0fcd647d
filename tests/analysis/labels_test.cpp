// Chinese labels for exports (src/analysis/labels.cpp, data/labels_zh.tsv): headers, coded values
// by the kind their column names, 0/1 flags, a wide panel's indicator columns, the table name; an
// id without a label is kept; a data file whose column_values names an unknown kind is refused.
#include "analysis/labels.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/paths.h"

namespace gwr::analysis {
namespace {

TEST(Labels, LocalizeTranslatesHeadersCodedValuesFlagsAndTheTableName) {
  auto labels = Labels::load();
  ASSERT_TRUE(labels.ok()) << labels.error().describe();
  Table t;
  t.name = "targets";
  t.columns = {"region", "level", "modifier", "aspiration", "canonical", "gdp_growth", "mystery"};
  t.rows = {
      {Cell{std::string("绍兴市")}, Cell{std::string("prefecture")}, Cell{std::string("around")},
       Cell{std::int64_t{1}}, Cell{std::string("cpi")}, Cell{6.0}, Cell{std::string("kept_as_is")}},
      {Cell{std::string("某县")}, Cell{std::string("no_such_level")}, Cell{std::string("at_least")},
       Cell{std::int64_t{0}}, Cell{}, Cell{}, Cell{}}};
  const Table zh = labels->localize(t);
  EXPECT_EQ(zh.name, "目标");
  EXPECT_EQ(zh.columns, (std::vector<std::string>{"地区", "层级", "修饰", "力争", "指标类别",
                                                  "地区生产总值增长", "mystery"}));
  EXPECT_EQ(std::get<std::string>(zh.rows[0][1]), "地级");
  EXPECT_EQ(std::get<std::string>(zh.rows[0][2]), "左右");
  EXPECT_EQ(std::get<std::string>(zh.rows[0][3]), "是");
  EXPECT_EQ(std::get<std::string>(zh.rows[0][4]), "居民消费价格涨幅");
  EXPECT_EQ(std::get<double>(zh.rows[0][5]), 6.0) << "numbers stay numbers";
  EXPECT_EQ(std::get<std::string>(zh.rows[0][6]), "kept_as_is") << "no kind: kept";
  EXPECT_EQ(std::get<std::string>(zh.rows[1][1]), "no_such_level") << "no label: kept";
  EXPECT_EQ(std::get<std::string>(zh.rows[1][3]), "否");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(zh.rows[1][4])) << "nulls stay null";
  EXPECT_EQ(labels->label("warning", "partial_text"), "疑似节选或不完整的文本");
  EXPECT_FALSE(labels->label("level", "galaxy").has_value());
}

TEST(Labels, AColumnValuesRowNamingAnUnknownKindIsRefused) {
  const auto dir = testing::temp_dir("labels_bad");
  testing::write_file(dir / "labels_zh.tsv",
                      "# invented\nlevel\tcounty\t县级\ncolumn_values\tlevel\tlevels_typo\n");
  ASSERT_EQ(setenv("GWR_DATA_DIR", dir.c_str(), 1), 0);
  auto labels = Labels::load();
  unsetenv("GWR_DATA_DIR");
  ASSERT_FALSE(labels.ok());
  EXPECT_EQ(labels.error().code, ErrorCode::kInvalidData);
  EXPECT_NE(labels.error().message.find("levels_typo"), std::string::npos)
      << labels.error().message;
}

}  // namespace
}  // namespace gwr::analysis
