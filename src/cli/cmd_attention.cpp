// gwr attention — theme attention indices (hits per 10,000 characters).
#include "analysis/attention.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct AttentionOptions {
  std::string db, by = "report", format = "table";
};

int run_attention(const AttentionOptions& o) {
  auto themes = analysis::Themes::load();
  if (!themes) return fail(themes.error());
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  return print_table(analysis::attention(*st, *themes,
                                         o.by == "section" ? analysis::AttentionBy::kSection
                                                           : analysis::AttentionBy::kReport),
                     o.format);
}
}  // namespace

void register_attention(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<AttentionOptions>();
  auto* sub = app.add_subcommand(
      "attention", "Attention to each theme (data/theme_*.tsv) per 10,000 characters");
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--by", o->by, "report or section")->check(CLI::IsMember({"report", "section"}));
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  out.push_back(Command{sub, [o] { return run_attention(*o); }});
}

}  // namespace gwr::cli
