// gwr search QUERY --db corpus.db — full-text search over the paragraphs of a corpus.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/json.h"
#include "store/search.h"

namespace gwr::cli {

namespace {

struct SearchOptions {
  std::string query;
  std::string db;
  std::string region, level, section, province;
  int year = 0;
  int limit = 20;
  std::string format = "table";
  bool count = false;
  bool all_versions = false;
};

std::optional<std::string> opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

nlohmann::json hit_json(const store::Hit& h) {
  auto o = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"score", h.score},
          {"report_id", h.report_id},
          {"paragraph_id", h.paragraph_id},
          {"paragraph", h.paragraph_ord},
          {"region", o(h.region)},
          {"region_code", o(h.region_code)},
          {"level", o(h.level)},
          {"province", o(h.province)},
          {"plan_year", h.plan_year ? nlohmann::json(*h.plan_year) : nlohmann::json(nullptr)},
          {"delivered", o(h.delivered)},
          {"section_type", o(h.section_type)},
          {"section_title", o(h.section_title)},
          {"source", h.source},
          {"start", h.start_byte},
          {"end", h.end_byte},
          {"snippet", h.snippet}};
}

int run_search(const SearchOptions& o) {
  auto st = store::Reader::open(o.db);
  if (!st) return fail(st.error());
  store::SearchQuery q;
  q.text = o.query;
  q.region = opt(o.region);
  q.level = opt(o.level);
  q.section = opt(o.section);
  q.province = opt(o.province);
  q.all_versions = o.all_versions;
  if (o.year != 0) q.year = o.year;
  q.limit = o.limit;
  if (o.format == "table" && isatty(STDOUT_FILENO)) {
    q.highlight_open = "\033[1m";
    q.highlight_close = "\033[0m";
  }
  auto hits = store::search(st.value(), q);
  if (!hits) return fail(hits.error());
  if (o.count) {
    auto n = store::count(st.value(), q);
    if (!n) return fail(n.error());
    std::cerr << *n << (*n == 1 ? " paragraph matches\n" : " paragraphs match\n");
  }
  if (o.format == "json") {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& h : *hits) a.push_back(hit_json(h));
    std::cout << dump_json(a, 2) << "\n";
  } else if (o.format == "csv") {
    std::cout << "score,region,level,plan_year,section_type,source,start,end,snippet\n";
    for (const auto& h : *hits) {
      std::cout << h.score << ',' << csv_field(h.region.value_or("")) << ',' << h.level.value_or("")
                << ',' << (h.plan_year ? std::to_string(*h.plan_year) : "") << ','
                << h.section_type.value_or("") << ',' << csv_field(h.source) << ',' << h.start_byte
                << ',' << h.end_byte << ',' << csv_field(one_line(h.snippet)) << "\n";
    }
  } else {
    for (const auto& h : *hits) {
      std::cout << h.region.value_or("?") << "  "
                << (h.plan_year ? std::to_string(*h.plan_year) : "?") << "  "
                << h.level.value_or("?") << "  " << h.section_type.value_or("-") << "  "
                << one_line(h.snippet) << "\n";
    }
    if (hits->empty()) std::cerr << "no matches\n";
  }
  return 0;
}

}  // namespace

void register_search(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<SearchOptions>();
  auto* sub =
      app.add_subcommand("search", "Full-text search over the paragraphs of a corpus database");
  sub->add_option("QUERY", o->query, "Words or FTS5 syntax: \"phrase\", AND, OR, NOT")->required();
  sub->add_option("--db", o->db, "Corpus database made by gwr ingest")->required();
  sub->add_option("--region", o->region, "Region name or six-digit code");
  sub->add_option("--level", o->level, "national, province, prefecture or county")
      ->check(CLI::IsMember({"national", "province", "prefecture", "county"}));
  sub->add_option("--year", o->year, "Plan year of the report");
  sub->add_option("--section", o->section,
                  "Section type: review, five_year_review, fyp_goals, plan_tasks, …");
  sub->add_option("--province", o->province, "Province, e.g. 浙江省");
  sub->add_option("--limit", o->limit, "Maximum hits (1-1000)")
      ->check(CLI::Range(1, store::kMaxSearchLimit));
  sub->add_option("--format", o->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  sub->add_flag("--count", o->count,
                "Also count every matching paragraph (on stderr; one more pass over the matches)");
  sub->add_flag("--all-versions", o->all_versions,
                "Search every stored copy of a report, not only its canonical version");
  out.push_back(Command{sub, [o] { return run_search(*o); }});
}

}  // namespace gwr::cli
