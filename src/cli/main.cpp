// gwr — command-line front end. Each subcommand lives in cmd_*.cpp; see docs/cli.md for commands
// and exit codes.
#include <iostream>

#include "cli/commands.h"

namespace gwr::cli {

int fail(const Error& e) {
  std::cerr << "gwr: error: " << e.describe() << "\n";
  return exit_code_for(e.code);
}

std::shared_ptr<const pipeline::Resources> load_resources(int* code) {
  auto r = pipeline::Resources::load();
  if (!r) {
    *code = fail(r.error());
    return nullptr;
  }
  return r.value();
}

}  // namespace gwr::cli

int main(int argc, char** argv) {
  using namespace gwr;
  CLI::App app{"gwr — structured data from Chinese government work reports (政府工作报告)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gwr 0.1.0");

  std::vector<cli::Command> commands;
  cli::register_extract(app, commands);
  cli::register_eval(app, commands);
  cli::register_ingest(app, commands);
  cli::register_search(app, commands);
  cli::register_targets(app, commands);
  cli::register_attention(app, commands);
  cli::register_terms(app, commands);
  cli::register_compare(app, commands);
  cli::register_commitments(app, commands);
  cli::register_check(app, commands);
  cli::register_export(app, commands);
  cli::register_serve(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : exit_code_for(ErrorCode::kUsage);
  }
  try {
    for (auto& c : commands) {
      if (c.sub->parsed()) return c.run();
    }
  } catch (const std::exception& e) {
    std::cerr << "gwr: internal error: " << e.what() << "\n";
    return exit_code_for(ErrorCode::kInternal);
  }
  return 0;
}
