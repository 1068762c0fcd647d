// Dates: the delivery date, the plan and review years, the page's publish date
// (meta/internal.h).
#include <algorithm>
#include <string>

#include "common/utf8.h"
#include "meta/internal.h"
#include "text/numerals.h"

namespace gwr::meta::detail {
namespace {

std::string pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

int digit_value(char32_t c) {
  return utf8::is_ascii_digit(c) ? static_cast<int>(c - U'0') : text::cn_digit(c);
}

std::optional<Date> date_at(U32View s, std::size_t i, bool allow_no_year) {
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

}  // namespace

std::vector<Date> find_dates(U32View s, bool allow_no_year) {
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

std::string Date::str() const {
  std::string s = std::to_string(year) + "-" + pad2(month);
  return day > 0 ? s + "-" + pad2(day) : s;
}

std::optional<Date> delivery_date(U32View h, std::size_t body_at, U32View body, bool national,
                                  const Lexicon& lx) {
  const U32& meeting = lx.list("meeting").phrases32().back();  // 会议
  const U32& title = lx.list("report_title").phrases32().front();
  std::optional<Date> delivered;
  int best_rank = 0;
  for (const Date& d : find_dates(h)) {
    std::size_t after = d.end;
    while (after < h.size() && utf8::is_space(h[after])) ++after;
    std::size_t lb = line_begin(h, d.begin), le = line_end(h, d.end);
    auto only_space = [&](std::size_t a, std::size_t b) {
      for (std::size_t k = a; k < b; ++k) {
        if (!utf8::is_space(h[k]) && !lx.has_char("date_frame", h[k])) return false;
      }
      return true;
    };
    int rank = 0;
    // The session phrase right after the date on the same line:
    // "(2024年2月20日南山市第十届人民代表大会 第四次会议通过)".
    auto session_follows = [&] {
      U32View rest = U32View(h).substr(after, std::min<std::size_t>(80, h.size() - after));
      rest = rest.substr(0, std::min(rest.size(), rest.find(U'\n')));
      const std::size_t hui = rest.find(meeting);
      return hui != U32View::npos && lx.list("congress").contains_in(to_utf8(rest.substr(0, hui)));
    };
    if (starts_at(h, after, U"在") && h.substr(after, 80).find(meeting) != U32::npos)
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
    for (const Date& d : find_dates(body, true)) {
      std::size_t near_b = d.begin > 60 ? d.begin - 60 : 0;
      if (U32View(body).substr(near_b, 160).find(title) == U32View::npos) continue;
      Date dd = d;
      if (dd.year == 0) {
        for (std::size_t k = d.begin; k >= 5 && dd.year == 0; --k) {
          if (body[k - 1] == U'年') {
            auto y = parse_number(body.substr(k - 5, 4));
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
  return delivered;
}

std::optional<int> plan_year_from_headings(U32View body, const Lexicon& lx) {
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
    if (i >= 5 && (is_num_char(body[i - 5]) || lx.has_char("range_mark", body[i - 5]))) continue;
    std::size_t stop = body.find_first_of(U"。,;:!?\n", i);
    U32View tail = body.substr(
        i + 1, std::min<std::size_t>(stop == U32View::npos ? body.size() : stop, i + 18) - i - 1);
    for (const U32& w : lx.list("review_heading").phrases32()) {
      if (tail.find(w) != U32View::npos) return year + 1;
    }
    for (const U32& w : lx.list("plan_heading").phrases32()) {
      if (tail.size() >= w.size() &&
          tail.substr(0, std::min(tail.size(), w.size() + 4)).find(w) != U32View::npos)
        return year;
    }
  }
  return std::nullopt;
}

std::optional<std::string> published_from(const Document& doc, U32View before_body,
                                          const Lexicon& lx) {
  for (const std::string& key : lx.list("publish_key").in_file_order()) {
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
    if (dt.day > 0 &&
        (line.find(U':') != U32View::npos || lx.list("source_key").contains_in(to_utf8(line))))
      return dt.str();
  }
  return std::nullopt;
}
std::optional<int> plan_year_from_year_sentences(U32View body, const Lexicon& lx) {
  // `2023年是…` opens the review of 2023, `2024年是…` the plan of 2024 (…关键之年).
  std::vector<std::pair<int, std::size_t>> found;  // year, position
  const U32& is = lx.list("year_is").phrases32().front();
  for (std::size_t i = body.find(U'年'); i != U32View::npos; i = body.find(U'年', i + 1)) {
    if (i < 4 || !starts_at(body, i + 1, is)) continue;
    if (i >= 5 && is_num_char(body[i - 5])) continue;
    int y = 0;
    for (std::size_t k = i - 4; k < i; ++k) {
      const int d = body[k] == U'两' ? -1 : digit_value(body[k]);
      if (d < 0) {
        y = 0;
        break;
      }
      y = y * 10 + d;
    }
    if (y >= 1949 && y <= 2100) found.emplace_back(y, i);
  }
  if (found.empty()) return std::nullopt;
  std::optional<int> pair;
  for (const auto& [a, pa] : found) {
    for (const auto& [b, pb] : found) {
      if (b == a + 1 && pb > pa && (!pair || b > *pair)) pair = b;
    }
  }
  if (pair) return pair;
  const auto& [y, at] = found.front();
  const bool all_same =
      std::all_of(found.begin(), found.end(), [y = y](const auto& f) { return f.first == y; });
  if (!all_same) return std::nullopt;
  // One year only: the plan year when the text right after it speaks of this year's work
  // (2024年是…关键一年，做好今年工作…), else the year under review.
  const U32View after = body.substr(at, 160);
  for (const U32& w : lx.list("this_year").phrases32()) {
    if (after.find(w) != U32View::npos) return y;
  }
  return y + 1;
}

}  // namespace gwr::meta::detail
