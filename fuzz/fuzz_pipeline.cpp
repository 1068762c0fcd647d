// Fuzz target: the whole pipeline on a text file (ingest, meta, sections, quantities, target
// clauses, facts, lists) and its JSON output. Inputs are report-like text: the seed corpus is
// the invented reports of examples/ and tests.
#include "common/json.h"
#include "extraction/json.h"
#include "fuzz/common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  auto r = pipeline::extract_bytes(fuzz::bytes(data, size), "fuzz.txt", fuzz::resources());
  if (!r) return 0;
  for (const auto& x : *r) (void)dump_json(extraction::to_json(x, true));
  return 0;
}
