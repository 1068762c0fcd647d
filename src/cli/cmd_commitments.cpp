// gwr commitments REF... — what became of each report's 民生实事, read in the next year's report.
#include "analysis/commitments.h"
#include "analysis/compare.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct CommitmentsOptions {
  std::string db, format = "table";
  std::vector<std::string> refs;
};

int run_commitments(const CommitmentsOptions& o) {
  auto seg = analysis::Segmenter::load();
  if (!seg) return fail(seg.error());
  auto words = analysis::CommitmentWords::load();
  if (!words) return fail(words.error());
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  auto ids = analysis::resolve_reports(*st, o.refs);
  if (!ids) return fail(ids.error());
  Result<Table> all = Table{};
  for (std::int64_t id : *ids) {
    auto t = analysis::commitments(*st, *seg, *words, id);
    if (!t) return fail(t.error());
    if (all->columns.empty()) {
      all = std::move(t);
    } else {
      for (auto& row : t->rows) all->rows.push_back(std::move(row));
    }
  }
  return print_table(all, o.format);
}
}  // namespace

void register_commitments(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<CommitmentsOptions>();
  auto* sub = app.add_subcommand(
      "commitments",
      "Each 民生实事 item of the reports, looked up in the region's next-year report");
  sub->add_option("REF", o->refs,
                  "Report id, or region and plan year ('庆阳市 2023', '庆阳市:2023')")
      ->required();
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  out.push_back(Command{sub, [o] { return run_commitments(*o); }});
}

}  // namespace gwr::cli
