// Test support: builds small PDF files by hand, so tests need no PDF tool. The font is a Type0
// font with Identity-H encoding and a ToUnicode CMap (no embedded glyphs): poppler extracts the
// text exactly, which is all the ingest tests need.
#pragma once

#include <string>
#include <vector>

namespace gwr::testing {

// A PDF with one page per element of `pages`, each line of a page on its own text line.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages);

}  // namespace gwr::testing
