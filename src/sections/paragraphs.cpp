#include "sections/paragraphs.h"

#include <algorithm>

#include "common/utf8.h"
#include "text/punctuation.h"

namespace gwr::sections {
namespace {

bool is_terminal(char32_t c) { return text::is_sentence_end(c); }
bool is_closer(char32_t c) { return text::is_closing_mark(c) || c == U'"'; }

// Trimmed [b, e), or an empty span when only white space.
Span trimmed(std::string_view t, std::size_t b, std::size_t e) {
  const std::string_view s = utf8::trim(t.substr(b, e - b));
  if (s.empty()) return {b, b};
  const std::size_t nb = static_cast<std::size_t>(s.data() - t.data());
  return {nb, nb + s.size()};
}

// For each opening quote at byte i, the byte of its matching closer; unmatched openers are absent.
std::vector<std::pair<std::size_t, std::size_t>> quote_pairs(std::string_view t, Span p) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::pair<char32_t, std::size_t>> stack;
  for (std::size_t i = p.begin; i < p.end;) {
    const std::size_t at = i;
    const char32_t c = utf8::next(t, i);
    if (c == U'“' || c == U'「' || c == U'『') {
      stack.push_back({c, at});
    } else if (c == U'”' || c == U'」' || c == U'』') {
      const char32_t open = c == U'”' ? U'“' : (c == U'」' ? U'「' : U'『');
      // Drop unmatched inner openers so one stray quote cannot swallow the paragraph.
      while (!stack.empty() && stack.back().first != open) stack.pop_back();
      if (!stack.empty()) {
        pairs.push_back({stack.back().second, at});
        stack.pop_back();
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text, Span paragraph) {
  std::vector<Span> out;
  const auto pairs = quote_pairs(text, paragraph);
  std::size_t quoted_until = 0;  // inside a balanced quote while i < quoted_until
  bool speech = false;           // that quote is direct speech (opened right after a colon)
  std::size_t next_pair = 0;
  std::size_t start = paragraph.begin;
  for (std::size_t i = paragraph.begin; i < paragraph.end;) {
    while (next_pair < pairs.size() && pairs[next_pair].first <= i) {
      if (pairs[next_pair].second > quoted_until) {
        std::size_t before = pairs[next_pair].first;
        const char32_t prev = before > paragraph.begin ? utf8::prev(text, before) : U'\0';
        if (pairs[next_pair].first >= quoted_until) speech = prev == U':' || prev == U'：';
        quoted_until = pairs[next_pair].second;
      }
      ++next_pair;
    }
    const char32_t c = utf8::next(text, i);
    if (!is_terminal(c)) continue;
    if (i <= quoted_until) {
      // Inside a quote, only an end mark that closes quoted direct speech ends the sentence
      // (他说:“要实干。”然后…); a quoted phrase (提出“….”的要求) does not.
      if (!speech) continue;
      std::size_t j = i;
      while (j < quoted_until && is_terminal(utf8::at(text, j))) j += utf8::char_len(text, j);
      if (j != quoted_until) continue;
    }
    while (i < paragraph.end) {
      std::size_t j = i;
      const char32_t d = utf8::next(text, j);
      if (!is_terminal(d) && !is_closer(d)) break;
      i = j;
    }
    if (Span s = trimmed(text, start, i); !s.empty()) out.push_back(s);
    start = i;
  }
  if (Span s = trimmed(text, start, paragraph.end); !s.empty()) out.push_back(s);
  return out;
}

std::vector<Paragraph> split_paragraphs(std::string_view text, Span body,
                                        const std::vector<std::size_t>& breaks) {
  std::vector<Paragraph> out;
  const std::size_t end = std::min(body.end, text.size());
  auto emit = [&](std::size_t b, std::size_t e) {
    if (Span s = trimmed(text, b, e); !s.empty()) out.push_back({s, split_sentences(text, s)});
  };
  auto next_break = std::lower_bound(breaks.begin(), breaks.end(), body.begin);
  std::size_t start = std::min(body.begin, end);
  bool after_end = false;  // the last non-space character closed a sentence
  for (std::size_t i = start; i < end;) {
    while (next_break != breaks.end() && *next_break <= i) {
      if (*next_break == i && i > start) {
        emit(start, i);
        start = i;
      }
      ++next_break;
    }
    const std::size_t at = i;
    const char32_t c = utf8::next(text, i);
    if (c == U'\n') {
      emit(start, at);
      start = i;
    } else if (utf8::is_space(c) && after_end) {
      emit(start, at);
      start = i;
    }
    if (c == U'\n')
      after_end = false;
    else if (!utf8::is_space(c))
      after_end = is_terminal(c) || (after_end && is_closer(c));
  }
  emit(start, end);
  return out;
}

}  // namespace gwr::sections
