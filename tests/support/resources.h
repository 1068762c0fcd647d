// Test-support: the pipeline's resources (every stage's lexicons), loaded once per test binary.
// A data file that fails to load fails the calling test loudly instead of running on nothing.
#pragma once

#include "pipeline/pipeline.h"

namespace gwr::testing {

const pipeline::Resources& resources();

}  // namespace gwr::testing
