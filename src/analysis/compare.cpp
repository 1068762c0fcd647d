#include "analysis/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "common/utf8.h"
#include "store/query.h"

namespace gwr::analysis {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits "<region> <year>", "<region>:<year>", "<region><year>" at the trailing 4-digit year.
bool split_ref(std::string_view ref, std::string& region, std::int64_t& year) {
  ref = utf8::trim(ref);
  if (ref.size() < 5 || !all_digits(ref.substr(ref.size() - 4))) return false;
  year = std::stoll(std::string(ref.substr(ref.size() - 4)));
  std::string_view r = ref.substr(0, ref.size() - 4);
  while (!r.empty() && (r.back() == ' ' || r.back() == ':' || r.back() == '-')) r.remove_suffix(1);
  region = std::string(utf8::trim(r));
  return !region.empty();
}

std::string num_text(const Cell& c) { return to_text(c); }

}  // namespace

Result<std::vector<std::int64_t>> resolve_reports(const store::Reader& db,
                                                  const std::vector<std::string>& refs) {
  std::vector<std::int64_t> out;
  for (const auto& ref : refs) {
    Result<Table> q = Table{};
    std::string region;
    std::int64_t year = 0;
    if (all_digits(ref)) {
      q = store::query(db, "SELECT report_id FROM reports WHERE report_id = ?1",
                       {Cell{static_cast<std::int64_t>(std::stoll(ref))}}, "ids");
    } else if (split_ref(ref, region, year)) {
      q = store::query(
          db,
          "SELECT c.report_id FROM canonical_reports c JOIN report_rows r USING (report_id)"
          " WHERE (c.region = ?1 OR r.region_code = ?1) AND c.plan_year = ?2 ORDER BY c.report_id",
          {Cell{region}, Cell{year}}, "ids");
    } else {
      return make_error(ErrorCode::kUsage, "not a report id or '<region> <year>': '" + ref + "'");
    }
    if (!q) return q.error();
    if (q->rows.empty()) return make_error(ErrorCode::kUsage, "no report matches '" + ref + "'");
    out.push_back(std::get<std::int64_t>(q->rows[0][0]));
  }
  return out;
}

Result<Table> compare(const store::Reader& db, const std::vector<std::int64_t>& ids,
                      const Themes& themes) {
  Table t;
  t.name = "compare";
  t.columns = {"section", "item"};
  const std::size_t n = ids.size();
  std::vector<std::vector<Cell>> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> row_of;
  auto put = [&](const std::string& section, const std::string& item, std::size_t col, Cell v) {
    auto [it, fresh] = row_of.emplace(std::make_pair(section, item), rows.size());
    if (fresh) {
      std::vector<Cell> r{Cell{section}, Cell{item}};
      r.resize(2 + n);
      rows.push_back(std::move(r));
    }
    auto& cell = rows[it->second][2 + col];
    if (is_null(cell)) cell = std::move(v);
  };
  // Fixed report rows first so every table starts the same way.
  for (const char* item :
       {"region", "level", "province", "plan_year", "delivered", "speaker", "chars"}) {
    rows.push_back({Cell{std::string("report")}, Cell{std::string(item)}});
    rows.back().resize(2 + n);
    row_of[{"report", item}] = rows.size() - 1;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const Cell id{ids[k]};
    auto r = store::query(db, R"(
SELECT r.region, r.level, r.province, r.plan_year, r.delivered, r.speaker,
       (SELECT COUNT(*) FROM paragraphs p WHERE p.report_id = r.report_id) AS paragraphs,
       r.review_year
FROM reports r WHERE r.report_id = ?1)",
                          {id}, "report");
    if (!r) return r.error();
    if (r->rows.empty()) {
      return make_error(ErrorCode::kUsage, "no report with id " + std::to_string(ids[k]));
    }
    const auto& rr = r->rows[0];
    t.columns.push_back(fmt::format("{} {} #{}", to_text(rr[0]), to_text(rr[3]), ids[k]));
    const char* items[] = {"region", "level", "province", "plan_year", "delivered", "speaker"};
    for (std::size_t i = 0; i < 6; ++i) put("report", items[i], k, rr[i]);

    auto targets = store::query(db, R"(
SELECT canonical, value, value_hi, unit, modifier FROM targets
WHERE report_id = ?1 AND kind = 'plan_year' AND canonical <> 'other'
ORDER BY target_id)",
                                {id}, "t");
    if (!targets) return targets.error();
    for (const auto& row : targets->rows) {
      std::string v;
      if (!is_null(row[1])) {
        v = num_text(row[1]);
        if (!is_null(row[2])) v += "–" + num_text(row[2]);
        v += to_text(row[3]) + " ";
      }
      v += to_text(row[4]);
      put("target", to_text(row[0]), k, Cell{v});
    }

    auto att = attention(db, themes, AttentionBy::kReport, {ids[k]});
    if (!att) return att.error();
    std::size_t chars = 0;
    for (const auto& row : att->rows) {
      chars = static_cast<std::size_t>(std::get<std::int64_t>(row[att->column("chars")]));
      const double p = to_number(row[att->column("per_10k")]);
      Cell v;
      if (!std::isnan(p)) v = std::round(p * 100.0) / 100.0;
      put("attention", to_text(row[att->column("theme")]), k, std::move(v));
    }
    put("report", "chars", k, Cell{static_cast<std::int64_t>(chars)});

    auto facts = store::query(db, R"(
SELECT f.indicator_id || ' ' || f.measure, f.value, f.unit FROM facts f
WHERE f.report_id = ?1 AND f.status IN ('actual', 'estimate') AND f.period = 'review_year'
  AND f.scope = 'report' AND f.year = ?2
ORDER BY f.ord)",
                              {id, rr[7]}, "f");
    if (!facts) return facts.error();
    for (const auto& row : facts->rows) {
      put("fact", to_text(row[0]), k, Cell{num_text(row[1]) + to_text(row[2])});
    }
  }
  // Sections in the documented order; rows keep their first-seen order inside a section.
  auto rank = [](const std::vector<Cell>& r) {
    const std::string s = to_text(r[0]);
    return s == "report" ? 0 : s == "target" ? 1 : s == "attention" ? 2 : 3;
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  t.rows = std::move(rows);
  return t;
}

}  // namespace gwr::analysis
