#include "sections/headings.h"

#include <optional>

#include "common/utf8.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::sections {
namespace {

// A heading never runs past a sentence end or a semicolon.
bool is_sentence_end(char32_t c) { return text::is_sentence_end(c) || text::is_semicolon(c); }
using text::is_colon;
bool is_closing_quote(char32_t c) { return text::is_closing_mark(c); }
bool is_open_paren(char32_t c) { return c == U'(' || c == U'（'; }
bool is_close_paren(char32_t c) { return c == U')' || c == U'）'; }

struct Enumerator {
  Kind kind;
  int number;
  std::size_t content;  // first byte after the enumerator
};

std::size_t skip_spaces(std::string_view t, std::size_t i, std::size_t end) {
  while (i < end) {
    std::size_t j = i;
    if (!utf8::is_space(utf8::next(t, j))) break;
    i = j;
  }
  return i;
}

// Chinese numeral starting at i; allows one stray space between its characters (`十 一、`).
std::optional<int> read_han(std::string_view t, std::size_t& i, std::size_t end) {
  std::u32string digits;
  std::size_t j = i;
  while (j < end) {
    std::size_t k = j;
    char32_t c = utf8::next(t, k);
    if (c == U' ' && !digits.empty() && k < end && text::is_small_numeral(utf8::at(t, k))) {
      c = utf8::next(t, k);
    }
    if (!text::is_small_numeral(c)) break;
    digits.push_back(c);
    j = k;
  }
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  const auto n = text::parse_counting(digits);
  if (!n || *n <= 0) return std::nullopt;
  i = j;
  return static_cast<int>(*n);
}

std::optional<int> read_arabic(std::string_view t, std::size_t& i, std::size_t end) {
  int n = 0;
  std::size_t j = i;
  int count = 0;
  // Enumerators have one or two digits; longer runs are counted but never accumulated, so a
  // heading that opens with a long number cannot overflow.
  while (j < end && t[j] >= '0' && t[j] <= '9') {
    if (count < 2) n = n * 10 + (t[j] - '0');
    ++j;
    ++count;
  }
  if (count == 0 || count > 2 || n == 0) return std::nullopt;
  i = j;
  return n;
}

std::optional<Enumerator> parse_enumerator(std::string_view t, std::size_t s, std::size_t end) {
  std::size_t i = s;
  if (i >= end) return std::nullopt;
  const char32_t first = utf8::at(t, i);
  if (first == U'第') {
    std::size_t j = i + utf8::char_len(t, i);
    auto n = read_han(t, j, end);
    if (!n) return std::nullopt;
    std::size_t k = j;
    const char32_t c = utf8::next(t, k);
    if (c == U'部') {
      if (utf8::next(t, k) != U'分') return std::nullopt;
    } else if (c != U'篇' && c != U'章') {
      return std::nullopt;
    }
    const std::size_t before_sep = k;
    const char32_t sep = k < end ? utf8::next(t, k) : U'\0';
    if (!(sep == U'、' || is_colon(sep))) k = before_sep;
    return Enumerator{Kind::kPart, *n, skip_spaces(t, k, end)};
  }
  if (is_open_paren(first)) {
    std::size_t j = i + utf8::char_len(t, i);
    Kind kind = Kind::kParenHan;
    auto n = read_han(t, j, end);
    if (!n) {
      n = read_arabic(t, j, end);
      kind = Kind::kParenArabic;
    }
    if (!n || j >= end || !is_close_paren(utf8::next(t, j))) return std::nullopt;
    return Enumerator{kind, *n, skip_spaces(t, j, end)};
  }
  if (first >= U'①' && first <= U'⑳') {
    std::size_t j = i + utf8::char_len(t, i);
    return Enumerator{Kind::kParenArabic, static_cast<int>(first - U'①') + 1, j};
  }
  std::size_t j = i;
  if (auto n = read_han(t, j, end)) {
    if (j >= end || utf8::next(t, j) != U'、') return std::nullopt;
    // `一、二级`, `一、二、三产业`: a list of numerals, not an enumerator.
    const char32_t next = j < end ? utf8::at(t, j) : U'\0';
    if (text::is_small_numeral(next) && next != U'〇' && next != U'零') return std::nullopt;
    return Enumerator{Kind::kHan, *n, skip_spaces(t, j, end)};
  }
  j = i;
  if (auto n = read_arabic(t, j, end)) {
    if (j >= end) return std::nullopt;
    const char32_t sep = utf8::next(t, j);
    if (sep != U'.' && sep != U'、' && sep != U'．') return std::nullopt;
    if (j < end && utf8::is_ascii_digit(utf8::at(t, j))) return std::nullopt;  // 1.5万人
    return Enumerator{Kind::kArabic, *n, skip_spaces(t, j, end)};
  }
  return std::nullopt;
}

// Type of a numbered heading: first non-reject rule that matches.
SectionType numbered_type(const Lexicon& lx, std::string_view heading) {
  for (const TypeRule& rule : lx.types) {
    if (rule.role == Role::kReject) continue;
    bool all = true;
    for (const Pattern& p : rule.all_of) all = all && contains(heading, p);
    if (all) return rule.type;
  }
  return SectionType::kOther;
}

class Finder {
 public:
  Finder(std::string_view t, const Lexicon& lx) : t_(t), lx_(lx) {}

  std::optional<Candidate> at(std::size_t s, std::size_t ls, std::size_t le, bool colon_only,
                              bool after_excl) const {
    const auto e = parse_enumerator(t_, s, le);
    if (!e && colon_only) return std::nullopt;
    std::optional<Candidate> c;
    if (s == ls)
      c = line_start(s, le, e);
    else if (e)
      c = glued_numbered(s, le, *e);
    else
      c = glued_vocab(s, le);
    if (!c) return std::nullopt;
    c->glued = s != ls;
    c->after_exclamation = after_excl;
    if (e) {
      c->kind = e->kind;
      c->number = e->number;
      c->type = numbered_type(lx_, t_.substr(e->content, c->span.end - e->content));
    }
    return c;
  }

 private:
  std::size_t trim_end(std::size_t s, std::size_t e) const {
    while (e > s) {
      std::size_t j = e;
      if (!utf8::is_space(utf8::prev(t_, j))) break;
      e = j;
    }
    return e;
  }

  // Unnumbered heading text → candidate when the vocabulary names it a heading.
  std::optional<Candidate> vocab(Span span, bool need_end_word) const {
    const std::string_view h = t_.substr(span.begin, span.size());
    const auto rule = lx_.classify(h);
    if (!rule) return std::nullopt;
    if (rule->role != Role::kPart && rule->role != Role::kList && rule->role != Role::kAppendix)
      return std::nullopt;
    if (need_end_word && rule->role != Role::kAppendix &&
        !lx_.heading_end_before(t_, span.begin, span.end))
      return std::nullopt;
    Candidate c;
    c.span = span;
    c.kind = Kind::kVocab;
    c.type = rule->type;
    c.role = rule->role;
    return c;
  }

  std::optional<Candidate> line_start(std::size_t s, std::size_t le,
                                      const std::optional<Enumerator>& e) const {
    const std::size_t te = trim_end(s, le);
    std::size_t chars = 0;
    std::size_t inner_ends = 0;
    char32_t last = 0;
    for (std::size_t i = s; i < te;) {
      last = utf8::next(t_, i);
      ++chars;
      if (is_sentence_end(last) && i < te) ++inner_ends;
    }
    if (chars <= kMaxLineHeading && inner_ends == 0) {
      std::size_t end = te;
      if (is_sentence_end(last)) end = te - utf8::encode(last).size();
      if (e) {
        if (end <= e->content) return std::nullopt;
        // `1.术语:释义` — the heading is the term.
        for (std::size_t i = e->content; i < end;) {
          const std::size_t at = i;
          if (is_colon(utf8::next(t_, i)) && at > e->content && i < end) {
            end = at;
            break;
          }
        }
        Candidate c;
        c.span = {s, end};
        return c;
      }
      if (is_sentence_end(last) || last == U',' || last == U'，') return std::nullopt;
      auto c = vocab({s, end}, false);
      if (c && is_colon(last) && c->role != Role::kAppendix) return std::nullopt;
      return c;
    }
    if (!e) return glued_vocab(s, le);
    return run_in(s, le, e->content);
  }

  // The lead sentence of a paragraph as its heading: up to the first sentence end or colon.
  std::optional<Candidate> run_in(std::size_t s, std::size_t le, std::size_t content) const {
    std::size_t chars = 0;
    for (std::size_t p = content; p < le && chars <= kMaxRunIn; ++chars) {
      std::size_t q = p;
      const char32_t c = utf8::next(t_, q);
      if (is_sentence_end(c) || is_colon(c)) {
        if (p == content) return std::nullopt;
        Candidate out;
        out.span = {s, trim_end(s, p)};
        out.run_in = true;
        return out;
      }
      p = q;
    }
    Candidate out;
    std::size_t p = content;
    for (std::size_t n = 0; n < kMaxRunIn && p < le; ++n) p += utf8::char_len(t_, p);
    out.span = {s, trim_end(s, p)};
    out.run_in = true;
    out.uncertain_end = p < le;
    return out;
  }

  std::optional<Candidate> glued_numbered(std::size_t s, std::size_t le,
                                          const Enumerator& e) const {
    std::size_t p = e.content;
    for (int n = 0; n < 2 && p < le; ++n) p += utf8::char_len(t_, p);
    std::size_t chars = 2;
    for (; p < le && chars <= kMaxGluedHeading; ++chars) {
      const char32_t c = utf8::at(t_, p);
      Candidate out;
      out.span = {s, p};
      if (utf8::is_space(c) || lx_.opener_at(t_, p)) return out;
      if (is_sentence_end(c) || is_colon(c)) {
        out.run_in = true;
        return out;
      }
      if (lx_.heading_end_before(t_, e.content, p) && !lx_.connective(c) &&
          !lx_.heading_end_at(t_, p) && !is_closing_quote(c) && c != U'“' && c != U'《') {
        if (auto lead = run_in(s, le, e.content); lead && !lead->uncertain_end)
          out.lead = lead->span;
        return out;
      }
      p += utf8::char_len(t_, p);
    }
    if (p >= le) {
      Candidate out;
      out.span = {s, trim_end(s, le)};
      return out;
    }
    return run_in(s, le, e.content);
  }

  std::optional<Candidate> glued_vocab(std::size_t s, std::size_t le) const {
    std::size_t p = s;
    for (std::size_t chars = 0; chars <= kMaxVocabHeading; ++chars) {
      if (p >= le) return chars >= 4 ? vocab({s, trim_end(s, le)}, true) : std::nullopt;
      const char32_t c = utf8::at(t_, p);
      if (is_sentence_end(c)) return std::nullopt;
      if (chars >= 4) {
        if (utf8::is_space(c)) return vocab({s, p}, true);
        if (is_colon(c)) {  // a lead-in (…重点工作:) unless it names an appendix (名词解释:)
          auto v = vocab({s, p}, true);
          return v && v->role == Role::kAppendix ? v : std::nullopt;
        }
        if (lx_.opener_at(t_, p)) {
          if (auto v = vocab({s, p}, true)) return v;
        }
      }
      p += utf8::char_len(t_, p);
    }
    return std::nullopt;
  }

  std::string_view t_;
  const Lexicon& lx_;
};

}  // namespace

namespace {

// A line that ends in the middle of a sentence: long, and its last character is not punctuation.
bool ends_mid_sentence(std::string_view t, std::size_t ls, std::size_t le) {
  const std::string_view line = utf8::trim(t.substr(ls, le - ls));
  if (utf8::length(line) < kWrappedLineMin) return false;
  std::size_t i = line.size();
  const char32_t c = utf8::prev(line, i);
  return utf8::is_han(c) || utf8::is_ascii_digit(c);
}

// Hard-wrapped text (PDF, fixed-width pages): most long lines end mid-sentence.
bool looks_wrapped(std::string_view t, std::size_t begin, std::size_t end) {
  std::size_t long_lines = 0, open_lines = 0;
  for (std::size_t ls = begin; ls < end;) {
    std::size_t le = t.find('\n', ls);
    if (le == std::string_view::npos || le > end) le = end;
    if (utf8::length(utf8::trim(t.substr(ls, le - ls))) >= kWrappedLineMin) {
      ++long_lines;
      if (ends_mid_sentence(t, ls, le)) ++open_lines;
    }
    ls = le + 1;
  }
  return long_lines >= 5 && open_lines * 3 >= long_lines;
}

}  // namespace

std::vector<Candidate> find_candidates(std::string_view text, Span body, const Lexicon& lx) {
  std::vector<Candidate> out;
  const Finder finder(text, lx);
  const std::size_t end = std::min(body.end, text.size());
  std::size_t ls = std::min(body.begin, end);
  const bool wrapped = looks_wrapped(text, ls, end);
  bool prev_excl = false;  // the previous non-empty line ended with an exclamation
  bool prev_open = false;  // the previous non-empty line ends mid-sentence (wrapped text only)
  while (ls < end) {
    std::size_t le = text.find('\n', ls);
    if (le == std::string_view::npos || le > end) le = end;
    const std::size_t first = skip_spaces(text, ls, le);
    std::size_t floor = first;  // candidates may not start inside the previous one
    auto consider = [&](std::size_t s, bool colon_only, bool excl) {
      if (s >= le || s < floor) return;
      if (auto c = finder.at(s, first, le, colon_only, excl)) {
        floor = c->span.end;
        out.push_back(*c);
      }
    };
    // In hard-wrapped text a line that continues an open sentence cannot start a heading
    // (…坚持生态第\n一、民生优先…).
    if (!prev_open) consider(first, false, prev_excl);
    char32_t last = 0;
    for (std::size_t i = first; i < le;) {
      const std::size_t at = i;
      const char32_t c = utf8::next(text, i);
      if (utf8::is_space(c) && last != 0 && !is_sentence_end(last)) {
        // In text scraped onto one line a space may stand for a line break: the first item
        // after a heading (名词解释 1.…) or an unnumbered heading (…局 名词解释).
        const std::size_t s = skip_spaces(text, i, le);
        // A numbered one also counts when it continues the previous candidate's sequence
        // (… 责任单位:某局 2.…).
        const bool after_heading = !out.empty() && !out.back().run_in && out.back().span.end == at;
        const auto e = s < le ? parse_enumerator(text, s, le) : std::nullopt;
        const bool continues =
            e && !out.empty() && out.back().kind == e->kind && out.back().number + 1 == e->number;
        if (s > floor && s < le && (after_heading || continues || !e)) {
          if (auto cand = finder.at(s, first, le, false, false);
              cand && (after_heading || continues || cand->role == Role::kAppendix ||
                       cand->role == Role::kPart)) {
            floor = cand->span.end;
            out.push_back(*cand);
          }
        }
      }
      if (!utf8::is_space(c)) last = c;
      if (!is_sentence_end(c) && !is_colon(c)) continue;
      std::size_t j = i;
      while (j < le && is_closing_quote(utf8::at(text, j))) j += utf8::char_len(text, j);
      consider(skip_spaces(text, j, le), is_colon(c), c == U'!' || c == U'！');
    }
    if (first < le) {
      prev_excl = last == U'!' || last == U'！';
      const bool was_heading = !out.empty() && out.back().span.begin == first;
      prev_open = wrapped && !was_heading && ends_mid_sentence(text, ls, le);
    }
    ls = le + 1;
  }
  return out;
}

}  // namespace gwr::sections
