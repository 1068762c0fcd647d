// Which government delivered the report: names from the header (meta.cpp collects them), the
// body when there is no header, the file name as a last hint (meta/internal.h).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "common/utf8.h"
#include "meta/internal.h"

namespace gwr::meta::detail {

Level level_from_suffix(std::string_view name, const Lexicon& lx) {
  auto ends = [&](const char* kind) {
    return !lx.list(kind).match_before(name, name.size()).empty();
  };
  if (ends("province_suffix")) return Level::kProvince;
  if (ends("prefecture_suffix")) return Level::kPrefecture;
  if (ends("county_suffix")) return Level::kCounty;
  return Level::kUnknown;
}

std::optional<Found> region_in(U32View s, const Divisions& div, std::string_view body,
                               const Lexicon& lx) {
  for (std::size_t b = 0; b + 2 <= s.size(); ++b) {
    std::string cand = to_utf8(s.substr(b));
    if (div.lookup(cand).empty()) continue;
    std::string prefix = to_utf8(s.substr(0, b));
    if (!prefix.empty()) {
      auto e = div.resolve(cand, prefix);
      if (e && div.context_score(*e, prefix) > 0) return Found{*e, cand};
      // 义县 inside 嘉义县 is not a name of its own: a suffix counts only after a complete name
      // (张掖市|甘州区) or a parent it belongs to (above).
      if (!lx.has_char("level_char", s[b - 1])) continue;
    }
    if (auto e = div.resolve(cand, body)) return Found{*e, cand};
  }
  return std::nullopt;
}

// The last division name in `s` and what precedes it: "兰州市城关区区委副书记、" → 城关区 after
// 兰州市. Names are matched longest first from left to right.
U32 last_place(U32View s, const Divisions& div, const Lexicon& lx) {
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
      if (next != 0 && lx.has_char("level_char", next) &&
          level_from_suffix(name, lx) == Level::kUnknown && !name.ends_with("市")) {
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

namespace {

// Divisions named in the body, leftmost-longest: full names of three or more characters, and
// short names (aliases). A short name counts as a subdivision's mention only in a list (甲、乙、
// 丙 …) or before a list word; as the region's own mention it counts anywhere.
struct Mentions {
  std::unordered_map<const Divisions::Entry*, int> full, alias, alias_listed;
};

Mentions scan_mentions(U32View body, const Divisions& div, const Lexicon& lx) {
  Mentions m;
  constexpr std::size_t kMaxName = 12;
  for (std::size_t i = 0; i + 2 <= body.size();) {
    std::size_t len = std::min(kMaxName, body.size() - i);
    std::vector<const Divisions::Entry*> hits;
    std::string name;
    for (; len >= 2; --len) {
      if (!utf8::is_han(body[i + len - 1])) continue;
      name = to_utf8(body.substr(i, len));
      hits = div.lookup(name);
      if (!hits.empty()) break;
    }
    if (hits.empty()) {
      ++i;
      continue;
    }
    const char32_t before = i > 0 ? body[i - 1] : U'\n';
    const char32_t after = i + len < body.size() ? body[i + len] : U'\n';
    const bool listed = lx.has_char("list_mark", before) || lx.has_char("list_mark", after);
    for (const Divisions::Entry* e : hits) {
      if (e->name == name) {
        if (len >= 3) ++m.full[e];
      } else {
        ++m.alias[e];
        if (listed) ++m.alias_listed[e];
      }
    }
    i += len;
  }
  return m;
}

int count(const std::unordered_map<const Divisions::Entry*, int>& m, const Divisions::Entry* e) {
  const auto it = m.find(e);
  return it == m.end() ? 0 : it->second;
}

// How often the report names a whole territory of each level character (全市, 全州, 全省 …).
// When it names itself (我代表市人民政府 → 市; 我代表东营市人民政府 → *self_name) that level
// alone counts.
std::map<char32_t, int> own_scopes(U32View body, const Lexicon& lx, U32* self_name) {
  const U32& self = lx.list("self_reference").phrases32().front();
  for (std::size_t i = body.find(self); i != U32View::npos; i = body.find(self, i + 1)) {
    const std::size_t b = i + self.size();
    for (const U32& gov : lx.list("gov").phrases32()) {
      const std::size_t g = body.substr(b, 16).find(gov);
      if (g == U32View::npos) continue;
      const U32View x = body.substr(b, g);
      if (x.size() == 1 && lx.has_char("level_char", x[0])) return {{x[0], 1}};
      if (x.size() >= 2 && lx.has_char("level_char", x.back())) {
        *self_name = U32(x);
        return {{x.back(), 1}};
      }
      break;
    }
  }
  std::map<char32_t, int> scope;
  const U32& all = lx.list("scope_prefix").phrases32().front();
  for (std::size_t i = body.find(all); i != U32View::npos; i = body.find(all, i + 1)) {
    const std::size_t k = i + all.size();
    if (k < body.size() && lx.has_char("level_char", body[k])) ++scope[body[k]];
  }
  return scope;
}

bool ends_with_char(const std::string& name, char32_t c) {
  std::size_t e = name.size();
  return e > 0 && utf8::prev(name, e) == c;
}

}  // namespace

bool national_from_body(U32View body, const Lexicon& lx) {
  for (const U32& w : lx.list("national_self").phrases32()) {
    if (body.find(w) != U32View::npos) return true;
  }
  return false;
}

namespace {

struct Scored {
  const Divisions::Entry* entry = nullptr;
  int score = 0, second = 0;
};

// The division ending in `scope` whose own name and whose subdivisions the body names most.
Scored best_of_scope(char32_t scope, const Mentions& m, const Divisions& div) {
  // Candidates: divisions named in the body and the parents of those named.
  std::set<const Divisions::Entry*> cands;
  auto consider = [&](const Divisions::Entry* e) {
    if (e != nullptr && ends_with_char(e->name, scope)) cands.insert(e);
  };
  for (const auto* map : {&m.full, &m.alias}) {
    for (const auto& [e, n] : *map) {
      consider(e);
      if (!e->parent_code.empty()) consider(div.by_code(e->parent_code));
    }
  }
  Scored best;
  for (const Divisions::Entry* c : cands) {
    int score = count(m.full, c) + count(m.alias, c);
    for (const Divisions::Entry* k : div.children(*c)) {
      if (count(m.full, k) > 0 || count(m.alias_listed, k) > 0) score += 3;
    }
    if (score > best.score ||
        (score == best.score && best.entry != nullptr && c->level < best.entry->level)) {
      best.second = best.score;
      best.score = score;
      best.entry = c;
    } else if (score > best.second) {
      best.second = score;
    }
  }
  return best;
}

bool within(const Divisions::Entry& inner, const Divisions::Entry& outer) {
  return inner.province_code == outer.code || inner.parent_code == outer.code;
}

}  // namespace

std::optional<Found> region_from_body(U32View body, const Divisions& div, const Lexicon& lx) {
  U32 self_name;
  const std::map<char32_t, int> scopes = own_scopes(body, lx, &self_name);
  const std::string body8 = to_utf8(body);
  if (!self_name.empty()) {  // 我代表东营市人民政府
    if (auto f = region_in(self_name, div, body8, lx)) {
      f->source = RegionSource::kBody;
      return f;
    }
  }
  if (scopes.empty()) return std::nullopt;
  const Mentions m = scan_mentions(body, div, lx);
  // The most named territory decides, unless a less frequent but still common one (a fifth as
  // often, three times at least) is a smaller division inside it: a prefecture's report says
  // 全省 when comparing with its province and 全州 of itself.
  const int top = std::max_element(scopes.begin(), scopes.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->second;
  Scored chosen;
  for (const auto& [scope, n] : scopes) {
    if (n != top) continue;
    const Scored s = best_of_scope(scope, m, div);
    if (s.entry != nullptr && s.score > chosen.score) chosen = s;
  }
  if (chosen.entry == nullptr) return std::nullopt;
  for (const auto& [scope, n] : scopes) {
    if (n == top || n < 3 || n * 5 < top) continue;
    const Scored s = best_of_scope(scope, m, div);
    if (s.entry != nullptr && s.score >= 3 && s.score > s.second &&
        s.entry->level > chosen.entry->level && within(*s.entry, *chosen.entry)) {
      chosen = s;
    }
  }
  // Weak or tied evidence is no answer: the file name (a last hint) or nothing is better.
  if (chosen.score < 3 || chosen.score == chosen.second) return std::nullopt;
  return Found{*chosen.entry, chosen.entry->name, RegionSource::kBody};
}

std::optional<Found> region_from_file_name(std::string_view source, const Divisions& div) {
  const std::u32string stem =
      utf8::to_u32(std::filesystem::path(std::string(source)).stem().string());
  // The longest run of Han characters that names exactly one division.
  std::optional<Found> best;
  for (std::size_t i = 0; i < stem.size(); ++i) {
    for (std::size_t len = std::min<std::size_t>(12, stem.size() - i); len >= 2; --len) {
      const U32View run = U32View(stem).substr(i, len);
      if (!std::all_of(run.begin(), run.end(), [](char32_t c) { return utf8::is_han(c); }))
        continue;
      const std::string name = to_utf8(run);
      const auto hits = div.lookup(name);
      if (hits.empty()) continue;
      // 吉林 is both a province and a city: a full name decides, otherwise the higher level.
      const Divisions::Entry* e = hits.front();
      for (const auto* h : hits) {
        if (h->name == name) {
          e = h;
          break;
        }
        if (h->level < e->level) e = h;
      }
      if (!best || name.size() > best->written.size())
        best = Found{*e, name, RegionSource::kFileName};
      break;
    }
  }
  return best;
}

}  // namespace gwr::meta::detail
