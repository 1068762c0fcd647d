#include "ingest/docx.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "ingest/xml_walk.h"
#include "text/numerals.h"

namespace gwr::ingest {
namespace {

// ---------------------------------------------------------------- zip access

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

bool encryption_error(int code) {
  return code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP;
}

class Archive {
 public:
  static Result<Archive> open(std::string_view bytes, const std::string& where) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src == nullptr) {
      zip_error_fini(&err);
      return make_error(ErrorCode::kInternal, "cannot create a zip source", where);
    }
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (z == nullptr) {
      zip_source_free(src);  // not taken over on failure
      const std::string why = zip_error_strerror(&err);
      zip_error_fini(&err);
      return make_error(ErrorCode::kUnsupportedFormat,
                        "corrupt .docx: not a readable zip archive (" + why + ")", where);
    }
    zip_error_fini(&err);
    return Archive(ZipPtr(z));
  }

  // The uncompressed bytes of entry `entry`; nullopt inside the Result when it does not exist.
  Result<std::optional<std::string>> read(const char* entry, const std::string& where) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z_.get(), entry, 0, &st) != 0) return std::optional<std::string>();
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
      return encrypted(where);
    }
    const std::uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
    if ((st.valid & ZIP_STAT_SIZE) != 0) {
      if (auto e = check_budget(entry, st.size, comp, where)) return *e;
    }
    ZipFilePtr f(zip_fopen(z_.get(), entry, 0));
    if (!f) {
      const int code = zip_error_code_zip(zip_get_error(z_.get()));
      if (encryption_error(code)) return encrypted(where);
      return make_error(ErrorCode::kUnsupportedFormat,
                        std::string("corrupt .docx: cannot open ") + entry, where);
    }
    // The sizes in the zip directory may lie: the budget is enforced on the bytes really read.
    std::string out;
    std::array<char, 1 << 16> buf{};
    for (;;) {
      const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
      if (n < 0) {
        return make_error(ErrorCode::kUnsupportedFormat,
                          std::string("corrupt .docx: cannot decompress ") + entry, where);
      }
      if (n == 0) break;
      out.append(buf.data(), static_cast<std::size_t>(n));
      if (auto e = check_budget(entry, out.size(), comp, where)) return *e;
    }
    return std::optional<std::string>(std::move(out));
  }

 private:
  explicit Archive(ZipPtr z) : z_(std::move(z)) {}

  static Error encrypted(const std::string& where) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "password-protected .docx: remove the password in Word and save again",
                      where);
  }

  static std::optional<Error> check_budget(const char* entry, std::uint64_t size,
                                           std::uint64_t comp, const std::string& where) {
    if (size > kMaxDocxPartBytes) {
      return make_error(ErrorCode::kTooLarge,
                        std::string(entry) + " is over " + std::to_string(kMaxDocxPartBytes >> 20) +
                            " MiB uncompressed",
                        where);
    }
    if (size > kDocxRatioCheckFrom && size > kMaxDocxRatio * std::max<std::uint64_t>(comp, 1)) {
      return make_error(ErrorCode::kTooLarge,
                        std::string(entry) + " expands more than " + std::to_string(kMaxDocxRatio) +
                            " times (a zip bomb?)",
                        where);
    }
    return std::nullopt;
  }

  ZipPtr z_;
};

// ---------------------------------------------------------------- XML helpers (prefix-agnostic)

using xml::local;
using xml::preorder;

bool is(const pugi::xml_node& n, std::string_view name) { return local(n.name()) == name; }

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && is(c, name)) return c;
  }
  return {};
}

std::string attr(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes()) {
    if (local(a.name()) == name) return a.value();
  }
  return {};
}

int to_int(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 6) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

Result<pugi::xml_document*> parse(pugi::xml_document& doc, const std::string& xml, const char* part,
                                  const std::string& where) {
  const pugi::xml_parse_result r =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!r) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      std::string("corrupt .docx: malformed XML in ") + part + " (" +
                          r.description() + " at byte " + std::to_string(r.offset) + ")",
                      where);
  }
  return &doc;
}

// ---------------------------------------------------------------- styles and numbering

// Heading level named by a style name or id: "Heading 2", "heading2", "标题 1", "标题1" → 2/1.
int level_from_name(const std::string& name) {
  std::string s;
  for (char c : name) {
    if (c == ' ') continue;
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
    if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0) {
      const int v = to_int(s.substr(prefix.size()), 0);
      if (v >= 1 && v <= 9) return v;
    }
  }
  return 0;
}

struct NumRef {
  std::string num_id;
  int ilvl = 0;
};

struct StyleInfo {
  int level = 0;  // 0 = not a heading style
  std::string based_on;
  std::optional<NumRef> num;
};

std::optional<NumRef> num_pr(const pugi::xml_node& ppr) {
  const pugi::xml_node np = child(ppr, "numPr");
  if (!np) return std::nullopt;
  NumRef r;
  r.num_id = attr(child(np, "numId"), "val");
  r.ilvl = std::clamp(to_int(attr(child(np, "ilvl"), "val"), 0), 0, 8);
  return r;
}

std::map<std::string, StyleInfo> read_styles(const pugi::xml_document& doc) {
  std::map<std::string, StyleInfo> out;
  for (pugi::xml_node s : doc.document_element().children()) {
    if (!is(s, "style")) continue;
    StyleInfo info;
    const std::string id = attr(s, "styleId");
    info.level = level_from_name(attr(child(s, "name"), "val"));
    if (info.level == 0) info.level = level_from_name(id);
    const pugi::xml_node ppr = child(s, "pPr");
    if (info.level == 0) {
      const std::string ol = attr(child(ppr, "outlineLvl"), "val");
      const int v = to_int(ol, 9);
      if (v < 9) info.level = v + 1;
    }
    info.based_on = attr(child(s, "basedOn"), "val");
    info.num = num_pr(ppr);
    out[id] = std::move(info);
  }
  return out;
}

struct LevelFormat {
  std::string fmt = "decimal";
  std::string text;  // lvlText, "%1." …
  std::string suffix;
  int start = 1;
};

struct Numbering {
  std::map<std::string, std::array<LevelFormat, 9>> abstract;  // abstractNumId → levels
  std::map<std::string, std::string> num_to_abstract;
};

Numbering read_numbering(const pugi::xml_document& doc) {
  Numbering out;
  for (pugi::xml_node n : doc.document_element().children()) {
    if (is(n, "abstractNum")) {
      std::array<LevelFormat, 9> levels{};
      for (pugi::xml_node l : n.children()) {
        if (!is(l, "lvl")) continue;
        const int i = to_int(attr(l, "ilvl"), -1);
        if (i < 0 || i > 8) continue;
        LevelFormat& f = levels[static_cast<std::size_t>(i)];
        if (pugi::xml_node x = child(l, "numFmt")) f.fmt = attr(x, "val");
        if (pugi::xml_node x = child(l, "lvlText")) f.text = attr(x, "val");
        if (pugi::xml_node x = child(l, "start")) f.start = to_int(attr(x, "val"), 1);
        if (attr(child(l, "suff"), "val") == "space") f.suffix = " ";
      }
      out.abstract[attr(n, "abstractNumId")] = levels;
    } else if (is(n, "num")) {
      out.num_to_abstract[attr(n, "numId")] = attr(child(n, "abstractNumId"), "val");
    }
  }
  return out;
}

std::string format_number(const std::string& fmt, int v) {
  if (fmt.rfind("chinese", 0) == 0 || fmt == "ideographDigital" || fmt == "japaneseCounting") {
    return text::to_chinese(v);
  }
  if ((fmt == "lowerLetter" || fmt == "upperLetter") && v >= 1 && v <= 26) {
    return std::string(1, static_cast<char>((fmt == "lowerLetter" ? 'a' : 'A') + v - 1));
  }
  if ((fmt == "lowerRoman" || fmt == "upperRoman") && v >= 1 && v < 40) {
    static constexpr std::array<std::string_view, 10> kOnes = {"",  "i",  "ii",  "iii",  "iv",
                                                               "v", "vi", "vii", "viii", "ix"};
    std::string s(static_cast<std::size_t>(v / 10), 'x');
    s += kOnes[static_cast<std::size_t>(v % 10)];
    if (fmt == "upperRoman") {
      for (char& c : s) c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
  }
  return std::to_string(v);
}

// Renders list numbers in document order (counters per list, deeper levels restart).
class Numberer {
 public:
  explicit Numberer(const Numbering& n) : n_(n) {}

  std::string next(const NumRef& ref) {
    if (ref.num_id.empty() || ref.num_id == "0") return {};
    const auto a = n_.num_to_abstract.find(ref.num_id);
    if (a == n_.num_to_abstract.end()) return {};
    const auto levels = n_.abstract.find(a->second);
    if (levels == n_.abstract.end()) return {};
    const auto& lv = levels->second;
    auto& counters = counters_[ref.num_id];
    const auto i = static_cast<std::size_t>(ref.ilvl);
    counters[i] = counters[i] == 0 ? lv[i].start : counters[i] + 1;
    for (std::size_t d = i + 1; d < counters.size(); ++d) counters[d] = 0;
    const LevelFormat& f = lv[i];
    if (f.fmt == "bullet" || f.fmt == "none") return {};
    std::string out;
    for (std::size_t k = 0; k < f.text.size(); ++k) {
      if (f.text[k] == '%' && k + 1 < f.text.size() && f.text[k + 1] >= '1' &&
          f.text[k + 1] <= '9') {
        const auto l = static_cast<std::size_t>(f.text[k + 1] - '1');
        const int v = counters[l] == 0 ? lv[l].start : counters[l];
        out += format_number(lv[l].fmt, v);
        ++k;
      } else {
        out += f.text[k];
      }
    }
    return out.empty() ? out : out + f.suffix;
  }

 private:
  const Numbering& n_;
  std::map<std::string, std::array<int, 9>> counters_;
};

// ---------------------------------------------------------------- body walk

class Walker {
 public:
  Walker(const std::map<std::string, StyleInfo>& styles, const Numbering& numbering)
      : styles_(styles), numberer_(numbering) {}

  void blocks(const pugi::xml_node& parent) {
    preorder(parent, [this](const pugi::xml_node& c) -> pugi::xml_node {
      if (is(c, "p")) {
        paragraph(c);
      } else if (is(c, "tbl")) {
        table(c);
      } else if (is(c, "sdt")) {
        return child(c, "sdtContent");
      } else if (is(c, "customXml") || is(c, "ins") || is(c, "smartTag")) {
        return c;
      }
      return {};
    });
  }

  DocxText finish() && { return DocxText{std::move(out_), std::move(heads_)}; }

 private:
  // Heading level and list reference of a paragraph, following style inheritance.
  std::pair<int, std::optional<NumRef>> style_of(const pugi::xml_node& ppr) const {
    int level = 0;
    std::optional<NumRef> num = num_pr(ppr);
    const int ol = to_int(attr(child(ppr, "outlineLvl"), "val"), 9);
    if (ol < 9) level = ol + 1;
    std::string id = attr(child(ppr, "pStyle"), "val");
    if (!id.empty() && level == 0 && styles_.find(id) == styles_.end()) level = level_from_name(id);
    for (int depth = 0; depth < 8 && !id.empty(); ++depth) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) break;
      if (level == 0) level = it->second.level;
      if (!num && it->second.num) num = it->second.num;
      id = it->second.based_on;
    }
    return {level, num};
  }

  void paragraph(const pugi::xml_node& p) {
    const auto [level, num] = style_of(child(p, "pPr"));
    std::string line;
    if (num) line = numberer_.next(*num);
    inline_text(p, line);
    const std::string_view t = utf8::trim(line);
    const std::size_t begin = out_.size() + static_cast<std::size_t>(t.data() - line.data());
    if (!t.empty() && (level > 0 || num)) {
      heads_.push_back(StyleHeading{Span{begin, begin + t.size()},
                                    level > 0 ? level : num->ilvl + 1, level == 0});
    }
    out_ += line;
    out_ += '\n';
  }

  void table(const pugi::xml_node& tbl) {
    for (pugi::xml_node tr : tbl.children()) {
      if (!is(tr, "tr")) continue;
      std::string row;
      bool first = true;
      for (pugi::xml_node tc : tr.children()) {
        if (!is(tc, "tc")) continue;
        if (!first) row += '\t';
        first = false;
        std::string cell;
        cell_text(tc, cell);
        row += utf8::trim(cell);
      }
      out_ += row;
      out_ += '\n';
    }
  }

  // The paragraphs of a cell (nested tables flattened), joined by a space.
  static void cell_text(const pugi::xml_node& n, std::string& cell) {
    preorder(n, [&cell](const pugi::xml_node& c) -> pugi::xml_node {
      if (is(c, "p")) {
        std::string line;
        inline_text(c, line);
        for (char& ch : line) {
          if (ch == '\n' || ch == '\t') ch = ' ';
        }
        if (!utf8::trim(line).empty()) {
          if (!cell.empty()) cell += ' ';
          cell += utf8::trim(line);
        }
        return {};
      }
      return is(c, "tcPr") ? pugi::xml_node() : c;
    });
  }

  static void inline_text(const pugi::xml_node& n, std::string& line) {
    preorder(n, [&line](const pugi::xml_node& c) -> pugi::xml_node {
      const std::string_view name = local(c.name());
      if (name == "t") {
        line += c.text().get();
      } else if (name == "tab" || name == "ptab") {
        line += '\t';
      } else if (name == "br" || name == "cr") {
        if (attr(c, "type") != "page") line += '\n';
      } else if (name == "noBreakHyphen") {
        line += '-';
      } else if (name == "pPr" || name == "rPr" || name == "delText" || name == "instrText" ||
                 name == "del" || name == "Fallback" || name == "footnoteReference" ||
                 name == "endnoteReference" || name == "commentReference" || name == "fldChar" ||
                 name == "softHyphen" || name == "sectPr") {
      } else {
        return c;  // runs, hyperlinks, fields, smart tags, text boxes
      }
      return {};
    });
  }

  const std::map<std::string, StyleInfo>& styles_;
  Numberer numberer_;
  std::string out_;
  std::vector<StyleHeading> heads_;
};

}  // namespace

Result<DocxText> docx_to_text(std::string_view bytes, std::string_view name) {
  const std::string where(name);
  if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) return ole_error(bytes, name);
  if (bytes.substr(0, 2) != "PK") {
    return make_error(ErrorCode::kUnsupportedFormat, "corrupt .docx: not a zip archive", where);
  }
  auto archive = Archive::open(bytes, where);
  if (!archive) return archive.error();

  auto main = archive->read("word/document.xml", where);
  if (!main) return main.error();
  if (!*main) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "not a Word document: the archive has no word/document.xml", where);
  }
  std::map<std::string, StyleInfo> styles;
  auto styles_xml = archive->read("word/styles.xml", where);
  if (!styles_xml) return styles_xml.error();
  if (*styles_xml) {
    pugi::xml_document sd;
    if (parse(sd, **styles_xml, "word/styles.xml", where))
      styles = read_styles(sd);  // optional part
  }
  Numbering numbering;
  auto numbering_xml = archive->read("word/numbering.xml", where);
  if (!numbering_xml) return numbering_xml.error();
  if (*numbering_xml) {
    pugi::xml_document nd;
    if (parse(nd, **numbering_xml, "word/numbering.xml", where)) numbering = read_numbering(nd);
  }

  pugi::xml_document doc;
  auto parsed = parse(doc, **main, "word/document.xml", where);
  if (!parsed) return parsed.error();
  const pugi::xml_node root = doc.document_element();
  const pugi::xml_node body = is(root, "document") ? child(root, "body") : pugi::xml_node();
  if (!body) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "corrupt .docx: word/document.xml has no document body (w:body)", where);
  }
  Walker w(styles, numbering);
  w.blocks(body);
  return std::move(w).finish();
}

Error ole_error(std::string_view bytes, std::string_view name) {
  // Directory entry names of an OLE file are UTF-16LE.
  static constexpr char kEncrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
  if (bytes.find(std::string_view(kEncrypted, sizeof kEncrypted - 1)) != std::string_view::npos) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "password-protected .docx (an encrypted OLE package): remove the password in "
                      "Word and save again",
                      std::string(name));
  }
  return make_error(
      ErrorCode::kUnsupportedFormat,
      "legacy binary Office file (.doc): not supported, save it as .docx (or .txt) and "
      "try again",
      std::string(name));
}

}  // namespace gwr::ingest
