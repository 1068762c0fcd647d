// gwr/common/data.h — the lexicons in data/, compiled into the binary.
//
//   auto tsv = gwr::data::load_table("indicators.tsv");   // Result<Table>
//
// Every file in data/ is embedded at build time (cmake/embed.cmake), so the binary needs no
// install paths. A file may be overridden at run time by setting GWR_DATA_DIR to a folder that
// holds a file of the same name (users edit theme dictionaries this way).
//
// Table files are UTF-8, one record per line, fields separated by TABs; lines starting with '#'
// are comments (each file opens with a comment header saying what it is and where it came from);
// blank lines are skipped. Loading validates the column count and names the file and line of
// any bad record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace gwr::data {

// The embedded file of that name (e.g. "units.tsv"), or nullopt.
std::optional<std::string_view> embedded(std::string_view name);
std::vector<std::string_view> embedded_names();

// The file's content: GWR_DATA_DIR/name when set and present, else the embedded copy.
Result<std::string> read(std::string_view name);

struct Row {
  std::vector<std::string> fields;
  int line = 0;  // 1-based line in the file, for error messages
};
struct Table {
  std::string name;
  std::vector<Row> rows;
};

// Parses a TAB-separated data file. Each row must have between min_cols and max_cols fields.
Result<Table> load_table(std::string_view name, std::size_t min_cols, std::size_t max_cols);
Result<Table> parse_table(std::string_view name, std::string_view content, std::size_t min_cols,
                          std::size_t max_cols);

}  // namespace gwr::data
