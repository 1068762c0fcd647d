#include "ingest/pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <string>
#include <vector>

namespace gwr::ingest {
namespace {

void ignore_poppler_message(const std::string&, void*) {}

// poppler prints parser complaints to stderr; gwr reports a corrupt PDF as an error instead.
// Installed once, thread-safely; the installed function is stateless.
void silence_poppler() {
  static const bool kInstalled = [] {
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);
    return true;
  }();
  (void)kInstalled;
}

}  // namespace

Result<MappedText> pdf_to_text(std::string_view bytes, std::string_view name,
                               std::vector<std::size_t>* page_begins) {
  const std::string where(name);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return make_error(ErrorCode::kTooLarge, "PDF too large for the PDF reader", where);
  }
  if (bytes.substr(0, 5) != "%PDF-") {
    return make_error(ErrorCode::kUnsupportedFormat, "not a PDF file (no %PDF- header)", where);
  }
  silence_poppler();
  // poppler reads from the caller's buffer without copying; `bytes` outlives `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    return make_error(ErrorCode::kUnsupportedFormat, "corrupt PDF: cannot be parsed", where);
  if (doc->is_locked()) {
    return make_error(ErrorCode::kUnsupportedFormat, "encrypted PDF: text cannot be extracted",
                      where);
  }
  std::string text;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    if (i > 0) text.push_back('\n');
    if (page_begins != nullptr) page_begins->push_back(text.size());
    text.append(utf8.begin(), utf8.end());
  }
  if (text.empty()) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "PDF holds no extractable text (scanned image?)", where);
  }
  // The extracted text is the raw layer (as for .docx): offsets point into it.
  const std::size_t n = text.size();
  return MappedText{std::move(text), OffsetMap::identity(n)};
}

}  // namespace gwr::ingest
