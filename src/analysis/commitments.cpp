#include "analysis/commitments.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/data.h"
#include "common/utf8.h"
#include "store/query.h"
#include "text/text.h"

namespace gwr::analysis {

namespace {

bool has_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return s.find(w) != std::string_view::npos; });
}

// Clauses of `text`, each ending after its 。；;！! (the last may have none).
std::vector<std::string> clauses(const std::string& text) {
  static constexpr std::array<std::string_view, 5> kStops = {"。", "；", ";", "！", "!"};
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t best = std::string::npos, len = 0;
    for (std::string_view stop : kStops) {
      const auto at = text.find(stop, from);
      if (at < best) {
        best = at;
        len = stop.size();
      }
    }
    if (best == std::string::npos) {
      out.push_back(text.substr(from));
      break;
    }
    out.push_back(text.substr(from, best + len - from));
    from = best + len;
  }
  return out;
}

std::string text_of(const Cell& c) {
  const auto* s = std::get_if<std::string>(&c);
  return s ? *s : std::string();
}

}  // namespace

Result<CommitmentWords> CommitmentWords::load() {
  auto t = data::load_table("commitment_words.tsv", 2, 2);
  if (!t) return t.error();
  CommitmentWords w;
  for (const auto& r : t->rows) {
    const std::string kind(utf8::trim(r.fields[0]));
    std::string word(utf8::trim(r.fields[1]));
    if (word.empty()) {
      return make_error(ErrorCode::kInvalidData, "empty word",
                        "commitment_words.tsv:" + std::to_string(r.line));
    }
    if (kind == "done") {
      w.done.push_back(std::move(word));
    } else if (kind == "progress") {
      w.progress.push_back(std::move(word));
    } else {
      return make_error(ErrorCode::kInvalidData,
                        "kind must be done or progress, not '" + kind + "'",
                        "commitment_words.tsv:" + std::to_string(r.line));
    }
  }
  return w;
}

Result<Table> commitments(const store::Reader& db, const Segmenter& seg,
                          const CommitmentWords& words, std::int64_t report_id) {
  auto self = store::query(db, "SELECT region, plan_year FROM reports WHERE report_id = ?1",
                           {Cell{report_id}}, "r");
  if (!self) return self.error();
  if (self->rows.empty())
    return make_error(ErrorCode::kUsage, "no report with id " + std::to_string(report_id));
  const Cell region = self->rows[0][0], plan_year = self->rows[0][1];

  auto items = store::query(
      db,
      "SELECT ord, label, declared_count, text FROM livelihood_items WHERE report_id = ?1 "
      "ORDER BY ord",
      {Cell{report_id}}, "items");
  if (!items) return items.error();

  Cell next_id, next_year;
  auto next = store::query(
      db, "SELECT next_report_id, next_plan_year FROM next_reports WHERE report_id = ?1",
      {Cell{report_id}}, "next");
  if (!next) return next.error();
  if (!next->rows.empty()) {
    next_id = next->rows[0][0];
    next_year = next->rows[0][1];
  }

  // Clauses of the next report's review (or of all of it), once.
  struct Clause {
    Cell paragraph;
    std::string text;
  };
  std::vector<Clause> pool;
  if (!is_null(next_id)) {
    constexpr const char* kText =
        "SELECT ord, coalesce(text_simplified, text) FROM paragraphs WHERE report_id = ?1";
    auto paras = store::query(
        db, std::string(kText) + " AND section_type IN ('review', 'five_year_review') ORDER BY ord",
        {next_id}, "p");
    if (paras && paras->rows.empty())
      paras = store::query(db, std::string(kText) + " ORDER BY ord", {next_id}, "p");
    if (!paras) return paras.error();
    for (const auto& p : paras->rows) {
      for (auto& c : clauses(text_of(p[1]))) pool.push_back({p[0], std::move(c)});
    }
  }

  Table out;
  out.name = "commitments";
  out.columns = {"report_id", "region", "plan_year",          "label",          "declared_count",
                 "ord",       "item",   "key_phrases",        "next_report_id", "next_plan_year",
                 "status",    "score",  "evidence_paragraph", "evidence"};
  for (const auto& it : items->rows) {
    const std::string item = text_of(it[3]);
    auto w = seg.words(text::to_simplified(item));
    if (!w) return w.error();
    std::vector<std::string> phrases;
    for (const auto& x : *w) {
      if (std::find(phrases.begin(), phrases.end(), x) == phrases.end()) phrases.push_back(x);
    }
    std::string joined;
    for (const auto& p : phrases) joined += (joined.empty() ? "" : "、") + p;

    double best = 0;
    const Clause* where = nullptr;
    for (const auto& c : pool) {
      std::size_t hit = 0;
      for (const auto& ph : phrases) hit += c.text.find(ph) != std::string::npos ? 1 : 0;
      const double share =
          phrases.empty() ? 0.0 : static_cast<double>(hit) / static_cast<double>(phrases.size());
      if (share > best) {
        best = share;
        where = &c;
      }
    }
    std::string status = "not_mentioned";
    if (is_null(next_id)) {
      status = "no_next_report";
    } else if (where) {
      const bool done = has_any(where->text, words.done);
      const bool progress = has_any(where->text, words.progress);
      if (best >= 0.5 && done && !progress) {
        status = "done";
      } else if (best >= 0.5 || (best >= 1.0 / 3 && progress)) {
        status = "in_progress";
      }
    }
    const bool evidence = status == "done" || status == "in_progress";
    out.rows.push_back({Cell{report_id}, region, plan_year, it[1], it[2], it[0], Cell{item},
                        Cell{joined}, next_id, next_year, Cell{status}, Cell{best},
                        evidence ? where->paragraph : Cell{},
                        evidence ? Cell{where->text} : Cell{}});
  }
  return out;
}

Result<Table> commitment_reports(const store::Reader& db) {
  return store::query(
      db,
      "SELECT r.report_id AS id, r.region, r.province, r.level, r.plan_year,"
      " count(l.item_id) AS items,"
      " (SELECT n.next_report_id FROM next_reports n WHERE n.report_id = r.report_id)"
      " AS next_report"
      " FROM report_rows r JOIN livelihood_items l ON l.report_id = r.report_id"
      " JOIN report_versions v ON v.report_id = r.report_id AND v.version_rank = 1"
      " GROUP BY r.report_id ORDER BY r.plan_year DESC, r.province, r.region",
      {}, "commitments");
}

}  // namespace gwr::analysis
