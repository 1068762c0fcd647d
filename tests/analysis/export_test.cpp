// Tests of src/analysis/export.cpp and output.cpp: CSV with BOM and RFC 4180 quoting, JSONL,
// XLSX as a zip with one sheet per table (read back with libzip).
#include "analysis/export.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "analysis/fixture_db.h"
#include "analysis/output.h"

namespace gwr::analysis {
namespace {

Table quoted_table() {
  Table t;
  t.name = "t";
  t.columns = {"name", "note", "value"};
  t.rows.push_back(
      {Cell{std::string("湖州市")}, Cell{std::string("增长6%,左右 \"预期\"")}, Cell{6.5}});
  t.rows.push_back({Cell{std::string("a\nb")}, Cell{}, Cell{std::int64_t{7}}});
  return t;
}

TEST(Csv, StartsWithBomAndRoundTripsQuotedCommas) {
  const auto dir = testing::temp_dir("export_csv");
  ASSERT_TRUE(write_file(dir / "t.csv", {quoted_table()}).ok());
  const std::string s = testing::read_file(dir / "t.csv");
  ASSERT_GE(s.size(), 3u);
  EXPECT_EQ(s.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(s.find("\"增长6%,左右 \"\"预期\"\"\""), std::string::npos);
  auto back = parse_csv(s);
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[1], (std::vector<std::string>{"湖州市", "增长6%,左右 \"预期\"", "6.5"}));
  EXPECT_EQ((*back)[2], (std::vector<std::string>{"a\nb", "", "7"}));
  EXPECT_FALSE(std::filesystem::exists(dir / "t.csv.tmp"));
}

TEST(Csv, OneTablePerFile) {
  const auto dir = testing::temp_dir("export_csv2");
  auto st = write_file(dir / "t.csv", {quoted_table(), quoted_table()});
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kUsage);
  EXPECT_FALSE(std::filesystem::exists(dir / "t.csv"));
}

TEST(Jsonl, OneTypedObjectPerRow) {
  std::ostringstream out;
  write_jsonl(out, quoted_table());
  std::istringstream in(out.str());
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(in, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["value"], 6.5);
  EXPECT_TRUE(rows[1]["note"].is_null());
  EXPECT_EQ(rows[1]["value"], 7);
}

TEST(Xlsx, ZipWithOneSheetPerExportTable) {
  auto st = testing::fixture_store();
  std::vector<Table> tables;
  for (const auto& n : export_table_names()) {
    auto t = export_table(st.reader(), n);
    ASSERT_TRUE(t.ok()) << n << ": " << t.error().describe();
    tables.push_back(std::move(t).value());
  }
  const auto dir = testing::temp_dir("export_xlsx");
  const auto path = dir / "out.xlsx";
  auto w = write_file(path, tables);
  ASSERT_TRUE(w.ok()) << w.error().describe();
  EXPECT_EQ(testing::read_file(path).substr(0, 2), "PK");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  ASSERT_NE(z, nullptr);
  for (int i = 1; i <= 8; ++i) {
    const std::string sheet = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    EXPECT_GE(zip_name_locate(z, sheet.c_str(), 0), 0) << sheet;
  }
  zip_file_t* f = zip_fopen(z, "xl/workbook.xml", 0);
  ASSERT_NE(f, nullptr);
  std::string xml(1 << 16, '\0');
  const auto n = zip_fread(f, xml.data(), xml.size());
  ASSERT_GT(n, 0);
  xml.resize(static_cast<std::size_t>(n));
  zip_fclose(f);
  zip_close(z);
  for (const char* name :
       {"targets", "realised", "facts", "reports", "livelihood", "glossary", "warnings", "panel"}) {
    EXPECT_NE(xml.find(std::string("name=\"") + name + "\""), std::string::npos) << name;
  }
}

// The realised table carries the outcome columns, both spans included (issue 15).
TEST(ExportTable, RealisedCarriesOutcomeStatusGapAndSpans) {
  auto st = testing::fixture_store();
  auto t = export_table(st.reader(), "realised");
  ASSERT_TRUE(t.ok()) << t.error().describe();
  for (const char* c : {"realised", "realised_status", "gap", "outcome", "start", "end",
                        "realised_start", "realised_end", "realised_source", "realised_verbatim"}) {
    EXPECT_NE(t->column(c), Table::npos) << c;
  }
  EXPECT_FALSE(t->rows.empty());
}

TEST(ExportTable, UnknownNameIsUsageError) {
  auto st = testing::fixture_store();
  auto t = export_table(st.reader(), "nope");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kUsage);
  auto l = export_table(st.reader(), "livelihood");
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->rows.size(), 9u);
}

}  // namespace
}  // namespace gwr::analysis
