// gwr extract FILE... — one JSON object per report.
#include <algorithm>
#include <iostream>

#include "cli/commands.h"

namespace gwr::cli {

namespace {
struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "json";
  bool with_text = false;
};

// Warnings the user should see without reading the JSON: the text is incomplete, has no targets
// passage, or was damaged (undecodable bytes, e.g. a file cut in the middle of a character).
bool shown_on_stderr(const std::string& code) {
  return code == "partial_text" || code == "no_targets_passage" || code == "invalid_utf8" ||
         code == "undecodable_bytes";
}

int run_extract(const ExtractOptions& o) {
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
      std::cout << (o.format == "jsonl" ? j.dump() : j.dump(2)) << "\n";
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
  auto* sub = app.add_subcommand("extract", "Extract metadata, sections, targets, facts and lists as JSON");
  sub->add_option("FILE", o->files, "Report files (.txt, .html, .htm, .pdf)")->required();
  sub->add_option("--format", o->format, "json (pretty, one object per report) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  sub->add_flag("--text", o->with_text, "Include the body text");
  out.push_back(Command{sub, [o] { return run_extract(*o); }});
}

}  // namespace gwr::cli
