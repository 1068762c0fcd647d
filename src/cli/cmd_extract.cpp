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
#include "cli/jsonl.h"
#include "common/json.h"
#include "extraction/json.h"

namespace gwr::cli {

namespace {
struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "json";
  bool with_text = false;
  bool stdin_jsonl = false;
};

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
      std::cout << dump_json(too_long_line()) << "\n";
      std::cout.flush();
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::cout << dump_json(extract_line(line, *res, o.with_text)) << "\n";
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
      const auto j = extraction::to_json(x, o.with_text);
      std::cout << dump_json(j, o.format == "jsonl" ? -1 : 2) << "\n";
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
