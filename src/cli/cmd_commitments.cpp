// gwr commitments REF... — what became of each report's 民生实事, read in the next year's report.
#include "analysis/commitments.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
int run_commitments(const RefsOptions& o) {
  auto seg = analysis::Segmenter::load();
  if (!seg) return fail(seg.error());
  auto words = analysis::CommitmentWords::load();
  if (!words) return fail(words.error());
  auto in = open_refs(o);
  if (!in) return fail(in.error());
  Result<Table> all = Table{};
  for (std::int64_t id : in->ids) {
    auto t = analysis::commitments(in->db, *seg, *words, id);
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
  auto o = std::make_shared<RefsOptions>();
  auto* sub = app.add_subcommand(
      "commitments",
      "Each 民生实事 item of the reports, looked up in the region's next-year report");
  add_refs_options(sub, *o);
  out.push_back(Command{sub, [o] { return run_commitments(*o); }});
}

}  // namespace gwr::cli
