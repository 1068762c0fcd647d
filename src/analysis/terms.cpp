#include "analysis/terms.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "common/data.h"
#include "common/utf8.h"
#include "store/query.h"

namespace gwr::analysis {

namespace {

bool all_han(std::string_view w) {
  for (std::size_t i = 0; i < w.size();) {
    if (!utf8::is_han(utf8::next(w, i))) return false;
  }
  return !w.empty();
}

// Word counts and counted characters of one group (report, year, region).
struct Counts {
  std::unordered_map<std::string, std::size_t> words;
  std::size_t chars = 0;
};

struct Para {
  std::int64_t report_id;
  Cell region, plan_year;
  std::string text;
};

Result<std::vector<Para>> paragraphs(const store::Reader& db) {
  auto st = store::Statement::prepare(db, R"(
SELECT r.report_id, r.region, r.plan_year, COALESCE(p.text_simplified, p.text)
FROM paragraphs p JOIN report_rows r ON r.report_id = p.report_id
JOIN report_versions v ON v.report_id = r.report_id AND v.version_rank = 1
ORDER BY r.report_id, p.ord)");
  if (!st) return st.error();
  std::vector<Para> out;
  for (;;) {
    auto has = st->step();
    if (!has) return has.error();
    if (!*has) break;
    out.push_back(
        Para{std::get<std::int64_t>(st->cell(0)), st->cell(1), st->cell(2), to_text(st->cell(3))});
  }
  return out;
}

double per_10k(std::size_t count, std::size_t chars) {
  return chars == 0 ? 0.0 : static_cast<double>(count) * 10000.0 / static_cast<double>(chars);
}

// The n most frequent words of `c`, ties by UTF-8 order.
std::vector<std::pair<std::string, std::size_t>> top(const Counts& c, std::size_t n) {
  std::vector<std::pair<std::string, std::size_t>> v(c.words.begin(), c.words.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (v.size() > n) v.resize(n);
  return v;
}

}  // namespace

Result<Segmenter> Segmenter::with_stop_words(std::vector<std::string> stop) {
  Segmenter s;
  for (auto& w : stop) s.stop_.insert(std::move(w));
  return s;
}

Result<Segmenter> Segmenter::load() {
  auto t = data::load_table("terms_stopwords.tsv", 1, 1);
  if (!t) return t.error();
  std::vector<std::string> stop;
  for (const auto& r : t->rows) stop.emplace_back(utf8::trim(r.fields[0]));
  return with_stop_words(std::move(stop));
}

Result<std::vector<std::string>> Segmenter::words(std::string_view text) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !it) {
    return make_error(ErrorCode::kInternal,
                      std::string("ICU word iterator: ") + u_errorName(status));
  }
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->setText(u);
  std::vector<std::string> out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    if (u.countChar32(start, end - start) < 2) continue;
    std::string w;
    u.tempSubStringBetween(start, end).toUTF8String(w);
    if (all_han(w) && stop_.count(w) == 0) out.push_back(std::move(w));
  }
  return out;
}

Result<Table> top_terms(const store::Reader& db, const Segmenter& seg, TermsBy by, std::size_t n,
                        const std::vector<std::int64_t>& report_ids) {
  auto ps = paragraphs(db);
  if (!ps) return ps.error();
  const std::set<std::int64_t> wanted(report_ids.begin(), report_ids.end());
  std::vector<std::vector<Cell>> keys;
  std::vector<Counts> counts;
  std::map<std::string, std::size_t> index;
  for (const auto& p : *ps) {
    if (!wanted.empty() && wanted.count(p.report_id) == 0) continue;
    std::vector<Cell> key;
    if (by == TermsBy::kReport) key = {Cell{p.report_id}, p.region, p.plan_year};
    if (by == TermsBy::kYear) key = {p.plan_year};
    if (by == TermsBy::kRegion) key = {p.region};
    std::string k;
    for (const auto& c : key) k += to_text(c) + "\x1f";
    auto [it, fresh] = index.emplace(k, counts.size());
    if (fresh) {
      keys.push_back(key);
      counts.emplace_back();
    }
    Counts& c = counts[it->second];
    c.chars += utf8::length(p.text);
    auto ws = seg.words(p.text);
    if (!ws) return ws.error();
    for (auto& w : *ws) ++c.words[w];
  }
  Table t;
  t.name = "terms";
  if (by == TermsBy::kReport) t.columns = {"report_id", "region", "plan_year"};
  if (by == TermsBy::kYear) t.columns = {"plan_year"};
  if (by == TermsBy::kRegion) t.columns = {"region"};
  for (const char* c : {"rank", "term", "count", "per_10k"}) t.columns.emplace_back(c);
  for (std::size_t g = 0; g < counts.size(); ++g) {
    std::int64_t rank = 0;
    for (const auto& [w, k] : top(counts[g], n)) {
      std::vector<Cell> row = keys[g];
      row.emplace_back(++rank);
      row.emplace_back(w);
      row.emplace_back(static_cast<std::int64_t>(k));
      row.emplace_back(per_10k(k, counts[g].chars));
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

Result<Table> term_trends(const store::Reader& db, const Segmenter& seg, TermsBy by, std::size_t n,
                          std::optional<std::int64_t> only_year) {
  auto ps = paragraphs(db);
  if (!ps) return ps.error();
  // group → plan year → counts
  std::map<std::string, std::map<std::int64_t, Counts>> groups;
  for (const auto& p : *ps) {
    const auto* year = std::get_if<std::int64_t>(&p.plan_year);
    if (year == nullptr) continue;
    std::string g = "all";
    if (by == TermsBy::kRegion) {
      if (is_null(p.region)) continue;
      g = to_text(p.region);
    }
    Counts& c = groups[g][*year];
    c.chars += utf8::length(p.text);
    auto ws = seg.words(p.text);
    if (!ws) return ws.error();
    for (auto& w : *ws) ++c.words[w];
  }
  Table t;
  t.name = "term_trends";
  t.columns = {"group",     "term",         "first_year", "first_per_10k",
               "last_year", "last_per_10k", "change",     "direction"};
  for (const auto& [g, years] : groups) {
    // The years compared: the earliest and the latest, or `year` and the one before it.
    const auto to = only_year ? years.find(*only_year) : std::prev(years.end());
    if (to == years.end() || to == years.begin()) continue;
    const auto from = only_year ? std::prev(to) : years.begin();
    const auto& [y0, first] = *from;
    const auto& [y1, last] = *to;
    std::map<std::string, std::size_t> total;
    for (auto it = from; it != std::next(to); ++it) {
      for (const auto& [w, k] : it->second.words) total[w] += k;
    }
    struct Change {
      std::string term;
      double a, b;
    };
    std::vector<Change> ch;
    for (const auto& [w, k] : total) {
      if (k < 2) continue;
      const auto fa = first.words.find(w), fb = last.words.find(w);
      ch.push_back({w, per_10k(fa == first.words.end() ? 0 : fa->second, first.chars),
                    per_10k(fb == last.words.end() ? 0 : fb->second, last.chars)});
    }
    // Copies of the structured bindings: clang before 16 cannot capture them in a lambda.
    const auto& group = g;
    const auto year0 = y0, year1 = y1;
    auto emit = [&](const Change& c, const char* dir) {
      t.rows.push_back({Cell{group}, Cell{c.term}, Cell{year0}, Cell{c.a}, Cell{year1}, Cell{c.b},
                        Cell{c.b - c.a}, Cell{std::string(dir)}});
    };
    std::sort(ch.begin(), ch.end(), [](const Change& a, const Change& b) {
      const double da = a.b - a.a, dz = b.b - b.a;
      return da != dz ? da > dz : a.term < b.term;
    });
    for (std::size_t i = 0; i < ch.size() && i < n && ch[i].b - ch[i].a > 0; ++i)
      emit(ch[i], "rise");
    for (std::size_t i = 0; i < n && i < ch.size(); ++i) {
      const Change& c = ch[ch.size() - 1 - i];
      if (c.b - c.a >= 0) break;
      emit(c, "fall");
    }
  }
  return t;
}

Result<Table> slogans(const store::Reader& db, std::size_t n,
                      const std::vector<std::int64_t>& report_ids) {
  auto q = store::query(
      db, R"(
SELECT report_id, region, plan_year, rank, slogan, count FROM (
  SELECT r.report_id, r.region, r.plan_year, s.text AS slogan, s.count,
         ROW_NUMBER() OVER (PARTITION BY r.report_id ORDER BY s.count DESC, s.text) AS rank
  FROM slogans s JOIN report_rows r ON r.report_id = s.report_id
  JOIN report_versions v ON v.report_id = r.report_id
  WHERE ?2 = 1 OR v.version_rank = 1)
WHERE rank <= ?1 ORDER BY report_id, rank)",
      {Cell{static_cast<std::int64_t>(n)}, Cell{std::int64_t{report_ids.empty() ? 0 : 1}}},
      "slogans");
  if (!q || report_ids.empty()) return q;
  const std::set<std::int64_t> wanted(report_ids.begin(), report_ids.end());
  Table t = std::move(q).value();
  std::erase_if(t.rows, [&](const std::vector<Cell>& r) {
    return wanted.count(std::get<std::int64_t>(r[0])) == 0;
  });
  return t;
}

}  // namespace gwr::analysis
