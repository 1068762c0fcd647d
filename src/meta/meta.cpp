// annotate(): reads the report header (title, `——在…会议上` subtitle, speaker line), the body and
// the page metadata into Document::meta. Works on UTF-32 copies of short zones so that character
// arithmetic is simple; nothing here keeps offsets, so no mapping back is needed.
#include "meta/meta.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "text/numerals.h"

namespace gwr::meta {
namespace {

using U32 = std::u32string;
using U32View = std::u32string_view;

constexpr std::size_t kLookbackLines = 3;  // header lines tolerated before the body start
constexpr std::size_t kLookbackBytes = 800;
constexpr std::size_t kHeaderBytes = 3000;  // header zone after the body start

bool starts_at(U32View s, std::size_t i, U32View w) {
  return i <= s.size() && s.substr(i, w.size()) == w;
}

bool is_num_char(char32_t c) { return utf8::is_ascii_digit(c) || text::is_small_numeral(c); }
bool is_sep(char32_t c) {
  return utf8::is_space(c) || c == U';' || c == U':' || c == U'：' || c == U'；' || c == U'、' ||
         c == U',';
}
bool is_name_char(char32_t c) { return utf8::is_han(c) || c == U'·' || c == U'•'; }

int digit_value(char32_t c) {
  return utf8::is_ascii_digit(c) ? static_cast<int>(c - U'0') : text::cn_digit(c);
}

// "2021", "二〇二一" (digit by digit), "十二", "二十一", "14" → value; nullopt when malformed.
std::optional<int> parse_number(U32View s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char32_t c) { return utf8::is_ascii_digit(c); })) {
    int v = 0;
    for (char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
    return v;
  }
  const auto v = text::parse_chinese(s);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

using text::to_chinese;

std::string pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// Reads a numeral run starting at i; returns its value and advances i past it.
std::optional<int> read_number(U32View s, std::size_t& i) {
  std::size_t j = i;
  while (j < s.size() && is_num_char(s[j])) ++j;
  auto v = parse_number(s.substr(i, j - i));
  if (v) i = j;
  return v;
}

struct Date {
  int year = 0, month = 0, day = 0;  // day 0: month only; year 0: year not written
  std::size_t begin = 0, end = 0;
  std::string str() const {
    std::string s = std::to_string(year) + "-" + pad2(month);
    return day > 0 ? s + "-" + pad2(day) : s;
  }
};

// A date `YYYY年M月[D日]` (Arabic or Chinese numerals) starting exactly at i; with
// allow_no_year also `M月D日`.
// Spaces inside the date are tolerated (`2023 年 1 月 10 日` from PDF text).
std::optional<Date> date_at(U32View s, std::size_t i, bool allow_no_year = false) {
  Date d;
  d.begin = i;
  std::size_t j = i;
  auto skip = [&](std::size_t& k) {
    while (k < s.size() && s[k] == U' ') ++k;
  };
  auto first = read_number(s, j);
  if (!first) return std::nullopt;
  std::size_t year_digits = j - i;
  skip(j);
  if (j < s.size() && s[j] == U'年') {
    if (*first < 1949 || *first > 2100 || year_digits != 4) return std::nullopt;
    d.year = *first;
    ++j;
    skip(j);
    auto m = read_number(s, j);
    skip(j);
    if (!m || j >= s.size() || s[j] != U'月' || *m < 1 || *m > 12) return std::nullopt;
    d.month = *m;
    ++j;
  } else if (allow_no_year && j < s.size() && s[j] == U'月' && *first >= 1 && *first <= 12) {
    d.month = *first;
    ++j;
  } else {
    return std::nullopt;
  }
  std::size_t k = j;
  skip(k);
  auto day = read_number(s, k);
  skip(k);
  if (day && k < s.size() && (s[k] == U'日' || s[k] == U'号') && *day >= 1 && *day <= 31) {
    d.day = *day;
    j = k + 1;
  } else if (d.year == 0) {
    return std::nullopt;
  }
  d.end = j;
  return d;
}

std::vector<Date> find_dates(U32View s, bool allow_no_year = false) {
  std::vector<Date> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_num_char(s[i]) || (i > 0 && is_num_char(s[i - 1]))) continue;
    if (auto d = date_at(s, i, allow_no_year)) {
      out.push_back(*d);
      i = d->end - 1;
    }
  }
  return out;
}

std::size_t line_begin(U32View s, std::size_t i) {
  std::size_t p = s.rfind(U'\n', i == 0 ? 0 : i - 1);
  return (p == U32View::npos || i == 0) ? 0 : p + 1;
}
std::size_t line_end(U32View s, std::size_t i) {
  std::size_t p = s.find(U'\n', i);
  return p == U32View::npos ? s.size() : p;
}

std::string to_utf8(U32View s) { return utf8::from_u32(s); }

// --- session ---------------------------------------------------------------------------------

struct Session {
  std::string text;       // canonical form
  bool national = false;  // 全国人民代表大会
  U32 region;  // written between 在 and the term number: "张掖市甘州区", "区", ""
  std::size_t begin = 0, end = 0;
};

std::optional<Session> session_at(U32View h, std::size_t jie) {
  std::size_t nb = jie;
  while (nb > 0 && is_num_char(h[nb - 1])) --nb;
  auto term = parse_number(h.substr(nb, jie - nb));
  if (!term || *term < 1 || *term > 99) return std::nullopt;
  std::size_t j = jie + 1;
  auto skip_space = [&] {
    while (j < h.size() && utf8::is_space(h[j])) ++j;
  };
  skip_space();
  Session s;
  static constexpr std::array<std::pair<U32View, bool>, 4> kBodies = {{{U"全国人民代表大会", true},
                                                                       {U"人民代表大会", false},
                                                                       {U"全国人大", true},
                                                                       {U"人大", false}}};
  bool matched = false;
  for (auto [word, national] : kBodies) {
    if (starts_at(h, j, word)) {
      j += word.size();
      s.national = national;
      matched = true;
      break;
    }
  }
  if (!matched) return std::nullopt;
  skip_space();
  if (j < h.size() && h[j] == U'第') ++j;
  auto meeting = read_number(h, j);
  if (!meeting || *meeting < 1 || *meeting > 99 || !starts_at(h, j, U"次")) return std::nullopt;
  ++j;
  if (starts_at(h, j, U"全体会议"))
    j += 4;
  else if (starts_at(h, j, U"会议"))
    j += 2;
  else
    return std::nullopt;
  s.text = "第" + to_chinese(*term) + "届人民代表大会第" + to_chinese(*meeting) + "次会议";
  std::size_t rb = nb;
  if (rb > 0 && h[rb - 1] == U'第') --rb;
  std::size_t re = rb;
  // Back to 在, or to the end of a date written just before the name
  // ("2024年2月20日南山市第十届…").
  auto date_end = [&](std::size_t k) {
    return (h[k] == U'日' || h[k] == U'号') && k > 0 &&
           (utf8::is_ascii_digit(h[k - 1]) || is_num_char(h[k - 1]));
  };
  while (rb > 0 && utf8::is_han(h[rb - 1]) && h[rb - 1] != U'在' && !date_end(rb - 1) &&
         re - rb < 16)
    --rb;
  s.region = U32(h.substr(rb, re - rb));
  if (s.region.find(U"全国") != U32::npos) s.national = true;
  s.begin = rb;
  s.end = j;
  return s;
}

// Sessions are matched on a copy without white space, so `第十九届\n人民代表大会` and letter-spaced
// PDF text match; positions are mapped back to `h`.
std::optional<Session> find_session(U32View h, std::size_t body_at) {
  U32 compact;
  std::vector<std::size_t> at;  // compact index → index in h
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (utf8::is_space(h[i])) continue;
    compact.push_back(h[i]);
    at.push_back(i);
  }
  at.push_back(h.size());
  std::optional<Session> fallback;
  for (std::size_t i = compact.find(U'届'); i != U32::npos; i = compact.find(U'届', i + 1)) {
    if (auto s = session_at(compact, i)) {
      s->begin = at[s->begin];
      s->end = s->end > 0 ? at[s->end - 1] + 1 : 0;
      if (s->begin >= body_at) return s;
      if (!fallback) fallback = s;
    }
  }
  return fallback;
}

// --- speaker -----------------------------------------------------------------------------------

struct Speaker {
  std::string name, title;
  U32 before;  // text on the line before the title (place name, 人民政府, party posts)
  std::size_t begin = 0;
};

// A personal name starting at i (after separators): 2-4 characters, or longer with '·'.
std::optional<std::string> name_at(U32View h, std::size_t i) {
  int newlines = 0;
  while (i < h.size() && (is_sep(h[i]) || h[i] == U'\n')) {
    if (h[i] == U'\n' && ++newlines > 1) return std::nullopt;
    ++i;
  }
  std::size_t j = i;
  while (j < h.size() && is_name_char(h[j]) && j - i < 24) ++j;
  U32View run = h.substr(i, j - i);
  // Names letter-spaced to align with longer ones (王  伟, 王 小 明): single characters
  // separated by spaces on the same line are one name.
  U32 spaced;
  if (run.size() == 1) {
    spaced = U32(run);
    std::size_t k = j;
    while (spaced.size() < 4) {
      std::size_t m = k;
      while (m < h.size() && h[m] != U'\n' && utf8::is_space(h[m])) ++m;
      if (m == k || m >= h.size() || !is_name_char(h[m]) ||
          (m + 1 < h.size() && is_name_char(h[m + 1])))
        break;
      spaced.push_back(h[m]);
      k = m + 1;
    }
    if (spaced.size() >= 2) run = spaced;
  }
  if (auto p = run.find(U"各位代表"); p != U32View::npos) run = run.substr(0, p);
  bool foreign = run.find_first_of(U"·•") != U32View::npos;
  if (run.size() > 4 && !foreign) {
    // News style: 李强在政府工作报告中提出 / 张三作报告 — cut before the first verb-like word.
    static constexpr std::array<U32View, 9> kAfter = {U"在",   U"代表", U"作",   U"向",  U"说",
                                                      U"表示", U"指出", U"提出", U"同志"};
    std::size_t cut = U32View::npos;
    for (std::size_t k = 2; k <= 3 && cut == U32View::npos; ++k) {
      for (U32View w : kAfter) {
        if (starts_at(run, k, w)) {
          cut = k;
          break;
        }
      }
    }
    if (cut == U32View::npos) return std::nullopt;
    run = run.substr(0, cut);
  }
  if (run.size() < 2) return std::nullopt;
  for (U32View bad : {U32View(U"政府"), U32View(U"报告"), U32View(U"代表"), U32View(U"会议")}) {
    if (run.find(bad) != U32View::npos) return std::nullopt;
  }
  return to_utf8(run);
}

std::optional<Speaker> find_titled_speaker(U32View h, std::size_t body_at) {
  static constexpr std::array<U32View, 9> kPosts = {U"总理", U"省长", U"市长", U"州长", U"县长",
                                                    U"区长", U"盟长", U"旗长", U"主席"};
  static constexpr U32View kBeforeOk = U"市县区州省府盟旗院、代理副;:：\n";
  std::optional<Speaker> best;
  for (U32View post : kPosts) {
    for (std::size_t i = h.find(post); i != U32View::npos; i = h.find(post, i + 1)) {
      if (i > 0 && !utf8::is_space(h[i - 1]) && kBeforeOk.find(h[i - 1]) == U32View::npos) continue;
      if (post == U"主席" && !(i >= 1 && (h[i - 1] == U'区' || h[i - 1] == U'府'))) continue;
      auto name = name_at(h, i + post.size());
      if (!name) continue;
      std::size_t tb = i;
      if (tb >= 2 && starts_at(h, tb - 2, U"代理"))
        tb -= 2;
      else if (tb >= 1 && (h[tb - 1] == U'代' || h[tb - 1] == U'副'))
        tb -= 1;
      if (post == U"总理" && tb >= 3 && starts_at(h, tb - 3, U"国务院")) tb -= 3;
      Speaker s;
      s.name = *name;
      s.title = to_utf8(h.substr(tb, i + post.size() - tb));
      s.before = U32(h.substr(line_begin(h, tb), tb - line_begin(h, tb)));
      s.begin = tb;
      bool better =
          !best || ((s.begin >= body_at) != (best->begin >= body_at) ? s.begin >= body_at
                                                                     : s.begin < best->begin);
      if (better) best = s;
    }
  }
  return best;
}

// --- region ------------------------------------------------------------------------------------

struct Found {
  Divisions::Entry entry;
  std::string written;
};

// The longest suffix of `s` that names a division; the rest of `s` (张掖市 in 张掖市甘州区)
// disambiguates first, then the body text.
std::optional<Found> region_in(U32View s, const Divisions& div, std::string_view body) {
  for (std::size_t b = 0; b + 2 <= s.size(); ++b) {
    std::string cand = to_utf8(s.substr(b));
    if (div.lookup(cand).empty()) continue;
    std::string prefix = to_utf8(s.substr(0, b));
    if (!prefix.empty()) {
      auto e = div.resolve(cand, prefix);
      if (e && div.context_score(*e, prefix) > 0) return Found{*e, cand};
      // 义县 inside 嘉义县 is not a name of its own: a suffix counts only after a complete name
      // (张掖市|甘州区) or a parent it belongs to (above).
      if (U32View(U"省市州县区旗盟").find(s[b - 1]) == U32View::npos) continue;
    }
    if (auto e = div.resolve(cand, body)) return Found{*e, cand};
  }
  return std::nullopt;
}

Level level_from_suffix(std::string_view name);

// The last division name in `s` and what precedes it: "兰州市城关区区委副书记、" → 城关区 after
// 兰州市. Names are matched longest first from left to right.
U32 last_place(U32View s, const Divisions& div) {
  std::size_t best_e = 0;
  for (std::size_t i = 0; i + 2 <= s.size();) {
    std::size_t len = std::min<std::size_t>(12, s.size() - i);
    for (; len >= 2; --len) {
      const std::string name = to_utf8(s.substr(i, len));
      if (div.lookup(name).empty()) continue;
      const char32_t next = i + len < s.size() ? s[i + len] : 0;
      // 代县长 is an acting county head, not 代县 (a county of Shanxi) + 长.
      if (s[i] == U'代' && next == U'长') continue;
      // 南山 followed by 市 names 南山市, whatever 南山 is short for.
      if (next != 0 && U32View(U"省市县区州旗盟").find(next) != U32View::npos &&
          level_from_suffix(name) == Level::kUnknown && !name.ends_with("市")) {
        continue;
      }
      break;
    }
    if (len >= 2) {
      best_e = i + len;
      i += len;
    } else {
      ++i;
    }
  }
  return U32(s.substr(0, best_e));
}

// Place name written before 政府工作报告 in a title line: "2021年某某县政府工作报告" → 某某县.
std::vector<U32> title_places(U32View h) {
  std::vector<U32> out;
  for (std::size_t i = h.find(U"政府工作报告"); i != U32View::npos;
       i = h.find(U"政府工作报告", i + 1)) {
    std::size_t e = i;
    if (e >= 2 && starts_at(h, e - 2, U"人民")) e -= 2;
    std::size_t b = e;
    while (b > 0 && (utf8::is_han(h[b - 1]) || utf8::is_ascii_digit(h[b - 1])) && e - b < 24 &&
           h[b - 1] != U'】')
      --b;
    U32 run;  // without years: 2021年宝兴县 → 宝兴县, 张掖市2023年 → 张掖市
    for (std::size_t k = b; k < e; ++k) {
      if (utf8::is_ascii_digit(h[k])) {
        while (k < e && utf8::is_ascii_digit(h[k])) ++k;
        if (k < e && h[k] != U'年') --k;
        continue;
      }
      run.push_back(h[k]);
    }
    if (!run.empty()) out.push_back(std::move(run));
  }
  return out;
}

Level level_from_suffix(std::string_view name) {
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  if (ends("省") || ends("自治区")) return Level::kProvince;
  if (ends("州") || ends("盟") || ends("地区")) return Level::kPrefecture;
  if (ends("县") || ends("区") || ends("旗")) return Level::kCounty;
  return Level::kUnknown;
}

// Most mentioned division among names ending in the dominant scope character (全市 → 市).
std::optional<Found> region_by_frequency(U32View body, const Divisions& div,
                                         std::string_view body8) {
  std::map<char32_t, int> scope;
  for (std::size_t i = body.find(U'全'); i != U32View::npos; i = body.find(U'全', i + 1)) {
    if (i + 1 < body.size() && U32View(U"省市州县区旗盟").find(body[i + 1]) != U32View::npos)
      ++scope[body[i + 1]];
  }
  if (scope.empty()) return std::nullopt;
  char32_t dom = std::max_element(scope.begin(), scope.end(), [](auto& a, auto& b) {
                   return a.second < b.second;
                 })->first;
  std::map<std::string, int> freq;
  for (std::size_t i = body.find(dom); i != U32View::npos; i = body.find(dom, i + 1)) {
    for (std::size_t len = 3; len <= 8 && len <= i + 1; ++len) {
      std::string cand = to_utf8(body.substr(i + 1 - len, len));
      if (!div.lookup(cand).empty()) {
        ++freq[cand];
        break;
      }
    }
  }
  if (freq.empty()) return std::nullopt;
  auto top = std::max_element(freq.begin(), freq.end(),
                              [](auto& a, auto& b) { return a.second < b.second; });
  if (auto e = div.resolve(top->first, body8)) return Found{*e, top->first};
  return std::nullopt;
}

// --- years -------------------------------------------------------------------------------------

// Year named by a heading like `2022年工作回顾` (review) or `2023年工作安排` (plan), first found.
std::optional<int> plan_year_from_headings(U32View body) {
  static constexpr std::array<U32View, 10> kPlan = {
      U"工作安排", U"主要任务", U"重点工作", U"工作任务", U"总体要求",
      U"预期目标", U"工作建议", U"目标任务", U"主要目标", U"政府工作报告"};
  // The year before 年 written with four digits, Arabic (2023) or Chinese (二〇二三); 0 if not.
  auto year_before = [&](std::size_t i) {
    if (i < 4) return 0;
    int y = 0;
    for (std::size_t k = i - 4; k < i; ++k) {
      const char32_t c = body[k];
      const int d = c == U'两' ? -1 : digit_value(c);  // years are written digit by digit
      if (d < 0) return 0;
      y = y * 10 + d;
    }
    return y >= 1949 && y <= 2100 ? y : 0;
  };
  for (std::size_t i = body.find(U'年'); i != U32View::npos; i = body.find(U'年', i + 1)) {
    const int year = year_before(i);
    if (year == 0) continue;
    if (i >= 5 &&
        (is_num_char(body[i - 5]) || U32View(U"到至—-~").find(body[i - 5]) != U32View::npos))
      continue;
    std::size_t stop = body.find_first_of(U"。,;:!?\n", i);
    U32View tail = body.substr(
        i + 1, std::min<std::size_t>(stop == U32View::npos ? body.size() : stop, i + 18) - i - 1);
    if (tail.find(U"回顾") != U32View::npos) return year + 1;
    for (U32View w : kPlan) {
      if (tail.size() >= w.size() &&
          tail.substr(0, std::min(tail.size(), w.size() + 4)).find(w) != U32View::npos)
        return year;
    }
  }
  return std::nullopt;
}

std::optional<std::string> published_from(const Document& doc, U32View before_body) {
  static constexpr std::array<std::string_view, 6> kKeys = {"发布日期", "发布时间", "发表日期",
                                                            "发表时间", "生成日期", "公开日期"};
  for (std::string_view key : kKeys) {
    for (const PageMetaField& f : doc.page_meta) {
      if (f.key.find(key) == std::string::npos) continue;
      U32 v = utf8::to_u32(f.value);
      for (std::size_t i = 0; i + 10 <= v.size(); ++i) {
        auto y = parse_number(v.substr(i, 4));
        auto m = parse_number(v.substr(i + 5, 2));
        auto d = parse_number(v.substr(i + 8, 2));
        if (y && m && d && U32View(U"-/.").find(v[i + 4]) != U32View::npos && *y > 1949 &&
            *m <= 12 && *d <= 31) {
          return std::to_string(*y) + "-" + pad2(*m) + "-" + pad2(*d);
        }
      }
      for (const Date& dt : find_dates(v))
        if (dt.day > 0) return dt.str();
    }
  }
  // No page meta: a dated line before the body that carries a time or a source (`2023年03月17日
  // 15:02 来源:`).
  for (const Date& dt : find_dates(before_body)) {
    U32View line = before_body.substr(dt.begin, line_end(before_body, dt.begin) - dt.begin);
    if (dt.day > 0 && (line.find(U':') != U32View::npos || line.find(U"来源") != U32View::npos))
      return dt.str();
  }
  return std::nullopt;
}

}  // namespace

void annotate(Document& doc, const Divisions& div) {
  Metadata m;
  std::string_view text = doc.text.text;
  Span body = doc.body.empty() ? Span{0, text.size()} : doc.body;
  body.end = std::min(body.end, text.size());
  body.begin = std::min(body.begin, body.end);
  std::string_view body8 = text.substr(body.begin, body.end - body.begin);

  // Header zone: a few lines before the body (tolerating a misplaced start) up to 各位代表.
  std::size_t zb = body.begin;
  for (std::size_t lines = 0;
       zb > 0 && lines <= kLookbackLines && body.begin - zb < kLookbackBytes;) {
    if (text[--zb] == '\n') ++lines;
  }
  while (zb < body.begin && (text[zb] & 0xC0) == 0x80) ++zb;
  std::size_t ze = std::min(body.end, body.begin + kHeaderBytes);
  if (std::size_t p = text.find("各位代表", body.begin); p != std::string_view::npos && p < ze)
    ze = p + 12;
  while (ze < text.size() && (text[ze] & 0xC0) == 0x80) ++ze;
  U32 h = utf8::to_u32(text.substr(zb, ze - zb));
  std::size_t body_at = utf8::length(text.substr(zb, body.begin - zb));
  U32 body32 = utf8::to_u32(body8);

  std::optional<Session> session = find_session(h, body_at);
  std::optional<Speaker> speaker = find_titled_speaker(h, body_at);
  if (session) m.session = session->text;

  if (speaker) {
    m.speaker = speaker->name;
    m.speaker_title = speaker->title;
    m.acting = speaker->title.rfind("代", 0) == 0;
  } else if (session) {
    // Name alone after the subtitle: `…会议上 毛伟明 各位代表`.
    std::size_t i = session->end;
    if (starts_at(h, i, U"上")) ++i;
    while (i < h.size() && (h[i] == U')' || h[i] == U'）')) ++i;
    if (auto name = name_at(h, i)) m.speaker = *name;
  }
  // A national report's news-style mention: 国务院总理李强在政府工作报告中…
  bool national = (session && session->national) ||
                  (m.speaker_title && m.speaker_title->find("国务院") != std::string::npos);
  if (!speaker && !national) {
    std::size_t p = body32.find(U"国务院总理");
    if (p != U32::npos && body32.find(U"政府工作报告") != U32::npos) {
      if (auto name = name_at(body32, p + 5)) {
        m.speaker = *name;
        m.speaker_title = "国务院总理";
        national = true;
      }
    }
  }

  // Region.
  std::optional<Found> found;
  if (!national) {
    std::vector<U32> places;
    if (session) places.push_back(session->region);
    if (speaker) places.push_back(last_place(speaker->before, div));
    for (U32& t : title_places(U32View(h).substr(body_at))) places.push_back(std::move(t));
    for (U32& t : title_places(U32View(h).substr(0, body_at))) places.push_back(std::move(t));
    for (const PageMetaField& f : doc.page_meta) {
      if (f.value.find("政府") != std::string::npos) {
        U32 v = utf8::to_u32(f.value);
        places.push_back(
            v.substr(0, v.find(U"人民政府") != U32::npos ? v.find(U"人民政府") : v.find(U"政府")));
      }
    }
    // A full name in the session line ("在滨江县第十八届…") is the most reliable source: a place
    // found elsewhere (the speaker line, the body) is taken only when it is part of that name;
    // otherwise the name is reported as written (below).
    const bool session_named = session && session->region.size() >= 3 &&
                               (level_from_suffix(to_utf8(session->region)) != Level::kUnknown ||
                                session->region.back() == U'市');
    auto agrees = [&](const std::optional<Found>& f) {
      return !session_named || session->region.find(utf8::to_u32(f->written)) != U32::npos;
    };
    for (const U32& p : places) {
      if ((found = region_in(p, div, body8))) {
        if (agrees(found)) break;
        found.reset();
      }
    }
    if (!found) {
      found = region_by_frequency(body32, div, body8);
      if (found && !agrees(found)) found.reset();
    }
  }
  if (national) {
    m.region = "全国";
    m.region_code = "100000";
    m.level = Level::kNational;
  } else if (found) {
    const Divisions::Entry& e = found->entry;
    m.region = e.name;
    m.region_code = e.code;
    m.level = e.level;
    if (const auto* p = div.by_code(e.province_code)) m.province = p->name;
    if (e.level == Level::kCounty) {
      if (const auto* p = div.by_code(e.parent_code)) m.parent = p->name;
    }
  } else if (session && session->region.size() >= 2) {
    m.region = to_utf8(session->region);
    m.level = level_from_suffix(*m.region);
    doc.warn("meta_unknown_region", "region '" + *m.region + "' is not in the division table");
  }

  // Delivery date: before `在…会议上`, in parentheses, or alone on a header line.
  std::optional<Date> delivered;
  int best_rank = 0;
  for (const Date& d : find_dates(h)) {
    std::size_t after = d.end;
    while (after < h.size() && utf8::is_space(h[after])) ++after;
    std::size_t lb = line_begin(h, d.begin), le = line_end(h, d.end);
    auto only_space = [&](std::size_t a, std::size_t b) {
      for (std::size_t k = a; k < b; ++k) {
        if (!utf8::is_space(h[k]) && U32View(U"()（）——-").find(h[k]) == U32View::npos)
          return false;
      }
      return true;
    };
    int rank = 0;
    // The session phrase right after the date on the same line:
    // "(2024年2月20日南山市第十届人民代表大会 第四次会议通过)".
    auto session_follows = [&] {
      U32View rest = U32View(h).substr(after, std::min<std::size_t>(80, h.size() - after));
      rest = rest.substr(0, std::min(rest.size(), rest.find(U'\n')));
      const std::size_t hui = rest.find(U"会议");
      return hui != U32View::npos && (rest.substr(0, hui).find(U"人民代表大会") != U32View::npos ||
                                      rest.substr(0, hui).find(U"人大") != U32View::npos);
    };
    if (starts_at(h, after, U"在") && h.substr(after, 80).find(U"会议") != U32::npos)
      rank = 3;
    else if (session_follows())
      rank = 3;
    else if (d.begin > 0 && (h[d.begin - 1] == U'(' || h[d.begin - 1] == U'（') &&
             after < h.size() && (h[after] == U')' || h[after] == U'）'))
      rank = 2;
    else if (only_space(lb, d.begin) && only_space(d.end, le))
      rank = 2;
    if (rank == 0) continue;
    rank = rank * 2 + (d.begin >= body_at ? 1 : 0);
    if (rank > best_rank) {
      best_rank = rank;
      delivered = d;
    }
  }
  if (!delivered && national) {
    // News: `3月5日…政府工作报告`, the year from the date itself or the nearest `YYYY年` before it.
    for (const Date& d : find_dates(body32, true)) {
      std::size_t near_b = d.begin > 60 ? d.begin - 60 : 0;
      if (U32View(body32).substr(near_b, 160).find(U"政府工作报告") == U32View::npos) continue;
      Date dd = d;
      if (dd.year == 0) {
        for (std::size_t k = d.begin; k >= 5 && dd.year == 0; --k) {
          if (body32[k - 1] == U'年') {
            auto y = parse_number(U32View(body32).substr(k - 5, 4));
            if (y && *y > 1949 && *y < 2100) dd.year = *y;
          }
        }
      }
      if (dd.year != 0) {
        delivered = dd;
        break;
      }
    }
  }
  if (delivered) m.delivered = delivered->str();

  // Years: the delivery date (Nov/Dec → next year), else headings, else the title year.
  if (delivered) m.plan_year = delivered->month >= 10 ? delivered->year + 1 : delivered->year;
  if (!m.plan_year) {
    if (auto y = plan_year_from_headings(body32)) m.plan_year = *y;
  }
  if (m.plan_year) m.review_year = *m.plan_year - 1;

  std::size_t pb = body.begin > kHeaderBytes ? body.begin - kHeaderBytes : 0;
  while (pb < body.begin && (text[pb] & 0xC0) == 0x80) ++pb;
  m.published = published_from(doc, utf8::to_u32(text.substr(pb, body.begin - pb)));
  doc.meta = std::move(m);

  const Metadata& r = doc.meta;
  auto warn_null = [&](bool missing, const char* field) {
    if (missing)
      doc.warn(std::string("meta_no_") + field,
               std::string("could not determine ") + field + " from the report text");
  };
  warn_null(!r.region, "region");
  warn_null(!r.delivered, "delivered");
  warn_null(!r.session, "session");
  warn_null(!r.speaker, "speaker");
  warn_null(!r.speaker_title, "speaker_title");
  warn_null(!r.plan_year, "plan_year");
}

}  // namespace gwr::meta
