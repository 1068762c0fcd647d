// Fuzz target: .docx reading (ingest/docx.h). The input is word/document.xml (and, after a
// "\n--numbering--\n" separator, word/numbering.xml), packed into a stored zip here so the fuzzer
// works on the XML rather than on the archive; inputs starting with "PK" go in as the archive.
#include <array>
#include <string>
#include <vector>

#include "fuzz/common.h"
#include "ingest/docx.h"

namespace {

std::uint32_t crc32(std::string_view s) {
  static const std::array<std::uint32_t, 256> kTable = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) c = kTable[(c ^ b) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void le(std::string& o, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) o.push_back(static_cast<char>((v >> (8 * i)) & 0xFFu));
}

// A zip archive with the given entries stored (no compression).
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out, central;
  for (const auto& [name, data] : files) {
    const auto off = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data);
    const auto n = static_cast<std::uint32_t>(data.size());
    out += "PK\x03\x04";
    le(out, 20, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0, 2);
    le(out, crc, 4), le(out, n, 4), le(out, n, 4);
    le(out, static_cast<std::uint32_t>(name.size()), 2), le(out, 0, 2);
    out += name;
    out += data;
    central += "PK\x01\x02";
    le(central, 20, 2), le(central, 20, 2), le(central, 0, 2), le(central, 0, 2);
    le(central, 0, 2), le(central, 0, 2);
    le(central, crc, 4), le(central, n, 4), le(central, n, 4);
    le(central, static_cast<std::uint32_t>(name.size()), 2);
    le(central, 0, 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 2);
    le(central, 0, 4), le(central, off, 4);
    central += name;
  }
  const auto cd_off = static_cast<std::uint32_t>(out.size());
  out += central;
  out += "PK\x05\x06";
  le(out, 0, 2), le(out, 0, 2);
  le(out, static_cast<std::uint32_t>(files.size()), 2);
  le(out, static_cast<std::uint32_t>(files.size()), 2);
  le(out, static_cast<std::uint32_t>(central.size()), 4), le(out, cd_off, 4), le(out, 0, 2);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string_view in = fuzz::bytes(data, size);
  std::string archive;
  if (in.substr(0, 2) == "PK") {
    archive = std::string(in);
  } else {
    const std::string_view sep = "\n--numbering--\n";
    const std::size_t cut = in.find(sep);
    std::vector<std::pair<std::string, std::string>> files{
        {"word/document.xml", std::string(in.substr(0, cut))}};
    if (cut != std::string_view::npos)
      files.emplace_back("word/numbering.xml", std::string(in.substr(cut + sep.size())));
    archive = stored_zip(files);
  }
  auto r = ingest::docx_to_text(archive, "fuzz.docx");
  if (!r) return 0;
  for (const StyleHeading& h : r->headings) {
    if (h.span.begin > h.span.end || h.span.end > r->text.size()) __builtin_trap();
  }
  return 0;
}
