// gwr/common/table.h — rows read from the corpus: named columns and rows of cells.
//
//   Result<Table> t = store::query(db, "SELECT region, plan_year FROM reports", {}, "reports");
//   std::size_t y = t->column("plan_year");          // Table::npos when absent
//   if (auto* v = std::get_if<std::int64_t>(&t->rows[0][y])) …
//
// What store::query (store/query.h) returns and every analysis (analysis/*.h) produces. A Table is
// plain data (no database handle inside), so the writers of analysis/output.h and export.h take
// any of them: the same rows print as a text table, CSV, JSON, JSONL or an XLSX sheet. A cell is
// null (std::monostate), an integer, a real or UTF-8 text. (Not data::Table, the records of a
// TSV file in data/.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gwr {

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
// Number in the cell (integer or real), or NaN when not numeric.
double to_number(const Cell& c);

}  // namespace gwr
