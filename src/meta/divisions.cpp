// Divisions: loading data/divisions.tsv, deriving short-name aliases, resolving names in context.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/data.h"
#include "common/utf8.h"
#include "common/vocabulary.h"
#include "meta/meta.h"

namespace gwr::meta {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<Level> parse_level(std::string_view s) {
  if (s == "province") return Level::kProvince;
  if (s == "prefecture") return Level::kPrefecture;
  if (s == "county") return Level::kCounty;
  return std::nullopt;
}

bool six_digits(std::string_view s) {
  return s.size() == 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Removes trailing ethnic-group names (with or without 族) from the core of an autonomous
// unit's name, keeping at least two characters: 恩施土家族苗族 → 恩施, 内蒙古 stays.
std::string strip_ethnic(std::string core, const std::vector<std::string>& ethnic) {
  while (true) {
    std::string_view rest = core;
    if (ends_with(rest, "族")) rest.remove_suffix(std::string_view("族").size());
    std::size_t best = 0;
    for (const std::string& e : ethnic) {
      if (e.size() > best && ends_with(rest, e)) best = e.size();
    }
    if (best == 0) return core;
    rest.remove_suffix(best);
    if (utf8::length(rest) < 2) return core;
    core = std::string(rest);
  }
}

// Short names a report may use for a division, derived from its full name by the rules of
// data/meta_divisions.tsv.
std::vector<std::string> derive_aliases(const std::string& name, const data::Vocabulary& rules,
                                        const std::vector<std::string>& ethnic) {
  std::vector<std::string> out;
  auto add = [&](std::string a) {
    if (utf8::length(a) >= 2 && a != name && std::find(out.begin(), out.end(), a) == out.end()) {
      out.push_back(std::move(a));
    }
  };
  for (const std::string& suffix : rules.list("autonomous").in_file_order()) {
    if (!ends_with(name, suffix)) continue;
    std::string core = strip_ethnic(name.substr(0, name.size() - suffix.size()), ethnic);
    add(core);
    if (rules.list("keeps_last_char").is(suffix)) {
      std::size_t last = suffix.size();
      utf8::prev(suffix, last);
      add(core + suffix.substr(last));
    }
    return out;
  }
  // In file order: multi-character suffixes first, so 阿克苏地区 → 阿克苏, not 阿克苏地.
  for (const std::string& suffix : rules.list("suffix").in_file_order()) {
    if (!ends_with(name, suffix)) continue;
    add(name.substr(0, name.size() - suffix.size()));
    break;
  }
  return out;
}

std::size_t count_of(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return 0;
  std::size_t n = 0;
  for (std::size_t p = hay.find(needle); p != std::string_view::npos;
       p = hay.find(needle, p + needle.size()))
    ++n;
  return n;
}

}  // namespace

Result<Divisions> Divisions::load() {
  auto ethnic_words = data::Vocabulary::load("meta_ethnic.tsv", {"ethnic"});
  if (!ethnic_words) return ethnic_words.error();
  const std::vector<std::string>& ethnic = ethnic_words->list("ethnic").in_file_order();
  auto rules =
      data::Vocabulary::load("meta_divisions.tsv", {"autonomous", "keeps_last_char", "suffix"});
  if (!rules) return rules.error();

  auto table = data::load_table("divisions.tsv", 5, 5);
  if (!table) return table.error();
  Divisions d;
  d.entries_.reserve(table->rows.size());
  for (const data::Row& r : table->rows) {
    auto where = "divisions.tsv:" + std::to_string(r.line);
    std::optional<Level> level = parse_level(r.fields[2]);
    if (!level)
      return make_error(ErrorCode::kInvalidData, "unknown level '" + r.fields[2] + "'", where);
    if (!six_digits(r.fields[0]) || !six_digits(r.fields[4]) ||
        (!r.fields[3].empty() && !six_digits(r.fields[3]))) {
      return make_error(ErrorCode::kInvalidData, "codes must have six digits", where);
    }
    if (r.fields[1].empty() || !utf8::valid(r.fields[1])) {
      return make_error(ErrorCode::kInvalidData, "empty or invalid name", where);
    }
    if (d.code_.count(r.fields[0]) != 0) {
      return make_error(ErrorCode::kInvalidData, "duplicate code " + r.fields[0], where);
    }
    d.code_.emplace(r.fields[0], d.entries_.size());
    d.entries_.push_back(Entry{r.fields[0], r.fields[1], *level, r.fields[3], r.fields[4]});
  }
  for (std::size_t i = 0; i < d.entries_.size(); ++i) {
    const Entry& e = d.entries_[i];
    bool parent_ok =
        e.parent_code.empty() ? e.level == Level::kProvince : d.code_.count(e.parent_code) != 0;
    if (!parent_ok || d.code_.count(e.province_code) == 0) {
      return make_error(ErrorCode::kInvalidData, "unknown parent or province of " + e.code,
                        "divisions.tsv");
    }
    d.full_[e.name].push_back(i);
    if (!e.parent_code.empty()) d.children_[e.parent_code].push_back(i);
    std::vector<std::string> aliases = derive_aliases(e.name, *rules, ethnic);
    for (const std::string& a : aliases) d.alias_[a].push_back(i);
    d.short_[e.code] = std::move(aliases);
  }
  return d;
}

std::vector<const Divisions::Entry*> Divisions::lookup(std::string_view name) const {
  std::vector<const Entry*> out;
  std::string key(utf8::trim(name));
  if (auto it = full_.find(key); it != full_.end()) {
    for (std::size_t i : it->second) out.push_back(&entries_[i]);
  }
  if (auto it = alias_.find(key); it != alias_.end()) {
    for (std::size_t i : it->second) {
      if (std::find(out.begin(), out.end(), &entries_[i]) == out.end()) out.push_back(&entries_[i]);
    }
  }
  return out;
}

std::vector<const Divisions::Entry*> Divisions::children(const Entry& e) const {
  std::vector<const Entry*> out;
  if (auto it = children_.find(e.code); it != children_.end()) {
    for (std::size_t i : it->second) out.push_back(&entries_[i]);
  }
  return out;
}

const Divisions::Entry* Divisions::by_code(std::string_view code) const {
  auto it = code_.find(std::string(code));
  return it == code_.end() ? nullptr : &entries_[it->second];
}

int Divisions::context_score(const Entry& e, std::string_view context) const {
  if (context.empty()) return 0;
  std::size_t score = 0;
  auto mentions = [&](const Entry& other, std::size_t full_weight, std::size_t alias_weight) {
    score += full_weight * count_of(context, other.name);
    if (auto it = short_.find(other.code); it != short_.end()) {
      for (const std::string& a : it->second) score += alias_weight * count_of(context, a);
    }
  };
  if (e.level != Level::kProvince) {
    if (const Entry* p = by_code(e.province_code)) mentions(*p, 3, 2);
  }
  if (!e.parent_code.empty() && e.parent_code != e.province_code) {
    if (const Entry* p = by_code(e.parent_code)) mentions(*p, 3, 2);
  }
  // Siblings and children: reports name their neighbours and their own subdivisions. Names of
  // one or two characters (城区, 矿区) are too common to count.
  auto count_named = [&](const std::vector<std::size_t>& ids) {
    for (std::size_t i : ids) {
      const Entry& o = entries_[i];
      if (&o != &e && utf8::length(o.name) >= 3) score += count_of(context, o.name);
    }
  };
  if (auto it = children_.find(e.parent_code); !e.parent_code.empty() && it != children_.end()) {
    count_named(it->second);
  }
  if (auto it = children_.find(e.code); it != children_.end()) count_named(it->second);
  return static_cast<int>(std::min<std::size_t>(score, 1u << 30));
}

std::optional<Divisions::Entry> Divisions::resolve(std::string_view name,
                                                   std::string_view context) const {
  std::vector<const Entry*> cands = lookup(name);
  if (cands.empty()) return std::nullopt;
  std::string key(utf8::trim(name));
  // Exact full-name matches outrank aliases: "吉林市" never resolves to 吉林省.
  auto exact_end = std::stable_partition(cands.begin(), cands.end(),
                                         [&](const Entry* e) { return e->name == key; });
  if (exact_end != cands.begin()) cands.erase(exact_end, cands.end());
  if (cands.size() == 1) return *cands.front();
  const Entry* best = nullptr;
  int best_score = -1;
  for (const Entry* e : cands) {
    int s = context_score(*e, context);
    if (s > best_score ||
        (s == best_score && static_cast<int>(e->level) < static_cast<int>(best->level))) {
      best = e;
      best_score = s;
    }
  }
  return *best;
}

}  // namespace gwr::meta
