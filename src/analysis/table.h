// gwr/analysis/table.h — the value every analysis returns: named columns and rows of cells.
//
//   Result<analysis::Table> t = analysis::targets_panel(db, {});
//   std::size_t v = t->column("value");            // Table::npos when absent
//   if (auto* d = std::get_if<double>(&t->rows[0][v])) …
//
// A Table is plain data (no database handle inside), so the writers in output.h and export.h
// take any of them: the same rows print as a text table, CSV, JSON, JSONL or an XLSX sheet.
// A cell is null (std::monostate), an integer, a real or UTF-8 text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gwr::analysis {

using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Table {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::string name;  // sheet / table name ("targets", "panel" …)
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells

  // Index of the named column, or npos.
  std::size_t column(std::string_view col) const;
};

bool is_null(const Cell& c);
// Text form used by CSV and text tables: "" for null, integers as is, reals with up to 6
// significant decimals and no trailing zeros (6.5, 0.25, 7).
std::string to_text(const Cell& c);
// Number in the cell (integer or real), or nullopt-like NaN when not numeric.
double to_number(const Cell& c);

}  // namespace gwr::analysis
