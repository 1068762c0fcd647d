// gwr/cli/jsonl.h — INTERNAL to the gwr command: one line of `gwr extract --stdin-jsonl`, and its
// result line read back by `gwr ingest --from-jsonl`.
//
//   std::string line; bool too_long = false;
//   while (cli::read_bounded_line(stdin, line, cli::kMaxLineBytes, too_long)) {
//     print(too_long ? cli::too_long_line() : cli::extract_line(line, res, with_text));
//   }
//   Result<cli::MapResult> r = cli::read_result_line(printed_line);   // in gwr ingest
//
// extract_line never throws and never fails: a bad line (not JSON, nested deeper than
// kMaxJsonDepth, neither "text" nor "base64", invalid base64, a document that fails) gives
// {"map_version", "id", "error": {code, message}} (plus "name" and "size" once known); a good one
// {"map_version", "id", "name", "size", "reports": [...], "rows": [...]}: "reports" holds the
// objects of `gwr extract --format jsonl`, "rows" the database rows of each report
// (extraction/rows.h), so that ingest needs no second extraction. Memory for one line is bounded by
// kMaxLineBytes (read_bounded_line drops the rest of a longer line). Kept apart from
// cmd_extract.cpp so the fuzz target fuzz/fuzz_jsonl.cpp runs the same code.
#pragma once

#include <cstddef>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extraction/rows.h"
#include "pipeline/pipeline.h"

namespace gwr::cli {

// Version of the result line, its "map_version". Bumped with any change to the line or to
// extraction::kRowsVersion; read_result_line refuses any other.
inline constexpr int kMapVersion = 1;
static_assert(extraction::kRowsVersion == 1, "a new rows version needs a new kMapVersion");

// Budget for one input line of --stdin-jsonl (the same as a file: 64 MiB of document, base64
// inflating it by 4/3).
inline constexpr std::size_t kMaxLineBytes = std::size_t{88} << 20;

// Nesting allowed in an input line: a document object needs two levels; copying or printing a
// value is recursive in nlohmann::json, so a deeper "id" would exhaust the stack.
inline constexpr int kMaxJsonDepth = 64;

// True when the JSON text opens more than `limit` arrays/objects at once (brackets inside
// strings ignored). Linear, no allocation; runs before the parser.
bool nested_deeper_than(std::string_view text, int limit);

// Reads one line of at most `max` bytes into `line` (without the '\n'). A longer line is read to
// its end but not kept: `too_long` is set and memory stays bounded by `max`. False at end of input.
bool read_bounded_line(std::FILE* in, std::string& line, std::size_t max, bool& too_long);

// Standard base64 (RFC 4648, padding optional, whitespace ignored); nullopt on other characters.
std::optional<std::string> decode_base64(std::string_view in);

// One input line → one output object: {"id", "reports", "rows", …} or {"id", "error", …}.
nlohmann::json extract_line(const std::string& line, const pipeline::Resources& res,
                            bool with_text);

// The answer to an input line over kMaxLineBytes (nothing of it is known, not even its name).
nlohmann::json too_long_line();

// Budget for one result line read back: its rows repeat the body up to three times (text,
// simplified text, body_text) besides the "reports" objects.
inline constexpr std::size_t kMaxResultLineBytes = std::size_t{1} << 30;

// A result line read back: the document's name and size, and either the rows of its reports or
// the error the map task met.
struct MapResult {
  std::optional<std::string> name;  // the input's "name" (the source path); absent only on errors
  std::int64_t size = 0;            // bytes of the document (0 when the error came first)
  std::vector<extraction::ReportRows> rows;
  std::optional<Error> error;  // the document failed in the map task
};

// Parses and checks one result line of kMapVersion. A line that is not one (not JSON, another
// map_version, a missing or mistyped field or column) is kInvalidData saying what is wrong;
// a document the map task could not extract is a MapResult with `error` set, not an Error.
Result<MapResult> read_result_line(std::string_view line);

}  // namespace gwr::cli
