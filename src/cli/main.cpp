// gwr — command-line front end. Each subcommand lives in cmd_*.cpp; see docs/cli.md for commands
// and exit codes.
//
// Two executables make the command. This one runs the commands that only read a corpus database
// and print (search, targets, realised, attention, terms, compare, commitments, check). It links
// neither the extractor nor the PDF, ZIP, workbook and HTTP libraries (poppler, libzip,
// libxlsxwriter, cpp-httplib and the libcrypto they load): the dynamic linker spends about 25 ms of
// CPU on them at every start, more than a whole search. Any other command line (extract, eval,
// ingest, export, serve, --help, --version, a mistake) is handed unchanged to gwr-full, the same
// command line with every command linked in, which must sit beside this executable (the build
// puts it there).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "cli/commands.h"

namespace {

using namespace gwr;

struct Reader {
  std::string_view name;
  cli::Register add;
};

// The commands run here.
constexpr Reader kReaders[] = {
    {"search", cli::register_search},       {"targets", cli::register_targets},
    {"realised", cli::register_targets},  // it registers both targets and realised
    {"attention", cli::register_attention}, {"terms", cli::register_terms},
    {"compare", cli::register_compare},     {"commitments", cli::register_commitments},
    {"check", cli::register_check}};

// The command named first on the command line when this process runs it, else nullptr.
const Reader* reader_for(int argc, char** argv) {
  if (argc < 2) return nullptr;
  for (const Reader& r : kReaders) {
    if (argv[1] == r.name) return &r;
  }
  return nullptr;
}

// Replaces this process with gwr-full; returns only on failure, with the exit code.
int exec_full(char** argv) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return cli::fail(Error{ErrorCode::kInternal, "cannot find this executable: " + ec.message(),
                           "/proc/self/exe"});
  }
  const std::string full = (self.parent_path() / "gwr-full").string();
  execv(full.c_str(), argv);
  return cli::fail(
      Error{ErrorCode::kInternal, std::string("cannot run: ") + std::strerror(errno), full});
}

}  // namespace

int main(int argc, char** argv) {
  const Reader* r = reader_for(argc, argv);
  if (r == nullptr) return exec_full(argv);
  // That command alone: its parse and help are the same as among all of them in gwr-full.
  const cli::Register add[] = {r->add};
  return cli::run(argc, argv, add);
}
