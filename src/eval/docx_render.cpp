#include "eval/docx_render.h"

#include <zip.h>

#include <pugixml.hpp>

#include "ingest/xml_walk.h"

namespace gwr::eval {

namespace {

using ingest::xml::local;

// Appends the text of one paragraph (its w:t, w:tab, w:br, w:cr in document order).
void paragraph_text(const pugi::xml_node& p, std::string& out) {
  ingest::xml::preorder(p, [&out](const pugi::xml_node& c) -> pugi::xml_node {
    const std::string_view n = local(c.name());
    if (n == "t") {
      out += c.text().get();
    } else if (n == "tab") {
      out += '\t';
    } else if (n == "br" || n == "cr") {
      out += '\n';
    } else {
      return c;
    }
    return {};
  });
}

}  // namespace

Result<std::string> render_docx_wt1(std::string_view bytes, std::string_view name) {
  const std::string where(name);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) return make_error(ErrorCode::kUnsupportedFormat, "not a zip archive", where);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_source_free(src);
    return make_error(ErrorCode::kUnsupportedFormat, "not a zip archive", where);
  }
  std::string xml;
  zip_stat_t st;
  zip_file_t* f = nullptr;
  if (zip_stat(z, "word/document.xml", 0, &st) == 0 && (f = zip_fopen(z, "word/document.xml", 0))) {
    xml.resize(static_cast<std::size_t>(st.size));
    const zip_int64_t got = zip_fread(f, xml.data(), st.size);
    zip_fclose(f);
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) xml.clear();
  }
  zip_discard(z);
  if (xml.empty()) {
    return make_error(ErrorCode::kUnsupportedFormat, "no readable word/document.xml", where);
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata)) {
    return make_error(ErrorCode::kUnsupportedFormat, "malformed word/document.xml", where);
  }
  std::string out;
  ingest::xml::preorder(doc, [&out](const pugi::xml_node& c) -> pugi::xml_node {
    if (local(c.name()) != "p") return c;
    paragraph_text(c, out);
    out += '\n';
    return {};
  });
  return out;
}

}  // namespace gwr::eval
