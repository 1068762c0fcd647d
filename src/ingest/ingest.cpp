#include "ingest/ingest.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <system_error>
#include <utility>

#include "common/utf8.h"
#include "ingest/docx.h"
#include "ingest/html.h"
#include "ingest/layout.h"
#include "ingest/pdf.h"
#include "ingest/repeats.h"
#include "ingest/scrub.h"
#include "ingest/webprint.h"

namespace gwr::ingest {
namespace {

enum class Format { kText, kHtml, kPdf, kDocx };

std::string lower_ext(std::string_view name) {
  const std::filesystem::path p{std::string(name)};
  std::string e = p.extension().string();
  for (char& c : e) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return e;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Magic numbers of binary containers we do not read (office files, archives, images).
bool binary_magic(std::string_view b) {
  static constexpr std::array<std::string_view, 8> kMagic = {
      std::string_view("PK\x03\x04", 4),   std::string_view("\xD0\xCF\x11\xE0", 4),
      std::string_view("\x89PNG", 4),      std::string_view("GIF8", 4),
      std::string_view("\xFF\xD8\xFF", 3), std::string_view("Rar!", 4),
      std::string_view("7z\xBC\xAF", 4),   std::string_view("\x1F\x8B", 2)};
  return std::any_of(kMagic.begin(), kMagic.end(),
                     [&](std::string_view m) { return starts_with(b, m); });
}

bool binary_extension(std::string_view ext) {
  static constexpr std::array<std::string_view, 21> kBinary = {
      ".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et",  ".odt", ".ods", ".zip", ".rar",
      ".7z",  ".gz",  ".tar",  ".jpg", ".jpeg", ".png", ".gif", ".exe", ".bin", ".ofd"};
  return std::find(kBinary.begin(), kBinary.end(), ext) != kBinary.end();
}

bool html_extension(std::string_view ext) {
  for (std::string_view e :
       {".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".jsp", ".php"}) {
    if (ext == e) return true;
  }
  return false;
}

// NUL bytes anywhere outside a UTF-16 text mean binary data (no text encoding gwr reads has
// them; a NUL deep in a file is a binary file with a text-looking head).
bool has_nul_without_bom(std::string_view b) {
  if (starts_with(b, "\xFF\xFE") || starts_with(b, "\xFE\xFF")) return false;
  return b.find('\0') != std::string_view::npos;
}

Result<Format> detect_format(std::string_view bytes, std::string_view name) {
  const std::string ext = lower_ext(name);
  const std::string where(name);
  if (starts_with(bytes, "%PDF-")) return Format::kPdf;
  if (ext == ".pdf") return Format::kPdf;  // pdf_to_text reports the missing header
  const bool zip = starts_with(bytes, std::string_view("PK\x03\x04", 4));
  const bool ole = starts_with(bytes, std::string_view("\xD0\xCF\x11\xE0", 4));
  if (ext == ".docx" || ext == ".docm") {
    if (ole) return ole_error(bytes, name);
    return Format::kDocx;  // docx_to_text reports a corrupt archive
  }
  if (zip && bytes.find("word/document.xml") != std::string_view::npos) return Format::kDocx;
  if (ext == ".doc" || ext == ".wps" || (ole && !binary_extension(ext))) {
    if (ole) return ole_error(bytes, name);
    return make_error(
        ErrorCode::kUnsupportedFormat,
        "legacy Word file type '" + ext + "': save it as .docx (or .txt) and try again", where);
  }
  if (binary_extension(ext)) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "unsupported file type '" + ext + "' (gwr reads .txt, .html, .pdf and .docx)",
                      where);
  }
  if (binary_magic(bytes) || has_nul_without_bom(bytes)) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "binary data, not a text, HTML, PDF or .docx file", where);
  }
  if (html_extension(ext) || looks_like_html(bytes)) return Format::kHtml;
  return Format::kText;
}

struct Visible {
  MappedText text;  // map → raw bytes
  std::string encoding;
  std::string format;
  std::vector<StyleHeading> headings;  // .docx heading paragraphs, spans in `text`
  Deduplicated dedup;                  // repeated copies and pager found (text and HTML)
};

// Warnings with offsets into a derived text, moved down to raw bytes.
void append_mapped(std::vector<Warning>& dst, std::vector<Warning> src, const OffsetMap& to_raw);

// Removes repeated copies of the article and pager lines from text or HTML's visible text.
Visible deduplicate(const MappedText& t, std::string encoding, std::string format,
                    const Lexicon& lex, std::vector<Warning>& warnings) {
  std::vector<Warning> w;
  Deduplicated d = remove_repeats(t.text, lex, w);
  append_mapped(warnings, std::move(w), t.map);
  MappedText v{std::move(d.text.text), compose(d.text.map, t.map)};
  d.text = {};
  return Visible{std::move(v), std::move(encoding), std::move(format), {}, std::move(d)};
}

Result<Visible> visible_text(std::string_view bytes, std::string_view name, Format f,
                             const Lexicon& lex, const Options& options,
                             std::vector<Warning>& warnings) {
  if (f == Format::kDocx) {
    auto t = docx_to_text(bytes, name);
    if (!t) return t.error();
    // The extracted text is the raw layer of a .docx (docx.h): an identity map.
    const std::size_t n = t->text.size();
    DocxText dt = std::move(t).value();
    return Visible{MappedText{std::move(dt.text), OffsetMap::identity(n)},
                   "UTF-8",
                   "docx",
                   std::move(dt.headings),
                   {}};
  }
  if (f == Format::kPdf) {
    std::vector<std::size_t> pages;
    auto t = pdf_to_text(bytes, name, &pages, options.pdf);
    if (!t) return t.error();
    std::vector<Warning> w;
    MappedText clean = clean_pdf_text(t->text, pages, w);
    append_mapped(warnings, std::move(w), t->map);
    return Visible{
        MappedText{std::move(clean.text), compose(clean.map, t->map)}, "UTF-8", "pdf", {}, {}};
  }
  const std::string declared = f == Format::kHtml ? sniff_charset(bytes) : std::string();
  auto d = text::decode(bytes, declared, warnings);
  if (!d) {
    Error e = d.error();
    if (e.where.empty()) e.where = std::string(name);
    return e;
  }
  text::Decoded decoded = std::move(d).value();
  std::vector<Warning> sw;
  MappedText scrubbed = scrub(decoded.text.text, f == Format::kHtml, sw);
  append_mapped(warnings, std::move(sw), decoded.text.map);
  MappedText clean{std::move(scrubbed.text), compose(scrubbed.map, decoded.text.map)};
  if (f == Format::kText) {
    std::vector<Warning> uw;
    MappedText un = unwrap_text(clean.text, uw);
    append_mapped(warnings, std::move(uw), clean.map);
    MappedText u{std::move(un.text), compose(un.map, clean.map)};
    return deduplicate(u, decoded.encoding, "txt", lex, warnings);
  }
  MappedText html = html_to_text(clean.text);
  MappedText v{std::move(html.text), compose(html.map, clean.map)};
  return deduplicate(v, decoded.encoding, "html", lex, warnings);
}

// Offset in the derived string of `src` in the source string (inverse of `m`): the first derived
// byte at or after it for a span start, the end of the last derived byte before it for an end.
std::size_t to_derived(const OffsetMap& m, std::size_t src, bool is_end) {
  std::size_t best = is_end ? 0 : m.out_size();
  for (const OffsetMap::Piece& p : m.pieces()) {
    if (!is_end && p.src_begin + p.src_len > src) {
      return p.copied && src >= p.src_begin ? p.out_begin + (src - p.src_begin) : p.out_begin;
    }
    if (is_end && p.src_begin < src) {
      best =
          p.copied ? p.out_begin + std::min(src - p.src_begin, p.out_len) : p.out_begin + p.out_len;
    }
  }
  return best;
}

// Warnings from normalize() carry offsets into its input; move them down to raw bytes.
void append_mapped(std::vector<Warning>& dst, std::vector<Warning> src, const OffsetMap& to_raw) {
  for (Warning& w : src) {
    if (w.raw_offset != Warning::kNoOffset)
      w.raw_offset = to_raw.start(std::min(w.raw_offset, to_raw.out_size()));
    dst.push_back(std::move(w));
  }
}

Document build_document(const Lexicon& lex, std::string_view name, const Visible& v, int index,
                        std::size_t visible_begin, MappedText original, text::Normalized n,
                        std::vector<Warning> norm_warnings,
                        const std::vector<Warning>& file_warnings, bool whole_file) {
  Document d;
  d.source = std::string(name);
  d.index_in_file = index;
  d.format = v.format;
  d.encoding = v.encoding;
  d.traditional = n.traditional;
  d.original = std::move(original);
  d.text = std::move(n.text);
  d.text_to_raw = compose(d.text.map, d.original.map);

  const std::size_t raw_begin = d.original.map.start(0);
  const std::size_t raw_end = d.original.map.end(d.original.text.size());
  for (const Warning& w : file_warnings) {
    if (whole_file || w.raw_offset == Warning::kNoOffset ||
        (w.raw_offset >= raw_begin && w.raw_offset < raw_end)) {
      d.warnings.push_back(w);
    }
  }
  append_mapped(d.warnings, std::move(norm_warnings), d.original.map);

  Layout l = analyze(lex, d.text.text);
  if (l.body.empty()) {
    const std::string_view t = utf8::trim(d.text.text);
    const std::size_t b = static_cast<std::size_t>(t.data() - d.text.text.data());
    l.body = Span{b, b + t.size()};
  }
  d.body = l.body;
  for (const MetaHit& m : l.meta) {
    d.page_meta.push_back(PageMetaField{d.original_of(m.key), d.original_of(m.value),
                                        Span{m.key.begin, m.value.end}});
  }
  d.partial = l.partial;
  if (!v.dedup.missing_pages.empty()) {
    d.partial = true;
    l.partial_reason = "one page of a paginated article (" + v.dedup.missing_pages + ")";
  } else if (l.partial && v.dedup.pager && v.dedup.copies_removed == 0) {
    l.partial_reason = "one page of a paginated article: " + l.partial_reason;
  }
  if (d.partial) d.warn("partial_text", l.partial_reason, d.body.begin);

  const std::size_t visible_end = visible_begin + d.original.text.size();
  for (const StyleHeading& h : v.headings) {
    if (h.span.begin < visible_begin || h.span.end > visible_end) continue;
    const Span s{to_derived(d.text.map, h.span.begin - visible_begin, false),
                 to_derived(d.text.map, h.span.end - visible_begin, true)};
    if (!s.empty()) d.style_headings.push_back(StyleHeading{s, h.level, h.numbered});
  }
  return d;
}

}  // namespace

Result<std::vector<Document>> read_bytes(std::string_view bytes, std::string_view name,
                                         const Lexicon& lex, const Options& options) {
  const std::string where(name);
  if (bytes.size() > options.max_bytes) {
    return make_error(ErrorCode::kTooLarge,
                      "file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                          std::to_string(options.max_bytes),
                      where);
  }
  if (bytes.empty()) return make_error(ErrorCode::kNotAReport, "empty file", where);
  auto format = detect_format(bytes, name);
  if (!format) return format.error();

  std::vector<Warning> file_warnings;
  auto vis = visible_text(bytes, name, *format, lex, options, file_warnings);
  if (!vis) return vis.error();
  const Visible& v = *vis;
  if (utf8::trim(v.text.text).empty())
    return make_error(ErrorCode::kNotAReport, "no visible text", where);

  std::vector<Warning> whole_warnings;
  text::Normalized whole = text::normalize(v.text.text, lex.text, whole_warnings);
  if (!has_report_signal(lex, whole.text.text)) {
    return make_error(
        ErrorCode::kNotAReport,
        "no sign of a government work report (no 政府工作报告, 各位代表, 人民代表大会 …)", where);
  }

  std::vector<Document> docs;
  const std::vector<std::size_t> points = split_points(lex, whole.text.text);
  if (points.size() == 1) {
    docs.push_back(build_document(lex, name, v, 0, 0, v.text, std::move(whole),
                                  std::move(whole_warnings), file_warnings, true));
    return docs;
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::size_t ob = whole.text.map.start(points[i]);
    const std::size_t oe =
        i + 1 < points.size() ? whole.text.map.start(points[i + 1]) : v.text.text.size();
    MappedText original{v.text.text.substr(ob, oe - ob), v.text.map.slice(ob, oe)};
    std::vector<Warning> nw;
    text::Normalized n = text::normalize(original.text, lex.text, nw);
    docs.push_back(build_document(lex, name, v, static_cast<int>(i), ob, std::move(original),
                                  std::move(n), std::move(nw), file_warnings, false));
  }
  return docs;
}

Result<std::vector<Document>> read_file(const std::filesystem::path& path, const Lexicon& lex,
                                        const Options& options) {
  const std::string where = path.string();
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    if (ec == std::errc::too_many_symbolic_link_levels) {
      return make_error(ErrorCode::kUnreadable,
                        "symbolic link loop (too many levels of symbolic links)", where);
    }
    return make_error(ErrorCode::kUnreadable, "cannot access the file: " + ec.message(), where);
  }
  if (!std::filesystem::exists(st)) {
    return make_error(ErrorCode::kUnreadable, "no such file", where);
  }
  if (std::filesystem::is_directory(st)) {
    return make_error(ErrorCode::kUnreadable, "is a directory, not a file", where);
  }
  std::size_t expected = 0;
  if (std::filesystem::is_regular_file(st)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_bytes) {
      return make_error(ErrorCode::kTooLarge,
                        "file is " + std::to_string(size) + " bytes, over the limit of " +
                            std::to_string(options.max_bytes),
                        where);
    }
    if (!ec) expected = static_cast<std::size_t>(size);
  }
  // Devices, pipes, /dev/stdin and files that grow while read: the limit is applied while
  // reading, so memory stays bounded by max_bytes whatever the file is.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return make_error(ErrorCode::kUnreadable,
                      err == EACCES ? std::string("cannot open the file (permission denied)")
                                    : "cannot open the file: " + std::string(std::strerror(err)),
                      where);
  }
  std::string bytes;
  bytes.reserve(std::min(expected, options.max_bytes) + 1);
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  constexpr std::size_t kSmallChunk = std::size_t{1} << 16;
  for (;;) {
    if (bytes.size() > options.max_bytes) {
      ::close(fd);
      return make_error(ErrorCode::kTooLarge,
                        "input is over the limit of " + std::to_string(options.max_bytes) +
                            " bytes (a device, pipe or growing file; reading stopped there)",
                        where);
    }
    const std::size_t old = bytes.size();
    // Ask for what the file's size promises (plus one byte to see the end), so a regular file
    // is read in one call without zero-filling or reallocating a whole chunk past its size.
    const std::size_t promised = expected > old ? expected - old + 1 : kSmallChunk;
    const std::size_t want = std::min({kChunk, promised, options.max_bytes + 1 - old});
    bytes.resize(old + want);
    const ssize_t n = ::read(fd, bytes.data() + old, want);
    if (n < 0 && errno == EINTR) {
      bytes.resize(old);
      continue;
    }
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return make_error(ErrorCode::kUnreadable,
                        "I/O error while reading: " + std::string(std::strerror(err)), where);
    }
    bytes.resize(old + static_cast<std::size_t>(n));
    if (n == 0) break;
  }
  ::close(fd);
  return read_bytes(bytes, where, lex, options);
}

}  // namespace gwr::ingest
