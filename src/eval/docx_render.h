// gwr/eval/docx_render.h — the plain-text rendering "docx-wt-1" that the dev-corpus labels
// index (tests/eval/dev/README.md; the reference is tests/eval/dev/render_docx.py). Deliberately
// independent of gwr's own .docx reader (ingest/docx.cpp), so labels do not move when the reader
// changes:
//   only word/document.xml, in document order; every <w:p> (tables included) is one line, lines
//   joined by "\n" with a final "\n"; inside a paragraph the text of every <w:t> as it is,
//   <w:tab/> → TAB, <w:br/> and <w:cr/> → "\n"; nothing else.
//
//   Result<std::string> t = eval::render_docx_wt1(bytes, "x.docx");
//
// Pure; safe for concurrent use. kUnsupportedFormat for a file that is not a .docx package.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace gwr::eval {

Result<std::string> render_docx_wt1(std::string_view bytes, std::string_view name);

}  // namespace gwr::eval
