// Fuzz target: text::decode (encoding detection and conversion) and text::normalize.
#include <vector>

#include "fuzz/common.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string_view in = fuzz::bytes(data, size);
  std::vector<Warning> w;
  // The first byte picks a declared charset, as an HTML meta tag would.
  static const char* const kDeclared[] = {"",     "utf-8",  "gbk",    "gb2312",
                                          "big5", "utf-16", "x-bogus"};
  const std::string_view declared = size > 0 ? kDeclared[data[0] % 7] : "";
  auto d = text::decode(in, declared, w);
  if (!d) return 0;
  if (!utf8::valid(d->text.text)) __builtin_trap();
  if (d->text.map.out_size() != d->text.text.size()) __builtin_trap();
  text::Normalized n = text::normalize(d->text.text, fuzz::resources().ingest.text, w);
  if (!utf8::valid(n.text.text)) __builtin_trap();
  return 0;
}
