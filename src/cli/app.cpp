// The command line shared by gwr and gwr-full (main.cpp, main_full.cpp).
#include <iostream>

#include "cli/commands.h"

namespace gwr::cli {

int fail(const Error& e) {
  std::cerr << "gwr: error: " << e.describe() << "\n";
  return exit_code_for(e.code);
}

int run(int argc, char** argv, std::span<const Register> commands) {
  CLI::App app{"gwr — structured data from Chinese government work reports (政府工作报告)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gwr 0.1.0");

  std::vector<Command> registered;
  for (Register r : commands) r(app, registered);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : exit_code_for(ErrorCode::kUsage);
  }
  try {
    for (auto& c : registered) {
      if (c.sub->parsed()) return c.run();
    }
  } catch (const std::exception& e) {
    std::cerr << "gwr: internal error: " << e.what() << "\n";
    return exit_code_for(ErrorCode::kInternal);
  }
  return 0;
}

}  // namespace gwr::cli
