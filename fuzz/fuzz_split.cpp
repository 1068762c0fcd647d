// Fuzz target: dump splitting and body layout (ingest/layout.h) on decoded, normalized text, and
// read_bytes on the raw input (format detection, scrub, unwrap, repeats, split).
#include <vector>

#include "fuzz/common.h"
#include "ingest/ingest.h"
#include "ingest/layout.h"
#include "text/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const auto& lex = fuzz::resources().ingest;
  const std::string text = fuzz::valid_utf8(fuzz::bytes(data, size));
  std::vector<Warning> w;
  const text::Normalized n = text::normalize(text, lex.text, w);
  const std::string_view t = n.text.text;
  const std::vector<std::size_t> points = ingest::split_points(lex, t);
  if (points.empty() || points.front() != 0) __builtin_trap();
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i] > t.size() || (i > 0 && points[i] <= points[i - 1])) __builtin_trap();
    const std::size_t end = i + 1 < points.size() ? points[i + 1] : t.size();
    const ingest::Layout l = ingest::analyze(lex, t.substr(points[i], end - points[i]));
    if (l.body.begin > l.body.end || l.body.end > end - points[i]) __builtin_trap();
  }
  (void)ingest::read_bytes(fuzz::bytes(data, size), "fuzz.txt", lex);
  return 0;
}
