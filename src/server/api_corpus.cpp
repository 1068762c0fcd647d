// Corpus endpoints: /api/summary, /api/reports, /api/reports/{id}, /api/indicators.
#include "analysis/corpus.h"
#include "server/api.h"
#include "server/reader.h"

namespace gwr::server::api {

namespace {

const std::vector<std::string> kLevels = {"national", "province", "prefecture", "county"};

template <class T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

Reply summary(const Ctx& c) {
  const analysis::CorpusSummary s = unwrap(analysis::corpus_summary(c.db));
  nlohmann::json j = {{"reports", s.reports},
                      {"regions", s.regions},
                      {"first_year", opt(s.first_year)},
                      {"last_year", opt(s.last_year)},
                      {"paragraphs", s.paragraphs},
                      {"targets", s.targets},
                      {"facts", s.facts},
                      {"livelihood_items", s.livelihood_items},
                      {"glossary", s.glossary},
                      {"warnings", s.warnings},
                      {"versions", s.versions}};
  j["by_level"] = rows_json(s.by_level);
  j["by_year"] = rows_json(s.by_year);
  j["by_province"] = rows_json(s.by_province);
  j["by_year_level"] = rows_json(s.by_year_level);
  j["search"] = s.search;
  return json_reply(j);
}

Reply reports(const Ctx& c) {
  const auto& p = c.params;
  const std::int64_t limit = int_param(p, "limit", 1, kMaxPageSize).value_or(50);
  const std::int64_t offset = int_param(p, "offset", 0, 10'000'000).value_or(0);
  analysis::ReportFilter f;
  f.region = text_param(p, "region");
  f.level = enum_param(p, "level", kLevels);
  f.province = text_param(p, "province");
  f.year = int_param(p, "year", 1949, 2100);
  f.text = text_param(p, "q");
  f.key = text_param(p, "key");
  f.all_versions = enum_param(p, "versions", {"canonical", "all"}) == "all";
  const analysis::ReportPage page = unwrap(analysis::report_list(c.db, f, limit, offset));
  nlohmann::json facets = {{"level", rows_json(page.levels)},
                           {"province", rows_json(page.provinces)},
                           {"year", rows_json(page.years)}};
  return json_reply({{"total", page.total},
                     {"offset", offset},
                     {"limit", limit},
                     {"items", rows_json(page.items)},
                     {"facets", std::move(facets)}});
}

Reply report(const Ctx& c, std::int64_t id) {
  auto view = unwrap(analysis::report_view(c.db, id));
  if (!view) not_found("语料库中没有编号为 " + std::to_string(id) + " 的报告");
  return json_reply(reader_json(*view));
}

std::int64_t report_id_of(const Ctx& c, const std::string& region, std::int64_t year) {
  analysis::ReportFilter f;
  f.region = region;
  f.year = year;
  const analysis::ReportPage page = unwrap(analysis::report_list(c.db, f, 2, 0));
  if (page.items.rows.empty()) {
    not_found("语料库中没有 " + region + " " + std::to_string(year) + " 年的报告");
  }
  const auto* id = std::get_if<std::int64_t>(&page.items.rows[0][page.items.column("id")]);
  if (id == nullptr) not_found("语料库中没有 " + region + " " + std::to_string(year) + " 年的报告");
  return *id;
}

Reply indicators(const Ctx& c) {
  const analysis::IndicatorCounts n = unwrap(analysis::indicator_counts(c.db));
  nlohmann::json j;
  j["targets"] = rows_json(n.targets);
  j["facts"] = rows_json(n.facts);
  return json_reply(j);
}

}  // namespace gwr::server::api
