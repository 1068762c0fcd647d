// gwr extract FILE... — one JSON object per report.
// gwr extract --stdin-jsonl — one JSON document per stdin line in, one result line out (a map
// task for Hadoop Streaming or Spark's RDD.pipe; see docs/cli.md).
#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "cli/commands.h"

namespace gwr::cli {

namespace {
struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "json";
  bool with_text = false;
  bool stdin_jsonl = false;
};

// Budget for one input line of --stdin-jsonl (the same as a file: 64 MiB of document, base64
// inflating it by 4/3).
constexpr std::size_t kMaxLineBytes = std::size_t{88} << 20;

// Nesting allowed in an input line: a document object needs two levels; copying or printing a
// value is recursive in nlohmann::json, so a deeper "id" would exhaust the stack.
constexpr int kMaxJsonDepth = 64;

// True when the JSON text opens more than `limit` arrays/objects at once (brackets inside
// strings ignored). Linear, no allocation; runs before the parser.
bool nested_deeper_than(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// Reads one line of at most `max` bytes into `line` (without the '\n'). A longer line is read to
// its end but not kept: `too_long` is set and memory stays bounded by `max`. False at end of input.
bool read_bounded_line(std::FILE* in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    const int c = getc_unlocked(in);
    if (c == EOF) return any;
    any = true;
    if (c == '\n') return true;
    if (line.size() < max) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

// Standard base64 (RFC 4648, padding optional, whitespace ignored); nullopt on other characters.
std::optional<std::string> decode_base64(std::string_view in) {
  std::array<int, 256> val{};
  val.fill(-1);
  const std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    val[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  }
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r' || c == ' ') continue;
    const int v = val[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  return out;
}

// One input line → one output object: {"id", "reports": [...]} or {"id", "error": {code, message}}.
nlohmann::json extract_line(const std::string& line, const pipeline::Resources& res,
                            bool with_text) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = nullptr;
  auto error = [&out](ErrorCode code, const std::string& message) {
    out["error"] = {{"code", error_code_name(code)}, {"message", message}};
    return out;
  };
  if (line.size() > kMaxLineBytes) return error(ErrorCode::kTooLarge, "input line over 88 MiB");
  if (nested_deeper_than(line, kMaxJsonDepth)) {
    return error(ErrorCode::kUsage, "line nests arrays or objects more than 64 levels deep");
  }
  const auto in = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (in.is_discarded() || !in.is_object()) {
    return error(ErrorCode::kUsage, "line is not a JSON object");
  }
  if (in.contains("id")) out["id"] = in["id"];
  std::string name = "document.txt";
  if (in.contains("name") && in["name"].is_string()) name = in["name"].get<std::string>();
  std::string bytes;
  if (in.contains("text") && in["text"].is_string()) {
    bytes = in["text"].get<std::string>();
  } else if (in.contains("base64") && in["base64"].is_string()) {
    auto b = decode_base64(in["base64"].get_ref<const std::string&>());
    if (!b) return error(ErrorCode::kUsage, "\"base64\" is not valid base64");
    bytes = std::move(*b);
  } else {
    return error(ErrorCode::kUsage, "the object has neither \"text\" nor \"base64\"");
  }
  try {  // one document must never end the whole map task
    auto r = pipeline::extract_bytes(bytes, name, res);
    if (!r) return error(r.error().code, r.error().message);
    out["reports"] = nlohmann::json::array();
    for (const auto& x : *r) out["reports"].push_back(pipeline::to_json(x, with_text));
  } catch (const std::exception& e) {
    return error(ErrorCode::kInternal, e.what());
  }
  return out;
}

// Every line gets exactly one output line, in input order, flushed as it is written; per-line
// failures are reported in-band, so the exit code is 0 unless the resources fail to load.
int run_stdin_jsonl(const ExtractOptions& o) {
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;
  std::string line;
  bool too_long = false;
  while (read_bounded_line(stdin, line, kMaxLineBytes, too_long)) {
    if (too_long) {
      nlohmann::json out = {{"id", nullptr}};
      out["error"] = {{"code", error_code_name(ErrorCode::kTooLarge)},
                      {"message", "input line over 88 MiB"}};
      std::cout << pipeline::dump(out) << "\n";
      std::cout.flush();
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::cout << pipeline::dump(extract_line(line, *res, o.with_text)) << "\n";
    std::cout.flush();
  }
  return 0;
}

// Warnings the user should see without reading the JSON: the text is incomplete, has no targets
// passage, or was damaged (undecodable bytes, e.g. a file cut in the middle of a character).
bool shown_on_stderr(const std::string& code) {
  return code == "partial_text" || code == "no_targets_passage" || code == "invalid_utf8" ||
         code == "undecodable_bytes";
}

int run_extract(const ExtractOptions& o) {
  if (o.stdin_jsonl) {
    if (!o.files.empty()) return fail(make_error(ErrorCode::kUsage, "--stdin-jsonl takes no FILE"));
    return run_stdin_jsonl(o);
  }
  if (o.files.empty()) return fail(make_error(ErrorCode::kUsage, "FILE is required"));
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;
  int worst = 0;
  for (const auto& f : o.files) {
    auto r = pipeline::extract_file(f, *res);
    if (!r) {
      worst = std::max(worst, fail(r.error()));
      continue;
    }
    for (const auto& x : *r) {
      const auto j = pipeline::to_json(x, o.with_text);
      std::cout << pipeline::dump(j, o.format == "jsonl" ? -1 : 2) << "\n";
      for (const auto& w : x.doc.warnings) {
        if (shown_on_stderr(w.code)) {
          std::cerr << "gwr: warning: " << f << ": " << w.message << "\n";
        }
      }
    }
    std::cout.flush();
  }
  return worst;
}
}  // namespace

void register_extract(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<ExtractOptions>();
  auto* sub =
      app.add_subcommand("extract", "Extract metadata, sections, targets, facts and lists as JSON");
  sub->add_option("FILE", o->files, "Report files (.txt, .html, .htm, .pdf)");
  sub->add_option("--format", o->format, "json (pretty, one object per report) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  sub->add_flag("--text", o->with_text, "Include the body text");
  sub->add_flag(
      "--stdin-jsonl", o->stdin_jsonl,
      "Read {\"id\",\"text\"|\"base64\",\"name\"} lines from stdin, write one result line each");
  out.push_back(Command{sub, [o] { return run_extract(*o); }});
}

}  // namespace gwr::cli
