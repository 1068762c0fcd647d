#include "support/pdf_builder.h"

#include <cstdio>
#include <map>

#include "common/utf8.h"

namespace gwr::testing {

namespace {
std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v);
  return buf;
}

}  // namespace

std::string make_pdf(const std::vector<std::vector<std::string>>& pages) {
  std::map<char32_t, unsigned> cid;  // code point → CID (1-based)
  for (const auto& page : pages) {
    for (const auto& line : page) {
      for (char32_t c : utf8::to_u32(line)) cid.emplace(c, 0);
    }
  }
  unsigned next = 1;
  for (auto& [c, id] : cid) id = next++;

  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
      std::to_string(cid.size()) + " beginbfchar\n";
  for (const auto& [c, id] : cid)
    cmap += "<" + hex4(id) + "> <" + hex4(static_cast<unsigned>(c)) + ">\n";
  cmap += "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

  std::vector<std::string> objs;  // objs[i] is object i+1
  const std::size_t n_pages = pages.size();
  // 1 catalog, 2 pages, 3 font, 4 cid font, 5 descriptor, 6 cmap, then (page, content) pairs.
  std::string kids;
  for (std::size_t i = 0; i < n_pages; ++i) kids += std::to_string(7 + 2 * i) + " 0 R ";
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n_pages) + " >>");
  objs.push_back(
      "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
      "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
  objs.push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
      "/FontDescriptor 5 0 R /DW 1000 >>");
  objs.push_back(
      "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
      "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
  objs.push_back("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap +
                 "endstream");
  for (std::size_t p = 0; p < n_pages; ++p) {
    std::string content = "BT\n/F1 14 Tf\n16 TL\n60 780 Td\n";
    for (const auto& line : pages[p]) {
      content += "<";
      for (char32_t c : utf8::to_u32(line)) content += hex4(cid[c]);
      content += "> Tj T*\n";
    }
    content += "ET\n";
    objs.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
        ">> "
        "/Contents " +
        std::to_string(8 + 2 * p) + " 0 R >>");
    objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                   "endstream");
  }
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string nested_xobject_pdf(int depth, int fanout) {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << "
      "/XObject << /F0 6 0 R >> /Font << /H 4 0 R >> >> >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  auto stream = [](const std::string& dict, const std::string& data) {
    return "<< " + dict + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
  };
  objs.push_back(stream("", "q /F0 Do Q"));
  for (int k = 0; k <= depth; ++k) {
    std::string data, res;
    if (k < depth) {
      for (int i = 0; i < fanout; ++i) data += "q 1 0 0 1 " + std::to_string(i) + " 0 cm /F Do Q ";
      res = "/Resources << /XObject << /F " + std::to_string(7 + k) + " 0 R >> >>";
    } else {
      data = "BT /H 12 Tf 10 10 Td (gwr) Tj ET";
      res = "/Resources << /Font << /H 4 0 R >> >>";
    }
    objs.push_back(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + res, data));
  }
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace gwr::testing
