#include "ingest/scrub.h"

#include <map>
#include <string>

#include "common/utf8.h"

namespace gwr::ingest {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of a `<U+XXXX>` mark at s[i] and its code point; {0, 0} when there is none.
std::pair<std::size_t, char32_t> escaped_codepoint(std::string_view s, std::size_t i) {
  if (s.compare(i, 3, "<U+") != 0 && s.compare(i, 3, "<u+") != 0) return {0, 0};
  std::size_t j = i + 3;
  std::uint32_t v = 0;
  while (j < s.size() && j - i - 3 < 6 && hex_value(s[j]) >= 0)
    v = v * 16 + static_cast<std::uint32_t>(hex_value(s[j++]));
  const std::size_t n = j - i - 3;
  if (n < 4 || j >= s.size() || s[j] != '>') return {0, 0};
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return {0, 0};
  return {j + 1 - i, static_cast<char32_t>(v)};
}

class Warner {
 public:
  explicit Warner(std::vector<Warning>& w) : w_(w) {}
  void add(const std::string& code, const std::string& message, std::size_t at) {
    const std::size_t n = ++count_[code];
    if (n <= kMaxScrubWarnings) w_.push_back(Warning{code, message, at});
  }
  void finish() {
    for (const auto& [code, n] : count_) {
      if (n > kMaxScrubWarnings) {
        w_.push_back(Warning{code,
                             std::to_string(n - kMaxScrubWarnings) + " more repairs of this kind",
                             Warning::kNoOffset});
      }
    }
  }

 private:
  std::vector<Warning>& w_;
  std::map<std::string, std::size_t> count_;
};

}  // namespace

MappedText scrub(std::string_view text, bool html, std::vector<Warning>& warnings) {
  Warner warn(warnings);
  MappedTextBuilder b(text);
  std::size_t crlf = 0, lf = 0, cr = 0, first_mixed = Warning::kNoOffset;
  std::size_t copied_from = 0;
  auto flush = [&](std::size_t upto) {
    b.copy(copied_from, upto);
    copied_from = upto;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '<') {
      if (auto [len, cp] = escaped_codepoint(text, i); len > 0) {
        flush(i);
        b.replace(i, i + len, utf8::encode(cp));
        warn.add("escaped_codepoint",
                 "replaced the escape mark '" + std::string(text.substr(i, len)) +
                     "' with the character it stands for",
                 i);
        i += len;
        copied_from = i;
        continue;
      }
      if (!html && text.compare(i, 4, "<!--") == 0) {
        const std::size_t e = text.find("-->", i + 4);
        const std::size_t end = e == std::string_view::npos ? text.size() : e + 3;
        flush(i);
        b.replace(i, end, "");
        warn.add("html_comment_removed", "removed an HTML comment left in the text", i);
        i = end;
        copied_from = i;
        continue;
      }
    } else if (c == '\r') {
      if (text.compare(i, 3, "\r\r\n") == 0) {
        flush(i);
        b.replace(i, i + 3, "\n");
        warn.add("doubled_line_end", "read CR CR LF (a line end converted twice) as one line end",
                 i);
        i += 3;
        copied_from = i;
        ++crlf;
        continue;
      }
      const bool pair = i + 1 < text.size() && text[i + 1] == '\n';
      (pair ? crlf : cr) += 1;
      if ((pair ? lf + cr : lf + crlf) > 0 && first_mixed == Warning::kNoOffset) first_mixed = i;
      i += pair ? 2 : 1;
      continue;
    } else if (c == '\n') {
      ++lf;
      if (crlf + cr > 0 && first_mixed == Warning::kNoOffset) first_mixed = i;
    }
    ++i;
  }
  flush(text.size());
  if (first_mixed != Warning::kNoOffset) {
    warn.add("mixed_line_endings",
             "the text mixes line ends (" + std::to_string(crlf) + " CR LF, " + std::to_string(lf) +
                 " LF, " + std::to_string(cr) + " CR); all read as line breaks",
             first_mixed);
  }
  warn.finish();
  return std::move(b).finish();
}

}  // namespace gwr::ingest
