// Text helpers of the list extractors: numerals, enumerators, clause bounds (see lists_text.h).
#include "facts/lists_text.h"

#include <algorithm>

#include "common/utf8.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::facts::lists_detail {

bool starts_with_at(std::string_view s, std::size_t i, std::string_view w) {
  return i <= s.size() && s.substr(i).substr(0, w.size()) == w;
}

// ---------------------------------------------------------------------------------------------
// Numerals

Numeral numeral_at(std::string_view s, std::size_t i) {
  Numeral n;
  std::size_t j = i;
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    int v = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 4) v = v * 10 + (s[j++] - '0');
    if (j < s.size() && s[j] >= '0' && s[j] <= '9') return n;
    n.value = v;
    n.len = j - i;
    return n;
  }
  std::u32string digits;
  while (j < s.size()) {
    std::size_t k = j;
    const char32_t c = utf8::next(s, k);
    if (!text::is_small_numeral(c) || digits.size() >= 4) break;
    digits.push_back(c);
    j = k;
  }
  if (digits.empty()) return n;
  n.value = static_cast<int>(text::parse_counting(digits).value_or(-1));
  n.len = n.value > 0 ? j - i : 0;
  n.chinese = true;
  if (n.value <= 0) n.value = -1;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Enumerators

std::optional<Enumerator> enumerator_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return std::nullopt;
  std::size_t j = i;
  const char32_t c = utf8::next(s, j);
  if (c >= 0x2460 && c <= 0x2473) {  // ① … ⑳
    return Enumerator{EnumStyle::kCircled, static_cast<int>(c - 0x2460) + 1, j - i};
  }
  if (c == U'(' || c == U'（') {
    const Numeral n = numeral_at(s, j);
    if (n.value <= 0) return std::nullopt;
    std::size_t k = j + n.len;
    const char32_t close = utf8::next(s, k);
    if (close != U')' && close != U'）') return std::nullopt;
    return Enumerator{n.chinese ? EnumStyle::kParenChinese : EnumStyle::kParenArabic, n.value,
                      k - i};
  }
  const Numeral n = numeral_at(s, i);
  if (n.value <= 0) return std::nullopt;
  std::size_t k = i + n.len;
  if (k >= s.size()) return std::nullopt;
  std::size_t after = k;
  const char32_t sep = utf8::next(s, after);
  if (!n.chinese) {
    if (sep == U'、' || sep == U'．' ||
        (sep == U'.' && (after >= s.size() || !(s[after] >= '0' && s[after] <= '9')))) {
      return Enumerator{EnumStyle::kDotArabic, n.value, after - i};
    }
    return std::nullopt;
  }
  if (sep == U'是') return Enumerator{EnumStyle::kShiChinese, n.value, after - i};
  if (sep == U'、') return Enumerator{EnumStyle::kDunChinese, n.value, after - i};
  return std::nullopt;
}

// True when an enumerator may start at i: at the start of `floor`, after white space or after
// clause punctuation. Keeps `2.` inside `12.5` and `一是` inside `唯一是` from matching.
bool enum_boundary(std::string_view s, std::size_t i, std::size_t floor) {
  if (i <= floor) return true;
  std::size_t j = i;
  const char32_t p = utf8::prev(s, j);
  return utf8::is_space(p) || text::is_clause_end(p);
}

// The first enumerator with `style` and `number` at or after `from`, before `limit`.
std::optional<std::size_t> find_enumerator(std::string_view s, std::size_t from, std::size_t limit,
                                           EnumStyle style, int number) {
  limit = std::min(limit, s.size());
  for (std::size_t i = from; i < limit;) {
    if (enum_boundary(s, i, from)) {
      if (auto e = enumerator_at(s, i); e && e->style == style && e->number == number) return i;
    }
    i += std::max<std::size_t>(1, utf8::char_len(s, i));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

bool is_trailing_punct(char32_t c) { return text::is_clause_end(c) || c == U'、'; }

// Shrinks [b, e) past white space at both ends and trailing clause punctuation.
Span tidy(std::string_view s, std::size_t b, std::size_t e) {
  for (;;) {
    bool changed = false;
    while (b < e) {
      std::size_t j = b;
      if (!utf8::is_space(utf8::next(s, j)) || j > e) break;
      b = j;
      changed = true;
    }
    while (e > b) {
      std::size_t j = e;
      const char32_t c = utf8::prev(s, j);
      if (j < b || !(utf8::is_space(c) || is_trailing_punct(c))) break;
      e = j;
      changed = true;
    }
    if (!changed) break;
  }
  return Span{b, e};
}

bool is_clause_end(char32_t c) { return text::is_clause_end(c); }

// Start of the clause holding byte i, looking back at most kMaxClauseBytes.
std::size_t clause_start(std::string_view s, std::size_t i, std::size_t floor) {
  std::size_t j = i;
  while (j > floor && i - j < kMaxClauseBytes) {
    std::size_t k = j;
    if (is_clause_end(utf8::prev(s, k))) break;
    j = k;
  }
  return j;
}

std::size_t clause_end(std::string_view s, std::size_t i, std::size_t ceil) {
  std::size_t j = i;
  while (j < ceil && j - i < kMaxClauseBytes) {
    std::size_t k = j;
    if (is_clause_end(utf8::next(s, k))) break;
    j = k;
  }
  return j;
}

bool contains_any(std::string_view hay, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return hay.find(w) != std::string_view::npos; });
}

}  // namespace gwr::facts::lists_detail
