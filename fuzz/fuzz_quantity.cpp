// Fuzz target: the number grammar (quantity/quantity.h) on analysis text.
#include "fuzz/common.h"
#include "quantity/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string text = fuzz::valid_utf8(fuzz::bytes(data, size));
  const auto mentions = fuzz::resources().grammar.scan(text);
  std::size_t last = 0;
  for (const auto& m : mentions) {
    if (m.span.begin > m.span.end || m.span.end > text.size() || m.span.begin < last)
      __builtin_trap();
    last = m.span.begin;
  }
  return 0;
}
