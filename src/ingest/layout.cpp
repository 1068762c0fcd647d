#include "ingest/layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "common/data.h"
#include "common/utf8.h"
#include "text/punctuation.h"

namespace gwr::ingest {
namespace {

// ---------------------------------------------------------------- lexicons

// ---------------------------------------------------------------- small text helpers

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

bool contains_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return contains(s, w); });
}

// Drops leading bullets and brackets that wrap chrome lines: "(责任编辑:…)", "- 联系我们",
// "【打印】".
std::string_view strip_lead(std::string_view l) {
  for (;;) {
    std::size_t i = 0;
    const char32_t c = utf8::next(l, i);
    if (l.empty()) return l;
    if (c == U'(' || c == U'[' || c == U'-' || c == U'·' || c == U'•' || c == U'*' || c == U'>' ||
        c == U'|' || utf8::is_space(c)) {
      l.remove_prefix(i);
    } else {
      return l;
    }
  }
}

bool starts_with_any(std::string_view l, const std::vector<std::string>& markers) {
  const std::string_view s = strip_lead(l);
  return std::any_of(markers.begin(), markers.end(),
                     [&](const std::string& m) { return starts_with(s, m) || starts_with(l, m); });
}

bool has_letter_or_han(std::string_view l) {
  for (std::size_t i = 0; i < l.size();) {
    const char32_t c = utf8::next(l, i);
    if (utf8::is_han(c) || (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)) != 0))
      return true;
  }
  return false;
}

bool has_sentence_punct(std::string_view l) {
  for (std::size_t i = 0; i < l.size();) {
    const char32_t c = utf8::next(l, i);
    if (gwr::text::is_clause_end(c) || c == U'、') return true;
  }
  return false;
}

std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  return j - i;
}

// Length of an ISO-style date "2023-03-17", "2023/3/17", "2023.03.17" at the start, else 0.
std::size_t iso_date_len(std::string_view s) {
  std::size_t i = digits_at(s, 0);
  if (i != 4) return 0;
  for (int part = 0; part < 2; ++part) {
    if (i >= s.size() || (s[i] != '-' && s[i] != '/' && s[i] != '.')) return 0;
    ++i;
    const std::size_t d = digits_at(s, i);
    if (d < 1 || d > 2) return 0;
    i += d;
  }
  return i;
}

// Length of a Chinese date "2023年3月17日" / "2023年3月" at the start, else 0.
std::size_t cn_date_len(std::string_view s) {
  std::size_t i = digits_at(s, 0);
  if (i != 4 || !starts_with(s.substr(i), "年")) return 0;
  i += 3;
  const std::size_t m = digits_at(s, i);
  if (m < 1 || m > 2 || !starts_with(s.substr(i + m), "月")) return 0;
  i += m + 3;
  const std::size_t d = digits_at(s, i);
  if (d >= 1 && d <= 2 && starts_with(s.substr(i + d), "日")) i += d + 3;
  return i;
}

// Length of a clock time "15:02" / "15:02:33" at the start (after spaces), else 0.
std::size_t time_len(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  const std::size_t h = digits_at(s, i);
  if (h < 1 || h > 2 || i + h >= s.size() || s[i + h] != ':') return 0;
  i += h + 1;
  if (digits_at(s, i) != 2) return 0;
  i += 2;
  if (i < s.size() && s[i] == ':' && digits_at(s, i + 1) == 2) i += 3;
  return i;
}

// ---------------------------------------------------------------- lines

struct Line {
  std::size_t begin = 0;  // trimmed content [begin, end)
  std::size_t end = 0;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view raw = text.substr(pos, nl - pos);
    const std::string_view t = utf8::trim(raw);
    const std::size_t b = t.empty() ? pos : pos + static_cast<std::size_t>(t.data() - raw.data());
    lines.push_back(Line{b, b + t.size()});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

class Classifier {
 public:
  explicit Classifier(const Lexicon& lex) : lex_(lex) {}
  const Lexicon& lexicon() const { return lex_; }

  static bool blankish(std::string_view l) { return !has_letter_or_han(l); }

  bool is_meta_key(std::string_view cell) const {
    cell = utf8::trim(cell);
    // The analysis text is half-width (text::normalize): a full-width colon is ':' here.
    if (cell.size() > 1 && cell.back() == ':') cell = utf8::trim(cell.substr(0, cell.size() - 1));
    return std::find(lex_.meta_keys.begin(), lex_.meta_keys.end(), cell) != lex_.meta_keys.end();
  }

  // A meta key followed by ':' at the start of the line ("索引号:", "来源:").
  bool starts_with_meta_field(std::string_view l) const {
    const std::string_view s = strip_lead(l);
    for (const std::string& k : lex_.meta_keys) {
      if (!starts_with(s, k)) continue;
      const std::string_view rest = utf8::trim(s.substr(k.size()));
      if (starts_with(rest, ":")) return true;
    }
    return false;
  }

  bool is_table_row(std::string_view l) const {
    const char sep = starts_with(l, "|") ? '|' : (contains(l, "\t") ? '\t' : 0);
    if (sep == 0) return false;
    std::size_t pos = 0;
    while (pos <= l.size()) {
      std::size_t e = l.find(sep, pos);
      if (e == std::string_view::npos) e = l.size();
      if (is_meta_key(l.substr(pos, e - pos))) return true;
      pos = e + 1;
    }
    return sep == '|';  // any pipe-table row outside the body is chrome
  }

  bool is_breadcrumb(std::string_view l) const {
    if (starts_with_any(l, lex_.nav)) return true;
    if (l == "首页" || starts_with(l, ">") || starts_with(l, "»")) return true;
    if (starts_with(l, "首页")) {
      for (std::string_view sep : {">", "»", "›", "/", "-"}) {
        if (contains(l.substr(6, 6), sep)) return true;
      }
    }
    return false;
  }

  // Dateline chrome: "2025-07-08", "2023-03-17 15:02 来源:…", "2023年03月17日 15:02 来源:…".
  bool is_dateline(std::string_view l) const {
    std::size_t d = iso_date_len(l);
    const bool iso = d > 0;
    if (!iso) d = cn_date_len(l);
    if (d == 0) return false;
    const std::size_t t = time_len(l.substr(d));
    const std::string_view rest = utf8::trim(l.substr(d + t));
    if (rest.empty()) return iso || t > 0;
    return starts_with_meta_field(rest) || (t > 0 && utf8::length(rest) <= 30);
  }

  static bool is_bracket_title(std::string_view l) {
    if (!starts_with(l, "【")) return false;
    const std::size_t close = l.find("】");
    return close <= 90 && utf8::length(l) <= 80;  // npos is above 90 too
  }

  // Page chrome that may precede a report.
  bool is_head_chrome(std::string_view l) const {
    return blankish(l) || is_breadcrumb(l) || starts_with_meta_field(l) || is_table_row(l) ||
           starts_with_any(l, lex_.head) || is_dateline(l) || is_bracket_title(l) ||
           (contains(l, "来源:") && utf8::length(l) <= 60);
  }

  // A line that ends a report: footer chrome or the chrome that opens the next dump entry.
  bool is_foot(std::string_view l) const {
    if (l.empty()) return false;
    if (is_bracket_title(l) || (iso_date_len(l) > 0 && is_dateline(l))) return true;
    return utf8::length(l) <= 100 && starts_with_any(l, lex_.foot);
  }

  // A line of a report's title block: title, subtitle, session, speaker, delivery date.
  bool is_title_block(std::string_view l) const {
    if (l.empty() || is_head_chrome(l)) return false;
    const std::size_t n = utf8::length(l);
    if (n <= 60 && (contains(l, "工作报告") || contains(l, "会议"))) return true;
    if (starts_with(l, "—") || starts_with(l, "--")) return n <= 80;
    std::string_view d = l;
    if (starts_with(d, "(")) d.remove_prefix(1);
    if (cn_date_len(d) > 0 && n <= 20) return true;
    return n <= 30 && !has_sentence_punct(l);
  }

 private:
  const Lexicon& lex_;
};

// Offset of the opening address ("各位代表:" followed closely by "我代表"), from `from`.
std::optional<std::size_t> find_opening(std::string_view text, std::size_t from) {
  static constexpr std::string_view kAddress = "各位代表";
  static constexpr std::string_view kSelf = "我代表";
  std::size_t pos = from;
  while ((pos = text.find(kAddress, pos)) != std::string_view::npos) {
    const std::string_view after = text.substr(pos + kAddress.size(), 420);
    // The address ends with a colon ("各位代表:", "各位代表、各位委员:"); mid-speech
    // "各位代表," / "各位代表!" are not openings.
    std::size_t colon = std::string_view::npos, stop = std::string_view::npos;
    for (std::size_t i = 0; i < after.size() && stop == std::string_view::npos;) {
      const std::size_t at = i;
      const char32_t c = utf8::next(after, i);
      if (gwr::text::is_colon(c) && colon == std::string_view::npos) colon = at;
      if (gwr::text::is_comma(c) || (gwr::text::is_sentence_end(c) && c != U'?' && c != U'？'))
        stop = at;
    }
    if (colon <= 30 && colon < stop && contains(after.substr(colon), kSelf)) return pos;
    pos += kAddress.size();
  }
  return std::nullopt;
}

std::size_t line_of(const std::vector<Line>& lines, std::size_t offset) {
  std::size_t lo = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].begin <= offset)
      lo = i;
    else
      break;
  }
  return lo;
}

std::string_view line_text(std::string_view text, const Line& l) {
  return text.substr(l.begin, l.end - l.begin);
}

// First line of the title block that precedes line `k` (the opening line).
std::size_t walk_back_title(const Classifier& c, std::string_view text,
                            const std::vector<Line>& lines, std::size_t k) {
  std::size_t start = k;
  int taken = 0;
  for (std::size_t j = k; j-- > 0 && taken < 8;) {
    const std::string_view l = line_text(text, lines[j]);
    if (l.empty()) continue;
    if (!c.is_title_block(l)) break;
    start = j;
    ++taken;
  }
  return start;
}

}  // namespace

Result<Lexicon> Lexicon::load() {
  auto text = text::Lexicon::load();
  if (!text) return text.error();
  auto signals = data::Vocabulary::load(
      "report_signals.tsv", {"signal", "opening", "review", "plan", "closing", "congress"});
  if (!signals) return signals.error();
  auto chrome = data::Vocabulary::load("boilerplate.tsv",
                                       {"meta", "head", "foot", "nav", "pager", "pager_line"});
  if (!chrome) return chrome.error();
  Lexicon lex{std::move(text).value(),
              std::move(signals).value(),
              std::move(chrome).value(),
              {},
              {},
              {},
              {},
              {},
              {},
              {},
              {},
              {}};
  auto copy = [](const data::Vocabulary& v, const char* kind) {
    return v.list(kind).in_file_order();
  };
  lex.signal = copy(lex.signals, "signal");
  lex.opening = copy(lex.signals, "opening");
  lex.review = copy(lex.signals, "review");
  lex.plan = copy(lex.signals, "plan");
  lex.closing = copy(lex.signals, "closing");
  lex.meta_keys = lex.boilerplate.list("meta").phrases();  // longest first: 信息来源 before 来源
  lex.head = copy(lex.boilerplate, "head");
  lex.foot = copy(lex.boilerplate, "foot");
  lex.nav = copy(lex.boilerplate, "nav");
  return lex;
}

bool has_report_signal(const Lexicon& lex, std::string_view text) {
  return contains_any(text, lex.signal);
}

namespace {

// Line index of a report title ("…政府工作报告…", at most 40 characters) followed within its
// next two non-empty lines by the session subtitle (…人民代表大会/人大…会议…), from line `from`.
// Such a title block starts a report even when its opening address has no "我代表" (abridged
// reports, reposts).
std::vector<std::size_t> titled_starts(const Classifier& c, std::string_view text,
                                       const std::vector<Line>& lines) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = utf8::trim(line_text(text, lines[i]));
    if (!contains(l, "政府工作报告") || utf8::length(l) > 40 || !c.is_title_block(l)) continue;
    int seen = 0;
    for (std::size_t j = i + 1; j < lines.size() && seen < 2; ++j) {
      const std::string_view n = line_text(text, lines[j]);
      if (Classifier::blankish(n)) continue;
      ++seen;
      if (!c.is_title_block(n)) break;
      if (c.lexicon().signals.list("congress").contains_in(n) && contains(n, "会议")) {
        out.push_back(i);
        break;
      }
    }
  }
  return out;
}

std::size_t count_of(std::string_view s, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string_view::npos; p = s.find(what, p + what.size()))
    ++n;
  return n;
}

}  // namespace

std::vector<std::size_t> split_points(const Lexicon& lex, std::string_view text) {
  const Classifier c(lex);
  const std::vector<Line> lines = split_lines(text);
  // Candidate first lines of reports: the title block before each opening address, and titles
  // followed by a session subtitle.
  std::vector<std::size_t> starts;
  std::size_t pos = 0;
  while (auto open = find_opening(text, pos)) {
    pos = *open + 1;
    starts.push_back(walk_back_title(c, text, lines, line_of(lines, *open)));
  }
  for (std::size_t t : titled_starts(c, text, lines)) starts.push_back(t);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  std::vector<std::size_t> points{0};
  std::optional<std::size_t> prev;  // first line of the previous report
  for (std::size_t s : starts) {
    if (prev) {
      // A new report needs a report's worth of prose since the previous start: at least 300
      // bytes and two sentences (page chrome between a headline and the title has neither).
      const std::string_view between =
          text.substr(lines[*prev].begin, lines[s].begin - lines[*prev].begin);
      if (between.size() < 300 || count_of(between, "。") < 2) continue;
      std::size_t first = s;
      // The chrome that introduces a dump entry (`【…】` title, bullets) belongs to it.
      while (first > *prev + 1) {
        const std::string_view l = line_text(text, lines[first - 1]);
        if (!(Classifier::blankish(l) || Classifier::is_bracket_title(l) || c.is_breadcrumb(l)))
          break;
        --first;
      }
      std::size_t at = lines[first].begin;
      while (at > 0 && text[at - 1] != '\n') --at;  // whole line, leading spaces included
      if (at > points.back()) points.push_back(at);
    }
    prev = s;
  }
  return points;
}

namespace {

// The first line of the report: the title block before the opening address; without one, the
// first line that is neither chrome nor a portal headline (a title followed by chrome).
std::optional<std::size_t> first_body_line(const Classifier& c, std::string_view text,
                                           const std::vector<Line>& lines) {
  if (auto open = find_opening(text, 0)) {
    return walk_back_title(c, text, lines, line_of(lines, *open));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view l = line_text(text, lines[i]);
    if (l.empty() || c.is_head_chrome(l) || c.is_foot(l)) continue;
    if (!c.is_title_block(l) && utf8::length(l) < 30) continue;
    if (c.is_title_block(l)) {
      // A portal headline is followed by chrome (来源/date lines), a report title is not.
      std::size_t n = i + 1;
      while (n < lines.size() && lines[n].begin == lines[n].end) ++n;
      if (n < lines.size() && c.is_head_chrome(line_text(text, lines[n]))) continue;
    }
    return i;
  }
  return std::nullopt;
}

// The last non-blank line before the footer.
std::size_t last_body_line(const Classifier& c, std::string_view text,
                           const std::vector<Line>& lines, std::size_t start) {
  std::size_t last = start;
  for (std::size_t j = start; j < lines.size(); ++j) {
    const std::string_view l = line_text(text, lines[j]);
    if (j > start && c.is_foot(l)) break;
    if (!Classifier::blankish(l)) last = j;
  }
  return last;
}

// A stray ';' after the closing sentence is a scraping artifact: the body ends before it.
Span without_stray_semicolon(std::string_view text, Span body) {
  const std::string_view tail = text.substr(body.begin, body.size());
  // Half-width text (text::normalize): a full-width semicolon is ';' here.
  if (tail.size() > 1 && tail.back() == ';') {
    std::size_t i = tail.size() - 1;
    const char32_t before = utf8::prev(tail, i);
    if (gwr::text::is_sentence_end(before) || before == U'”') body.end -= 1;
  }
  return body;
}

// Fields of a pipe or tab table row: a meta key cell followed by its value cell.
void table_row_meta(const Classifier& c, std::string_view text, const Line& ln, char sep,
                    std::vector<MetaHit>& out) {
  const std::string_view l = line_text(text, ln);
  std::vector<Span> cells;
  std::size_t p = 0;
  while (p <= l.size()) {
    std::size_t e = l.find(sep, p);
    if (e == std::string_view::npos) e = l.size();
    const std::string_view cell = utf8::trim(l.substr(p, e - p));
    const std::size_t cb = ln.begin + p + static_cast<std::size_t>(cell.data() - (l.data() + p));
    cells.push_back(Span{cb, cb + cell.size()});
    p = e + 1;
  }
  for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
    const std::string_view key = text.substr(cells[i].begin, cells[i].size());
    const std::string_view val = text.substr(cells[i + 1].begin, cells[i + 1].size());
    if (!c.is_meta_key(key)) continue;
    if (!val.empty() && !c.is_meta_key(val)) {
      out.push_back(MetaHit{cells[i], cells[i + 1]});
      ++i;
    }
  }
}

// Fields of a `key: value key: value` line; a key starts the line or follows a space or 】.
void keyed_line_meta(const Lexicon& lex, std::string_view text, const Line& ln,
                     std::vector<MetaHit>& out) {
  const std::string_view l = line_text(text, ln);
  struct KeyAt {
    std::size_t key_begin, key_end, value_begin;
  };
  std::vector<KeyAt> keys;
  for (std::size_t p = 0; p < l.size();) {
    // Half-width text: an ideographic space is ' ' here.
    const bool boundary =
        p == 0 || l[p - 1] == ' ' || l[p - 1] == '\t' || (p >= 3 && l.substr(p - 3, 3) == "】");
    bool hit = false;
    if (boundary) {
      for (const std::string& k : lex.meta_keys) {
        if (!starts_with(l.substr(p), k)) continue;
        std::size_t q = p + k.size();
        while (q < l.size() && l[q] == ' ') ++q;
        if (!starts_with(l.substr(q), ":")) continue;
        const std::size_t colon = 1;
        keys.push_back(KeyAt{p, p + k.size(), q + colon});
        p = q + colon;
        hit = true;
        break;
      }
    }
    if (!hit) p += std::max<std::size_t>(1, utf8::char_len(l, p));
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::size_t vend = i + 1 < keys.size() ? keys[i + 1].key_begin : l.size();
    const std::string_view v =
        utf8::trim(l.substr(keys[i].value_begin, vend - keys[i].value_begin));
    if (v.empty()) continue;
    const std::size_t vb = ln.begin + static_cast<std::size_t>(v.data() - l.data());
    out.push_back(MetaHit{Span{ln.begin + keys[i].key_begin, ln.begin + keys[i].key_end},
                          Span{vb, vb + v.size()}});
  }
}

// Page metadata: fields on the chrome lines outside the body lines [start, last].
std::vector<MetaHit> page_meta(const Classifier& c, std::string_view text,
                               const std::vector<Line>& lines, std::size_t start,
                               std::size_t last) {
  std::vector<MetaHit> out;
  for (std::size_t j = 0; j < lines.size(); ++j) {
    if (j >= start && j <= last) continue;
    const std::string_view l = line_text(text, lines[j]);
    if (l.empty()) continue;
    const char sep = starts_with(l, "|") ? '|' : (contains(l, "\t") ? '\t' : 0);
    if (sep != 0) {
      table_row_meta(c, text, lines[j], sep, out);
    } else {
      keyed_line_meta(c.lexicon(), text, lines[j], out);
    }
  }
  return out;
}

// Why `body` looks partial, "" when it does not: a whole report has an opening address (near the
// start), a review, a plan and a closing (near the end).
std::string partial_reason(const Lexicon& lex, std::string_view body) {
  const std::string_view head = body.substr(0, std::max<std::size_t>(body.size() / 6, 3000));
  const std::string_view tail_part =
      body.substr(body.size() - std::max<std::size_t>(body.size() * 3 / 10,
                                                      std::min<std::size_t>(body.size(), 3000)));
  std::vector<std::string> missing;
  if (!contains_any(head, lex.opening)) missing.push_back("opening address");
  if (!contains_any(body, lex.review)) missing.push_back("review part");
  if (!contains_any(body, lex.plan)) missing.push_back("plan part");
  if (!contains_any(tail_part, lex.closing)) missing.push_back("closing part");
  if (missing.empty()) return "";
  std::string reason = "looks like an excerpt or a cut-off page: no";
  for (std::size_t i = 0; i < missing.size(); ++i) reason += (i == 0 ? " " : ", ") + missing[i];
  return reason;
}

}  // namespace

Layout analyze(const Lexicon& lex, std::string_view text) {
  Layout out;
  const Classifier c(lex);
  const std::vector<Line> lines = split_lines(text);
  const std::optional<std::size_t> start = first_body_line(c, text, lines);
  if (!start) {
    out.partial = true;
    out.partial_reason = "no report text found between the page chrome";
    return out;
  }
  const std::size_t last = last_body_line(c, text, lines, *start);
  out.body = without_stray_semicolon(text, Span{lines[*start].begin, lines[last].end});
  out.meta = page_meta(c, text, lines, *start, last);
  out.partial_reason = partial_reason(lex, text.substr(out.body.begin, out.body.size()));
  out.partial = !out.partial_reason.empty();
  return out;
}

}  // namespace gwr::ingest
