// gwr compare REF... — reports side by side (targets, attention, key facts).
#include "analysis/compare.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
int run_compare(const RefsOptions& o) {
  auto themes = analysis::Themes::load();
  if (!themes) return fail(themes.error());
  auto in = open_refs(o);
  if (!in) return fail(in.error());
  return print_table(analysis::compare(in->db, in->ids, *themes), o.format);
}
}  // namespace

void register_compare(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<RefsOptions>();
  auto* sub = app.add_subcommand("compare", "Reports side by side: targets, attention, key facts");
  add_refs_options(sub, *o);
  out.push_back(Command{sub, [o] { return run_compare(*o); }});
}

}  // namespace gwr::cli
