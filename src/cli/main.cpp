// gwr — command-line front end. See docs/cli.md for commands and exit codes.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "eval/eval.h"
#include "pipeline/pipeline.h"

namespace {

using gwr::ErrorCode;

int fail(const gwr::Error& e) {
  std::cerr << "gwr: error: " << e.describe() << "\n";
  return gwr::exit_code_for(e.code);
}

std::shared_ptr<const gwr::pipeline::Resources> load_resources(int* code) {
  auto r = gwr::pipeline::Resources::load();
  if (!r) {
    *code = fail(r.error());
    return nullptr;
  }
  return r.value();
}

int run_extract(const std::vector<std::string>& files, const std::string& format, bool with_text) {
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;
  int worst = 0;
  for (const auto& f : files) {
    auto r = gwr::pipeline::extract_file(f, *res);
    if (!r) {
      worst = std::max(worst, fail(r.error()));
      continue;
    }
    for (const auto& x : *r) {
      const auto j = gwr::pipeline::to_json(x, with_text);
      std::cout << (format == "jsonl" ? j.dump() : j.dump(2)) << "\n";
      for (const auto& w : x.doc.warnings) {
        if (w.code == "partial_text" || w.code == "no_targets_passage") {
          std::cerr << "gwr: warning: " << f << ": " << w.message << "\n";
        }
      }
    }
    std::cout.flush();
  }
  return worst;
}

int run_eval(const std::string& gold, const std::string& corpus, bool verbose) {
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;
  auto r = gwr::eval::evaluate(gold, corpus, *res);
  if (!r) return fail(r.error());
  std::cout << gwr::eval::format(*r, verbose);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gwr — structured data from Chinese government work reports (政府工作报告)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gwr 0.1.0");

  std::vector<std::string> files;
  std::string format = "json";
  bool with_text = false;
  auto* extract = app.add_subcommand("extract", "Extract metadata, sections, targets and lists as JSON");
  extract->add_option("FILE", files, "Report files (.txt, .html, .htm, .pdf)")->required();
  extract->add_option("--format", format, "json (pretty, one object per report) or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}));
  extract->add_flag("--text", with_text, "Include the body text");

  std::string gold, corpus;
  bool verbose = false;
  auto* ev = app.add_subcommand("eval", "Score extraction against a gold file (seeds.json format)");
  ev->add_option("--gold", gold, "Gold JSON file")->required();
  ev->add_option("--corpus", corpus, "Folder holding the gold records' source files")->required();
  ev->add_flag("-v,--verbose", verbose, "List every miss");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : gwr::exit_code_for(ErrorCode::kUsage);
  }
  try {
    if (*extract) return run_extract(files, format, with_text);
    if (*ev) return run_eval(gold, corpus, verbose);
  } catch (const std::exception& e) {
    std::cerr << "gwr: internal error: " << e.what() << "\n";
    return gwr::exit_code_for(ErrorCode::kInternal);
  }
  return 0;
}
