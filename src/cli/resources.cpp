// load_resources: the extraction lexicons, for the commands that extract (gwr-full only).
#include "cli/commands.h"

namespace gwr::cli {

std::shared_ptr<const pipeline::Resources> load_resources(int* code) {
  auto r = pipeline::Resources::load();
  if (!r) {
    *code = fail(r.error());
    return nullptr;
  }
  return r.value();
}

}  // namespace gwr::cli
