// gwr eval --gold FILE --corpus DIR — scores extraction against a gold file.
#include <filesystem>
#include <iostream>
#include <system_error>

#include "cli/commands.h"
#include "eval/eval.h"

namespace gwr::cli {

namespace {
struct EvalOptions {
  std::string gold, dev_labels, corpus;
  bool verbose = false;
};

int run_eval(const EvalOptions& o) {
  int code = 0;
  auto res = load_resources(&code);
  if (!res) return code;
  // evaluate() scores an unreadable corpus file as missed items; a missing corpus folder is a
  // mistake on the command line, not a score of zero.
  std::error_code ec;
  if (!std::filesystem::is_directory(o.corpus, ec)) {
    return fail(make_error(ErrorCode::kUnreadable, "corpus folder not found", o.corpus));
  }
  if (o.gold.empty() == o.dev_labels.empty()) {
    return fail(make_error(ErrorCode::kUsage, "give either --gold FILE or --dev-labels DIR"));
  }
  auto r = o.gold.empty() ? eval::evaluate_dev_labels(o.dev_labels, o.corpus, *res)
                          : eval::evaluate(o.gold, o.corpus, *res);
  if (!r) return fail(r.error());
  std::cout << eval::format(*r, o.verbose);
  return 0;
}
}  // namespace

void register_eval(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<EvalOptions>();
  auto* sub =
      app.add_subcommand("eval", "Score extraction against a gold file or the dev-corpus labels");
  sub->add_option("--gold", o->gold, "Gold JSON file (shared/gold/seeds.json format)");
  sub->add_option("--dev-labels", o->dev_labels,
                  "Folder of dev-corpus labels (tests/eval/dev/labels, offsets into the docx-wt-1 "
                  "rendering)");
  sub->add_option("--corpus", o->corpus, "Folder holding the gold records' source files")
      ->required();
  sub->add_flag("-v,--verbose", o->verbose, "List every miss");
  out.push_back(Command{sub, [o] { return run_eval(*o); }});
}

}  // namespace gwr::cli
