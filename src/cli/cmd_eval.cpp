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
  // Quality gates (CTest uses them): exit kBelowThreshold when a score is under its minimum.
  double min_precision = 0, min_recall = 0, min_metadata = 0;
};

constexpr int kBelowThreshold = 9;

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
  const double meta = r->meta_total == 0 ? 1.0 : static_cast<double>(r->meta_ok) / r->meta_total;
  bool below = false;
  auto gate = [&](const char* what, double got, double min) {
    if (got + 1e-12 >= min) return;
    std::cerr << "gwr eval: " << what << " " << got << " is below the minimum " << min << "\n";
    below = true;
  };
  gate("targets precision", r->targets.precision(), o.min_precision);
  gate("targets recall", r->targets.recall(), o.min_recall);
  gate("metadata share", meta, o.min_metadata);
  return below ? kBelowThreshold : 0;
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
  sub->add_option("--min-precision", o->min_precision,
                  "Exit 9 when targets precision is below this (0..1)");
  sub->add_option("--min-recall", o->min_recall, "Exit 9 when targets recall is below this");
  sub->add_option("--min-metadata", o->min_metadata,
                  "Exit 9 when the share of right metadata fields is below this");
  out.push_back(Command{sub, [o] { return run_eval(*o); }});
}

}  // namespace gwr::cli
