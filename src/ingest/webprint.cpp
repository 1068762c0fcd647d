#include "ingest/webprint.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "common/utf8.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::ingest {
namespace {

struct Line {
  std::size_t begin = 0;  // [begin, end) without the '\n'
  std::size_t end = 0;
  std::size_t page = 0;
  bool keep = true;
  std::optional<std::string> content;  // replacement text when repaired
  bool join_next = false;              // the '\n' after this line is dropped
};

bool digit(char c) { return c >= '0' && c <= '9'; }

std::size_t digits(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && digit(s[j])) ++j;
  return j - i;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t b = i;
    const char32_t c = utf8::next(s, i);
    if (!utf8::is_space(c)) out.append(s.substr(b, i - b));
  }
  return out;
}

// `2024/3/5 10:21 …` or `2024-03-05 10:21 …`: a browser's print stamp at the start of a line.
bool is_print_stamp(std::string_view l) {
  std::size_t i = digits(l, 0);
  if (i < 1 || i > 4 || i >= l.size()) return false;
  const char sep = l[i];
  if (sep != '/' && sep != '-') return false;
  for (int part = 0; part < 2; ++part) {
    if (i >= l.size() || l[i] != sep) return false;
    const std::size_t d = digits(l, i + 1);
    if (d < 1 || d > 4) return false;
    i += 1 + d;
  }
  while (i < l.size() && l[i] == ' ') ++i;
  const std::size_t h = digits(l, i);
  const bool time =
      h >= 1 && h <= 2 && i + h < l.size() && l[i + h] == ':' && digits(l, i + h + 1) == 2;
  return time || sep == '/';
}

bool is_url(std::string_view l) {
  return l.find("http://") != std::string_view::npos ||
         l.find("https://") != std::string_view::npos ||
         l.find("file://") != std::string_view::npos || l.substr(0, 4) == "www.";
}

// `1/15`, `- 3 -`, `3`, `第1页共15页`, `第 1 页 / 共 15 页` (spaces already removed).
bool is_counter(const std::string& k) {
  std::string_view s(k);
  if (s.empty()) return false;
  std::size_t i = digits(s, 0);
  if (i > 0 && i <= 3) {
    if (i == s.size()) return true;
    if (s[i] == '/' && digits(s, i + 1) == s.size() - i - 1 && s.size() - i - 1 <= 3) return true;
  }
  if (s.size() >= 3 && s.front() == '-' && s.back() == '-') {
    const std::size_t d = digits(s, 1);
    return d > 0 && d + 2 == s.size();
  }
  if (s.substr(0, 3) == "第") {
    const std::size_t d = digits(s, 3);
    if (d == 0 || s.substr(3 + d, 3) != "页") return false;
    std::string_view rest = s.substr(6 + d);
    for (std::string_view p : {"/", ",", ","}) {
      if (rest.substr(0, p.size()) == p) rest.remove_prefix(p.size());
    }
    if (rest.empty()) return true;
    if (rest.substr(0, 3) != "共") return false;
    const std::size_t m = digits(rest, 3);
    return m > 0 && rest.substr(3 + m) == "页";
  }
  return false;
}

// Removes the spaces of a letter-spaced line (`政 府 工 作 报 告`); nullopt when it is not one.
std::optional<std::string> despace(std::string_view l) {
  std::vector<std::string_view> tokens;
  std::size_t pos = 0;
  while (pos < l.size()) {
    while (pos < l.size() && l[pos] == ' ') ++pos;
    std::size_t e = pos;
    while (e < l.size() && l[e] != ' ') ++e;
    if (e > pos) tokens.push_back(l.substr(pos, e - pos));
    pos = e;
  }
  if (tokens.size() < 4) return std::nullopt;
  std::size_t single = 0;
  for (std::string_view t : tokens) {
    const std::size_t n = utf8::length(t);
    if (n > 2) return std::nullopt;
    if (n == 1) ++single;
  }
  if (single * 10 < tokens.size() * 7) return std::nullopt;
  std::string out;
  for (std::string_view t : tokens) out.append(t);
  return out;
}

// `XX` → `X` for a short line holding the same text twice.
std::optional<std::string> undouble(std::string_view l) {
  const std::u32string u = utf8::to_u32(l);
  if (u.size() < 4 || u.size() > 120 || u.size() % 2 != 0) return std::nullopt;
  const std::size_t h = u.size() / 2;
  if (u.compare(0, h, u, h, h) != 0) return std::nullopt;
  return utf8::from_u32(std::u32string_view(u).substr(0, h));
}

std::size_t width(std::string_view l) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < l.size();) w += utf8::next(l, i) < 0x80 ? 1 : 2;
  return w;
}

bool ends_sentence(std::string_view l) { return text::line_ends_sentence(l); }

bool is_han_numeral(char32_t c) { return text::is_small_numeral(c); }

// A numbered heading at the start of a line: 一、 (一) (一) 第一部分 1、 1.x (not 1.5).
bool opens_heading(std::string_view l) {
  const std::u32string u = utf8::to_u32(l.substr(0, 40));
  std::size_t i = 0;
  if (i < u.size() && (u[i] == U'(' || u[i] == U'（')) {
    ++i;
    while (i < u.size() && (is_han_numeral(u[i]) || (u[i] >= U'0' && u[i] <= U'9'))) ++i;
    return i > 1 && i < u.size() && (u[i] == U')' || u[i] == U'）');
  }
  if (i < u.size() && u[i] == U'第') {
    ++i;
    while (i < u.size() && is_han_numeral(u[i])) ++i;
    return i > 1 && i < u.size() && (u[i] == U'部' || u[i] == U'章');
  }
  const bool han = i < u.size() && is_han_numeral(u[i]);
  while (i < u.size() && (han ? is_han_numeral(u[i]) : (u[i] >= U'0' && u[i] <= U'9'))) ++i;
  if (i == 0 || i >= u.size()) return false;
  if (u[i] == U'、') return true;
  return !han && (u[i] == U'.' || u[i] == U'．') && i + 1 < u.size() &&
         !(u[i + 1] >= U'0' && u[i + 1] <= U'9');
}

std::string_view trimmed(std::string_view text, const Line& l) {
  return utf8::trim(text.substr(l.begin, l.end - l.begin));
}

void warn(std::vector<Warning>& w, const char* code, std::size_t count, const std::string& what,
          std::size_t at) {
  if (count == 0) return;
  w.push_back(Warning{code, "PDF text: " + what + " (" + std::to_string(count) + ")", at});
}

}  // namespace

MappedText clean_pdf_text(std::string_view text, const std::vector<std::size_t>& page_begins,
                          std::vector<Warning>& warnings) {
  std::vector<Line> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const auto page = static_cast<std::size_t>(
        std::upper_bound(page_begins.begin(), page_begins.end(), pos) - page_begins.begin());
    Line ln;
    ln.begin = pos;
    ln.end = nl;
    ln.page = page == 0 ? 0 : page - 1;
    lines.push_back(std::move(ln));
    if (nl == text.size()) break;
    pos = nl + 1;
  }

  // 1. Running headers and footers: the edge lines of each page.
  std::map<std::size_t, std::vector<std::size_t>> by_page;  // page → non-blank line indices
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!trimmed(text, lines[i]).empty()) by_page[lines[i].page].push_back(i);
  }
  std::vector<std::size_t> edges;
  for (const auto& [page, idx] : by_page) {
    for (std::size_t k = 0; k < idx.size(); ++k) {
      if (k < 3 || k + 3 >= idx.size()) edges.push_back(idx[k]);
    }
  }
  std::map<std::string, std::set<std::size_t>> edge_pages;  // line key → pages it is an edge of
  for (std::size_t i : edges)
    edge_pages[without_spaces(trimmed(text, lines[i]))].insert(lines[i].page);
  const std::size_t pages = by_page.size();
  std::size_t chrome = 0, first_chrome = text.size();
  for (std::size_t i : edges) {
    const std::string_view l = trimmed(text, lines[i]);
    const std::string key = without_spaces(l);
    const bool repeated =
        pages >= 2 && edge_pages[key].size() * 2 >= pages && edge_pages[key].size() >= 2;
    if (is_print_stamp(l) || is_url(l) || is_counter(key) || repeated) {
      lines[i].keep = false;
      ++chrome;
      first_chrome = std::min(first_chrome, lines[i].begin);
    }
  }
  warn(warnings, "pdf_print_chrome", chrome,
       "dropped running header/footer lines (print date, page title, URL, page counter)",
       first_chrome);

  // 2. Letter-spaced and repeated headings.
  std::size_t spaced = 0, doubled = 0, first_spaced = text.size(), first_doubled = text.size();
  std::string prev_key;
  std::size_t prev_line = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& ln = lines[i];
    if (!ln.keep) continue;
    const std::string_view l = trimmed(text, ln);
    if (l.empty()) {
      continue;
    }
    std::string cur(l);
    bool changed = false;
    if (auto d = despace(cur)) {
      cur = *d;
      changed = true;
      ++spaced;
      first_spaced = std::min(first_spaced, ln.begin);
    }
    if (auto u = undouble(cur)) {
      cur = *u;
      changed = true;
      ++doubled;
      first_doubled = std::min(first_doubled, ln.begin);
    }
    if (prev_line < lines.size() && cur == prev_key && utf8::length(cur) <= 40 &&
        !ends_sentence(cur)) {
      ln.keep = false;  // the same heading again on the next line
      ++doubled;
      first_doubled = std::min(first_doubled, ln.begin);
      continue;
    }
    if (changed) ln.content = cur;
    prev_key = cur;
    prev_line = i;
  }
  warn(warnings, "pdf_spaced_heading", spaced, "removed the spaces of letter-spaced lines",
       first_spaced);
  warn(warnings, "pdf_repeated_heading", doubled, "kept one copy of headings printed twice",
       first_doubled);

  // 3. Lines broken mid-sentence.
  auto text_of = [&](const Line& ln) -> std::string_view {
    return ln.content ? std::string_view(*ln.content) : trimmed(text, ln);
  };
  std::vector<std::size_t> widths;
  for (const Line& ln : lines) {
    if (!ln.keep) continue;
    const std::size_t w = width(text_of(ln));
    if (w >= 20) widths.push_back(w);
  }
  std::size_t joined = 0, first_joined = text.size();
  if (widths.size() >= 3) {
    std::sort(widths.begin(), widths.end());
    const std::size_t column = widths[(widths.size() - 1) * 9 / 10];
    const std::size_t full = column * 85 / 100;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Line& ln = lines[i];
      const std::string_view l = text_of(ln);
      if (!ln.keep || l.empty() || width(l) < full || ends_sentence(l)) continue;
      // The next kept line; blank lines stop the join unless a page break is in between.
      std::size_t j = i + 1;
      bool blocked = false;
      while (j < lines.size() && (!lines[j].keep || trimmed(text, lines[j]).empty())) {
        if (lines[j].keep && lines[j].page == ln.page) blocked = true;
        ++j;
      }
      if (blocked || j >= lines.size() || opens_heading(text_of(lines[j]))) continue;
      for (std::size_t k = i; k < j; ++k) {
        lines[k].join_next = true;
        if (k > i) lines[k].keep = false;  // blank lines at the page break
      }
      ++joined;
      first_joined = std::min(first_joined, ln.end);
    }
  }
  warn(warnings, "pdf_lines_joined", joined, "re-joined lines broken inside a sentence",
       first_joined);

  MappedTextBuilder b(text);
  bool joined_from_prev = false;
  for (const Line& ln : lines) {
    const std::size_t after = ln.end < text.size() ? ln.end + 1 : ln.end;
    if (!ln.keep) {
      b.replace(ln.begin, after, "");
      continue;
    }
    const std::string_view t = trimmed(text, ln);
    const std::size_t tb = t.empty() ? ln.begin : static_cast<std::size_t>(t.data() - text.data());
    const std::size_t te = t.empty() ? ln.end : tb + t.size();
    if (joined_from_prev) {
      b.replace(ln.begin, tb, "");  // the indent of a continuation line
    } else {
      b.copy(ln.begin, tb);
    }
    if (ln.content) {
      b.replace(tb, te, *ln.content);
    } else {
      b.copy(tb, te);
    }
    if (ln.join_next) {
      b.replace(te, after, "");
    } else {
      b.copy(te, after);
    }
    joined_from_prev = ln.join_next;
  }
  return std::move(b).finish();
}

MappedText unwrap_text(std::string_view text, std::vector<Warning>& warnings) {
  struct L {
    std::size_t begin, end;  // the line without its '\n'
    std::string_view t;      // trimmed
  };
  std::vector<L> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back({pos, nl, utf8::trim(text.substr(pos, nl - pos))});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  std::vector<std::size_t> widths;
  for (const L& l : lines) {
    if (const std::size_t w = width(l.t); w >= 20) widths.push_back(w);
  }
  if (widths.size() < 5) return MappedText{std::string(text), OffsetMap::identity(text.size())};
  std::sort(widths.begin(), widths.end());
  const std::size_t column = widths[(widths.size() - 1) * 9 / 10];
  const std::size_t full = column * 85 / 100;
  auto broken = [&](const L& l) {
    return !l.t.empty() && width(l.t) >= full && !ends_sentence(l.t);
  };
  const auto n_broken = static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), broken));
  // Hard-wrapped: a fixed column (at most 200 half-width cells) and at least 40 % of the lines
  // filling it without ending a sentence. Text with one paragraph per line has neither.
  if (column > 200 || n_broken < 3 || n_broken * 10 < widths.size() * 4) {
    return MappedText{std::string(text), OffsetMap::identity(text.size())};
  }
  MappedTextBuilder b(text);
  std::size_t joined = 0, first = text.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const L& l = lines[i];
    b.copy(l.begin, l.end);
    if (l.end >= text.size()) break;
    const bool join = broken(l) && i + 1 < lines.size() && !lines[i + 1].t.empty() &&
                      !opens_heading(lines[i + 1].t);
    if (join) {
      // The line break and the next line's indent go; the characters run on.
      const std::size_t next_text = static_cast<std::size_t>(lines[i + 1].t.data() - text.data());
      b.replace(l.end, next_text, "");
      lines[i + 1].begin = next_text;
      ++joined;
      first = std::min(first, l.end);
    } else {
      b.copy(l.end, l.end + 1);
    }
  }
  if (joined > 0) {
    warnings.push_back(Warning{"txt_lines_joined",
                               "hard-wrapped text: re-joined lines broken inside a sentence (" +
                                   std::to_string(joined) + ")",
                               first});
  }
  return std::move(b).finish();
}

}  // namespace gwr::ingest
