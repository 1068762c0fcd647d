#include "text/punctuation.h"

#include "common/utf8.h"

namespace gwr::text {

bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?';
}

bool is_closing_mark(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'）' || c == U')';
}

std::size_t sentence_end_at(std::string_view t, std::size_t i) {
  if (i >= t.size()) return 0;
  if (t[i] == '\n') return 1;
  std::size_t j = i;
  return is_sentence_end(utf8::next(t, j)) ? j - i : 0;
}

bool line_ends_sentence(std::string_view line) {
  std::size_t i = line.size();
  while (i > 0) {
    std::size_t j = i;
    const char32_t c = utf8::prev(line, j);
    if (is_closing_mark(c) || c == U'"') {
      i = j;
      continue;
    }
    return is_sentence_end(c) || c == U'…';
  }
  return false;
}

}  // namespace gwr::text
