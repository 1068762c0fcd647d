// Fuzz target: one line of `gwr extract --stdin-jsonl` (cli/jsonl.h): JSON parsing, the depth
// check, base64 and the pipeline behind it. Every line must give an object with "id" and either
// "reports" or "error".
#include "cli/jsonl.h"
#include "fuzz/common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string line(fuzz::bytes(data, size));
  const nlohmann::json out = cli::extract_line(line, fuzz::resources(), false);
  if (!out.is_object() || !out.contains("id")) __builtin_trap();
  if (out.contains("reports") == out.contains("error")) __builtin_trap();
  (void)pipeline::dump(out);
  return 0;
}
