#include "ingest/repeats.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <utility>

#include "common/utf8.h"

namespace gwr::ingest {
namespace {

constexpr std::size_t kLongLineBytes = 60;  // ~20 Chinese characters
constexpr std::size_t kMinCopyLines = 5;
constexpr std::size_t kMinCopyBytes = 300;
constexpr std::size_t kBigCopyBytes = 600;

struct Line {
  std::size_t begin = 0;  // start of the line
  std::size_t next = 0;   // start of the next line (past the '\n')
  std::string key;        // content without white space
};

bool contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

std::string key_of(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t b = i;
    if (!utf8::is_space(utf8::next(s, i))) out.append(s.substr(b, i - b));
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Numbers following `第` and `共` before `页` in a pager line.
void page_numbers(std::string_view k, std::set<int>& seen, int& total) {
  for (std::size_t p = 0; (p = k.find("页", p)) != std::string_view::npos; p += 3) {
    std::size_t b = p;
    while (b > 0 && k[b - 1] >= '0' && k[b - 1] <= '9') --b;
    if (b == p || b < 3 || p - b > 3) continue;
    const int v = std::stoi(std::string(k.substr(b, p - b)));
    const std::string_view before = k.substr(b - 3, 3);
    if (before == "第") seen.insert(v);
    if (before == "共") total = std::max(total, v);
  }
}

bool is_pager(std::string_view k, const Lexicon& lex) {
  if (utf8::length(k) > 80) return false;
  if (lex.boilerplate.list("pager").contains_in(k) || lex.boilerplate.list("pager_line").is(k))
    return true;
  const std::size_t d = k.find("第");
  return d != std::string_view::npos && contains(k, "页") && (contains(k, "共") || d == 0) &&
         utf8::length(k) <= 20 &&
         std::any_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Deduplicated remove_repeats(std::string_view text, const Lexicon& lex,
                            std::vector<Warning>& warnings) {
  std::vector<Line> lines;  // non-blank lines only
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    if (nl == std::string_view::npos) nl = text.size();
    std::string k = key_of(text.substr(pos, nl - pos));
    if (!k.empty()) lines.push_back(Line{pos, next, std::move(k)});
    pos = next;
  }
  std::vector<bool> drop(lines.size(), false);
  Deduplicated out;

  // Pager lines, and bare page numbers right next to them.
  std::set<int> seen;
  int total = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_pager(lines[i].key, lex)) continue;
    drop[i] = true;
    out.pager = true;
    page_numbers(lines[i].key, seen, total);
    warnings.push_back(
        Warning{"pager_removed", "removed page navigation '" + lines[i].key + "'", lines[i].begin});
    for (std::size_t j = i; j-- > 0 && all_digits(lines[j].key) && lines[j].key.size() <= 3;)
      drop[j] = true;
    for (std::size_t j = i + 1;
         j < lines.size() && all_digits(lines[j].key) && lines[j].key.size() <= 3; ++j) {
      drop[j] = true;
    }
  }

  // Repeated copies: each compared with the first occurrence of its long lines.
  std::unordered_map<std::string_view, std::size_t> first;
  std::size_t floor = 0;  // lines before this are settled (first copy or removed)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& k = lines[i].key;
    if (drop[i] || k.size() < kLongLineBytes) continue;
    const auto it = first.find(k);
    if (it == first.end()) {
      first.emplace(k, i);
      continue;
    }
    const std::size_t j = it->second;
    std::size_t n = 0;
    while (i + n < lines.size() && j + n < i && lines[j + n].key == lines[i + n].key) ++n;
    std::size_t m = 0;
    while (i - m > floor && j >= m + 1 && i - m - 1 >= j + n &&
           lines[j - m - 1].key == lines[i - m - 1].key)
      ++m;
    std::size_t bytes = 0;
    for (std::size_t x = i - m; x < i + n; ++x) bytes += lines[x].key.size();
    if (!((n + m >= kMinCopyLines && bytes >= kMinCopyBytes) || bytes >= kBigCopyBytes)) continue;
    for (std::size_t x = i - m; x < i + n; ++x) drop[x] = true;
    ++out.copies_removed;
    warnings.push_back(Warning{"repeated_copy_removed",
                               "removed copy " + std::to_string(out.copies_removed + 1) +
                                   " of the article repeated on the page (" +
                                   std::to_string(n + m) + " lines)",
                               lines[i - m].begin});
    i = i + n - 1;
    floor = i + 1;
  }

  if (total > 1) {
    std::vector<int> missing;
    for (int p = 1; p <= total; ++p) {
      if (!seen.count(p)) missing.push_back(p);
    }
    if (!missing.empty() && out.copies_removed == 0 && !seen.empty()) {
      out.missing_pages = "page";
      for (int p : seen) out.missing_pages += " " + std::to_string(p);
      out.missing_pages += " of " + std::to_string(total);
    }
  }

  MappedTextBuilder b(text);
  std::size_t pos = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!drop[i]) continue;
    const std::size_t s = lines[i].begin;
    std::size_t e = lines[i].next;
    while (i + 1 < lines.size() && drop[i + 1]) e = lines[++i].next;
    b.copy(pos, s);
    b.replace(s, e, "");
    pos = e;
  }
  b.copy(pos, text.size());
  out.text = std::move(b).finish();
  return out;
}

}  // namespace gwr::ingest
