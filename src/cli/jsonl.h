// gwr/cli/jsonl.h — INTERNAL to the gwr command: one line of `gwr extract --stdin-jsonl`.
//
//   std::string line; bool too_long = false;
//   while (cli::read_bounded_line(stdin, line, cli::kMaxLineBytes, too_long)) {
//     print(too_long ? error_object : cli::extract_line(line, res, with_text));
//   }
//
// extract_line never throws and never fails: a bad line (not JSON, nested deeper than
// kMaxJsonDepth, neither "text" nor "base64", invalid base64, a document that fails) gives
// {"id", "error": {code, message}}; a good one {"id", "reports": [...]}. Memory for one line is
// bounded by kMaxLineBytes (read_bounded_line drops the rest of a longer line). Kept apart from
// cmd_extract.cpp so the fuzz target fuzz/fuzz_jsonl.cpp runs the same code.
#pragma once

#include <cstddef>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/pipeline.h"

namespace gwr::cli {

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

// One input line → one output object: {"id", "reports": [...]} or {"id", "error": {code, message}}.
nlohmann::json extract_line(const std::string& line, const pipeline::Resources& res,
                            bool with_text);

}  // namespace gwr::cli
