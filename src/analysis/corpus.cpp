#include "analysis/corpus.h"

#include <utility>

namespace gwr::analysis {

namespace {

constexpr const char* kReportColumns =
    "r.report_id AS id, r.region, r.region_source, r.region_code, r.level, r.province, r.parent, "
    "r.delivered, r.session, r.speaker, r.speaker_title, r.acting, r.review_year, r.plan_year, "
    "r.partial, r.gdp_target, r.char_count AS chars, r.source, r.format, r.encoding, "
    "r.traditional, v.report_key, v.version_rank,"
    " (SELECT count(*) FROM report_versions o WHERE o.report_key = v.report_key) AS versions";

// The filter shared by the list, its count and its facets: ?1 region (or code), ?2 level,
// ?3 province, ?4 plan year, ?5 text in region/province/parent, ?6 report_key, ?7 every version
// (1) or the canonical ones only (0).
constexpr const char* kFilteredReports =
    " FROM reports r JOIN report_versions v ON v.report_id = r.report_id"
    " WHERE (?7 = 1 OR v.version_rank = 1) AND (?6 IS NULL OR v.report_key = ?6)"
    " AND (?1 IS NULL OR r.region = ?1 OR r.region_code = ?1)"
    " AND (?2 IS NULL OR r.level = ?2) AND (?3 IS NULL OR r.province = ?3)"
    " AND (?4 IS NULL OR r.plan_year = ?4)"
    " AND (?5 IS NULL OR instr(r.region, ?5) > 0 OR instr(coalesce(r.province, ''), ?5) > 0"
    "      OR instr(coalesce(r.parent, ''), ?5) > 0)";

// The canonical version of every report (report_versions).
constexpr const char* kCanonical =
    " FROM report_rows r JOIN report_versions v ON v.report_id = r.report_id"
    " WHERE v.version_rank = 1";

Cell opt_cell(const std::optional<std::string>& s) { return s ? Cell{*s} : Cell{}; }
Cell opt_cell(const std::optional<std::int64_t>& v) { return v ? Cell{*v} : Cell{}; }

std::int64_t int_of(const Cell& c) {
  const auto* i = std::get_if<std::int64_t>(&c);
  return i ? *i : 0;
}

std::optional<std::int64_t> opt_int(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return *i;
  return std::nullopt;
}

}  // namespace

Result<CorpusSummary> corpus_summary(const store::Reader& db) {
  auto totals = store::query(db,
                             "SELECT (SELECT count(*) FROM report_versions WHERE version_rank = 1)"
                             " AS reports,"
                             " (SELECT count(DISTINCT region) FROM report_rows) AS regions,"
                             " (SELECT min(plan_year) FROM report_rows) AS first_year,"
                             " (SELECT max(plan_year) FROM report_rows) AS last_year,"
                             " (SELECT count(*) FROM paragraphs) AS paragraphs,"
                             " (SELECT count(*) FROM targets) AS targets,"
                             " (SELECT count(*) FROM facts) AS facts,"
                             " (SELECT count(*) FROM livelihood_items) AS livelihood_items,"
                             " (SELECT count(*) FROM glossary) AS glossary,"
                             " (SELECT count(*) FROM warnings) AS warnings,"
                             " (SELECT count(*) FROM report_rows) AS versions",
                             {}, "summary");
  if (!totals) return totals.error();
  const std::vector<Cell>& t = totals->rows.at(0);
  CorpusSummary s;
  s.reports = int_of(t[0]);
  s.regions = int_of(t[1]);
  s.first_year = opt_int(t[2]);
  s.last_year = opt_int(t[3]);
  s.paragraphs = int_of(t[4]);
  s.targets = int_of(t[5]);
  s.facts = int_of(t[6]);
  s.livelihood_items = int_of(t[7]);
  s.glossary = int_of(t[8]);
  s.warnings = int_of(t[9]);
  s.versions = int_of(t[10]);
  auto by_level = store::query(db,
                               "SELECT level, count(*) AS count" + std::string(kCanonical) +
                                   " GROUP BY level ORDER BY count DESC",
                               {}, "by_level");
  if (!by_level) return by_level.error();
  auto by_year =
      store::query(db,
                   "SELECT plan_year AS year, count(*) AS count" + std::string(kCanonical) +
                       " GROUP BY plan_year ORDER BY plan_year",
                   {}, "by_year");
  if (!by_year) return by_year.error();
  auto by_province = store::query(db,
                                  "SELECT province, count(*) AS count" + std::string(kCanonical) +
                                      " GROUP BY province ORDER BY count DESC, province",
                                  {}, "by_province");
  if (!by_province) return by_province.error();
  auto by_year_level =
      store::query(db,
                   "SELECT plan_year AS year, level, count(*) AS count" + std::string(kCanonical) +
                       " GROUP BY plan_year, level ORDER BY plan_year, level",
                   {}, "by_year_level");
  if (!by_year_level) return by_year_level.error();
  s.by_year_level = std::move(by_year_level).value();
  s.by_level = std::move(by_level).value();
  s.by_year = std::move(by_year).value();
  s.by_province = std::move(by_province).value();
  s.search = db.has_fts();
  return s;
}

Result<ReportPage> report_list(const store::Reader& db, const ReportFilter& f, std::int64_t limit,
                               std::int64_t offset) {
  const std::vector<Cell> args = {opt_cell(f.region),
                                  opt_cell(f.level),
                                  opt_cell(f.province),
                                  opt_cell(f.year),
                                  opt_cell(f.text),
                                  opt_cell(f.key),
                                  Cell{std::int64_t{f.all_versions ? 1 : 0}}};
  const std::string from = kFilteredReports;
  auto total = store::query(db, "SELECT count(*) AS n" + from, args, "total");
  if (!total) return total.error();
  std::vector<Cell> page = args;
  page.emplace_back(limit);
  page.emplace_back(offset);
  auto items = store::query(
      db,
      std::string("SELECT ") + kReportColumns +
          ", (SELECT count(*) FROM targets t WHERE t.report_id = r.report_id AND t.kind = "
          "'plan_year') AS targets,"
          " (SELECT count(*) FROM warnings w WHERE w.report_id = r.report_id) AS warnings,"
          " (SELECT count(*) FROM livelihood_items l WHERE l.report_id = r.report_id) AS "
          "livelihood_items" +
          from +
          " ORDER BY r.plan_year DESC, r.province, r.region, v.report_key, v.version_rank,"
          " r.report_id LIMIT ?8 OFFSET ?9",
      page, "reports");
  if (!items) return items.error();
  auto levels = store::query(
      db,
      "SELECT r.level AS value, count(*) AS count" + from + " GROUP BY r.level ORDER BY count DESC",
      args, "level");
  if (!levels) return levels.error();
  auto provinces = store::query(db,
                                "SELECT r.province AS value, count(*) AS count" + from +
                                    " GROUP BY r.province ORDER BY count DESC, r.province",
                                args, "province");
  if (!provinces) return provinces.error();
  auto years = store::query(db,
                            "SELECT r.plan_year AS value, count(*) AS count" + from +
                                " GROUP BY r.plan_year ORDER BY r.plan_year DESC",
                            args, "year");
  if (!years) return years.error();
  ReportPage p;
  p.total = int_of(total->rows.at(0).at(0));
  p.items = std::move(items).value();
  p.levels = std::move(levels).value();
  p.provinces = std::move(provinces).value();
  p.years = std::move(years).value();
  return p;
}

Result<std::optional<ReportView>> report_view(const store::Reader& db, std::int64_t id) {
  const std::vector<Cell> arg = {Cell{id}};
  ReportView v;
  auto report =
      store::query(db,
                   std::string("SELECT ") + kReportColumns +
                       ", r.published, r.targets_sentence, r.body_start, r.body_end"
                       " FROM reports r JOIN report_versions v ON v.report_id = r.report_id"
                       " WHERE r.report_id = ?1",
                   arg, "report");
  if (!report) return report.error();
  if (report->rows.empty()) return std::optional<ReportView>();
  v.report = std::move(report).value();
  // The rows about the report: each part's member and query (?1 is the report id).
  const std::pair<Table ReportView::*, const char*> parts[] = {
      {&ReportView::sections,
       "SELECT ord, title, level, type, appended, start_byte AS start, end_byte AS end"
       " FROM sections WHERE report_id = ?1 ORDER BY ord"},
      {&ReportView::paragraphs,
       "SELECT paragraph_id AS id, ord, section_type, section_title, text, start_byte AS start,"
       " end_byte AS end FROM paragraphs WHERE report_id = ?1 ORDER BY ord"},
      {&ReportView::quantities,
       "SELECT value, value_hi, unit, kind, comparator, text, start_byte AS start, end_byte AS end"
       " FROM quantities WHERE report_id = ?1 ORDER BY start_byte, quantity_id"},
      {&ReportView::facts,
       "SELECT ord, indicator, indicator_id, measure, value, value_hi, unit, comparator, status,"
       " period, year, scope, headline, linked_ord AS linked, verbatim, start_byte AS start,"
       " end_byte AS end FROM facts WHERE report_id = ?1 ORDER BY ord"},
      {&ReportView::targets,
       "SELECT kind, horizon, year, indicator, indicator_id, canonical, value, value_hi, unit,"
       " modifier, basis, aspiration, reference, relative_modifier, stretch_value, base_year,"
       " verbatim, start_byte AS start, end_byte AS end"
       " FROM targets WHERE report_id = ?1 ORDER BY kind DESC, target_id"},
      {&ReportView::livelihood,
       "SELECT ord, label, declared_count, text, start_byte AS start, end_byte AS end"
       " FROM livelihood_items WHERE report_id = ?1 ORDER BY ord"},
      {&ReportView::glossary,
       "SELECT term, definition, start_byte AS start, end_byte AS end FROM glossary"
       " WHERE report_id = ?1 ORDER BY glossary_id"},
      {&ReportView::warnings,
       "SELECT code, message, raw_offset AS offset FROM warnings WHERE report_id = ?1"},
      {&ReportView::slogans,
       "SELECT text, count FROM slogans WHERE report_id = ?1 ORDER BY count DESC, text"},
      {&ReportView::versions,
       "SELECT r.report_id AS id, o.version_rank, r.format, r.encoding, r.traditional, r.partial,"
       " r.char_count AS chars, r.source FROM report_versions s"
       " JOIN report_versions o ON o.report_key = s.report_key"
       " JOIN report_rows r ON r.report_id = o.report_id"
       " WHERE s.report_id = ?1 ORDER BY o.version_rank"},
  };
  for (const auto& [member, sql] : parts) {
    auto t = store::query(db, sql, arg);
    if (!t) return t.error();
    v.*member = std::move(t).value();
  }

  // Terms: the slogans and the report's own glossary terms, each with a definition from any
  // report.
  std::vector<std::pair<std::string, std::int64_t>> wanted;
  auto add_term = [&](const std::string& t) {
    if (t.empty()) return;
    for (const auto& w : wanted)
      if (w.first == t) return;
    wanted.emplace_back(t, id);
  };
  for (const auto& s : v.slogans.rows) add_term(to_text(s[0]));
  for (const auto& g : v.glossary.rows) add_term(bare_term(to_text(g[0])));
  auto terms = term_definitions(db, wanted);
  if (!terms) return terms.error();
  v.terms = std::move(terms).value();
  return std::optional<ReportView>(std::move(v));
}

Result<std::optional<ReportRef>> report_ref(const store::Reader& db, std::int64_t id) {
  auto t = store::query(db, "SELECT report_id, region, plan_year FROM reports WHERE report_id = ?1",
                        {Cell{id}});
  if (!t) return t.error();
  if (t->rows.empty()) return std::optional<ReportRef>();
  const auto& row = t->rows[0];
  ReportRef r;
  r.id = int_of(row[0]);
  if (const auto* s = std::get_if<std::string>(&row[1])) r.region = *s;
  r.plan_year = opt_int(row[2]);
  return std::optional<ReportRef>(std::move(r));
}

Result<IndicatorCounts> indicator_counts(const store::Reader& db) {
  auto targets = store::query(db,
                              "SELECT canonical, kind, year, count(*) AS count, min(indicator) AS "
                              "example, min(unit) AS unit"
                              " FROM targets WHERE canonical <> 'other' GROUP BY canonical, kind, "
                              "year ORDER BY count DESC, canonical, year DESC",
                              {}, "targets");
  if (!targets) return targets.error();
  auto facts = store::query(db,
                            "SELECT indicator_id, measure, count(*) AS count FROM facts GROUP BY "
                            "indicator_id, measure ORDER BY count DESC, indicator_id",
                            {}, "facts");
  if (!facts) return facts.error();
  return IndicatorCounts{std::move(targets).value(), std::move(facts).value()};
}

}  // namespace gwr::analysis
