#include "analysis/export.h"

#include <xlsxwriter.h>

#include <fstream>
#include <system_error>

#include "analysis/output.h"
#include "analysis/targets.h"
#include "store/query.h"

namespace gwr::analysis {

namespace {

constexpr const char* kFactsSql = R"(
SELECT r.region, r.level, r.province, r.review_year, r.plan_year, f.indicator, f.indicator_id,
       f.measure, f.value, f.value_hi, f.unit, f.comparator, f.status, f.period, f.year, f.scope,
       f.headline, f.verbatim, r.source, r.report_id, f.ord
FROM facts f JOIN reports r ON r.report_id = f.report_id
JOIN report_versions v ON v.report_id = r.report_id WHERE ?1 = 1 OR v.version_rank = 1
ORDER BY r.region, r.plan_year, r.report_id, f.ord)";

constexpr const char* kReportsSql = R"(
SELECT report_id, region, region_code, level, province, parent, review_year, plan_year, delivered,
       session, speaker, speaker_title, acting, published, partial, gdp_target, char_count, format,
       encoding, traditional, source, index_in_file, content_key, targets_sentence, report_key,
       version_rank
FROM reports JOIN report_versions USING (report_id) WHERE ?1 = 1 OR version_rank = 1
ORDER BY region, plan_year, report_key, version_rank, report_id)";

constexpr const char* kLivelihoodSql = R"(
SELECT r.region, r.plan_year, l.label, l.declared_count, l.ord, l.text, r.report_id
FROM livelihood_items l JOIN reports r ON r.report_id = l.report_id
JOIN report_versions v ON v.report_id = r.report_id WHERE ?1 = 1 OR v.version_rank = 1
ORDER BY r.region, r.plan_year, r.report_id, l.ord)";

constexpr const char* kGlossarySql = R"(
SELECT r.region, r.plan_year, g.term, g.definition, r.report_id
FROM glossary g JOIN reports r ON r.report_id = g.report_id
JOIN report_versions v ON v.report_id = r.report_id WHERE ?1 = 1 OR v.version_rank = 1
ORDER BY r.region, r.plan_year, r.report_id, g.glossary_id)";

constexpr const char* kWarningsSql = R"(
SELECT r.region, r.plan_year, w.code, w.message, w.raw_offset, r.source, r.report_id
FROM warnings w JOIN reports r ON r.report_id = w.report_id
JOIN report_versions v ON v.report_id = r.report_id WHERE ?1 = 1 OR v.version_rank = 1
ORDER BY r.report_id, w.rowid)";

Status xlsx_check(lxw_error e, const std::filesystem::path& path) {
  if (e == LXW_NO_ERROR) return Ok{};
  return make_error(ErrorCode::kUnreadable, std::string("XLSX: ") + lxw_strerror(e), path.string());
}

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(const std::string& name) {
  std::string s;
  for (char c : name) s += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (s.empty()) s = "sheet";
  return s.substr(0, 31);
}

Status write_sheet(lxw_workbook* wb, const Table& t, const std::filesystem::path& path,
                   lxw_format* bold) {
  const std::string name = sheet_name(t.name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (ws == nullptr) {
    return make_error(ErrorCode::kUnreadable, "XLSX: cannot add sheet '" + name + "'",
                      path.string());
  }
  constexpr lxw_row_t kMaxRows = 1048576;
  if (t.rows.size() + 1 > kMaxRows) {
    return make_error(ErrorCode::kTooLarge,
                      "table '" + t.name + "' has more rows than a sheet holds", path.string());
  }
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    auto st = xlsx_check(
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.columns[c].c_str(), bold), path);
    if (!st) return st;
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = t.rows[r][c];
      lxw_error e = LXW_NO_ERROR;
      if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        e = worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        e = worksheet_write_number(ws, row, col, *d, nullptr);
      } else if (const auto* s = std::get_if<std::string>(&cell)) {
        // Cells hold at most 32767 characters; longer text (a passage) is cut, not refused.
        const std::string v = s->size() > 32000 ? s->substr(0, 32000) : *s;
        e = worksheet_write_string(ws, row, col, v.c_str(), nullptr);
      }
      auto st = xlsx_check(e, path);
      if (!st) return st;
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  return Ok{};
}

Status finish(const std::filesystem::path& tmp, const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return make_error(ErrorCode::kUnreadable, "cannot write file", path.string());
  }
  return Ok{};
}

}  // namespace

const std::vector<std::string>& export_table_names() {
  static const std::vector<std::string> kNames = {"targets",    "realised", "facts",    "reports",
                                                  "livelihood", "glossary", "warnings", "panel"};
  return kNames;
}

Result<Table> export_table(const store::Reader& db, std::string_view name, bool all_versions) {
  if (name == "targets") return targets_panel(db, {});
  if (name == "panel") return wide_panel(db, {});
  if (name == "realised") return targets_realised(db, {});
  const char* text = nullptr;
  if (name == "facts") text = kFactsSql;
  if (name == "reports") text = kReportsSql;
  if (name == "livelihood") text = kLivelihoodSql;
  if (name == "glossary") text = kGlossarySql;
  if (name == "warnings") text = kWarningsSql;
  if (text == nullptr) {
    return make_error(ErrorCode::kUsage, "unknown table '" + std::string(name) +
                                             "' (targets, realised, facts, reports, livelihood, "
                                             "glossary, warnings, panel)");
  }
  return store::query(db, text, {Cell{std::int64_t{all_versions ? 1 : 0}}}, std::string(name));
}

Status write_xlsx(const std::filesystem::path& path, const std::vector<Table>& tables) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  lxw_workbook* wb = workbook_new(tmp.string().c_str());
  if (wb == nullptr) return make_error(ErrorCode::kUnreadable, "cannot create XLSX", path.string());
  lxw_format* bold = workbook_add_format(wb);
  if (bold != nullptr) format_set_bold(bold);
  for (const auto& t : tables) {
    auto st = write_sheet(wb, t, path, bold);
    if (!st) {
      workbook_close(wb);  // frees the workbook; its file is removed below
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return st;
    }
  }
  auto closed = xlsx_check(workbook_close(wb), path);
  if (!closed) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return closed;
  }
  return finish(tmp, path);
}

Status write_file(const std::filesystem::path& path, const std::vector<Table>& tables) {
  const std::string ext = path.extension().string();
  if (ext == ".xlsx") return write_xlsx(path, tables);
  if (ext != ".csv" && ext != ".jsonl") {
    return make_error(ErrorCode::kUsage, "unknown export format (use .xlsx, .csv or .jsonl)",
                      path.string());
  }
  if (tables.size() != 1) {
    return make_error(ErrorCode::kUsage, ext + " holds one table: choose it with --table",
                      path.string());
  }
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return make_error(ErrorCode::kUnreadable, "cannot create file", path.string());
    if (ext == ".csv") {
      write_csv(out, tables[0], /*bom=*/true);
    } else {
      write_jsonl(out, tables[0]);
    }
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return make_error(ErrorCode::kUnreadable, "write failed", path.string());
    }
  }
  return finish(tmp, path);
}

}  // namespace gwr::analysis
