// gwr/cli/commands.h — INTERNAL to the gwr command: each subcommand lives in its own cmd_*.cpp and
// is registered through one of these functions; run() builds the command line of an executable
// from its list of them.
//
//   constexpr cli::Register kCommands[] = {cli::register_search, cli::register_targets};
//   int main(int argc, char** argv) { return cli::run(argc, argv, kCommands); }
//
// A register function adds its subcommand and options to `app` and appends a Command whose run()
// executes it after parsing and returns the process exit code (see docs/cli.md). run() reports
// errors on stderr as "gwr: error: <where>: <message>" and never throws on user input.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "common/result.h"
#include "pipeline/pipeline.h"

namespace gwr::cli {

struct Command {
  CLI::App* sub = nullptr;
  std::function<int()> run;
};

using Register = void (*)(CLI::App& app, std::vector<Command>& out);

// The whole command line: registers `commands`, parses argv, runs the subcommand given and returns
// the process exit code (a parse error is a usage error, an exception an internal one).
int run(int argc, char** argv, std::span<const Register> commands);

// Prints the error and returns its exit code.
int fail(const Error& e);
// Loads the shared resources, or prints the error and sets *code. Only the commands that extract
// (extract, eval, ingest) call it; it is linked into gwr-full alone (see main.cpp).
std::shared_ptr<const pipeline::Resources> load_resources(int* code);

void register_extract(CLI::App& app, std::vector<Command>& out);
void register_eval(CLI::App& app, std::vector<Command>& out);
void register_ingest(CLI::App& app, std::vector<Command>& out);
void register_search(CLI::App& app, std::vector<Command>& out);
void register_targets(CLI::App& app, std::vector<Command>& out);
void register_attention(CLI::App& app, std::vector<Command>& out);
void register_terms(CLI::App& app, std::vector<Command>& out);
void register_compare(CLI::App& app, std::vector<Command>& out);
void register_commitments(CLI::App& app, std::vector<Command>& out);
void register_check(CLI::App& app, std::vector<Command>& out);
void register_export(CLI::App& app, std::vector<Command>& out);
void register_versions(CLI::App& app, std::vector<Command>& out);
void register_serve(CLI::App& app, std::vector<Command>& out);

}  // namespace gwr::cli
