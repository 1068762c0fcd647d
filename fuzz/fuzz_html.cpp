// Fuzz target: HTML → visible text (ingest/html.h), charset sniffing and HTML detection.
#include "fuzz/common.h"
#include "ingest/html.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string_view in = fuzz::bytes(data, size);
  (void)ingest::sniff_charset(in);
  (void)ingest::looks_like_html(in);
  const std::string html = fuzz::valid_utf8(in);
  const MappedText t = ingest::html_to_text(html);
  if (t.map.out_size() != t.text.size()) __builtin_trap();
  for (std::size_t i = 0; i <= t.text.size(); i += 1 + t.text.size() / 16) {
    if (t.map.start(i) > html.size() || t.map.end(i) > html.size()) __builtin_trap();
  }
  return 0;
}
