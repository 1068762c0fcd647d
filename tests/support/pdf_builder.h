// Test support: builds small PDF files by hand, so tests need no PDF tool. The font is a Type0
// font with Identity-H encoding and a ToUnicode CMap (no embedded glyphs): poppler extracts the
// text exactly, which is all the ingest tests need.
#pragma once

#include <string>
#include <vector>

namespace gwr::testing {

// A PDF with one page per element of `pages`, each line of a page on its own text line.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages);

// A hostile PDF of a few KB asking for fanout^depth text draws: form XObject k draws form k+1
// `fanout` times (the same as tests/hostile/make_inputs.py). poppler takes minutes and GBs on
// (12, 8); (2, 2) is harmless and shows the text "gwr".
std::string nested_xobject_pdf(int depth, int fanout);

}  // namespace gwr::testing
