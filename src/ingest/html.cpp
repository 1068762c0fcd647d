#include "ingest/html.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "common/utf8.h"

namespace gwr::ingest {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = lower(c);
  return r;
}

// Case-insensitive search for `needle` (lower-case) in s from `from`.
std::size_t ifind(std::string_view s, std::string_view needle, std::size_t from) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Elements dropped with their content.
bool is_dropped(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kDropped = {
      "script",   "style",    "nav",    "head", "header", "footer",
      "noscript", "template", "iframe", "svg",  "select", "object"};
  return std::find(kDropped.begin(), kDropped.end(), name) != kDropped.end();
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 28> kBlock = {
      "p",          "div",   "br",   "li",   "tr",      "h1",      "h2",    "h3",     "h4", "h5",
      "h6",         "table", "ul",   "ol",   "section", "article", "hr",    "dd",     "dt", "dl",
      "blockquote", "pre",   "form", "main", "aside",   "center",  "tbody", "caption"};
  return std::find(kBlock.begin(), kBlock.end(), name) != kBlock.end();
}

struct Entity {
  std::string_view name;
  char32_t cp;
};
constexpr std::array<Entity, 34> kEntities = {{
    {"amp", U'&'},      {"lt", U'<'},      {"gt", U'>'},      {"quot", U'"'},
    {"apos", U'\''},    {"nbsp", 0xA0},    {"ensp", 0x2002},  {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
    {"middot", 0xB7},   {"bull", 0x2022},  {"times", 0xD7},   {"divide", 0xF7},
    {"copy", 0xA9},     {"reg", 0xAE},     {"yen", 0xA5},     {"deg", 0xB0},
    {"plusmn", 0xB1},   {"laquo", 0xAB},   {"raquo", 0xBB},   {"permil", 0x2030},
    {"sect", 0xA7},     {"trade", 0x2122}, {"rarr", 0x2192},  {"larr", 0x2190},
    {"ordm", 0xBA},     {"shy", 0xAD},
}};

// Parses an entity at s[i] == '&'. Returns {code point, length} or {0, 0}.
std::pair<char32_t, std::size_t> parse_entity(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    std::uint32_t v = 0;
    const std::size_t digits_begin = j;
    while (j < s.size() && j - digits_begin < 8) {
      const char c = s[j];
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0) break;
      v = v * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
      ++j;
    }
    if (j == digits_begin) return {0, 0};
    if (j < s.size() && s[j] == ';') ++j;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = utf8::kReplacement;
    return {static_cast<char32_t>(v), j - i};
  }
  const std::size_t name_begin = j;
  while (j < s.size() && is_alnum(s[j]) && j - name_begin < 10) ++j;
  const std::string name = to_lower(s.substr(name_begin, j - name_begin));
  for (const Entity& e : kEntities) {
    if (e.name != name) continue;
    if (j < s.size() && s[j] == ';') return {e.cp, j + 1 - i};
    return {e.cp, j - i};  // tolerated without ';' (common in scraped pages)
  }
  return {0, 0};
}

// Position just past the '>' closing the tag that starts at s[i] == '<' (quotes respected).
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    const char c = s[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j + 1;
    }
  }
  return s.size();
}

class Converter {
 public:
  explicit Converter(std::string_view html) : s_(html), b_(html) {}

  MappedText run() && {
    std::size_t i = 0;
    while (i < s_.size()) {
      const char c = s_[i];
      if (c == '<') {
        i = on_lt(i);
      } else if (c == '&') {
        const auto [cp, len] = parse_entity(s_, i);
        if (len == 0) {
          b_.copy(i, i + 1);
          ++i;
        } else {
          b_.replace(i, i + len, utf8::encode(cp));
          i += len;
        }
      } else if (is_ws(c)) {
        std::size_t j = i;
        while (j < s_.size() && is_ws(s_[j])) ++j;
        if (!at_line_start() && last() != ' ' && last() != '\t') b_.replace(i, j, " ");
        i = j;
      } else {
        std::size_t j = i + 1;
        while (j < s_.size() && s_[j] != '<' && s_[j] != '&' && !is_ws(s_[j])) ++j;
        b_.copy(i, j);
        i = j;
      }
    }
    return std::move(b_).finish();
  }

 private:
  char last() const { return b_.out().empty() ? '\n' : b_.out().back(); }
  bool at_line_start() const { return last() == '\n'; }

  void line_break(std::size_t begin, std::size_t end, bool force) {
    const std::string& o = b_.out();
    if (o.empty()) return;
    if (!force && o.back() == '\n') return;
    if (o.size() >= 2 && o[o.size() - 1] == '\n' && o[o.size() - 2] == '\n') return;
    b_.replace(begin, end, "\n");
  }

  std::size_t on_lt(std::size_t i) {
    if (s_.compare(i, 4, "<!--") == 0) {
      const std::size_t e = s_.find("-->", i + 4);
      return e == std::string_view::npos ? s_.size() : e + 3;
    }
    std::size_t j = i + 1;
    const bool closing = j < s_.size() && s_[j] == '/';
    if (closing) ++j;
    if (j >= s_.size() || (!is_alpha(s_[j]) && s_[j] != '!' && s_[j] != '?')) {
      b_.copy(i, i + 1);  // a lone '<' in text
      return i + 1;
    }
    const std::size_t name_begin = j;
    while (j < s_.size() && (is_alnum(s_[j]) || s_[j] == '-' || s_[j] == ':')) ++j;
    const std::string name = to_lower(s_.substr(name_begin, j - name_begin));
    const std::size_t end = tag_end(s_, i);
    const bool self_closing = end >= 2 && s_[end - 2] == '/';
    if (!closing && !self_closing && is_dropped(name)) {
      const std::size_t close = ifind(s_, "</" + name, end);
      if (close != std::string_view::npos) return tag_end(s_, close);
      if (name == "script" || name == "style") return s_.size();
      return end;
    }
    if (name == "br") {
      line_break(i, end, true);
    } else if (is_block(name)) {
      line_break(i, end, false);
    } else if ((name == "td" || name == "th") && !closing) {
      if (!at_line_start() && last() != '\t') b_.replace(i, end, "\t");
    }
    return end;
  }

  std::string_view s_;
  MappedTextBuilder b_;
};

}  // namespace

MappedText html_to_text(std::string_view html) { return Converter(html).run(); }

std::string sniff_charset(std::string_view raw) {
  const std::string_view head = raw.substr(0, std::min<std::size_t>(raw.size(), 8192));
  std::size_t pos = 0;
  while ((pos = ifind(head, "<meta", pos)) != std::string_view::npos) {
    const std::size_t end = tag_end(head, pos);
    const std::string tag = to_lower(head.substr(pos, end - pos));
    pos = end;
    const std::size_t cs = tag.find("charset");
    if (cs == std::string::npos) continue;
    std::size_t k = cs + 7;
    while (k < tag.size() && (is_ws(tag[k]) || tag[k] == '=' || tag[k] == '"' || tag[k] == '\''))
      ++k;
    std::size_t e = k;
    while (e < tag.size() && (is_alnum(tag[e]) || tag[e] == '-' || tag[e] == '_')) ++e;
    if (e > k) return tag.substr(k, e - k);
  }
  return {};
}

bool looks_like_html(std::string_view raw) {
  const std::string_view head = raw.substr(0, std::min<std::size_t>(raw.size(), 4096));
  for (std::string_view marker : {"<!doctype html", "<html", "<head", "<body", "<meta "}) {
    if (ifind(head, marker, 0) != std::string_view::npos) return true;
  }
  int blocks = 0;
  for (std::string_view marker : {"<p>", "<p ", "<div", "<br", "</p>", "<table"}) {
    if (ifind(head, marker, 0) != std::string_view::npos) ++blocks;
  }
  return blocks >= 2;
}

}  // namespace gwr::ingest
