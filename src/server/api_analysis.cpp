// Analysis endpoints: targets panel, realised, attention, terms, compare, checks, downloads.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/check.h"
#include "analysis/compare.h"
#include "analysis/export.h"
#include "analysis/labels.h"
#include "analysis/output.h"
#include "analysis/targets.h"
#include "server/api.h"

namespace gwr::server::api {

namespace {

const std::vector<std::string> kLevels = {"national", "province", "prefecture", "county"};

analysis::TargetFilter target_filter(const Params& p) {
  analysis::TargetFilter f;
  f.indicator = text_param(p, "indicator");
  if (auto y = int_param(p, "year", 1949, 2100)) f.year = static_cast<int>(*y);
  f.level = enum_param(p, "level", kLevels);
  f.province = text_param(p, "province");
  f.kind = enum_param(p, "kind", {"plan_year", "five_year"});
  f.region = text_param(p, "region");
  return f;
}

// The report ids of ?report=…, each checked to exist (404 otherwise).
std::vector<std::int64_t> known_reports(const Ctx& c, std::size_t max, bool required) {
  auto ids = id_list(c.params, "report", max);
  if (required && ids.empty()) bad_request("缺少参数 report（报告编号，以逗号分隔）");
  for (auto id : ids) {
    // resolve_reports takes ids as digit strings and fails (kUsage) on unknown ones.
    auto r = analysis::resolve_reports(c.db, {std::to_string(id)});
    if (!r) not_found("语料库中没有编号为 " + std::to_string(id) + " 的报告");
  }
  return ids;
}

}  // namespace

Reply targets(const Ctx& c) {
  return json_reply(table_json(unwrap(analysis::targets_panel(c.db, target_filter(c.params)))));
}

Reply realised(const Ctx& c) {
  return json_reply(table_json(unwrap(analysis::targets_realised(
      c.db, target_filter(c.params),
      number_param(c.params, "near", 0, 10).value_or(analysis::kDefaultNear)))));
}

Reply attention(const Ctx& c) {
  const auto by = enum_param(c.params, "by", {"report", "section"}).value_or("report");
  auto ids = known_reports(c, kMaxCompare, false);
  auto t = unwrap(analysis::attention(
      c.db, c.res.themes,
      by == "section" ? analysis::AttentionBy::kSection : analysis::AttentionBy::kReport, ids));
  nlohmann::json j = table_json(t);
  nlohmann::json themes = nlohmann::json::array();
  for (const auto& th : c.res.themes.themes()) themes.push_back(th.name);
  j["themes"] = std::move(themes);
  return json_reply(j);
}

Reply terms(const Ctx& c) {
  const auto by = enum_param(c.params, "by", {"report", "year", "region"}).value_or("report");
  const auto mode = enum_param(c.params, "mode", {"top", "trends"}).value_or("top");
  const auto n = static_cast<std::size_t>(int_param(c.params, "n", 1, kMaxTermsN).value_or(20));
  auto ids = known_reports(c, kMaxCompare, false);
  const analysis::TermsBy tb = by == "year"     ? analysis::TermsBy::kYear
                               : by == "region" ? analysis::TermsBy::kRegion
                                                : analysis::TermsBy::kReport;
  if (mode == "trends") {
    if (tb == analysis::TermsBy::kReport) bad_request("mode=trends 需要 by=year 或 by=region");
    const auto year = int_param(c.params, "year", 1949, 2100);
    return json_reply(
        table_json(unwrap(analysis::term_trends(c.db, c.res.segmenter, tb, n, year))));
  }
  return json_reply(table_json(unwrap(analysis::top_terms(c.db, c.res.segmenter, tb, n, ids))));
}

Reply compare(const Ctx& c) {
  auto ids = known_reports(c, kMaxCompare, true);
  auto t = unwrap(analysis::compare(c.db, ids, c.res.themes));
  auto att = unwrap(analysis::attention(c.db, c.res.themes, analysis::AttentionBy::kReport, ids));
  nlohmann::json j = table_json(t);
  j["reports"] = ids;
  j["attention"] = table_json(att);
  return json_reply(j);
}

Reply checks(const Ctx& c) { return json_reply(table_json(unwrap(analysis::check(c.db)))); }

Reply download(const Ctx& c) {
  std::vector<std::string> names = {"targets", "realised"};
  for (const auto& n : analysis::export_table_names()) {
    if (n != "targets") names.push_back(n);
  }
  const auto name = enum_param(c.params, "table", names);
  if (!name) bad_request("缺少参数 table");
  const auto format = enum_param(c.params, "format", {"csv", "xlsx"}).value_or("csv");
  Table t;
  if (*name == "targets")
    t = unwrap(analysis::targets_panel(c.db, target_filter(c.params)));
  else if (*name == "realised")
    t = unwrap(analysis::targets_realised(
        c.db, target_filter(c.params),
        number_param(c.params, "near", 0, 10).value_or(analysis::kDefaultNear)));
  else
    t = unwrap(analysis::export_table(
        c.db, *name, enum_param(c.params, "versions", {"canonical", "all"}) == "all"));
  t.name = *name;
  // Chinese headers, values and file name unless lang=en (data/labels_zh.tsv).
  const bool zh = enum_param(c.params, "lang", {"zh", "en"}).value_or("zh") == "zh";
  if (zh) {
    static const Result<analysis::Labels> labels = analysis::Labels::load();
    if (!labels) fail(labels.error());
    t = labels.value().localize(std::move(t));
  }

  Reply r;
  r.filename = "gwr-" + *name + "." + format;
  if (zh) r.filename_utf8 = "gwr-" + t.name + "." + format;
  if (format == "csv") {
    std::ostringstream out;
    analysis::write_csv(out, t, /*bom=*/true);
    r.body = out.str();
    r.type = "text/csv; charset=utf-8";
    return r;
  }
  // libxlsxwriter writes files only: a private temporary file, read back and removed.
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec);
  if (ec) throw HttpError(500, "internal", "no temporary directory: " + ec.message());
  std::string tmpl = (dir / "gwr-serve-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw HttpError(500, "internal", "cannot create a temporary folder");
  const std::filesystem::path folder = tmpl;  // private (0700), removed below
  const std::filesystem::path path = folder / r.filename;
  Status st = analysis::write_xlsx(path, {t});
  if (!st) {
    std::filesystem::remove_all(folder, ec);
    fail(st.error());
  }
  std::ifstream in(path, std::ios::binary);
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  in.close();
  std::filesystem::remove_all(folder, ec);
  r.type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return r;
}

}  // namespace gwr::server::api
