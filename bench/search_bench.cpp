// gwr_search_bench — search latency on a corpus database, with a baseline from the same run.
//
//   ./build/bench/gwr_search_bench corpus.db [--seconds 120] [--limit 20]
//
// Opens the database read-only (a Store with SQLITE_OPEN_READONLY) and runs store::search over a
// fixed set of 56 queries in five kinds: two-character words, phrases, boolean (AND/OR/NOT),
// filtered (level, year, section, province, region) and traditional-character queries, and one
// very common word (发展, kind `common`, reported on its own line and left out of `all`). One
// warm-up pass runs every query once (untimed: it loads pages into the cache), then timed rounds
// over all queries follow until --seconds have passed (at least one round). Every call is timed
// on its own (steady clock, the whole store::search call including statement preparation and
// reading the hits); percentiles are nearest-rank over all calls.
//
// Baseline, measured in the same run on the same connection: a full scan
//   SELECT count(*) FROM paragraphs WHERE COALESCE(text_simplified, text) LIKE '%教育%'
// i.e. what a two-character query costs without the full-text index (median of 3 runs).
//
// Output: one line per kind and a summary, then `key=value` lines for scripts (p50_ms, p99_ms,
// scan_ms, p50_over_scan, p99_over_scan, calls, paragraphs, hits_zero, and <kind>_p50_ms,
// <kind>_p99_ms per kind). A query that fails is
// an error (exit 1): the set is fixed, so a failure means the database or search is broken.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/search.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace {

using gwr::store::SearchQuery;
using Clock = std::chrono::steady_clock;

struct Case {
  const char* kind;
  SearchQuery query;
};

SearchQuery q(std::string text) {
  SearchQuery s;
  s.text = std::move(text);
  return s;
}

template <typename F>
SearchQuery q(std::string text, F&& set) {
  SearchQuery s = q(std::move(text));
  set(s);
  return s;
}

std::vector<Case> cases(int limit) {
  std::vector<Case> out;
  for (const char* w :
       {"教育", "医疗", "就业", "养老", "住房", "交通", "环境", "生态", "农业", "工业",
        "科技", "创新", "消费", "投资", "旅游", "文化", "民生", "安全", "改革", "开放"}) {
    out.push_back({"word", q(w)});
  }
  for (const char* p :
       {"\"高质量发展\"", "营商环境", "乡村振兴", "新型城镇化", "\"一般公共预算收入\"", "数字经济",
        "城乡居民人均可支配收入", "生态文明建设", "招商引资", "基础设施建设", "社会保障体系",
        "污染防治攻坚战"}) {
    out.push_back({"phrase", q(p)});
  }
  for (const char* b : {"教育 AND 医疗", "教育 OR 养老", "疫情 NOT 防控", "(旅游 OR 文化) AND 产业",
                        "乡村振兴 NOT 脱贫", "科技 AND 创新 AND 人才", "就业 OR 创业",
                        "碳达峰 OR 碳中和", "营商环境 NOT 优化", "住房 AND 保障"}) {
    out.push_back({"boolean", q(b)});
  }
  out.push_back({"filtered", q("教育", [](SearchQuery& s) { s.level = "prefecture"; })});
  out.push_back({"filtered", q("营商环境", [](SearchQuery& s) { s.year = 2023; })});
  out.push_back({"filtered", q("就业", [](SearchQuery& s) { s.section = "review"; })});
  out.push_back({"filtered", q("乡村振兴", [](SearchQuery& s) { s.level = "county"; })});
  out.push_back({"filtered", q("生态", [](SearchQuery& s) {
                   s.year = 2023;
                   s.level = "prefecture";
                 })});
  out.push_back({"filtered", q("投资", [](SearchQuery& s) { s.section = "plan_tasks"; })});
  out.push_back({"filtered", q("医疗", [](SearchQuery& s) { s.province = "甘肃省"; })});
  out.push_back({"filtered", q("工业", [](SearchQuery& s) { s.region = "兰州市"; })});
  out.push_back({"filtered", q("消费", [](SearchQuery& s) { s.year = 2024; })});
  out.push_back({"filtered", q("\"高质量发展\" NOT 疫情", [](SearchQuery& s) {
                   s.level = "county";
                   s.section = "review";
                 })});
  for (const char* t : {"經濟", "營商環境", "醫療", "鄉村振興"})
    out.push_back({"traditional", q(t)});
  out.push_back({"common", q("发展")});
  for (auto& c : out) c.query.limit = limit;
  return out;
}

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::optional<std::int64_t> scalar(sqlite3* db, const char* sql) {
  auto st = gwr::store::Stmt::prepare(db, sql);
  if (!st) return std::nullopt;
  auto row = st->step();
  if (!row || !*row) return std::nullopt;
  return st->int64(0);
}

int usage() {
  std::fprintf(stderr, "usage: gwr_search_bench DB [--seconds S] [--limit N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string db_path = argv[1];
  double seconds = 120;
  int limit = 20;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (a == "--limit" && i + 1 < argc) {
      limit = std::atoi(argv[++i]);
    } else {
      return usage();
    }
  }
  auto opened = gwr::store::Store::open(db_path, gwr::store::Options{true, true});
  if (!opened) {
    std::fprintf(stderr, "gwr_search_bench: %s\n", opened.error().describe().c_str());
    return 3;
  }
  const gwr::store::Store& st = opened.value();
  const auto paragraphs = scalar(st.handle(), "SELECT count(*) FROM paragraphs").value_or(-1);

  const std::vector<Case> set = cases(limit);
  std::vector<std::size_t> hits(set.size(), 0);
  for (std::size_t i = 0; i < set.size(); ++i) {  // warm-up, and a check that every query runs
    auto r = gwr::store::search(st.reader(), set[i].query);
    if (!r) {
      std::fprintf(stderr, "gwr_search_bench: query %s: %s\n", set[i].query.text.c_str(),
                   r.error().describe().c_str());
      return 1;
    }
    hits[i] = r->size();
  }

  std::map<std::string, std::vector<double>> by_kind;
  std::vector<double> all;
  int rounds = 0;
  const auto start = Clock::now();
  do {
    for (const auto& c : set) {
      const auto t0 = Clock::now();
      auto r = gwr::store::search(st.reader(), c.query);
      const double ms = ms_since(t0);
      if (!r) {
        std::fprintf(stderr, "gwr_search_bench: query %s: %s\n", c.query.text.c_str(),
                     r.error().describe().c_str());
        return 1;
      }
      if (std::string_view(c.kind) != "common") all.push_back(ms);
      by_kind[c.kind].push_back(ms);
    }
    ++rounds;
  } while (ms_since(start) < seconds * 1000);

  std::vector<double> scans;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = Clock::now();
    if (!scalar(st.handle(),
                "SELECT count(*) FROM paragraphs WHERE COALESCE(text_simplified, text) LIKE "
                "'%教育%'")) {
      std::fprintf(stderr, "gwr_search_bench: baseline scan failed\n");
      return 1;
    }
    scans.push_back(ms_since(t0));
  }
  std::sort(scans.begin(), scans.end());
  const double scan = scans[1];

  std::printf("%-12s %7s %9s %9s\n", "kind", "calls", "p50 ms", "p99 ms");
  for (auto& [kind, v] : by_kind) {
    std::sort(v.begin(), v.end());
    std::printf("%-12s %7zu %9.2f %9.2f\n", kind.c_str(), v.size(), percentile(v, 50),
                percentile(v, 99));
  }
  std::sort(all.begin(), all.end());
  const double p50 = percentile(all, 50), p99 = percentile(all, 99);
  std::printf("%-12s %7zu %9.2f %9.2f   (%zu queries x %d rounds, limit %d)\n", "all", all.size(),
              p50, p99, set.size(), rounds, limit);
  std::printf("baseline LIKE '%%教育%%' scan of %lld paragraphs: %.1f ms\n",
              static_cast<long long>(paragraphs), scan);
  const auto zero = static_cast<std::size_t>(std::count(hits.begin(), hits.end(), std::size_t{0}));
  std::printf(
      "p50_ms=%.3f\np99_ms=%.3f\nscan_ms=%.1f\np50_over_scan=%.5f\np99_over_scan=%.5f\ncalls=%zu\n"
      "paragraphs=%lld\nhits_zero=%zu\n",
      p50, p99, scan, p50 / scan, p99 / scan, all.size(), static_cast<long long>(paragraphs), zero);
  for (const auto& [kind, v] : by_kind) {  // sorted above
    std::printf("%s_p50_ms=%.3f\n%s_p99_ms=%.3f\n", kind.c_str(), percentile(v, 50), kind.c_str(),
                percentile(v, 99));
  }
  return 0;
}
