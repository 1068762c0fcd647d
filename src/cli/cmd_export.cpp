// gwr export --to FILE — corpus tables as XLSX (one sheet per table), CSV (UTF-8 with BOM) or
// JSONL.
#include "analysis/export.h"
#include "analysis/labels.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct ExportOptions {
  std::string db, to;
  std::vector<std::string> tables;
  bool all_versions = false;
  std::string lang = "zh";
};

int run_export(const ExportOptions& o) {
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  std::vector<std::string> names = o.tables;
  if (names.empty()) {
    if (std::filesystem::path(o.to).extension() == ".xlsx") {
      names = analysis::export_table_names();
    } else {
      names = {"targets"};
    }
  }
  // Chinese headers and coded values for spreadsheets (CSV, XLSX); JSONL is for programs and keeps
  // gwr's ids, as does --lang en.
  const bool zh = o.lang == "zh" && std::filesystem::path(o.to).extension() != ".jsonl";
  std::optional<analysis::Labels> labels;
  if (zh) {
    auto l = analysis::Labels::load();
    if (!l) return fail(l.error());
    labels = std::move(l).value();
  }
  std::vector<Table> tables;
  for (const auto& n : names) {
    auto t = analysis::export_table(*st, n, o.all_versions);
    if (!t) return fail(t.error());
    tables.push_back(labels ? labels->localize(std::move(t).value()) : std::move(t).value());
  }
  auto w = analysis::write_file(o.to, tables);
  if (!w) return fail(w.error());
  return 0;
}
}  // namespace

void register_export(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Write corpus tables to .xlsx, .csv or .jsonl");
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--to", o->to, "Output file: .xlsx (all tables), .csv or .jsonl (one table)")
      ->required();
  sub->add_option("--table", o->tables,
                  "targets, realised, facts, reports, livelihood, glossary, warnings or panel "
                  "(default: all for .xlsx, targets otherwise)")
      ->check(CLI::IsMember(analysis::export_table_names()));
  sub->add_option("--lang", o->lang,
                  "zh: Chinese column names and labels (default); en: gwr's own ids. JSONL keeps "
                  "the ids either way")
      ->check(CLI::IsMember({"zh", "en"}));
  sub->add_flag("--all-versions", o->all_versions,
                "Every stored copy of a report (a .docx and its .txt, a repost), not only its "
                "canonical version (see gwr versions)");
  out.push_back(Command{sub, [o] { return run_export(*o); }});
}

}  // namespace gwr::cli
