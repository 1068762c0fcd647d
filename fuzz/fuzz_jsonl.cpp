// Fuzz target: one line of `gwr extract --stdin-jsonl` (cli/jsonl.h): JSON parsing, the depth
// check, base64 and the pipeline behind it. Every line must give an object with "id" and either
// "reports" or "error", and that result line must read back (read_result_line, what
// `gwr ingest --from-jsonl` runs). The input itself is also read as a result line: it may be
// refused, never crash.
#include "cli/jsonl.h"
#include "common/json.h"
#include "fuzz/common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string line(fuzz::bytes(data, size));
  const nlohmann::json out = cli::extract_line(line, fuzz::resources(), false);
  if (!out.is_object() || !out.contains("id")) __builtin_trap();
  if (out.contains("reports") == out.contains("error")) __builtin_trap();
  const std::string printed = gwr::dump_json(out);
  if (!cli::read_result_line(printed).ok()) __builtin_trap();
  (void)cli::read_result_line(line);
  return 0;
}
