// Corpus endpoints: /api/summary, /api/reports, /api/reports/{id}, /api/indicators.
#include <algorithm>

#include "server/api.h"
#include "server/reader.h"
#include "server/rows.h"

namespace gwr::server::api {

namespace {

using analysis::Cell;

Cell opt_cell(const std::optional<std::string>& s) { return s ? Cell{*s} : Cell{}; }
Cell opt_cell(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }

constexpr const char* kReportColumns =
    "r.report_id AS id, r.region, r.region_source, r.region_code, r.level, r.province, r.parent, "
    "r.delivered, "
    "r.session, r.speaker, r.speaker_title, r.acting, r.review_year, r.plan_year, r.partial, "
    "r.gdp_target, r.char_count AS chars, r.source, r.format, r.encoding, r.traditional";

// The filter shared by the list and its count: ?1 region (or code), ?2 level, ?3 province,
// ?4 plan year, ?5 text in region/province/speaker.
constexpr const char* kReportFilter =
    " WHERE (?1 IS NULL OR r.region = ?1 OR r.region_code = ?1)"
    " AND (?2 IS NULL OR r.level = ?2) AND (?3 IS NULL OR r.province = ?3)"
    " AND (?4 IS NULL OR r.plan_year = ?4)"
    " AND (?5 IS NULL OR instr(r.region, ?5) > 0 OR instr(coalesce(r.province, ''), ?5) > 0"
    "      OR instr(coalesce(r.parent, ''), ?5) > 0)";

const std::vector<std::string> kLevels = {"national", "province", "prefecture", "county"};

}  // namespace

Reply summary(const Ctx& c) {
  sqlite3* db = c.store.handle();
  nlohmann::json j = first_row(db,
                               "SELECT (SELECT count(*) FROM reports) AS reports,"
                               " (SELECT count(DISTINCT region) FROM reports) AS regions,"
                               " (SELECT min(plan_year) FROM reports) AS first_year,"
                               " (SELECT max(plan_year) FROM reports) AS last_year,"
                               " (SELECT count(*) FROM paragraphs) AS paragraphs,"
                               " (SELECT count(*) FROM targets) AS targets,"
                               " (SELECT count(*) FROM facts) AS facts,"
                               " (SELECT count(*) FROM livelihood_items) AS livelihood_items,"
                               " (SELECT count(*) FROM glossary) AS glossary,"
                               " (SELECT count(*) FROM warnings) AS warnings");
  j["by_level"] =
      rows(db, "SELECT level, count(*) AS count FROM reports GROUP BY level ORDER BY count DESC");
  j["by_year"] = rows(db,
                      "SELECT plan_year AS year, count(*) AS count FROM reports GROUP BY plan_year "
                      "ORDER BY plan_year");
  j["by_province"] = rows(db,
                          "SELECT province, count(*) AS count FROM reports GROUP BY province ORDER "
                          "BY count DESC, province");
  j["search"] = c.store.has_fts();
  return json_reply(j);
}

Reply reports(const Ctx& c) {
  sqlite3* db = c.store.handle();
  const auto& p = c.params;
  const std::int64_t limit = int_param(p, "limit", 1, kMaxPageSize).value_or(50);
  const std::int64_t offset = int_param(p, "offset", 0, 10'000'000).value_or(0);
  std::vector<Cell> args;
  args.push_back(opt_cell(text_param(p, "region")));
  args.push_back(opt_cell(enum_param(p, "level", kLevels)));
  args.push_back(opt_cell(text_param(p, "province")));
  args.push_back(opt_cell(int_param(p, "year", 1949, 2100)));
  args.push_back(opt_cell(text_param(p, "q")));
  const std::string from = std::string(" FROM reports r") + kReportFilter;
  nlohmann::json total = first_row(db, "SELECT count(*) AS n" + from, args);
  std::vector<Cell> page(args.size() + 2);
  std::copy(args.begin(), args.end(), page.begin());
  page[args.size()] = Cell{limit};
  page[args.size() + 1] = Cell{offset};
  nlohmann::json items = rows(
      db,
      std::string("SELECT ") + kReportColumns +
          ", (SELECT count(*) FROM targets t WHERE t.report_id = r.report_id AND t.kind = "
          "'plan_year') AS targets,"
          " (SELECT count(*) FROM warnings w WHERE w.report_id = r.report_id) AS warnings,"
          " (SELECT count(*) FROM livelihood_items l WHERE l.report_id = r.report_id) AS "
          "livelihood_items" +
          from + " ORDER BY r.plan_year DESC, r.province, r.region, r.report_id LIMIT ?6 OFFSET ?7",
      page);
  // Counts over the filtered set, for the filter drop-downs.
  nlohmann::json facets = {
      {"level", rows(db,
                     "SELECT r.level AS value, count(*) AS count" + from +
                         " GROUP BY r.level ORDER BY count DESC",
                     args)},
      {"province", rows(db,
                        "SELECT r.province AS value, count(*) AS count" + from +
                            " GROUP BY r.province ORDER BY count DESC, r.province",
                        args)},
      {"year", rows(db,
                    "SELECT r.plan_year AS value, count(*) AS count" + from +
                        " GROUP BY r.plan_year ORDER BY r.plan_year DESC",
                    args)}};
  return json_reply({{"total", total["n"]},
                     {"offset", offset},
                     {"limit", limit},
                     {"items", std::move(items)},
                     {"facets", std::move(facets)}});
}

Reply report(const Ctx& c, std::int64_t id) {
  sqlite3* db = c.store.handle();
  nlohmann::json meta = first_row(db,
                                  std::string("SELECT ") + kReportColumns +
                                      ", r.published, r.targets_sentence, r.body_start, r.body_end "
                                      "FROM reports r WHERE r.report_id = ?1",
                                  {Cell{id}});
  if (meta.is_null()) not_found("no report with id " + std::to_string(id));
  return json_reply(reader_json(db, id, std::move(meta)));
}

Reply indicators(const Ctx& c) {
  sqlite3* db = c.store.handle();
  nlohmann::json j;
  j["targets"] = rows(db,
                      "SELECT canonical, kind, year, count(*) AS count, min(indicator) AS example, "
                      "min(unit) AS unit"
                      " FROM targets WHERE canonical <> 'other' GROUP BY canonical, kind, year"
                      " ORDER BY count DESC, canonical, year DESC");
  j["facts"] = rows(
      db,
      "SELECT indicator_id, measure, count(*) AS count FROM facts GROUP BY indicator_id, measure"
      " ORDER BY count DESC, indicator_id");
  return json_reply(j);
}

}  // namespace gwr::server::api
