// normalize(): UTF-8 original → analysis text. See text.h for the contract.
//
// Three layers, each a MappedText over the previous one, composed at the end:
//   A  character folding (full-width ASCII, spaces, line ends, zero-width marks, 〇 spellings);
//   B  traditional → simplified, per paragraph (only when the text reads as traditional);
//   C  repairs of scraping artifacts, each recorded as a Warning.
// Repairs run on the simplified, folded text so their patterns need only ASCII punctuation
// and simplified unit words.
#include <algorithm>
#include <optional>

#include "common/data.h"
#include "common/utf8.h"
#include "text/chinese_script.h"
#include "text/numerals.h"
#include "text/text.h"

namespace gwr::text {

namespace {

// Spellings of 〇 seen in scraped and OCRed text.
bool is_ring_like(char32_t c) {
  return c == U'○' || c == U'◯' || c == U'О' || c == U'о' || c == 'O' || c == 'o' || c == '0' ||
         c == U'Ｏ' || c == U'０' || c == U'〇';
}
bool is_typographic_space(char32_t c) {
  return (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}
bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

std::string count_message(std::size_t n, const char* what) {
  return std::to_string(n) + " " + what;
}

// ---- layer A: character folding -------------------------------------------------------------

MappedText fold(std::string_view in, std::vector<Warning>& warnings) {
  MappedTextBuilder b(in);
  std::size_t run = 0;  // start of the pending unchanged stretch
  std::size_t n_wide = 0, n_space = 0, n_invisible = 0;
  std::size_t first_wide = Warning::kNoOffset, first_space = Warning::kNoOffset,
              first_invisible = Warning::kNoOffset;
  char32_t prev = 0;  // last code point written
  std::string rep;
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(in[i]);
    if (byte >= 0x80 || byte == '\r' || byte == 'O' || byte == 'o' || byte == '0') {
      const char32_t c = utf8::next(in, i);
      std::optional<char32_t> to;  // replacement; 0 = delete
      if (c == '\r') {
        to = U'\n';
        if (i < in.size() && in[i] == '\n') ++i;
      } else if (c >= 0xFF01 && c <= 0xFF5E) {
        to = c - 0xFEE0;
        if (n_wide++ == 0) first_wide = at;
      } else if (c == 0x3000) {
        to = U' ';
        if (n_wide++ == 0) first_wide = at;
      } else if (c == 0xA0 || is_typographic_space(c)) {
        to = U' ';
        if (n_space++ == 0) first_space = at;
      } else if (c == 0x2028 || c == 0x2029) {
        to = U'\n';
      } else if (is_invisible(c)) {
        to = 0;
        if (n_invisible++ == 0) first_invisible = at;
      }
      if (is_ring_like(c) && c != U'〇' && is_cn_digit(prev)) {
        // 〇 when more 〇-like characters and then a Chinese digit follow: 二○二四, 二0二0.
        std::size_t j = i;
        char32_t next = 0;
        while (j < in.size()) {
          next = utf8::next(in, j);
          if (!is_ring_like(next)) break;
        }
        if (is_cn_digit(next)) to = U'〇';
      }
      if (to) {
        b.copy(run, at);
        rep.clear();
        if (*to != 0) utf8::append(rep, *to);
        b.replace(at, i, rep);
        run = i;
        if (*to != 0) prev = *to;
      } else {
        prev = c;
      }
      continue;
    }
    prev = byte;
    ++i;
  }
  b.copy(run, in.size());
  if (n_wide > 0) {
    warnings.push_back({"fullwidth_folded",
                        count_message(n_wide, "full-width characters folded to ASCII"),
                        first_wide});
  }
  if (n_space > 0) {
    warnings.push_back({"nbsp",
                        count_message(n_space,
                                      "non-breaking or typographic spaces "
                                      "replaced by ' '"),
                        first_space});
  }
  if (n_invisible > 0) {
    warnings.push_back({"zero_width_removed",
                        count_message(n_invisible, "zero-width or soft-hyphen characters removed"),
                        first_invisible});
  }
  return std::move(b).finish();
}

// ---- layer B: traditional → simplified ------------------------------------------------------

// Appends the simplified form of src[begin, end): char by char when the conversion keeps the
// number of characters, otherwise sentence by sentence, otherwise as one replaced piece.
void simplify_span(const ScriptConverter& conv, std::string_view src, std::size_t begin,
                   std::size_t end, bool split_sentences, MappedTextBuilder& b) {
  const std::string_view part = src.substr(begin, end - begin);
  const std::string out = conv.to_simplified(part);
  if (out == part) {
    b.copy(begin, end);
    return;
  }
  if (utf8::length(out) == utf8::length(part)) {
    std::size_t i = begin, o = 0;
    while (i < end) {
      const std::size_t ci = i, co = o;
      utf8::next(src, i);
      utf8::next(out, o);
      if (src.substr(ci, i - ci) == std::string_view(out).substr(co, o - co)) {
        b.copy(ci, i);
      } else {
        b.replace(ci, i, std::string_view(out).substr(co, o - co));
      }
    }
    return;
  }
  if (split_sentences) {
    std::size_t s = begin;
    for (std::size_t i = begin; i < end;) {
      const char32_t c = utf8::next(src, i);
      if (c == U'。' || c == '!' || c == '?' || c == ';' || c == ',' || c == U'，' || i == end) {
        simplify_span(conv, src, s, i, false, b);
        s = i;
      }
    }
    return;
  }
  b.replace(begin, end, out);
}

MappedText simplify(std::string_view in) {
  const ScriptConverter& conv = ScriptConverter::instance();
  MappedTextBuilder b(in);
  for (std::size_t p = 0; p < in.size();) {
    std::size_t nl = in.find('\n', p);
    if (nl == std::string_view::npos) nl = in.size();
    simplify_span(conv, in, p, nl, true, b);
    if (nl < in.size()) b.copy(nl, nl + 1);
    p = nl + 1;
  }
  return std::move(b).finish();
}

// ---- layer C: repairs -----------------------------------------------------------------------

struct Repair {
  std::size_t begin, end;  // bytes of the layer-B text to delete
  const char* code;
  std::string message;  // empty: part of an earlier repair, no warning of its own
  std::size_t warn_at;  // layer-B offset the warning points at
};

// A line of 3+ Han characters separated by one to three spaces (`政 府 工 作 报 告`),
// optionally ending in a colon. Collects the spaces to delete.
void spaced_title(std::string_view s, std::size_t lb, std::size_t le, std::vector<Repair>& out) {
  const std::string_view line = utf8::trim(s.substr(lb, le - lb));
  if (line.empty()) return;
  const std::size_t base = static_cast<std::size_t>(line.data() - s.data());
  std::vector<Repair> gaps;
  std::size_t han = 0;
  std::string joined;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = utf8::next(line, i);
    if (!utf8::is_han(c)) {
      if ((c == ':' || c == U'：') && i == line.size() && han > 0) break;
      return;
    }
    ++han;
    utf8::append(joined, c);
    if (i == line.size()) break;
    std::size_t sp = i;
    while (sp < line.size() && line[sp] == ' ') ++sp;
    if (sp - i < 1 || sp - i > 3 || sp == line.size()) return;
    gaps.push_back({base + i, base + sp, "spaced_title", "", base});
    i = sp;
  }
  if (han < 3) return;
  gaps.front().message = "joined letter-spaced heading '" + joined + "'";
  for (auto& g : gaps) out.push_back(g);
}

std::vector<Repair> find_repairs(std::string_view s, const Lexicon& lex) {
  std::vector<Repair> out;
  for (std::size_t lb = 0; lb < s.size();) {
    std::size_t le = s.find('\n', lb);
    if (le == std::string_view::npos) le = s.size();
    spaced_title(s, lb, le, out);
    lb = le + 1;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch != ';' && ch != ' ') continue;
    std::size_t p = i;
    const char32_t before = i > 0 ? utf8::prev(s, p) : 0;
    if (ch == ';') {
      if (utf8::is_ascii_digit(before)) {
        // `53;万人`: digits then a unit; but `第1;建筑业` ends an ordinal clause.
        std::size_t d = i;
        while (d > 0 && utf8::is_ascii_digit(static_cast<unsigned char>(s[d - 1]))) --d;
        std::size_t q = d;
        const bool ordinal = d > 0 && utf8::prev(s, q) == U'第';
        if (!ordinal && !lex.vocab.list("unit").match_at(s, i + 1).empty()) {
          out.push_back({i, i + 1, "stray_semicolon",
                         "removed ';' between a number and its unit (left over from '&nbsp;')", i});
        }
      } else if (before == U'。' || before == '!' || before == '?') {
        // `成立100周年!;` and runs like `。;;;;`: one repair for the whole run.
        std::size_t j = i;
        while (j < s.size() && s[j] == ';') ++j;
        out.push_back(
            {i, j, "stray_semicolon", "removed ';' after end-of-sentence punctuation", i});
        i = j - 1;
      }
      continue;
    }
    // `十 一、`: a space inside a Chinese numeral that ends in an enumeration comma.
    if (!is_small_numeral(before)) continue;
    std::size_t j = i + 1;
    while (j < s.size() && s[j] == ' ' && j - i < 2) ++j;
    std::size_t k = j;
    std::size_t digits = 0;
    char32_t after = 0;
    while (k < s.size()) {
      std::size_t k2 = k;
      after = utf8::next(s, k2);
      if (!is_small_numeral(after)) break;
      ++digits;
      k = k2;
    }
    if (digits > 0 && digits <= 3 && (after == U'、' || after == ')' || after == U'）')) {
      out.push_back(
          {i, j, "split_enumerator", "removed a space inside the enumerator before '、'", i});
      i = j - 1;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Repair& a, const Repair& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

Result<Lexicon> Lexicon::load() {
  auto v = data::Vocabulary::load("text_number_units.tsv", {"unit"});
  if (!v) return v.error();
  return Lexicon{std::move(v).value()};
}

Normalized normalize(std::string_view original, const Lexicon& lex,
                     std::vector<Warning>& warnings) {
  Normalized result;
  MappedText a = fold(original, warnings);

  MappedText ab;  // layer B with its map straight to `original`
  if (looks_traditional(a.text)) {
    result.traditional = true;
    if (!ScriptConverter::instance().available()) {
      warnings.push_back({"opencc_unavailable",
                          "text looks traditional but cannot be converted: " +
                              ScriptConverter::instance().load_error(),
                          Warning::kNoOffset});
      ab = std::move(a);
    } else {
      MappedText b = simplify(a.text);
      ab.text = std::move(b.text);
      ab.map = compose(b.map, a.map);
    }
  } else {
    ab = std::move(a);
  }

  const std::vector<Repair> repairs = find_repairs(ab.text, lex);
  if (repairs.empty()) {
    result.text = std::move(ab);
    return result;
  }
  MappedTextBuilder c(ab.text);
  std::size_t run = 0;
  for (const Repair& r : repairs) {
    if (r.begin < run) continue;  // overlapping repairs: the first wins
    c.copy(run, r.begin);
    c.replace(r.begin, r.end, "");
    run = r.end;
    if (!r.message.empty()) warnings.push_back({r.code, r.message, ab.map.start(r.warn_at)});
  }
  c.copy(run, ab.text.size());
  MappedText ct = std::move(c).finish();
  result.text.text = std::move(ct.text);
  result.text.map = compose(ct.map, ab.map);
  return result;
}

}  // namespace gwr::text
