#include "common/data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gwr::data {
namespace {

struct ParseCase {
  const char* name;
  std::string content;
  std::size_t min_cols, max_cols;
  std::size_t want_rows;   // when ok
  const char* want_where;  // when an error: "file:line"
};

TEST(Data, ParseTableCountsRowsAndNamesFileAndLineOfBadRecords) {
  const std::vector<ParseCase> cases = {
      {"comments and blanks skipped", "# header\n\na\tb\nc\td\n", 2, 2, 2, nullptr},
      {"crlf lines", "# h\r\na\tb\r\n", 2, 2, 1, nullptr},
      {"no final newline", "a\tb", 2, 2, 1, nullptr},
      {"optional column", "a\nb\tc\n", 1, 2, 2, nullptr},
      {"too few fields", "# h\na\tb\nc\n", 2, 2, 0, "t.tsv:3"},
      {"too many fields", "a\tb\tc\n", 1, 2, 0, "t.tsv:1"},
  };
  for (const auto& c : cases) {
    auto t = parse_table("t.tsv", c.content, c.min_cols, c.max_cols);
    if (c.want_where == nullptr) {
      ASSERT_TRUE(t.ok()) << c.name << ": " << t.error().describe();
      EXPECT_EQ(t->rows.size(), c.want_rows) << c.name;
    } else {
      ASSERT_FALSE(t.ok()) << c.name;
      EXPECT_EQ(t.error().code, ErrorCode::kInvalidData) << c.name;
      EXPECT_EQ(t.error().where, c.want_where) << c.name;
      EXPECT_EQ(t.error().describe().rfind(c.want_where, 0), 0u) << c.name;
    }
  }
}

TEST(Data, RowsKeepFieldsAndLineNumbers) {
  auto t = parse_table("u.tsv", "# units\n万人\tcount\n\n%\tratio\n", 2, 2);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields, (std::vector<std::string>{"万人", "count"}));
  EXPECT_EQ(t->rows[0].line, 2);
  EXPECT_EQ(t->rows[1].fields[0], "%");
  EXPECT_EQ(t->rows[1].line, 4);
}

TEST(Data, EveryEmbeddedFileOpensWithACommentHeader) {
  const auto names = embedded_names();
  ASSERT_FALSE(names.empty());
  for (auto n : names) {
    auto content = embedded(n);
    ASSERT_TRUE(content.has_value()) << n;
    // '#' for tables, '--' for SQL: each file says what it is in its own comment syntax.
    const std::string_view comment = n.ends_with(".sql") ? "--" : "#";
    EXPECT_EQ(content->substr(0, comment.size()), comment) << n;
  }
}

TEST(Data, MissingFileIsInvalidDataNamingIt) {
  auto r = read("no_such_lexicon.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidData);
  EXPECT_EQ(r.error().where, "no_such_lexicon.tsv");
}

TEST(Data, TextNumberUnitsLoads) {
  auto t = load_table("text_number_units.tsv", 2, 2);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  EXPECT_GT(t->rows.size(), 20u);
}

}  // namespace
}  // namespace gwr::data
