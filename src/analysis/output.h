// gwr/analysis/output.h — writing a Table to a stream: CSV, JSON, JSON Lines, aligned text.
//
//   analysis::write_csv(std::cout, table, /*bom=*/false);
//   auto st = analysis::print(std::cout, table, "table");    // "csv" | "json" | "jsonl" | "table"
//
// CSV follows RFC 4180: fields holding a comma, a double quote, CR or LF are quoted and inner
// quotes doubled; records end with CRLF. With bom=true the output starts with the UTF-8 byte
// order mark EF BB BF, which Excel needs to read UTF-8 Chinese correctly (files written by
// `gwr export` always have it; stdout does not). JSON keeps cell types: null, integer, number,
// string. The aligned text form pads by display width (CJK characters count two columns).
// Writers only fail through the stream; print() rejects an unknown format with kUsage.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

#include "common/result.h"
#include "common/table.h"

namespace gwr::analysis {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

void write_csv(std::ostream& out, const Table& t, bool bom);
void write_jsonl(std::ostream& out, const Table& t);
void write_json(std::ostream& out, const Table& t);
void write_text(std::ostream& out, const Table& t);
Status print(std::ostream& out, const Table& t, std::string_view format);

// One row as a JSON object keyed by column name.
nlohmann::json row_json(const Table& t, std::size_t row);
// RFC 4180 quoting of one field (quoted only when needed).
std::string csv_field(std::string_view s);

// Parses RFC 4180 text (optionally starting with the BOM) back into records; used by tests and
// by anyone round-tripping an export. Malformed quoting yields kInvalidData.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);

}  // namespace gwr::analysis
