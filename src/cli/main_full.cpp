// gwr-full — the gwr command line with every subcommand linked in. gwr (main.cpp) runs the
// commands that only read a corpus itself and hands every other command line to this executable.
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace gwr::cli;
  // The order of gwr --help.
  constexpr Register kCommands[] = {register_extract, register_eval,    register_ingest,
                                    register_search,  register_targets, register_attention,
                                    register_terms,   register_compare, register_commitments,
                                    register_check,   register_export,  register_versions,
                                    register_serve};
  return run(argc, argv, kCommands);
}
