// gwr check — flags doubtful extractions (see analysis/check.h for the checks).
#include "analysis/check.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct CheckOptions {
  std::string db, format = "table";
};

int run_check(const CheckOptions& o) {
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  return print_table(analysis::check(*st), o.format);
}
}  // namespace

void register_check(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<CheckOptions>();
  auto* sub = app.add_subcommand("check", "Consistency checks that flag doubtful extractions");
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  out.push_back(Command{sub, [o] { return run_check(*o); }});
}

}  // namespace gwr::cli
