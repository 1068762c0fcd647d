#include "support/resources.h"

#include <cstdio>
#include <cstdlib>

namespace gwr::testing {

const pipeline::Resources& resources() {
  static const auto res = pipeline::Resources::load();
  if (!res) {
    std::fprintf(stderr, "test resources failed to load: %s\n", res.error().describe().c_str());
    std::abort();
  }
  return **res;
}

}  // namespace gwr::testing
