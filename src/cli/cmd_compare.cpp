// gwr compare REF... — reports side by side (targets, attention, key facts).
#include "analysis/compare.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct CompareOptions {
  std::string db, format = "table";
  std::vector<std::string> refs;
};

int run_compare(const CompareOptions& o) {
  auto themes = analysis::Themes::load();
  if (!themes) return fail(themes.error());
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  auto ids = analysis::resolve_reports(*st, o.refs);
  if (!ids) return fail(ids.error());
  return print_table(analysis::compare(*st, *ids, *themes), o.format);
}
}  // namespace

void register_compare(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<CompareOptions>();
  auto* sub = app.add_subcommand("compare", "Reports side by side: targets, attention, key facts");
  sub->add_option("REF", o->refs,
                  "Report id, or region and plan year ('庆阳市 2023', '庆阳市:2023')")
      ->required();
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  out.push_back(Command{sub, [o] { return run_compare(*o); }});
}

}  // namespace gwr::cli
