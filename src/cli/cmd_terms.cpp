// gwr terms — top words per report, year or region; rising and falling terms; slogans.
#include "analysis/terms.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct TermsOptions {
  std::string db, by = "report", format = "table";
  std::size_t top = 20;
  std::optional<std::int64_t> year;  // --trend: this plan year against the one before it
  bool trend = false, slogans = false;
};

int run_terms(const TermsOptions& o) {
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  if (o.slogans) return print_table(analysis::slogans(*st, o.top), o.format);
  auto seg = analysis::Segmenter::load();
  if (!seg) return fail(seg.error());
  const auto by = o.by == "year"     ? analysis::TermsBy::kYear
                  : o.by == "region" ? analysis::TermsBy::kRegion
                                     : analysis::TermsBy::kReport;
  if (o.trend) {
    if (by == analysis::TermsBy::kReport) {
      return fail(make_error(ErrorCode::kUsage, "--trend needs --by year or --by region"));
    }
    return print_table(analysis::term_trends(*st, *seg, by, o.top, o.year), o.format);
  }
  if (o.year) return fail(make_error(ErrorCode::kUsage, "--year goes with --trend"));
  return print_table(analysis::top_terms(*st, *seg, by, o.top), o.format);
}
}  // namespace

void register_terms(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<TermsOptions>();
  auto* sub = app.add_subcommand("terms", "Top words, rising/falling terms and slogans");
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--by", o->by, "report (default), year or region")
      ->check(CLI::IsMember({"report", "year", "region"}));
  sub->add_option("--top", o->top, "Words per group (default 20)")->check(CLI::Range(1, 100000));
  sub->add_flag("--trend", o->trend,
                "Terms rising and falling between the first and last plan year (--by year|region)");
  sub->add_option("--year", o->year,
                  "With --trend: this plan year against the latest one before it in each group")
      ->check(CLI::Range(1949, 2100));
  sub->add_flag("--slogans", o->slogans, "Quoted slogans per report instead of words");
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  out.push_back(Command{sub, [o] { return run_terms(*o); }});
}

}  // namespace gwr::cli
