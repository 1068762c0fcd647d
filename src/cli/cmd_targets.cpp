// gwr targets / gwr realised — the targets panel, optionally paired with realised figures.
#include "analysis/targets.h"
#include "cli/corpus.h"

namespace gwr::cli {

namespace {
struct TargetsOptions {
  std::string db;
  std::string indicator, level, province, kind, region;
  double near = analysis::kDefaultNear;
  int year = 0;
  std::string format = "table";
  bool realised = false;
};

int run_targets(const TargetsOptions& o) {
  auto st = open_corpus(o.db);
  if (!st) return fail(st.error());
  analysis::TargetFilter f;
  if (!o.indicator.empty()) f.indicator = o.indicator;
  if (o.year != 0) f.year = o.year;
  if (!o.level.empty()) f.level = o.level;
  if (!o.province.empty()) f.province = o.province;
  if (!o.kind.empty()) f.kind = o.kind;
  if (!o.region.empty()) f.region = o.region;
  return print_table(
      o.realised ? analysis::targets_realised(*st, f, o.near) : analysis::targets_panel(*st, f),
      o.format);
}

void add(CLI::App& app, std::vector<Command>& out, const char* name, const char* help,
         bool realised) {
  auto o = std::make_shared<TargetsOptions>();
  o->realised = realised;
  auto* sub = app.add_subcommand(name, help);
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--indicator", o->indicator,
                  "Canonical class (gdp_growth) or indicator id (gdp)");
  sub->add_option("--year", o->year, "Target year");
  sub->add_option("--level", o->level, "national, province, prefecture or county")
      ->check(CLI::IsMember({"national", "province", "prefecture", "county"}));
  sub->add_option("--province", o->province, "Province (or region) name");
  sub->add_option("--region", o->region, "Exactly this region (name or code): its series by year");
  sub->add_option("--kind", o->kind, "plan_year or five_year (default both)")
      ->check(CLI::IsMember({"plan_year", "five_year"}));
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  if (!realised) {
    sub->add_flag("--with-realised", o->realised,
                  "Pair each target with the realised figure of the next report (met/missed)");
  }
  sub->add_option("--near", o->near,
                  "Band (points) within which an 'around' target counts as near (default 0.2)")
      ->check(CLI::Range(0.0, 10.0));
  out.push_back(Command{sub, [o] { return run_targets(*o); }});
}
}  // namespace

void register_targets(CLI::App& app, std::vector<Command>& out) {
  add(app, out, "targets", "Targets panel: one row per region, year and indicator", false);
  add(app, out, "realised", "Targets against realised figures (same as targets --with-realised)",
      true);
}

}  // namespace gwr::cli
