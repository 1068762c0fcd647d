// Fuzz target: PDF text-layer handling after poppler (ingest/webprint.h: browser print headers
// and footers, page joins). Pages are separated by form feeds in the input.
#include <vector>

#include "fuzz/common.h"
#include "ingest/webprint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  std::string text = fuzz::valid_utf8(fuzz::bytes(data, size));
  std::vector<std::size_t> pages{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\f') {
      text[i] = '\n';
      pages.push_back(i + 1);
    }
  }
  std::vector<Warning> w;
  const MappedText clean = ingest::clean_pdf_text(text, pages, w);
  if (clean.map.out_size() != clean.text.size()) __builtin_trap();
  return 0;
}
