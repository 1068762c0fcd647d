// Header lines: the session line, the speaker line and the title (meta/internal.h).
#include <algorithm>
#include <string>

#include "common/utf8.h"
#include "meta/internal.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::meta::detail {
namespace {

bool is_sep(char32_t c) {
  return utf8::is_space(c) || text::is_semicolon(c) || text::is_colon(c) || text::is_comma(c) ||
         c == U'、';
}

std::optional<Session> session_at(U32View h, std::size_t jie, const Lexicon& lx) {
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
  // The congress: 全国人民代表大会 / 人民代表大会 / 全国人大 / 人大 (longest first).
  const U32View body = lx.list("congress").match_at(h, j);
  const bool matched = !body.empty();
  if (matched) {
    j += body.size();
    s.national = !lx.list("national_mark").match_at(body, 0).empty();
  }
  if (!matched) return std::nullopt;
  skip_space();
  if (j < h.size() && h[j] == U'第') ++j;
  auto meeting = read_number(h, j);
  if (!meeting || *meeting < 1 || *meeting > 99 || !starts_at(h, j, U"次")) return std::nullopt;
  ++j;
  const U32View meeting_word = lx.list("meeting").match_at(h, j);
  if (meeting_word.empty()) return std::nullopt;
  j += meeting_word.size();
  s.text =
      "第" + text::to_chinese(*term) + "届人民代表大会第" + text::to_chinese(*meeting) + "次会议";
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
  if (lx.list("national_mark").contains_in(to_utf8(s.region))) s.national = true;
  s.begin = rb;
  s.end = j;
  return s;
}

// Sessions are matched on a copy without white space, so `第十九届\n人民代表大会` and letter-spaced
// PDF text match; positions are mapped back to `h`.
}  // namespace

std::optional<Session> find_session(U32View h, std::size_t body_at, const Lexicon& lx) {
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
    if (auto s = session_at(compact, i, lx)) {
      s->begin = at[s->begin];
      s->end = s->end > 0 ? at[s->end - 1] + 1 : 0;
      if (s->begin >= body_at) return s;
      if (!fallback) fallback = s;
    }
  }
  return fallback;
}

// --- speaker -----------------------------------------------------------------------------------

std::optional<std::string> name_at(U32View h, std::size_t i, const Lexicon& lx) {
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
      if (m == k || m >= h.size() || !is_name_char(h[m])) break;
      // The next piece: one character (王 小 明), or the two-character given name that ends
      // the line (王   小明).
      std::size_t z = m;
      while (z < h.size() && is_name_char(h[z]) && z - m < 3) ++z;
      const bool last = z >= h.size() || h[z] == U'\n' || utf8::is_space(h[z]);
      if (z - m > 1 && !(z - m == 2 && last && spaced.size() == 1)) break;
      spaced.append(h.substr(m, z - m));
      k = z;
      if (z - m == 2) break;
    }
    if (spaced.size() >= 2) run = spaced;
  }
  for (const U32& address : lx.list("address").phrases32()) {
    if (auto p = run.find(address); p != U32View::npos) run = run.substr(0, p);
  }
  bool foreign = run.find_first_of(U"·•") != U32View::npos;
  if (run.size() > 4 && !foreign) {
    // News style: 李强在政府工作报告中提出 / 张三作报告 — cut before the first verb-like word.
    std::size_t cut = U32View::npos;
    for (std::size_t k = 2; k <= 3 && cut == U32View::npos; ++k) {
      if (!lx.list("speech_verb").match_at(run, k).empty()) cut = k;
    }
    if (cut == U32View::npos) return std::nullopt;
    run = run.substr(0, cut);
  }
  if (run.size() < 2) return std::nullopt;
  for (const U32& bad : lx.list("not_name").phrases32()) {
    if (run.find(bad) != U32View::npos) return std::nullopt;
  }
  return to_utf8(run);
}

std::optional<Speaker> find_titled_speaker(U32View h, std::size_t body_at, const Lexicon& lx) {
  std::optional<Speaker> best;
  const U32& premier_org = lx.list("premier_org").phrases32().front();
  for (const U32& post : lx.list("post").phrases32()) {
    for (std::size_t i = h.find(post); i != U32View::npos; i = h.find(post, i + 1)) {
      if (i > 0 && !utf8::is_space(h[i - 1]) && h[i - 1] != U'\n' &&
          !lx.has_char("post_before", h[i - 1]))
        continue;
      // 主席 is a government post only as 自治区主席 / 政府主席.
      if (lx.list("chair_post").is(to_utf8(post)) &&
          !(i >= 1 && lx.has_char("chair_before", h[i - 1])))
        continue;
      auto name = name_at(h, i + post.size(), lx);
      if (!name) continue;
      std::size_t tb = i;
      for (const U32& prefix : lx.list("title_prefix").phrases32()) {
        if (tb >= prefix.size() && starts_at(h, tb - prefix.size(), prefix)) {
          tb -= prefix.size();
          break;
        }
      }
      const U32& premier = lx.list("premier").phrases32().front();  // 国务院 + 总理
      if (U32View(premier).substr(premier_org.size()) == post && tb >= premier_org.size() &&
          starts_at(h, tb - premier_org.size(), premier_org))
        tb -= premier_org.size();
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

std::vector<U32> title_places(U32View h, const Lexicon& lx) {
  std::vector<U32> out;
  const U32& title = lx.list("report_title").phrases32().front();
  const U32& gov = lx.list("gov").phrases32().front();  // 人民政府: its 人民 may precede the title
  const U32View people = U32View(gov).substr(0, gov.size() >= 2 ? gov.size() - 2 : 0);
  for (std::size_t i = h.find(title); i != U32View::npos; i = h.find(title, i + 1)) {
    std::size_t e = i;
    if (!people.empty() && e >= people.size() && starts_at(h, e - people.size(), people))
      e -= people.size();
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

}  // namespace gwr::meta::detail
