// gwr versions --db corpus.db [REF...] — the stored versions of each report and which one is
// canonical; --prefer ID makes a version canonical by hand, --reset KEY hands the choice back to
// the rules (docs/schema.md, "Versions").
#include <chrono>
#include <iostream>
#include <limits>
#include <optional>

#include "analysis/corpus.h"
#include "cli/corpus.h"
#include "store/lock.h"
#include "store/store.h"

namespace gwr::cli {

namespace {
struct VersionsOptions {
  std::string db, format = "table";
  std::vector<std::string> refs;
  std::optional<std::int64_t> prefer;
  std::optional<std::string> reset;
  bool duplicates_only = false;
};

// Every version of the reports the refs name (all reports without refs), a report's versions
// together, canonical first.
int list_versions(const VersionsOptions& o) {
  auto db = open_corpus(o.db);
  if (!db) return fail(db.error());
  analysis::ReportFilter all;
  all.all_versions = true;
  std::vector<std::string> keys;
  if (!o.refs.empty()) {
    auto ids = analysis::resolve_reports(*db, o.refs);
    if (!ids) return fail(ids.error());
    for (std::int64_t id : *ids) {
      auto v = analysis::report_view(*db, id);
      if (!v) return fail(v.error());
      if (!*v) continue;
      const Table& r = (*v)->report;
      if (const auto* k = std::get_if<std::string>(&r.rows[0][r.column("report_key")]))
        keys.push_back(*k);
    }
  }
  constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::max();
  Table out;
  auto add_page = [&](const analysis::ReportFilter& f) -> Status {
    auto page = analysis::report_list(*db, f, kAll, 0);
    if (!page) return page.error();
    const Table& t = page->items;
    if (out.columns.empty()) {
      out.name = "versions";
      out.columns = {"report_key", "version_rank", "versions",    "id",      "region", "plan_year",
                     "format",     "encoding",     "traditional", "partial", "chars",  "source"};
    }
    for (const auto& row : t.rows) {
      std::vector<Cell> r;
      for (const auto& c : out.columns) r.push_back(row[t.column(c)]);
      const auto* n = std::get_if<std::int64_t>(&r[2]);
      if (o.duplicates_only && (n == nullptr || *n < 2)) continue;
      out.rows.push_back(std::move(r));
    }
    return Ok{};
  };
  if (o.refs.empty()) {
    if (auto s = add_page(all); !s) return fail(s.error());
  } else {
    for (const auto& k : keys) {
      analysis::ReportFilter f = all;
      f.key = k;
      if (auto s = add_page(f); !s) return fail(s.error());
    }
  }
  return print_table(out, o.format);
}

int run_versions(const VersionsOptions& o) {
  if (!o.prefer && !o.reset) return list_versions(o);
  // A write: one writer per database (store/lock.h), and the rest as gwr ingest opens it.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(o.db, ec))
    return fail(make_error(ErrorCode::kUnreadable, "no such corpus database", o.db));
  auto writer = store::WriterLock::acquire(o.db, std::chrono::milliseconds(0));
  if (!writer) return fail(writer.error());
  auto st = store::Store::open(o.db);
  if (!st) return fail(st.error());
  store::Store s = std::move(st).value();
  if (o.prefer) {
    if (auto p = s.prefer_version(*o.prefer); !p) {
      Error e = p.error();
      if (e.where.empty()) e.where = o.db;
      return fail(e);
    }
    std::cout << "report " << *o.prefer << " is now the canonical version of its report\n";
  }
  if (o.reset) {
    auto had = s.clear_preference(*o.reset);
    if (!had) return fail(had.error());
    std::cout << (*had ? "the rules choose the canonical version of " + *o.reset + " again\n"
                       : "no version of " + *o.reset + " was chosen by hand\n");
  }
  return 0;
}
}  // namespace

void register_versions(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<VersionsOptions>();
  auto* sub = app.add_subcommand(
      "versions",
      "The stored versions of each report (a .docx and its .txt, reposts) and the canonical one");
  sub->add_option("REF", o->refs,
                  "Report id, or region and plan year ('庆阳市 2023'); default: every report");
  sub->add_option("--db", o->db, "Corpus database (gwr ingest)")->required();
  sub->add_option("--format", o->format, kFormats)
      ->check(CLI::IsMember({"csv", "json", "jsonl", "table"}));
  sub->add_flag("--duplicates", o->duplicates_only, "Only reports stored more than once");
  sub->add_option("--prefer", o->prefer,
                  "Make this report id the canonical version of its report (kept across "
                  "re-ingests: the choice is stored by content)");
  sub->add_option("--reset", o->reset,
                  "Forget the hand-made choice for this report key (<region code>/<year>)");
  out.push_back(Command{sub, [o] { return run_versions(*o); }});
}

}  // namespace gwr::cli
