#include "store/search.h"

#include <algorithm>

#include "store/sqlite.h"
#include "text/text.h"

namespace gwr::store {

namespace {

// The columns of a Hit, from the ranked rows h(id, score) joined to p and r.
#define GWR_HIT_COLUMNS                                                                    \
  "h.id, p.report_id, p.ord, -h.score, NULL, p.section_type, p.section_title, r.region, "  \
  "r.region_code, r.level, r.province, r.delivered, r.plan_year, r.source, p.start_byte, " \
  "p.end_byte "
#define GWR_FILTERS                                                              \
  "(?4 IS NULL OR r.region = ?4 OR r.region_code = ?4) "                         \
  "AND (?5 IS NULL OR r.level = ?5) AND (?6 IS NULL OR r.plan_year = ?6) "       \
  "AND (?7 IS NULL OR p.section_type = ?7) AND (?8 IS NULL OR r.province = ?8) " \
  "AND (?11 IS NULL OR EXISTS (SELECT 1 FROM report_versions v "                 \
  "     WHERE v.report_id = r.report_id AND v.version_rank = 1)) "

// Top first: the best ?10 rows of the full-text table alone (bm25, ties by rowid, which is
// paragraph_id), and only those joined to their paragraph and report rows and filtered. Ranking
// every match is FTS5's cost either way; joining every match was ours.
constexpr const char* kTopFirstSql =
    "SELECT " GWR_HIT_COLUMNS
    "FROM (SELECT rowid AS id, bm25(paragraphs_fts) AS score FROM paragraphs_fts "
    "      WHERE paragraphs_fts MATCH ?1 ORDER BY score, rowid LIMIT ?10) AS h "
    "JOIN paragraphs p ON p.paragraph_id = h.id JOIN reports r ON r.report_id = p.report_id "
    "WHERE " GWR_FILTERS "ORDER BY h.score, h.id LIMIT ?9";

// Every match joined and filtered, then ranked: what a filter that keeps few of the best rows
// needs. Same columns and order as kTopFirstSql.
constexpr const char* kJoinFirstSql =
    "SELECT " GWR_HIT_COLUMNS
    "FROM (SELECT rowid AS id, bm25(paragraphs_fts) AS score FROM paragraphs_fts "
    "      WHERE paragraphs_fts MATCH ?1) AS h "
    "JOIN paragraphs p ON p.paragraph_id = h.id JOIN reports r ON r.report_id = p.report_id "
    "WHERE " GWR_FILTERS "ORDER BY h.score, h.id LIMIT ?9";

constexpr const char* kCountSql =
    "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH ?1";
constexpr const char* kCountFilteredSql =
    "SELECT count(*) FROM paragraphs_fts h "
    "JOIN paragraphs p ON p.paragraph_id = h.rowid JOIN reports r ON r.report_id = p.report_id "
    "WHERE h.paragraphs_fts MATCH ?1 AND " GWR_FILTERS;

// Of all reports, how many pass the report filters (?4, ?5, ?6, ?8; ?7 is bound NULL).
constexpr const char* kReportShareSql = "SELECT count(*), count(CASE WHEN " GWR_FILTERS
                                        " THEN 1 END) FROM reports r, "
                                        "(SELECT NULL AS section_type) AS p";

// Per region, its reports passing the year and level filters and how many of them have a match
// (?5 level, ?6 year, ?11 canonical versions only).
constexpr const char* kMentionsSql =
    "WITH m AS (SELECT DISTINCT p.report_id FROM paragraphs_fts h "
    "           JOIN paragraphs p ON p.paragraph_id = h.rowid "
    "           WHERE h.paragraphs_fts MATCH ?1) "
    "SELECT r.region, r.region_code, r.level, r.province, count(*), count(m.report_id) "
    "FROM reports r LEFT JOIN m ON m.report_id = r.report_id "
    "WHERE (?5 IS NULL OR r.level = ?5) AND (?6 IS NULL OR r.plan_year = ?6) "
    "AND (?11 IS NULL OR EXISTS (SELECT 1 FROM report_versions v "
    "     WHERE v.report_id = r.report_id AND v.version_rank = 1)) "
    "GROUP BY r.province, r.level, r.region, r.region_code "
    "ORDER BY r.province, r.level, r.region, r.region_code";

#undef GWR_HIT_COLUMNS
#undef GWR_FILTERS

// With a filter, the top-first plan ranks this many times the limit (at least kMinOverFetch)
// before filtering; when fewer than `limit` of them pass, the join-first plan runs instead. It is
// tried only when at least 1 / kMinReportShare of the reports pass the report filters: below
// that, ranking twice would be the rule.
constexpr int kOverFetch = 8;
constexpr int kMinOverFetch = 200;
constexpr int kMinReportShare = 4;

// `canonical`: keep to the canonical version of each report (?11); see canonical_only().
bool has_filter(const SearchQuery& q, bool canonical) {
  return canonical || q.region || q.level || q.year || q.section || q.province;
}

// Whether hits must keep to canonical versions: unless the query asks for all versions, and only
// when the corpus holds a second version of some report at all (else the filter keeps every row
// and would only cost the filtered plans).
Result<bool> canonical_only(sqlite3* db, const SearchQuery& q) {
  if (q.all_versions) return false;
  auto st =
      Stmt::prepare(db, "SELECT EXISTS (SELECT 1 FROM report_versions WHERE version_rank > 1)");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return *row && st->int64(0) != 0;
}

// The snippet of one ranked hit: computing it in the ranking query would make one for every match
// before the sort and limit.
constexpr const char* kSnippetSql =
    "SELECT snippet(paragraphs_fts, 0, ?2, ?3, '…', 48) FROM paragraphs_fts "
    "WHERE paragraphs_fts MATCH ?1 AND rowid = ?4";

// Each white-space separated term as an FTS5 string ("a""b" escapes a quote).
std::string quote_terms(std::string_view q) {
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t') ++j;
    if (j > i) {
      if (!out.empty()) out += ' ';
      out += '"';
      for (char c : q.substr(i, j - i)) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    i = j;
  }
  return out;
}

// A statement's failure while stepping: a plain SQLITE_ERROR comes from parsing the MATCH
// expression (the statements are fixed and known good), so it is the query's fault, not gwr's.
Error step_error(sqlite3* db, Error e) {
  if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_ERROR) {
    return make_error(ErrorCode::kUsage, e.message);
  }
  return e;
}

void bind_filters(Stmt& s, const SearchQuery& q, bool canonical) {
  auto opt_simplified = [](const std::optional<std::string>& v) -> std::optional<std::string> {
    if (!v) return std::nullopt;
    return text::to_simplified(*v);
  };
  s.bind(4, opt_simplified(q.region));
  s.bind(5, q.level);
  s.bind(6, q.year);
  s.bind(7, q.section);
  s.bind(8, opt_simplified(q.province));
  if (canonical) s.bind(11, 1);
}

// The ranked hits of `sql` (kTopFirstSql ranking the best `ranked` rows, or kJoinFirstSql).
Result<std::vector<Hit>> ranked_hits(sqlite3* db, const SearchQuery& q, bool canonical,
                                     const std::string& match, const char* sql, int ranked) {
  auto st = Stmt::prepare(db, sql);
  if (!st) return st.error();
  Stmt& s = st.value();
  s.bind(1, match);
  bind_filters(s, q, canonical);
  s.bind(9, q.limit);
  if (ranked > 0) s.bind(10, ranked);
  std::vector<Hit> hits;
  for (;;) {
    auto row = s.step();
    if (!row) return step_error(db, row.error());
    if (!*row) break;
    Hit h;
    h.paragraph_id = s.int64(0);
    h.report_id = s.int64(1);
    h.paragraph_ord = static_cast<int>(s.int64(2));
    h.score = s.real(3);
    h.section_type = s.opt_text(5);
    h.section_title = s.opt_text(6);
    h.region = s.opt_text(7);
    h.region_code = s.opt_text(8);
    h.level = s.opt_text(9);
    h.province = s.opt_text(10);
    h.delivered = s.opt_text(11);
    if (auto y = s.opt_int64(12)) h.plan_year = static_cast<int>(*y);
    h.source = s.text(13);
    h.start_byte = s.int64(14);
    h.end_byte = s.int64(15);
    hits.push_back(std::move(h));
  }
  return hits;
}

// Whether enough reports pass q's report filters for the top-first plan to be worth a try.
Result<bool> many_reports_pass(sqlite3* db, const SearchQuery& q, bool canonical) {
  if (!q.region && !q.level && !q.year && !q.province) return true;  // the section alone
  auto st = Stmt::prepare(db, kReportShareSql);
  if (!st) return st.error();
  SearchQuery reports_only = q;
  reports_only.section.reset();
  bind_filters(st.value(), reports_only, canonical);
  auto row = st->step();
  if (!row) return row.error();
  return *row && st->int64(1) * kMinReportShare >= st->int64(0);
}

Result<std::vector<Hit>> run(sqlite3* db, const SearchQuery& q, const std::string& match) {
  auto canonical = canonical_only(db, q);
  if (!canonical) return canonical.error();
  const bool filtered = has_filter(q, *canonical);
  bool top_first = true;
  if (filtered) {
    auto many = many_reports_pass(db, q, *canonical);
    if (!many) return many.error();
    top_first = *many;
  }
  std::vector<Hit> hits;
  if (top_first) {
    const int ranked = filtered ? std::max(kMinOverFetch, q.limit * kOverFetch) : q.limit;
    auto top = ranked_hits(db, q, *canonical, match, kTopFirstSql, ranked);
    if (!top) return top.error();
    hits = std::move(top).value();
  }
  // Without a filter every ranked row is a hit (paragraphs_fts indexes the paragraphs rows), so
  // fewer than the limit means there are no more. With one, the filter may have dropped rows that
  // later ones would have replaced.
  if (!top_first || (filtered && hits.size() < static_cast<std::size_t>(q.limit))) {
    auto all = ranked_hits(db, q, *canonical, match, kJoinFirstSql, 0);
    if (!all) return all.error();
    hits = std::move(all).value();
  }
  const std::size_t from = static_cast<std::size_t>(std::max(0, q.snippet_from));
  const std::size_t to =
      q.snippet_count < 0 ? hits.size()
                          : std::min(hits.size(), from + static_cast<std::size_t>(q.snippet_count));
  if (from >= to) return hits;
  auto sn = Stmt::prepare(db, kSnippetSql);
  if (!sn) return sn.error();
  for (std::size_t i = from; i < to; ++i) {
    sn->bind(1, match);
    sn->bind(2, q.highlight_open);
    sn->bind(3, q.highlight_close);
    sn->bind(4, hits[i].paragraph_id);
    auto row = sn->step();
    if (!row) return row.error();
    if (*row) hits[i].snippet = sn->text(0);
    sn->reset();
  }
  return hits;
}

Result<std::int64_t> run_count(sqlite3* db, const SearchQuery& q, const std::string& match) {
  auto canonical = canonical_only(db, q);
  if (!canonical) return canonical.error();
  const bool filtered = has_filter(q, *canonical);
  auto st = Stmt::prepare(db, filtered ? kCountFilteredSql : kCountSql);
  if (!st) return st.error();
  st->bind(1, match);
  if (filtered) bind_filters(st.value(), q, *canonical);
  auto row = st->step();
  if (!row) return step_error(db, row.error());
  return *row ? st->int64(0) : 0;
}

Result<std::vector<RegionMentions>> run_mentions(sqlite3* db, const SearchQuery& q,
                                                 const std::string& match) {
  auto st = Stmt::prepare(db, kMentionsSql);
  if (!st) return st.error();
  Stmt& s = st.value();
  s.bind(1, match);
  s.bind(5, q.level);
  s.bind(6, q.year);
  if (!q.all_versions) s.bind(11, 1);
  std::vector<RegionMentions> rows;
  for (;;) {
    auto row = s.step();
    if (!row) return step_error(db, row.error());
    if (!*row) break;
    rows.push_back(
        {s.opt_text(0), s.opt_text(1), s.opt_text(2), s.opt_text(3), s.int64(4), s.int64(5)});
  }
  return rows;
}

// Checks `q`, then runs `fn(db, q, match)` on its MATCH expression. FTS5 could not parse it: a
// query written in FTS5 syntax (quotes, prefix stars, parentheses, ^) is the user's to fix; stray
// punctuation elsewhere (7.5%) is retried with each term quoted.
template <class Fn>
auto with_match(const Reader& db, const SearchQuery& q, Fn fn) -> decltype(fn(nullptr, q, "")) {
  if (q.limit < 1 || q.limit > kMaxSearchLimit) {
    return make_error(ErrorCode::kUsage,
                      "the limit must be between 1 and " + std::to_string(kMaxSearchLimit));
  }
  if (!db.has_fts()) {
    return make_error(ErrorCode::kUsage,
                      "the corpus has no full-text index (ingested with --no-fts); run gwr ingest "
                      "again without it");
  }
  const std::string match = text::to_simplified(q.text);
  if (match.find_first_not_of(" \t\r\n") == std::string::npos) {
    return make_error(ErrorCode::kUsage, "the search query is empty");
  }
  auto r = fn(handle_of(db), q, match);
  if (r || r.error().code != ErrorCode::kUsage) return r;
  if (match.find_first_of("\"*()^") == std::string::npos) {
    auto retry = fn(handle_of(db), q, quote_terms(match));
    if (retry || retry.error().code != ErrorCode::kUsage) return retry;
  }
  return make_error(ErrorCode::kUsage, "cannot parse the search query: " + r.error().message,
                    q.text);
}

}  // namespace

Result<std::vector<RegionMentions>> mentions_by_region(const Reader& db, const SearchQuery& q) {
  return with_match(db, q, run_mentions);
}

Result<std::vector<Hit>> search(const Reader& db, const SearchQuery& q) {
  return with_match(db, q, run);
}

Result<std::int64_t> count(const Reader& db, const SearchQuery& q) {
  return with_match(db, q, run_count);
}

}  // namespace gwr::store
