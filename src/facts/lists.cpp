#include "facts/lists.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <string_view>
#include <utility>

#include "common/data.h"
#include "common/utf8.h"
#include "facts/lists_text.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::facts {

namespace {

using namespace lists_detail;

constexpr std::string_view kLexiconFile = "livelihood_triggers.tsv";

// First duty line (责任单位 …) in [from, to) that starts at a boundary; `to` when none.
std::size_t find_duty_line(std::string_view s, std::size_t from, std::size_t to,
                           const ListLexicon& lex) {
  std::size_t best = to;
  for (const std::string& w : lex.duty_lines) {
    // Only occurrences starting before `best` count, so the search stops there (searching the
    // rest of the text per item made long reports quadratic).
    const std::string_view upto = s.substr(0, std::min(s.size(), best + w.size() - 1));
    for (std::size_t p = upto.find(w, from); p != std::string_view::npos && p < best;
         p = upto.find(w, p + 1)) {
      if (enum_boundary(s, p, from)) {
        best = p;
        break;
      }
      // (责任单位:…) closing an item line.
      std::size_t open = p;
      const char32_t c = p > from ? utf8::prev(s, open) : 0;
      if (c == U'(' || c == U'（') {
        best = open;
        break;
      }
    }
  }
  return best;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Lexicon

Result<ListLexicon> ListLexicon::load() {
  auto table = data::load_table(kLexiconFile, 2, 2);
  if (!table) return table.error();
  ListLexicon lex;
  const std::array<std::pair<std::string_view, std::vector<std::string>*>, 8> kinds{{
      {"label", &lex.labels},
      {"counted_label", &lex.counted_labels},
      {"review_before", &lex.review_before},
      {"review_after", &lex.review_after},
      {"plan_cue", &lex.plan_cues},
      {"duty_line", &lex.duty_lines},
      {"glossary_heading", &lex.glossary_headings},
      {"plan_suffix", &lex.plan_suffixes},
  }};
  for (const data::Row& row : table->rows) {
    const std::string where = std::string(kLexiconFile) + ":" + std::to_string(row.line);
    auto it = std::find_if(kinds.begin(), kinds.end(),
                           [&](const auto& k) { return k.first == row.fields[0]; });
    if (it == kinds.end()) {
      return make_error(ErrorCode::kInvalidData, "unknown kind '" + row.fields[0] + "'", where);
    }
    const std::string_view phrase = utf8::trim(row.fields[1]);
    if (phrase.empty()) return make_error(ErrorCode::kInvalidData, "empty phrase", where);
    it->second->emplace_back(phrase);
  }
  for (const auto& [name, list] : kinds) {
    if (list->empty()) {
      return make_error(ErrorCode::kInvalidData, "no entries of kind '" + std::string(name) + "'",
                        std::string(kLexiconFile));
    }
  }
  // Longer names first, so 为民兴办实事 wins over a shorter name ending at the same place.
  for (auto* list : {&lex.labels, &lex.counted_labels}) {
    std::stable_sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
  }
  return lex;
}

const ListLexicon* ListLexicon::default_lexicon() {
  static const std::optional<ListLexicon> lex = []() -> std::optional<ListLexicon> {
    auto r = ListLexicon::load();
    if (!r) return std::nullopt;
    return std::move(r).value();
  }();
  return lex ? &*lex : nullptr;
}

// ---------------------------------------------------------------------------------------------
// Livelihood

namespace {

struct Anchor {
  Span span;   // count (if any) through the name
  Span label;  // the name as matched
  std::optional<int> count;
};

// A count `十件` / `12项` (optionally quoted) ending right before byte `at`, allowing a few
// qualifier characters (重点, 省, “) between the count and the name. Returns its start.
std::optional<std::pair<std::size_t, int>> count_before(std::string_view s, std::size_t at,
                                                        std::size_t floor) {
  std::size_t j = at;
  for (int skipped = 0; skipped <= 4 && j > floor; ++skipped) {
    std::size_t k = j;
    const char32_t c = utf8::prev(s, k);
    if (c == U'件' || c == U'项') {
      // Walk back over the numeral.
      std::size_t b = k;
      while (b > floor) {
        std::size_t m = b;
        const char32_t d = utf8::prev(s, m);
        if (!(text::is_small_numeral(d) || (d >= U'0' && d <= U'9'))) break;
        b = m;
      }
      if (b == k) return std::nullopt;
      const Numeral n = numeral_at(s, b);
      if (n.value <= 0 || b + n.len != k) return std::nullopt;
      // 第十件 is an ordinal, 这十件 still a count.
      std::size_t m = b;
      if (b > floor && utf8::prev(s, m) == U'第') return std::nullopt;
      std::size_t start = b;
      if (start > floor) {
        std::size_t q = start;
        const char32_t open = utf8::prev(s, q);
        if (open == U'“' || open == U'「') start = q;
      }
      return std::make_pair(start, n.value);
    }
    if (!(utf8::is_han(c) || c == U'“' || c == U'「') || text::is_small_numeral(c))
      return std::nullopt;
    j = k;
  }
  return std::nullopt;
}

// A count directly after the name: 民生实事10件 / 民生实事十项.
std::optional<std::pair<std::size_t, int>> count_after(std::string_view s, std::size_t at,
                                                       std::size_t ceil) {
  std::size_t j = at;
  if (j < ceil) {
    std::size_t k = j;
    const char32_t c = utf8::next(s, k);
    if (c == U'”' || c == U'」') j = k;
  }
  const Numeral n = numeral_at(s, j);
  if (n.value <= 0 || j + n.len >= ceil) return std::nullopt;
  std::size_t k = j + n.len;
  const char32_t unit = utf8::next(s, k);
  if (unit != U'件' && unit != U'项') return std::nullopt;
  return std::make_pair(k, n.value);
}

std::vector<Anchor> find_anchors(const Document& doc, const ListLexicon& lex) {
  const std::string_view s = doc.text.text;
  const std::size_t lo = doc.body.begin;
  const std::size_t hi = std::min(doc.body.end, s.size());
  std::map<std::size_t, Anchor> by_end;  // one anchor per name end: the longest name
  auto consider = [&](const std::string& w, bool needs_count) {
    for (std::size_t p = s.find(w, lo); p != std::string_view::npos && p + w.size() <= hi;
         p = s.find(w, p + 1)) {
      const std::size_t e = p + w.size();
      if (auto it = by_end.find(e); it != by_end.end() && it->second.label.begin <= p) continue;
      Anchor a{Span{p, e}, Span{p, e}, std::nullopt};
      if (auto c = count_before(s, p, lo)) {
        a.count = c->second;
        a.span.begin = c->first;
        // The name as written runs from after the count unit: 十件重点民生实事 → 重点民生实事.
        std::size_t u = c->first;
        while (u < p) {
          std::size_t k = u;
          const char32_t ch = utf8::next(s, k);
          u = k;
          if (ch == U'件' || ch == U'项') break;
        }
        std::size_t q = u;
        if (q < p && (utf8::at(s, q) == U'“' || utf8::at(s, q) == U'「')) {
          q += utf8::char_len(s, q);
        }
        a.label.begin = q;
      } else if (auto c2 = count_after(s, e, hi); c2 && !needs_count) {
        a.count = c2->second;
        a.span.end = c2->first;
      } else if (needs_count) {
        continue;
      }
      by_end[e] = a;
    }
  };
  for (const std::string& w : lex.labels) consider(w, false);
  for (const std::string& w : lex.counted_labels) consider(w, true);
  std::vector<Anchor> out;
  out.reserve(by_end.size());
  for (auto& [end, a] : by_end) out.push_back(a);
  std::sort(out.begin(), out.end(),
            [](const Anchor& a, const Anchor& b) { return a.span.begin < b.span.begin; });
  return out;
}

bool in_review_section(const Document& doc, std::size_t pos) {
  return std::any_of(doc.sections.begin(), doc.sections.end(), [&](const Section& sec) {
    return (sec.type == SectionType::kReview || sec.type == SectionType::kFiveYearReview) &&
           sec.extent.begin <= pos && pos < sec.extent.end;
  });
}

bool in_livelihood_section(const Document& doc, std::size_t pos) {
  return std::any_of(doc.sections.begin(), doc.sections.end(), [&](const Section& sec) {
    return sec.type == SectionType::kLivelihood && sec.extent.begin <= pos && pos < sec.extent.end;
  });
}

// A year `20XX年` in the clause before the anchor that is earlier than the plan year.
bool names_past_year(const Document& doc, std::string_view before) {
  if (!doc.meta.plan_year) return false;
  for (std::size_t p = before.find("年"); p != std::string_view::npos;
       p = before.find("年", p + 1)) {
    if (p < 4) continue;
    const std::string_view y = before.substr(p - 4, 4);
    if (!std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (std::stoi(std::string(y)) < *doc.meta.plan_year) return true;
  }
  return false;
}

bool is_review(const Document& doc, const Anchor& a, const ListLexicon& lex) {
  const std::string_view s = doc.text.text;
  if (in_review_section(doc, a.span.begin)) return true;
  const std::size_t cb = clause_start(s, a.span.begin, doc.body.begin);
  const std::size_t ce = clause_end(s, a.span.end, doc.body.end);
  const std::string_view before = s.substr(cb, a.span.begin - cb);
  const std::string_view after = s.substr(a.span.end, ce - a.span.end);
  if (names_past_year(doc, before)) return true;
  // Each side's plan cue (确保, 年内 …) overrides that side's review cue (完成 …).
  const bool done_before =
      contains_any(before, lex.review_before) && !contains_any(before, lex.plan_cues);
  const bool done_after =
      contains_any(after, lex.review_after) && !contains_any(after, lex.plan_cues);
  return done_before || done_after;
}

// Where the enumerated items may begin: right after the anchor (past punctuation and space),
// or after the rest of the anchor's sentence when that ends in a colon (具体包括:).
std::vector<std::size_t> list_starts(std::string_view s, std::size_t from, std::size_t hi) {
  std::vector<std::size_t> out;
  std::size_t j = from;
  while (j < hi) {
    std::size_t k = j;
    const char32_t c = utf8::next(s, k);
    if (!(utf8::is_space(c) || c == U'。' || c == U':' || c == U'：' || c == U'”' || c == U'」'))
      break;
    j = k;
  }
  out.push_back(j);
  for (std::size_t i = from; i < hi && i - from < kMaxLeadBytes;) {
    std::size_t k = i;
    const char32_t c = utf8::next(s, k);
    if (c == U'。' || c == U'\n') break;
    if (c == U':' || c == U'：') {
      while (k < hi && utf8::is_space(utf8::at(s, k))) k += utf8::char_len(s, k);
      out.push_back(k);
      break;
    }
    i = k;
  }
  return out;
}

struct ItemScan {
  std::vector<Span> items;
  std::size_t end = 0;
};

// Enumerated items starting with enumerator 1 at `start`.
ItemScan scan_enumerated(std::string_view s, std::size_t start, std::size_t hi,
                         std::optional<int> declared, const ListLexicon& lex) {
  ItemScan out;
  auto first = enumerator_at(s, start);
  if (!first || first->number != 1) return out;
  const EnumStyle style = first->style;
  std::size_t item_begin = start + first->len;
  bool annex = false;
  bool multi_sentence = false;
  for (int k = 1;; ++k) {
    const bool last_expected = declared && k >= *declared;
    constexpr std::size_t kNone = std::string_view::npos;
    std::size_t next = kNone;
    if (!last_expected) {
      next = find_enumerator(s, item_begin, std::min(hi, item_begin + kMaxItemBytes), style, k + 1)
                 .value_or(kNone);
      // A line break followed by a different kind of numbering ends the list.
      for (std::size_t nl = s.find('\n', item_begin); next != kNone && nl < next;
           nl = s.find('\n', nl + 1)) {
        std::size_t q = nl + 1;
        while (q < next && utf8::is_space(utf8::at(s, q))) q += utf8::char_len(s, q);
        if (q < next && enumerator_at(s, q)) next = kNone;
      }
    }
    std::size_t item_end;
    if (next != kNone) {
      item_end = next;
    } else {
      std::size_t cap = std::min(hi, item_begin + kMaxItemBytes);
      while (cap > item_begin && cap < s.size() &&
             (static_cast<unsigned char>(s[cap]) & 0xC0) == 0x80)
        --cap;
      std::size_t nl = s.find('\n', item_begin);
      item_end = std::min(cap, nl == std::string_view::npos ? cap : nl);
      if (annex) {
        const std::size_t duty = find_duty_line(s, item_begin, item_end, lex);
        if (duty < item_end) item_end = duty;
      } else {
        // The last item runs to its sentence end (to the paragraph end when items are
        // written as several sentences).
        for (std::size_t i = item_begin; i < item_end;) {
          std::size_t q = i;
          const char32_t c = utf8::next(s, q);
          if (c == U'。' && (!multi_sentence || q >= item_end || utf8::is_space(utf8::at(s, q)))) {
            item_end = q;
            break;
          }
          i = q;
        }
      }
    }
    const std::size_t duty = find_duty_line(s, item_begin, item_end, lex);
    if (duty < item_end) annex = true;
    const Span item = tidy(s, item_begin, std::min(duty, item_end));
    if (item.empty()) break;
    if (s.substr(item.begin, item.size()).find("。") != std::string_view::npos) {
      multi_sentence = true;
    }
    out.items.push_back(item);
    out.end = item.end;
    if (next == kNone) break;
    item_begin = next + enumerator_at(s, next)->len;
  }
  return out;
}

// A counted list written as one sentence of ;-separated clauses without enumerators.
ItemScan scan_semicolons(std::string_view s, std::size_t start, std::size_t hi, int declared) {
  ItemScan out;
  std::size_t seg = start;
  for (std::size_t i = start; i < hi && i - start < kMaxItemBytes;) {
    std::size_t q = i;
    const char32_t c = utf8::next(s, q);
    const bool stop = c == U'。' || c == U'\n';
    if (c == U';' || c == U'；' || stop) {
      const Span item = tidy(s, seg, i);
      if (!item.empty()) out.items.push_back(item);
      seg = q;
      if (stop) break;
    }
    i = q;
  }
  if (static_cast<int>(out.items.size()) != declared || declared < 2) return {};
  out.end = out.items.back().end;
  return out;
}

}  // namespace

std::optional<Livelihood> extract_livelihood(Document& doc, const ListLexicon& lex) {
  const std::string_view s = doc.text.text;
  const std::size_t hi = std::min(doc.body.end, s.size());
  std::optional<Livelihood> best;
  int best_score = 0;
  std::vector<int> bare_counts;  // counts announced without items (十件实事, 详见附件)
  for (const Anchor& a : find_anchors(doc, lex)) {
    if (is_review(doc, a, lex)) continue;
    ItemScan scan;
    for (std::size_t start : list_starts(s, a.span.end, hi)) {
      scan = scan_enumerated(s, start, hi, a.count, lex);
      if (!scan.items.empty()) break;
    }
    if (scan.items.empty() && a.count) {
      for (std::size_t start : list_starts(s, a.span.end, hi)) {
        scan = scan_semicolons(s, start, hi, *a.count);
        if (!scan.items.empty()) break;
      }
    }
    // Without a count, one item is a sentence, not a list.
    if (!a.count && scan.items.size() < 2) continue;
    if (scan.items.empty()) bare_counts.push_back(*a.count);
    int score = scan.items.empty() ? 1 : 2;
    if (a.count && static_cast<int>(scan.items.size()) == *a.count) score = 4;
    if (in_livelihood_section(doc, a.span.begin)) ++score;
    if (score <= best_score) continue;
    best_score = score;
    Livelihood l;
    l.declared_count = a.count;
    l.label = doc.original_of(a.label);
    l.span = Span{a.span.begin, scan.items.empty() ? a.span.end : scan.end};
    for (const Span& sp : scan.items) l.items.push_back(LivelihoodItem{sp, doc.original_of(sp)});
    best = std::move(l);
  }
  // An uncounted list (an annex titled 民生实事项目) takes the count announced elsewhere in
  // the plan part when the numbers agree.
  if (best && !best->declared_count &&
      std::find(bare_counts.begin(), bare_counts.end(), static_cast<int>(best->items.size())) !=
          bare_counts.end()) {
    best->declared_count = static_cast<int>(best->items.size());
  }
  if (best && best->declared_count && !best->items.empty() &&
      static_cast<int>(best->items.size()) != *best->declared_count) {
    doc.warn("livelihood_count_mismatch",
             "the livelihood list announces " + std::to_string(*best->declared_count) +
                 " items but " + std::to_string(best->items.size()) + " were found",
             best->span.begin);
  }
  return best;
}

std::optional<Livelihood> extract_livelihood(Document& doc) {
  const ListLexicon* lex = ListLexicon::default_lexicon();
  if (lex == nullptr) {
    doc.warn("lexicon_unavailable", "data/livelihood_triggers.tsv failed to load");
    return std::nullopt;
  }
  return extract_livelihood(doc, *lex);
}

// ---------------------------------------------------------------------------------------------
// Glossary

namespace {

constexpr std::size_t kMaxTermBytes = 120;

// Adds the entry [b, e) split at its first colon; false when it has no usable colon.
bool add_colon_entry(const Document& doc, std::size_t b, std::size_t e,
                     std::vector<GlossaryEntry>& out) {
  const std::string_view s = doc.text.text;
  const Span whole = tidy(s, b, e);
  if (whole.empty()) return false;
  std::size_t colon = std::string_view::npos;
  for (std::size_t i = whole.begin; i < whole.end && i - whole.begin <= kMaxTermBytes;) {
    std::size_t q = i;
    const char32_t c = utf8::next(s, q);
    if (c == U':' || c == U'：') {
      colon = i;
      break;
    }
    i = q;
  }
  if (colon == std::string_view::npos) return false;
  const Span term = tidy(s, whole.begin, colon);
  const Span def = tidy(s, colon + utf8::char_len(s, colon), whole.end);
  if (term.empty() || def.empty()) return false;
  out.push_back(GlossaryEntry{doc.original_of(term), doc.original_of(def), whole});
  return true;
}

// The byte after a glossary heading where its entries start, or nullopt when `p` is not a
// heading (a heading stands at a line start, after white space or after 附/附件:).
std::optional<std::size_t> heading_entries_start(std::string_view s, std::size_t p, std::size_t len,
                                                 std::size_t lo, std::size_t hi) {
  if (p > lo) {
    std::size_t j = p;
    const char32_t c = utf8::prev(s, j);
    if (!(utf8::is_space(c) || c == U':' || c == U'：' || c == U'附' || c == U'。')) {
      return std::nullopt;
    }
  }
  std::size_t j = p + len;
  while (j < hi) {
    const char32_t c = utf8::at(s, j);
    if (!(utf8::is_space(c) || c == U':' || c == U'：')) break;
    j += utf8::char_len(s, j);
  }
  if (j >= hi) return std::nullopt;
  return j;
}

// Numbered or `term:definition` entries after a heading; the appendix span through its last
// entry, or an empty span when none follow.
Span scan_appendix(const Document& doc, std::size_t start, std::size_t hi,
                   std::vector<GlossaryEntry>& out) {
  const std::string_view s = doc.text.text;
  const std::size_t before = out.size();
  if (auto first = enumerator_at(s, start); first && first->number == 1) {
    std::size_t b = start + first->len;
    for (int k = 1;; ++k) {
      const std::size_t nl = std::min(hi, s.find('\n', b));
      auto next = find_enumerator(s, b, std::min(hi, b + kMaxItemBytes), first->style, k + 1);
      if (next && *next > nl) {
        // Entries on separate lines: the next one must open the next non-empty line.
        std::size_t q = nl;
        while (q < hi && utf8::is_space(utf8::at(s, q))) q += utf8::char_len(s, q);
        if (q != *next) next.reset();
      }
      std::size_t e = next ? *next : nl;
      if (!next) {
        // Entries run together on one line: the last one stops at a paragraph break.
        for (std::size_t i = b; i < e;) {
          std::size_t q = i;
          if (utf8::next(s, q) == U'。' && q < e && utf8::is_space(utf8::at(s, q))) {
            e = q;
            break;
          }
          i = q;
        }
      }
      add_colon_entry(doc, b, e, out);
      if (!next) break;
      b = *next + enumerator_at(s, *next)->len;
    }
  } else {
    std::size_t b = start;
    while (b < hi) {
      const std::size_t nl = std::min(hi, s.find('\n', b));
      if (!add_colon_entry(doc, b, nl, out)) break;
      b = nl;
      while (b < hi && utf8::is_space(utf8::at(s, b))) b += utf8::char_len(s, b);
    }
  }
  if (out.size() == before) return Span{};
  return Span{out[before].span.begin, out.back().span.end};
}

// 指 that starts a word rather than meaning "means": 指标, 指导, 指出 ….
bool is_zhi_word(char32_t next) {
  static constexpr std::u32string_view kFollowers = U"标导出挥引示数南定向令针纹望明派";
  return kFollowers.find(next) != std::u32string_view::npos;
}

void scan_inline(const Document& doc, Span appendix, std::vector<GlossaryEntry>& out) {
  const std::string_view s = doc.text.text;
  const std::size_t lo = doc.body.begin;
  const std::size_t hi = std::min(doc.body.end, s.size());
  for (std::size_t i = lo; i < hi;) {
    std::size_t q = i;
    const char32_t c = utf8::next(s, q);
    if (c != U'”' && c != U'」') {
      i = q;
      continue;
    }
    std::size_t d = q;
    if (starts_with_at(s, d, "是指")) {
      d += std::string_view("是指").size();
    } else if (starts_with_at(s, d, "指") && !is_zhi_word(utf8::at(s, d + 3))) {
      d += std::string_view("指").size();
    } else {
      i = q;
      continue;
    }
    // The opening quote, at most 20 characters back.
    std::size_t open = i;
    bool found = false;
    for (int n = 0; n <= 20 && open > lo; ++n) {
      std::size_t m = open;
      const char32_t o = utf8::prev(s, m);
      open = m;
      if (o == U'“' || o == U'「') {
        found = true;
        break;
      }
      if (o == U'”' || o == U'」' || is_clause_end(o)) break;
    }
    if (!found || (appendix.begin <= open && open < appendix.end)) {
      i = q;
      continue;
    }
    std::size_t e = d;
    while (e < hi) {
      std::size_t m = e;
      const char32_t ch = utf8::next(s, m);
      if (ch == U'。' || ch == U';' || ch == U'；' || ch == U'\n') break;
      e = m;
    }
    const Span term = tidy(s, open + utf8::char_len(s, open), i);
    const Span def = tidy(s, d, e);
    if (!term.empty() && !def.empty()) {
      out.push_back(
          GlossaryEntry{doc.original_of(term), doc.original_of(def), Span{open, def.end}});
    }
    i = std::max(q, e);
  }
}

}  // namespace

std::vector<GlossaryEntry> extract_glossary(const Document& doc, const ListLexicon& lex) {
  const std::string_view s = doc.text.text;
  const std::size_t lo = doc.body.begin;
  const std::size_t hi = std::min(doc.body.end, s.size());
  std::vector<GlossaryEntry> appendix_entries;
  Span appendix;
  // The last heading followed by entries: an appendix sits at the end of the report.
  std::size_t best_pos = 0;
  for (const std::string& w : lex.glossary_headings) {
    for (std::size_t p = s.find(w, lo); p != std::string_view::npos && p < hi;
         p = s.find(w, p + 1)) {
      if (!appendix.empty() && p < best_pos) continue;
      auto start = heading_entries_start(s, p, w.size(), lo, hi);
      if (!start) continue;
      std::vector<GlossaryEntry> found;
      const Span sp = scan_appendix(doc, *start, hi, found);
      if (sp.empty()) continue;
      appendix_entries = std::move(found);
      appendix = Span{p, sp.end};
      best_pos = p;
    }
  }
  std::vector<GlossaryEntry> out;
  scan_inline(doc, appendix, out);
  out.insert(out.end(), appendix_entries.begin(), appendix_entries.end());
  std::stable_sort(out.begin(), out.end(), [](const GlossaryEntry& a, const GlossaryEntry& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

std::vector<GlossaryEntry> extract_glossary(const Document& doc) {
  static const ListLexicon kStructuralOnly = [] {
    ListLexicon l;
    l.glossary_headings = {"名词解释"};
    return l;
  }();
  const ListLexicon* lex = ListLexicon::default_lexicon();
  return extract_glossary(doc, lex != nullptr ? *lex : kStructuralOnly);
}

// ---------------------------------------------------------------------------------------------
// Slogans

namespace {

constexpr std::size_t kMaxSloganChars = 20;

char32_t closing_quote(char32_t open) {
  switch (open) {
    case U'“':
      return U'”';
    case U'「':
      return U'」';
    case U'『':
      return U'』';
    default:
      return 0;
  }
}

// 十四五, 十三五, 九五, optionally with a plan suffix (规划, 时期 …; lex.plan_suffixes).
bool is_plan_ordinal(std::u32string_view t, const ListLexicon& lex) {
  const std::size_t i = t.size() >= 3 && t[0] == U'十' ? 3 : 2;
  if (t.size() < i || !text::five_year_plan_ordinal(t.substr(0, i))) return false;
  const std::u32string_view rest = t.substr(i);
  if (rest.empty()) return true;
  const std::string r = utf8::from_u32(rest);
  return std::find(lex.plan_suffixes.begin(), lex.plan_suffixes.end(), r) !=
         lex.plan_suffixes.end();
}

bool is_quotation_punct(char32_t c) { return c != U'\n' && text::is_clause_end(c); }

}  // namespace

std::vector<Slogan> extract_slogans(const Document& doc, const ListLexicon& lex) {
  const std::string_view s = doc.text.text;
  const std::size_t lo = doc.body.begin;
  const std::size_t hi = std::min(doc.body.end, s.size());
  std::vector<Slogan> out;
  std::map<std::string, std::size_t, std::less<>> index;  // analysis text -> position in out
  for (std::size_t i = lo; i < hi;) {
    std::size_t q = i;
    const char32_t close = closing_quote(utf8::next(s, q));
    if (close == 0) {
      i = q;
      continue;
    }
    // The matching close quote; a new opening quote first means this one was unbalanced.
    std::size_t j = q;
    std::size_t chars = 0;
    bool ok = false;
    bool clean = true;
    std::u32string inner;
    while (j < hi && chars <= kMaxSloganChars + 1) {
      std::size_t m = j;
      const char32_t c = utf8::next(s, m);
      if (c == close) {
        ok = true;
        break;
      }
      if (closing_quote(c) != 0 || c == U'\n') break;
      if (is_quotation_punct(c)) clean = false;
      inner.push_back(c);
      ++chars;
      j = m;
    }
    if (!ok) {
      i = q;
      continue;
    }
    const std::size_t after = j + utf8::char_len(s, j);
    const bool digits_only =
        std::all_of(inner.begin(), inner.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
    if (clean && chars > 0 && chars <= kMaxSloganChars && !digits_only &&
        !is_plan_ordinal(inner, lex)) {
      const Span sp{q, j};
      const std::string key(s.substr(q, j - q));
      if (auto it = index.find(key); it != index.end()) {
        ++out[it->second].count;
      } else {
        index.emplace(key, out.size());
        out.push_back(Slogan{doc.original_of(sp), 1, sp});
      }
    }
    i = after;
  }
  return out;
}

std::vector<Slogan> extract_slogans(const Document& doc) {
  static const ListLexicon kNoSuffixes;  // when the default fails: bare plan ordinals only
  const ListLexicon* lex = ListLexicon::default_lexicon();
  return extract_slogans(doc, lex != nullptr ? *lex : kNoSuffixes);
}

}  // namespace gwr::facts
