#include "quantity/scanner.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "common/utf8.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::quantity {
namespace {

using text::cn_digit;
using text::cn_multiplier;
using text::is_cn_numeral;
using text::parse_arabic;
using text::parse_chinese;

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alpha(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alnum(char32_t c) { return is_digit(c) || is_alpha(c); }
bool is_roman(char32_t c) { return (c >= 0x2160 && c <= 0x216B) || (c >= 0x2170 && c <= 0x217B); }
bool is_range_sep(char32_t c) {
  return c == '-' || c == '~' || c == U'—' || c == U'–' || c == U'―' || c == U'～' || c == U'－' ||
         c == U'至' || c == U'到';
}
bool is_open_quote(char32_t c) { return c == U'“' || c == '"' || c == U'「' || c == U'‘'; }
bool is_close_quote(char32_t c) { return c == U'”' || c == '"' || c == U'」' || c == U'’'; }
// Characters after which a line item may start (enumerators 一、 1. 一是).
bool is_item_boundary(char32_t c) {
  return c == 0 || utf8::is_space(c) || text::is_sentence_end(c) || text::is_semicolon(c) ||
         text::is_colon(c);
}
bool is_multiplier_only(std::u32string_view run) {
  return std::all_of(run.begin(), run.end(), [](char32_t c) { return cn_multiplier(c) >= 100; });
}
bool is_multiplier_unit(std::string_view unit) {
  if (unit.empty()) return false;
  for (char32_t c : utf8::to_u32(unit)) {
    if (cn_multiplier(c) < 100) return false;
  }
  return true;
}

// A parsed numeral (Arabic digits or a Chinese run), before any unit.
struct Num {
  std::size_t begin = 0, end = 0;
  double value = 0;
  bool chinese = false;
  bool integer = true;
  bool comma = false;
  std::size_t int_digits = 0;  // Arabic digits before the point
  std::size_t frac_digits = 0;
};

// What follows a numeral: approximation, multiplier and unit.
struct Tail {
  std::size_t end = 0;
  std::string unit;                // as written, approximation characters left out
  const UnitInfo* info = nullptr;  // null for none or a bare multiplier
  double mult = 1;                 // multiplier written in front of the table unit
  Approx approx = Approx::kNone;
};

class Scanner {
 public:
  Scanner(const Lexicon& lex, std::string_view t) : lex_(lex), t_(t) {}

  std::vector<Mention> run(std::size_t from, bool first_only) {
    floor_ = from;
    std::size_t i = from;
    while (i < t_.size()) {
      const std::size_t before = out_.size();
      i = step(i);
      if (first_only && out_.size() > before) break;
    }
    return std::move(out_);
  }

 private:
  const Lexicon& lex_;
  std::string_view t_;
  std::size_t floor_ = 0;
  std::vector<Mention> out_;

  // ---- character access -------------------------------------------------------------------
  char32_t cp(std::size_t i) const { return i < t_.size() ? utf8::at(t_, i) : 0; }
  std::size_t nx(std::size_t i) const { return i < t_.size() ? i + utf8::char_len(t_, i) : i; }
  std::size_t pv(std::size_t i) const {
    if (i == 0) return 0;
    utf8::prev(t_, i);
    return i;
  }
  char32_t prev_cp(std::size_t i) const { return i == 0 ? 0 : cp(pv(i)); }
  bool has(std::size_t i, std::string_view w) const {
    return t_.substr(std::min(i, t_.size())).starts_with(w);
  }
  bool has_before(std::size_t i, std::string_view w) const {
    return i >= w.size() && t_.substr(i - w.size(), w.size()) == w;
  }
  bool number_starts(std::size_t i) const { return is_digit(cp(i)) || is_cn_numeral(cp(i)); }

  // ---- emitting -----------------------------------------------------------------------------
  std::size_t emit(Mention m) {
    m.span.begin = std::max(m.span.begin, floor_);
    floor_ = m.span.end;
    out_.push_back(std::move(m));
    return floor_;
  }
  std::size_t non(std::size_t b, std::size_t e, NonQuantity k) {
    Mention m;
    m.span = {b, e};
    m.non_quantity = k;
    return emit(std::move(m));
  }

  // ---- dispatch -----------------------------------------------------------------------------
  std::size_t step(std::size_t i) {
    const char32_t c = cp(i);
    if (is_digit(c)) return arabic(i);
    if (is_alpha(c)) return ascii_word(i);
    if (is_roman(c)) {
      std::size_t e = nx(i);
      while (is_roman(cp(e))) e = nx(e);
      if (cp(e) == U'类' || cp(e) == U'级') e = nx(e);
      return non(i, e, NonQuantity::kGrade);
    }
    if (!utf8::is_han(c)) return nx(i);
    if (const auto* w = lex_.idioms.longest(t_, i)) return i + w->first.size();
    if (c == U'第' && number_starts(nx(i))) return ordinal(i);
    if (is_cn_numeral(c)) return chinese(i);
    return nx(i);
  }

  // ---- numerals -----------------------------------------------------------------------------
  Num read_arabic(std::size_t i) const {
    Num n;
    n.begin = i;
    std::size_t j = i;
    while (j < t_.size() && is_digit(cp(j))) ++j;
    n.int_digits = j - i;
    // Thousands groups: ",ddd" not followed by another digit.
    while (cp(j) == ',' && is_digit(cp(j + 1)) && is_digit(cp(j + 2)) && is_digit(cp(j + 3)) &&
           !is_digit(cp(j + 4))) {
      n.comma = true;
      n.int_digits += 3;
      j += 4;
    }
    if (cp(j) == '.' && is_digit(cp(j + 1))) {
      n.integer = false;
      std::size_t k = j + 1;
      while (is_digit(cp(k))) ++k;
      n.frac_digits = k - j - 1;
      j = k;
    }
    n.end = j;
    n.value = parse_arabic(t_.substr(i, j - i)).value_or(0);
    return n;
  }
  std::size_t cn_run_end(std::size_t i) const {
    while (is_cn_numeral(cp(i))) i = nx(i);
    return i;
  }
  // The next numeral of either script at i (for range ends and dates).
  std::optional<Num> read_any(std::size_t i) const {
    if (is_digit(cp(i))) return read_arabic(i);
    if (!is_cn_numeral(cp(i))) return std::nullopt;
    Num n;
    n.begin = i;
    n.end = cn_run_end(i);
    n.chinese = true;
    auto v = parse_chinese(utf8::to_u32(t_.substr(i, n.end - i)));
    if (!v) return std::nullopt;
    n.value = *v;
    return n;
  }

  const UnitInfo* unit_at(std::size_t q, std::string* written) const {
    const auto* u = lex_.units.longest(t_, q);
    if (u == nullptr) return nullptr;
    if (const auto* b = lex_.unit_blocks.longest(t_, q);
        b != nullptr && b->first.size() > u->first.size()) {
      return nullptr;
    }
    *written = u->first;
    return &u->second;
  }

  Tail read_tail(std::size_t p) const {
    Tail t;
    t.end = p;
    std::size_t q = p;
    const auto take_approx = [&](std::size_t& k) {
      if (cp(k) == U'余' || cp(k) == U'多') {
        t.approx = Approx::kMoreThan;
        k = nx(k);
      }
    };
    take_approx(q);
    std::string w;
    if (const UnitInfo* u = unit_at(q, &w)) {
      t.unit = w;
      t.info = u;
      t.end = q + w.size();
      return t;
    }
    std::size_t m = q;
    std::string ms;
    double mult = 1;
    for (int k = 0; k < 3 && cn_multiplier(cp(m)) >= 100; ++k) {
      mult *= cn_multiplier(cp(m));
      ms += t_.substr(m, nx(m) - m);
      m = nx(m);
    }
    if (ms.empty()) {
      t.end = q;
      return t;
    }
    std::size_t r = m;
    take_approx(r);
    if (const UnitInfo* u = unit_at(r, &w)) {
      t.unit = ms + w;
      t.info = u;
      t.mult = mult;
      t.end = r + w.size();
      return t;
    }
    t.unit = ms;
    t.mult = mult;
    t.end = r;
    return t;
  }

  // ---- cue words ----------------------------------------------------------------------------
  // The longest cue word ending at `pos` if its role passes `roles`. A longer word of another
  // role hides a shorter one (签约 hides 约), so only the longest is considered.
  template <class Pred>
  const WordMap<CueRole>::Entry* cue_before(std::size_t pos, Pred roles) const {
    const auto* c = lex_.cues.longest_ending(t_, pos, floor_);
    return c != nullptr && roles(c->second) ? c : nullptr;
  }
  const WordMap<CueRole>::Entry* cue_after(std::size_t pos) const {
    const auto* c = lex_.cues.longest(t_, pos);
    if (c == nullptr) return nullptr;
    const CueRole r = c->second;
    if (r != CueRole::kSuffixAtLeast && r != CueRole::kSuffixAtMost &&
        r != CueRole::kSuffixAround) {
      return nullptr;
    }
    return c;
  }

  // ---- building a quantity ------------------------------------------------------------------
  // `a` and its tail `ta` are parsed; tries a range, reads cue words, classifies by unit role.
  std::size_t quantity(Num a, const Tail& ta) {
    Quantity q;
    q.value = a.value;
    q.chinese_numerals = a.chinese;
    std::size_t end = ta.end;
    Tail unit = ta;
    bool range = false;
    // Range: 5-10亿元, 8%-9%, 2至3户, 三至五年.
    if (is_range_sep(cp(ta.end)) && ta.approx == Approx::kNone) {
      std::size_t s = nx(ta.end);
      if (cp(s) == U'—') s = nx(s);  // ——
      const bool same_script = a.chinese ? is_cn_numeral(cp(s)) : is_digit(cp(s));
      if (same_script) {
        if (auto b = read_any(s)) {
          Tail tb = b->chinese ? chinese_tail(*b) : read_tail(b->end);
          const bool compatible =
              ta.unit.empty() || ta.unit == tb.unit || tb.unit.empty() ||
              (tb.info != nullptr && is_multiplier_unit(ta.unit) && tb.unit.starts_with(ta.unit));
          if (compatible && b->value > a.value) {
            range = true;
            q.value_hi = b->value;
            end = tb.end;
            if (!tb.unit.empty()) unit = tb;
          }
        }
      }
    }
    if (unit.info != nullptr && unit.info->role == UnitRole::kDate) {
      return non(a.begin, unit.unit == "月" ? extend_date_month(end) : end, NonQuantity::kDate);
    }
    // A Chinese numeral needs a measure word to count something (一到位, 两万 alone do not).
    if (a.chinese && unit.info == nullptr) return non(a.begin, end, NonQuantity::kName);
    q.unit = unit.unit;
    q.approx = ta.approx;
    const double factor = unit.mult * (unit.info ? unit.info->factor : 1.0);
    q.base_unit = unit.info ? unit.info->base : "";
    q.kind = unit.info ? unit.info->kind : Kind::kAmount;
    q.base_value = q.value * factor;
    if (q.value_hi) q.base_value_hi = *q.value_hi * factor;
    q.number = {a.begin, end};

    std::size_t begin = a.begin;
    // Approximation and comparator words before the number.
    if (const auto* c = cue_before(begin, [](CueRole r) {
          return r == CueRole::kPrefixNearly || r == CueRole::kPrefixAbout;
        })) {
      q.approx = c->second == CueRole::kPrefixNearly ? Approx::kNearly : Approx::kAbout;
      begin -= c->first.size();
    }
    Comparator cmp = Comparator::kPoint;
    if (const auto* c = cue_before(begin, [](CueRole r) {
          return r == CueRole::kPrefixAtLeast || r == CueRole::kPrefixAtMost ||
                 r == CueRole::kPrefixAround;
        })) {
      cmp = c->second == CueRole::kPrefixAtLeast  ? Comparator::kAtLeast
            : c->second == CueRole::kPrefixAtMost ? Comparator::kAtMost
                                                  : Comparator::kAround;
      begin -= c->first.size();
    }
    if (const auto* c = cue_after(end)) {
      cmp = c->second == CueRole::kSuffixAtLeast  ? Comparator::kAtLeast
            : c->second == CueRole::kSuffixAtMost ? Comparator::kAtMost
                                                  : Comparator::kAround;
      end += c->first.size();
    }
    if (range) cmp = Comparator::kRange;
    q.comparator = cmp;

    const UnitRole role = unit.info ? unit.info->role : UnitRole::kQuantity;
    if (role == UnitRole::kTime) return non(a.begin, q.number.end, NonQuantity::kTime);
    if (role == UnitRole::kGrade) return non(a.begin, q.number.end, NonQuantity::kGrade);
    if (role == UnitRole::kName) return non(a.begin, q.number.end, NonQuantity::kName);
    if (role == UnitRole::kCode) return non(a.begin, q.number.end, NonQuantity::kCode);
    if (role == UnitRole::kRank) {  // 十强, 50强: at most N
      q.kind = Kind::kRank;
      if (!range) q.comparator = Comparator::kAtMost;
    }
    // 前进38位, 前10名: ranks.
    if (q.unit == "位" || q.unit == "名" || q.unit == "强") {
      if (const auto* c = cue_before(a.begin, [](CueRole r) { return r == CueRole::kRankMove; })) {
        q.kind = Kind::kRank;
        begin = std::min(begin, a.begin - c->first.size());
      } else if (prev_cp(a.begin) == U'前' && (q.unit != "位" || !has_before(a.begin, "前移"))) {
        q.kind = Kind::kRank;
        q.comparator = Comparator::kAtMost;
        begin = std::min(begin, pv(a.begin));
      }
    }
    // 排名前3: a rank cut-off without a unit.
    if (q.unit.empty() && prev_cp(a.begin) == U'前' &&
        cue_before(pv(a.begin), [](CueRole r) { return r == CueRole::kRankScope; }) != nullptr) {
      q.kind = Kind::kRank;
      q.comparator = Comparator::kAtMost;
    }
    if (q.unit.empty() && !a.chinese && q.kind != Kind::kRank) {
      if (!range && event_decimal(a)) return non(a.begin, end, NonQuantity::kEventLabel);
      if (quoted(a.begin)) return non(a.begin, end, NonQuantity::kCode);
    }
    Mention m;
    m.span = {begin, end};
    m.quantity = std::move(q);
    return emit(std::move(m));
  }

  // After a year (2022年, 二〇二二年度) ending at `k`: absorbs a month and a day (12月12日).
  std::size_t extend_date(std::size_t k) const {
    auto n = read_any(k);
    if (!n || !n->integer || n->value < 1 || n->value > 12 || cp(n->end) != U'月') return k;
    return extend_date_month(nx(n->end));
  }

  // 7.20 followed by a name or a closing quote: an event label (month.day), not 7.2.
  bool event_decimal(const Num& a) const {
    if (a.frac_digits != 2 || a.value < 1 || a.value >= 13) return false;
    const auto day = static_cast<int>(std::lround((a.value - static_cast<int>(a.value)) * 100));
    const char32_t n = cp(a.end);
    return day >= 1 && day <= 31 && (utf8::is_han(n) || is_close_quote(n));
  }

  bool quoted(std::size_t b) const {
    if (!is_open_quote(prev_cp(b))) return false;
    std::size_t i = b;
    for (int k = 0; k < 12 && i < t_.size(); ++k, i = nx(i)) {
      if (is_close_quote(cp(i))) return true;
      if (is_open_quote(cp(i))) return false;
    }
    return false;
  }

  // ---- ASCII codes --------------------------------------------------------------------------
  // A run of letters and digits with inner connectors: S10, PM2.5, 1+3+N, 330KV, 11B/2021-06.
  std::size_t code_end(std::size_t i) const {
    while (true) {
      while (is_alnum(cp(i))) ++i;
      const char32_t c = cp(i);
      if ((c == '.' || c == '-' || c == '+' || c == '/' || c == '_') && is_alnum(cp(i + 1))) {
        ++i;
        continue;
      }
      return i;
    }
  }
  std::size_t ascii_word(std::size_t i) {
    const std::size_t e = code_end(i);
    const std::string_view w = t_.substr(i, e - i);
    if (std::none_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return e;
    if (w.size() > 2 && (w[0] == 'P' || w[0] == 'p') && (w[1] == 'M' || w[1] == 'm') &&
        is_digit(cp(i + 2))) {
      return non(i, e, NonQuantity::kPollutant);
    }
    return non(i, e, NonQuantity::kCode);
  }
  std::size_t code(std::size_t i) {
    const std::size_t e = code_end(i);
    const std::string_view w = t_.substr(i, e - i);
    // 4A, 5A级: scenic-area grades.
    if (w.size() >= 2 && w.back() == 'A' &&
        std::all_of(w.begin(), w.end() - 1, [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return non(i, cp(e) == U'级' ? nx(e) : e, NonQuantity::kGrade);
    }
    return non(i, e, NonQuantity::kCode);
  }

  // ---- Arabic numbers -----------------------------------------------------------------------
  std::size_t arabic(std::size_t i) {
    Num a = read_arabic(i);
    const std::size_t e = a.end;
    const char32_t nc = cp(e);
    const char32_t pc = prev_cp(i);
    if (is_alpha(nc) || ((nc == '+' || nc == '/' || nc == '_') && is_alnum(cp(e + 1))))
      return code(i);
    if ((nc == U'·' || nc == U'•' || nc == U'・') && is_digit(cp(nx(e)))) {
      std::size_t k = nx(e);
      while (is_digit(cp(k))) ++k;
      return non(i, k, NonQuantity::kEventLabel);
    }
    if (nc == ':' && is_digit(cp(e + 1))) return ratio(a);
    if (a.integer && !a.comma) {
      if (auto r = year_or_date(a)) return *r;
      if (pc == '(' && nc == ')' && a.value <= 99)
        return non(pv(i), e + 1, NonQuantity::kEnumerator);
      if (is_item_boundary(pc) && a.value <= 99 &&
          (nc == U'、' || nc == ')' || (nc == '.' && !is_digit(cp(e + 1))))) {
        return non(i, nx(e), NonQuantity::kEnumerator);
      }
      // 0931-8xxxxxx: an area code and a local number.
      if (t_[i] == '0' && a.int_digits >= 3 && a.int_digits <= 4 && nc == '-') {
        std::size_t k = e + 1;
        while (is_digit(cp(k))) ++k;
        if (k - e - 1 >= 7 && k - e - 1 <= 8) return non(i, k, NonQuantity::kPhone);
      }
    }
    // 国道351, 省道432: road numbers.
    if (has_before(i, "国道") || has_before(i, "省道") || has_before(i, "县道")) {
      return non(i, e, NonQuantity::kCode);
    }
    // 增长-3.2%: a negative number after a word, not a range or a code.
    if (pc == '-' && i >= 2 && !is_alnum(prev_cp(i - 1)) && prev_cp(i - 1) != '-' &&
        i - 1 >= floor_) {
      a.begin = i - 1;
      a.value = -a.value;
    }
    const Tail t = read_tail(e);
    if (t.unit.empty() && event_decimal(a)) return non(i, e, NonQuantity::kEventLabel);
    if (t.unit.empty() && quoted(i) && !is_range_sep(cp(t.end)))
      return non(i, e, NonQuantity::kCode);
    if (t.unit.empty() && a.integer && !a.comma && a.int_digits >= 5 && t.approx == Approx::kNone &&
        !is_range_sep(cp(t.end))) {
      return non(i, e, NonQuantity::kPhone);  // 12345热线, 12338
    }
    return quantity(a, t);
  }

  std::size_t ratio(const Num& a) {
    std::vector<double> parts{a.value};
    std::vector<std::size_t> digits{a.int_digits};
    bool all_int = a.integer;
    std::size_t e = a.end;
    while (cp(e) == ':' && is_digit(cp(e + 1))) {
      const Num n = read_arabic(e + 1);
      parts.push_back(n.value);
      digits.push_back(n.int_digits);
      all_int = all_int && n.integer;
      e = n.end;
    }
    // 15:02, 09:30:48: clock times.
    bool clock = all_int && parts.size() <= 3 && a.value <= 24;
    for (std::size_t k = 1; k < parts.size(); ++k) clock = clock && digits[k] == 2 && parts[k] < 60;
    if (clock) return non(a.begin, e, NonQuantity::kTime);
    Quantity q;
    q.kind = Kind::kRatio;
    q.value = q.base_value = a.value;
    q.parts = parts;
    q.number = {a.begin, e};
    Mention m;
    m.span = q.number;
    m.quantity = std::move(q);
    return emit(std::move(m));
  }

  static bool is_year(double v) { return v >= 1949 && v <= 2100; }

  std::optional<std::size_t> year_or_date(const Num& a) {
    const std::size_t e = a.end;
    const char32_t nc = cp(e);
    if (a.int_digits == 4 && is_year(a.value)) {
      if (nc == U'年') {
        std::size_t k = nx(e);
        // 2021年-2025年, 2021年至2025年
        if (is_range_sep(cp(k)) && is_digit(cp(nx(k)))) {
          const Num b = read_arabic(nx(k));
          if (b.int_digits == 4 && is_year(b.value) && cp(b.end) == U'年')
            return non(a.begin, nx(b.end), NonQuantity::kYear);
        }
        if (cp(k) == U'度') k = nx(k);
        const std::size_t d = extend_date(k);
        return non(a.begin, d, d > k ? NonQuantity::kDate : NonQuantity::kYear);
      }
      if (is_range_sep(nc) && is_digit(cp(nx(e)))) {
        const Num b = read_arabic(nx(e));
        if (b.int_digits == 4 && is_year(b.value) && b.value > a.value) {
          return non(a.begin, cp(b.end) == U'年' ? nx(b.end) : b.end, NonQuantity::kYear);
        }
        if (nc == '-' && b.int_digits <= 2 && b.value >= 1 && b.value <= 12 && cp(b.end) == '-' &&
            is_digit(cp(b.end + 1))) {
          const Num c = read_arabic(b.end + 1);
          if (c.int_digits <= 2) return non(a.begin, c.end, NonQuantity::kDate);  // 2022-12-07
        }
      }
      // A year standing alone: 到2035, 2035远景目标.
      const Tail t = read_tail(e);
      if (t.unit.empty() && t.approx == Approx::kNone && !is_range_sep(nc)) {
        return non(a.begin, e, NonQuantity::kYear);
      }
    }
    // 20212035年: two years glued together by a lost dash.
    if (a.int_digits == 8 && nc == U'年') {
      const long long first = static_cast<long long>(a.value) / 10000;  // the first four digits
      const auto y1 = static_cast<double>(first);
      const double y2 = a.value - y1 * 10000;
      if (is_year(y1) && is_year(y2) && y2 > y1) return non(a.begin, nx(e), NonQuantity::kYear);
    }
    // 1-11月, 1至11月: a period of months.
    if (is_range_sep(nc) && a.value >= 1 && a.value <= 12 && is_digit(cp(nx(e)))) {
      const Num b = read_arabic(nx(e));
      if (b.integer && b.value <= 12 && b.value > a.value && cp(b.end) == U'月') {
        return non(a.begin, nx(b.end), NonQuantity::kDate);
      }
    }
    if (nc == U'月' && a.value >= 1 && a.value <= 12)
      return non(a.begin, extend_date_month(nx(e)), NonQuantity::kDate);
    if ((nc == U'日' || nc == U'号') && a.value >= 1 && a.value <= 31 &&
        prev_cp(a.begin) == U'月') {
      return non(a.begin, nx(e), NonQuantity::kDate);
    }
    return std::nullopt;
  }
  // After "12月": absorbs a day (12日) when present.
  std::size_t extend_date_month(std::size_t k) const {
    auto n = read_any(k);
    if (n && n->value >= 1 && n->value <= 31 && (cp(n->end) == U'日' || cp(n->end) == U'号'))
      return nx(n->end);
    return k;
  }

  // ---- ordinals: 第N ------------------------------------------------------------------------
  std::size_t ordinal(std::size_t i) {
    const std::size_t s = nx(i);
    auto n = read_any(s);
    const std::size_t e = n ? n->end : (is_digit(cp(s)) ? read_arabic(s).end : cn_run_end(s));
    if (!n) return non(i, e, NonQuantity::kEnumerator);
    if (has(e, "个五年规划") || has(e, "个五年计划")) return non(i, e, NonQuantity::kPlanOrdinal);
    if (auto k = session_suffix(e)) return non(i, *k, NonQuantity::kSessionOrdinal);
    const char32_t u = cp(e);
    const auto* scope = cue_before(i, [](CueRole r) { return r == CueRole::kRankScope; });
    if (u == U'位' || u == U'名' || scope != nullptr) {
      Quantity q;
      q.kind = Kind::kRank;
      q.value = q.base_value = n->value;
      q.chinese_numerals = n->chinese;
      std::size_t end = e;
      if (u == U'位' || u == U'名') {
        q.unit = q.base_unit = t_.substr(e, nx(e) - e);
        end = nx(e);
      }
      q.number = {s, end};
      Mention m;
      m.span = {scope ? i - scope->first.size() : i, end};
      m.quantity = std::move(q);
      return emit(std::move(m));
    }
    return non(i, e, NonQuantity::kEnumerator);
  }

  // 届, 次会议, 中全会 after a numeral ending at e: the end of the session ordinal.
  std::optional<std::size_t> session_suffix(std::size_t e) const {
    if (cp(e) == U'届') return nx(e);
    if (has(e, "中全会")) return e + std::string_view("中全会").size();
    if (cp(e) == U'次') {
      const std::size_t k = nx(e);
      for (const std::string& w : lex_.session_nouns) {
        if (has(k, w)) return k;
      }
    }
    return std::nullopt;
  }

  // ---- Chinese numerals ---------------------------------------------------------------------
  // A Chinese run's unit: trailing 万/亿 are treated as the multiplier of the unit (两万人).
  Tail chinese_tail(const Num& n) const { return read_tail(n.end); }

  static bool plan_ordinal(std::u32string_view r) {
    return r.size() == 3 && text::five_year_plan_ordinal(r).has_value();
  }

  std::size_t chinese(std::size_t i) {
    const std::size_t e = cn_run_end(i);
    const std::u32string run = utf8::to_u32(t_.substr(i, e - i));
    const char32_t pc = prev_cp(i);
    const char32_t nc = cp(e);
    if (plan_ordinal(run)) return non(i, e, NonQuantity::kPlanOrdinal);
    if (run.size() == 2 && cn_digit(run[0]) >= 6 && run[1] == U'五' &&
        (is_open_quote(pc) || is_close_quote(nc) || has(e, "普法") || has(e, "规划") ||
         has(e, "时期"))) {
      return non(i, e, NonQuantity::kPlanOrdinal);  // “七五”普法
    }
    // 三分之一, 百分之五.
    if (has(e, "分之") && is_cn_numeral(cp(e + 6))) return fraction(i, e);
    const auto value = parse_chinese(run);
    if (pc == '(' && nc == ')') return non(pv(i), nx(e), NonQuantity::kEnumerator);
    if (is_item_boundary(pc) && nc == U'、') return non(i, nx(e), NonQuantity::kEnumerator);
    if ((is_item_boundary(pc) || pc == ',') && (nc == U'是' || nc == U'要') && value &&
        *value <= 20) {
      return non(i, nx(e), NonQuantity::kEnumerator);  // 一是, 二要
    }
    if (pc == U'其' && value && *value <= 20) return non(pv(i), e, NonQuantity::kEnumerator);
    if (auto k = session_suffix(e)) return non(i, *k, NonQuantity::kSessionOrdinal);
    if (nc == U'大' && value && *value >= 11 && *value <= 30) {
      const char32_t after = cp(nx(e));
      if (has_before(i, "党的") || after == U'精' || after == U'以' || after == U'报' ||
          after == U'召' || after == U'胜' || after == U'和' || after == U'、' || after == ',' ||
          after == U'。' || is_close_quote(after)) {
        return non(i, nx(e), NonQuantity::kSessionOrdinal);  // 二十大
      }
    }
    if (!value) return non(i, e, NonQuantity::kName);
    // 二〇三五年: digit-by-digit numerals write years and codes, never counts. Three digits
    // before 年 are a year that lost its 〇 in scraping (二三五年).
    const bool by_digit =
        !std::any_of(run.begin(), run.end(), [](char32_t c) { return cn_multiplier(c) > 0; });
    if (by_digit && run.size() >= 3) {
      if (nc == U'年') {
        const std::size_t k = nx(e);
        const std::size_t d = extend_date(k);
        return non(i, d, d > k ? NonQuantity::kDate : NonQuantity::kYear);
      }
      return non(i, e, NonQuantity::kName);
    }
    const bool neighbours = by_digit && run.size() == 2 && cn_digit(run[0]) > 0 &&
                            cn_digit(run[1]) == cn_digit(run[0]) + 1;
    if (by_digit && run.size() == 2 && !neighbours) return non(i, e, NonQuantity::kName);
    if (is_open_quote(pc) && quoted(i)) return non(i, e, NonQuantity::kName);  // “六稳”, “三个一”
    // 千亿级, 万元GDP: a bare multiplier names a scale unless a cue makes it a number.
    if (is_multiplier_only(run) && nc != U'强') {
      static constexpr std::u32string_view kCues = U"近逾上数破过超达成";
      const bool cued = pc != 0 && kCues.find(pc) != std::u32string_view::npos;
      const Tail t = read_tail(e);  // 亿元以上项目: a threshold
      if (!cued && !(t.info != nullptr && cue_after(t.end) != nullptr))
        return non(i, e, NonQuantity::kName);
    }
    // Split the trailing 万/亿 off as the multiplier of the unit: 两万人 → 2 万人.
    std::size_t num_end = e;
    std::u32string num = run;
    while (num.size() > 1 && (num.back() == U'万' || num.back() == U'亿')) {
      num.pop_back();
      num_end = pv(num_end);
    }
    auto nv = parse_chinese(num);
    if (!nv || cn_multiplier(num.back()) >= 1e4) {
      num = run;
      num_end = e;
      nv = value;
    }
    Num a;
    a.begin = i;
    a.end = num_end;
    a.chinese = true;
    a.value = *nv;
    Tail t = chinese_tail(a);
    if (t.info == nullptr && !is_range_sep(cp(t.end))) {
      return non(i, std::max(e, t.end), NonQuantity::kName);  // no unit: 两岸, 四化
    }
    if (t.info != nullptr && t.info->role == UnitRole::kGrade)
      return non(i, t.end, NonQuantity::kGrade);
    // A Chinese 期 labels a phase (二期工程), it does not count.
    if (t.unit == "期") return non(i, t.end, NonQuantity::kName);
    // 三四个, 两三年: two neighbouring digits are an approximate range.
    if (neighbours && t.info != nullptr) {
      a.value = cn_digit(num[0]);
      const std::size_t end = quantity(a, t);
      if (!out_.back().quantity || out_.back().quantity->value_hi) return end;
      Quantity& q = *out_.back().quantity;
      q.value_hi = cn_digit(num[1]);
      q.base_value_hi = *q.value_hi * (q.value != 0 ? q.base_value / q.value : 1);
      q.comparator = Comparator::kRange;
      return end;
    }
    return quantity(a, t);
  }

  std::size_t fraction(std::size_t i, std::size_t e) {
    const std::size_t s = e + std::string_view("分之").size();
    const std::size_t e2 = cn_run_end(s);
    const auto den = parse_chinese(utf8::to_u32(t_.substr(i, e - i)));
    const auto num = parse_chinese(utf8::to_u32(t_.substr(s, e2 - s)));
    if (!den || !num || *den == 0) return non(i, e2, NonQuantity::kName);
    Quantity q;
    q.chinese_numerals = true;
    if (*den == 100 || *den == 1000) {
      q.kind = *den == 100 ? Kind::kPercent : Kind::kPermille;
      q.unit = q.base_unit = *den == 100 ? "%" : "‰";
      q.value = q.base_value = *num;
    } else {
      q.kind = Kind::kFraction;
      q.value = q.base_value = *num / *den;
    }
    q.number = {i, e2};
    std::size_t begin = i;
    if (const auto* c = cue_before(i, [](CueRole r) {
          return r == CueRole::kPrefixNearly || r == CueRole::kPrefixAbout;
        })) {
      q.approx = c->second == CueRole::kPrefixNearly ? Approx::kNearly : Approx::kAbout;
      begin -= c->first.size();
    }
    std::size_t end = e2;
    if (const auto* c = cue_after(e2)) {
      q.comparator = c->second == CueRole::kSuffixAtLeast  ? Comparator::kAtLeast
                     : c->second == CueRole::kSuffixAtMost ? Comparator::kAtMost
                                                           : Comparator::kAround;
      end += c->first.size();
    }
    Mention m;
    m.span = {begin, end};
    m.quantity = std::move(q);
    return emit(std::move(m));
  }
};

}  // namespace

std::vector<Mention> scan_text(const Lexicon& lex, std::string_view text, std::size_t from,
                               bool first_only) {
  return Scanner(lex, text).run(from, first_only);
}

void propagate_list_units(const Lexicon& lex, std::string_view text, std::vector<Mention>& ms) {
  const std::vector<std::string>& joins = lex.list_joiners;
  for (std::size_t k = ms.size(); k-- > 1;) {
    Mention& m = ms[k - 1];
    const Mention& n = ms[k];
    if (!m.quantity || !n.quantity || n.quantity->unit.empty() ||
        m.quantity->kind == Kind::kRatio || n.quantity->kind == Kind::kRank ||
        m.quantity->kind == Kind::kRank) {
      continue;
    }
    Quantity& q = *m.quantity;
    const Quantity& r = *n.quantity;
    const bool bare = q.unit.empty();
    const bool scale = is_multiplier_unit(q.unit) && r.unit.starts_with(q.unit) && r.unit != q.unit;
    if (!bare && !scale) continue;
    if (q.chinese_numerals != r.chinese_numerals) continue;
    const std::string_view gap = text.substr(m.span.end, n.span.begin - m.span.end);
    if (std::find(joins.begin(), joins.end(), gap) == joins.end()) continue;
    const double factor = r.value != 0 ? r.base_value / r.value : 1;
    q.unit = r.unit;
    q.base_unit = r.base_unit;
    q.kind = r.kind;
    q.base_value = q.value * factor;
    if (q.value_hi) q.base_value_hi = *q.value_hi * factor;
  }
}

}  // namespace gwr::quantity
