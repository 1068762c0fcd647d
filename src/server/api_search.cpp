// Text endpoints: /api/search, /api/slogans, /api/commitments.
#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "analysis/commitments.h"
#include "analysis/glossary.h"
#include "analysis/terms.h"
#include "server/api.h"
#include "server/commitments.h"
#include "store/search.h"

namespace gwr::server::api {

namespace {

constexpr const char* kOpen = "\x02";
constexpr std::size_t kMaxRanking = 100;  // rows of each ranking
constexpr const char* kClose = "\x03";

// Splits a snippet with kOpen/kClose marks into [{text, hit}].
nlohmann::json snippet_parts(const std::string& s) {
  nlohmann::json parts = nlohmann::json::array();
  std::string cur;
  bool hit = false;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back({{"text", cur}, {"hit", hit}});
    cur.clear();
  };
  for (char ch : s) {
    if (ch == kOpen[0]) {
      flush();
      hit = true;
    } else if (ch == kClose[0]) {
      flush();
      hit = false;
    } else
      cur += ch;
  }
  flush();
  return parts;
}

template <class T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

void count(std::map<std::string, int>& m, const std::optional<std::string>& v) {
  ++m[v.value_or("")];
}

nlohmann::json facet(const std::map<std::string, int>& m) {
  std::vector<std::pair<std::string, int>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, n] : v)
    out.push_back(
        {{"value", k.empty() ? nlohmann::json(nullptr) : nlohmann::json(k)}, {"count", n}});
  return out;
}

const std::vector<std::string> kLevels = {"national", "province", "prefecture", "county"};

// Rows of a per-report or per-region ranking: most matching paragraphs first, then the best hit.
template <class K, class Rank>
nlohmann::json ranking(const std::map<K, Rank>& by, bool regions) {
  std::vector<const Rank*> v;
  v.reserve(by.size());
  for (const auto& [k, r] : by) v.push_back(&r);
  std::stable_sort(v.begin(), v.end(), [](const Rank* a, const Rank* b) {
    if (a->paragraphs != b->paragraphs) return a->paragraphs > b->paragraphs;
    return a->first->score > b->first->score;
  });
  if (v.size() > kMaxRanking) v.resize(kMaxRanking);
  nlohmann::json out = nlohmann::json::array();
  for (const Rank* r : v) {
    const store::Hit& h = *r->first;
    nlohmann::json row = {{"region", opt(h.region)},     {"region_code", opt(h.region_code)},
                          {"level", opt(h.level)},       {"province", opt(h.province)},
                          {"paragraphs", r->paragraphs}, {"best_score", h.score}};
    if (regions) {
      row["reports"] = r->reports.size();
      row["years"] = r->years;
    } else {
      row["report_id"] = h.report_id;
      row["plan_year"] = opt(h.plan_year);
      row["paragraph"] = h.paragraph_ord;  // its best paragraph
    }
    out.push_back(std::move(row));
  }
  return out;
}

// Per plan year and level: matching paragraphs and the reports holding them.
template <class Rank>
nlohmann::json year_level(const std::map<std::pair<int, std::string>, Rank>& by) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [k, r] : by) {
    out.push_back({{"year", k.first},
                   {"level", k.second},
                   {"paragraphs", r.paragraphs},
                   {"reports", r.reports.size()}});
  }
  return out;
}

// The parameters /api/search and /api/search/regions share (q, level, year, versions); 400 when
// q is missing or the corpus has no full-text index.
store::SearchQuery query_of(const Ctx& c) {
  const auto& p = c.params;
  store::SearchQuery q;
  auto text = text_param(p, "q");
  if (!text) bad_request("缺少参数 q（检索词）");
  q.text = *text;
  q.level = enum_param(p, "level", kLevels);
  if (auto y = int_param(p, "year", 1949, 2100)) q.year = static_cast<int>(*y);
  q.all_versions = enum_param(p, "versions", {"canonical", "all"}) == "all";
  if (!c.db.has_fts()) bad_request("这个语料库没有全文索引（导入时用了 --no-fts），无法检索");
  return q;
}

}  // namespace

Reply search(const Ctx& c) {
  const auto& p = c.params;
  store::SearchQuery q = query_of(c);
  q.region = text_param(p, "region");
  q.section = text_param(p, "section");
  q.province = text_param(p, "province");
  const auto limit = int_param(p, "limit", 1, kMaxSearchHits).value_or(20);
  const auto offset = int_param(p, "offset", 0, store::kMaxSearchLimit).value_or(0);
  // One ranked run over the first kMaxSearchLimit hits gives both the page and the facets.
  q.limit = store::kMaxSearchLimit;
  q.highlight_open = kOpen;
  q.highlight_close = kClose;
  q.snippet_from = static_cast<int>(offset);  // only the page shown needs snippets
  q.snippet_count = static_cast<int>(limit);
  auto hits = unwrap(store::search(c.db, q));

  std::map<std::string, int> level, province, year, section;
  // Per report and per region: how many matching paragraphs, the best score, which years.
  struct Rank {
    const store::Hit* first = nullptr;  // the best-ranked hit (hits come best first)
    int paragraphs = 0;
    std::set<std::int64_t> reports;
    std::set<int> years;
  };
  std::map<std::int64_t, Rank> by_report;
  std::map<std::string, Rank> by_region;
  std::map<std::pair<int, std::string>, Rank> by_year_level;  // reports with a year and level
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    std::vector<Rank*> ranks = {&by_report[h.report_id],
                                &by_region[h.region_code.value_or(h.region.value_or(""))]};
    if (h.plan_year && h.level) ranks.push_back(&by_year_level[{*h.plan_year, *h.level}]);
    for (Rank* r : ranks) {
      if (r->first == nullptr) r->first = &h;
      ++r->paragraphs;
      r->reports.insert(h.report_id);
      if (h.plan_year) r->years.insert(*h.plan_year);
    }
    count(level, h.level);
    count(province, h.province);
    count(year,
          h.plan_year ? std::optional<std::string>(std::to_string(*h.plan_year)) : std::nullopt);
    count(section, h.section_type);
    if (i < static_cast<std::size_t>(offset) || items.size() >= static_cast<std::size_t>(limit))
      continue;
    items.push_back({{"score", h.score},
                     {"report_id", h.report_id},
                     {"paragraph_id", h.paragraph_id},
                     {"paragraph", h.paragraph_ord},
                     {"region", opt(h.region)},
                     {"level", opt(h.level)},
                     {"province", opt(h.province)},
                     {"plan_year", opt(h.plan_year)},
                     {"delivered", opt(h.delivered)},
                     {"section_type", opt(h.section_type)},
                     {"section_title", opt(h.section_title)},
                     {"snippet", snippet_parts(h.snippet)}});
  }
  nlohmann::json matches = nullptr;  // every match, counted only when asked: another pass
  if (const auto n = int_param(p, "count", 0, 1); n && *n == 1) {
    matches = unwrap(store::count(c.db, q));
  }
  return json_reply(
      {{"query", q.text},
       {"total", hits.size()},
       {"matches", std::move(matches)},
       {"capped", hits.size() >= static_cast<std::size_t>(store::kMaxSearchLimit)},
       {"offset", offset},
       {"limit", limit},
       {"hits", std::move(items)},
       {"facets",
        {{"level", facet(level)},
         {"province", facet(province)},
         {"year", facet(year)},
         {"section", facet(section)}}},
       {"ranking", {{"reports", ranking(by_report, false)}, {"regions", ranking(by_region, true)}}},
       {"by_year_level", year_level(by_year_level)}});
}

Reply search_regions(const Ctx& c) {
  const store::SearchQuery q = query_of(c);
  auto rows = unwrap(store::mentions_by_region(c.db, q));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    out.push_back({{"region", opt(r.region)},
                   {"region_code", opt(r.region_code)},
                   {"level", opt(r.level)},
                   {"province", opt(r.province)},
                   {"reports", r.reports},
                   {"mentioning", r.mentioning}});
  }
  return json_reply({{"query", q.text},
                     {"level", opt(q.level)},
                     {"year", opt(q.year)},
                     {"regions", std::move(out)}});
}

Reply slogans(const Ctx& c) {
  auto ids = id_list(c.params, "report", kMaxCompare);
  const auto n = static_cast<std::size_t>(int_param(c.params, "n", 1, kMaxTermsN).value_or(20));
  auto t = unwrap(analysis::slogans(c.db, n, ids));
  nlohmann::json j = table_json(t);
  const std::size_t col = t.column("slogan");
  const std::size_t rid = t.column("report_id");
  std::vector<std::pair<std::string, std::int64_t>> wanted;  // one pass over the glossary
  std::vector<std::size_t> at;
  for (std::size_t r = 0; r < t.rows.size() && col != Table::npos; ++r) {
    j["rows"][r]["definition"] = nullptr;
    const auto* s = std::get_if<std::string>(&t.rows[r][col]);
    if (!s) continue;
    std::int64_t prefer = 0;
    if (rid != Table::npos) {
      if (auto* v = std::get_if<std::int64_t>(&t.rows[r][rid])) prefer = *v;
    }
    wanted.emplace_back(*s, prefer);
    at.push_back(r);
  }
  const auto defs = unwrap(analysis::term_definitions(c.db, wanted));
  for (std::size_t k = 0; k < defs.size(); ++k) {
    const auto& d = defs[k].definition;
    j["rows"][at[k]]["definition"] = d ? nlohmann::json(*d) : nlohmann::json(nullptr);
  }
  j["columns"].push_back("definition");
  return json_reply(j);
}

Reply commitments(const Ctx& c) {
  auto ids = id_list(c.params, "report", 1);
  if (!ids.empty()) return json_reply(commitments_json(c.db, c.res, ids[0]));
  nlohmann::json list = rows_json(unwrap(analysis::commitment_reports(c.db)));
  return json_reply({{"reports", std::move(list)}});
}

}  // namespace gwr::server::api
