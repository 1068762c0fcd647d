#include "analysis/targets.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "common/vocabulary.h"
#include "store/query.h"

namespace gwr::analysis {

namespace {

// The panel and the realised figures read targets and facts of every stored version of a report,
// canonical version first (report_versions.version_rank, data/store_views.sql). They do not keep
// to the canonical version because they fall back to another version for an indicator the
// canonical one lacks, and a five-year target may come from reports of several plan years.
constexpr const char* kPanelSql = R"(
WITH p AS (
  SELECT r.region, r.region_code, r.level, r.province, t.year, t.kind, t.canonical, t.indicator_id,
         t.indicator, t.value, t.value_hi, t.unit, t.modifier, t.basis, t.aspiration,
         t.reference, t.relative_modifier, t.stretch_value, t.base_year, t.verbatim,
         t.start_byte, t.end_byte, r.source, r.report_id, t.target_id,
         ROW_NUMBER() OVER (
           PARTITION BY r.region, t.year, t.kind, t.canonical,
                        CASE WHEN t.canonical = 'other' THEN t.indicator ELSE '' END
           ORDER BY v.version_rank, r.report_id, (t.modifier = 'relative'), t.target_id) AS rn
  FROM targets t JOIN report_rows r ON r.report_id = t.report_id
  JOIN report_versions v ON v.report_id = r.report_id
  WHERE (?1 IS NULL OR t.canonical = ?1 OR t.indicator_id = ?1)
    AND (?2 IS NULL OR t.year = ?2)
    AND (?3 IS NULL OR r.level = ?3)
    AND (?4 IS NULL OR r.province = ?4 OR r.region = ?4)
    AND (?5 IS NULL OR t.kind = ?5)
    AND (?6 IS NULL OR r.region = ?6 OR r.region_code = ?6))
SELECT region, region_code, level, province, year, kind, canonical, indicator_id, indicator, value,
       value_hi, unit, modifier, basis, aspiration, reference, relative_modifier, stretch_value,
       base_year, verbatim, start_byte AS start, end_byte AS end, source, report_id
FROM p WHERE rn = 1
ORDER BY region, year, kind DESC, canonical, target_id)";

// The realised figure for one target: see the REALISED contract in targets.h.
constexpr const char* kRealisedSql = R"(
SELECT f.value, f.status, f.verbatim, f.report_id, f.start_byte, f.end_byte, r.source
FROM facts f JOIN report_rows r ON r.report_id = f.report_id
JOIN report_versions v ON v.report_id = r.report_id
WHERE r.region = ?1 AND f.indicator_id = ?2 AND f.year = ?3
  AND f.status IN ('actual', 'estimate') AND f.period = ?4
  AND (?5 IS NULL OR f.measure = ?5) AND (?6 IS NULL OR f.unit = ?6)
  AND f.scope = 'report' AND r.report_id <> ?7
ORDER BY (f.status = 'actual') DESC, r.plan_year DESC, v.version_rank, r.report_id, f.ord
LIMIT 1)";

std::vector<Cell> params(const TargetFilter& f, std::optional<std::string> kind) {
  if (!kind) kind = f.kind;
  std::vector<Cell> p(6);
  if (f.indicator) p[0] = *f.indicator;
  if (f.year) p[1] = static_cast<std::int64_t>(*f.year);
  if (f.level) p[2] = *f.level;
  if (f.province) p[3] = *f.province;
  if (kind) p[4] = *kind;
  if (f.region) p[5] = *f.region;
  return p;
}

std::optional<double> num(const Cell& c) {
  const double d = to_number(c);
  if (std::isnan(d)) return std::nullopt;
  return d;
}

std::string text(const Cell& c) {
  const auto* s = std::get_if<std::string>(&c);
  return s != nullptr ? *s : std::string();
}

bool is_ceiling(const std::string& canonical) {
  return canonical == "cpi" || canonical == "urban_surveyed_unemployment" ||
         canonical == "urban_registered_unemployment";
}

bool is_growth(const std::string& canonical) {
  return canonical.size() > 7 && canonical.compare(canonical.size() - 7, 7, "_growth") == 0;
}

// Review paragraphs of the next report (next_reports, data/store_views.sql) of the target's
// report that name a qualitative target's indicator.
constexpr const char* kStatementSql = R"(
SELECT coalesce(p.text_simplified, p.text), p.text, p.start_byte, p.end_byte, r.report_id, r.source
FROM next_reports n JOIN paragraphs p ON p.report_id = n.next_report_id
JOIN reports r ON r.report_id = p.report_id
WHERE n.report_id = ?1
  AND p.section_type IN ('review', 'five_year_review')
  AND instr(coalesce(p.text_simplified, p.text), ?2) > 0
ORDER BY p.ord
LIMIT 20)";

struct OutcomeStatement {
  std::string outcome;  // met | missed
  std::string sentence;
  Cell start, end;  // raw bytes of the paragraph holding the sentence
  Cell report, source;
};

const data::Vocabulary* outcome_words() {
  static const auto v =
      data::Vocabulary::load("outcome_words.tsv", {"met_verb", "met_object", "missed"});
  return v ? &*v : nullptr;
}

// The explicit statement about a qualitative target in the next report's review: a sentence that
// names the indicator and says it was not met (未完成 …), or met (完成/实现 + 目标/任务).
std::optional<OutcomeStatement> statement_for(store::Statement& q, const std::string& indicator,
                                              const Cell& report) {
  const data::Vocabulary* words = outcome_words();
  if (words == nullptr || indicator.size() < 6) return std::nullopt;
  q.reset();
  q.bind(1, report);
  q.bind(2, Cell{indicator});
  for (auto row = q.step(); row && *row; row = q.step()) {
    const std::string analysis = text(q.cell(0)), written = text(q.cell(1));
    // Sentences of the analysis text; offsets map to the written text when both are the same
    // length (simplified and traditional characters are both three bytes in UTF-8).
    for (std::size_t at = analysis.find(indicator); at != std::string::npos;
         at = analysis.find(indicator, at + 1)) {
      std::size_t b = 0;
      for (const char* stop : {"。", "；", ";", "！"}) {
        const std::size_t k = analysis.rfind(stop, at);
        if (k != std::string::npos) b = std::max(b, k + std::string_view(stop).size());
      }
      std::size_t e = analysis.size();
      for (const char* stop : {"。", "；", ";", "！"}) {
        const std::size_t k = analysis.find(stop, at);
        if (k != std::string::npos) e = std::min(e, k + std::string_view(stop).size());
      }
      const std::string_view s = std::string_view(analysis).substr(b, e - b);
      std::string outcome;
      if (words->list("missed").contains_in(s)) {
        outcome = "missed";
      } else {
        std::size_t len = 0;
        const std::size_t v = words->list("met_verb").find(s, 0, &len);
        if (v != std::string_view::npos &&
            words->list("met_object").find(s, v + len) != std::string_view::npos) {
          outcome = "met";
        }
      }
      if (outcome.empty()) continue;
      OutcomeStatement st;
      st.outcome = outcome;
      st.sentence = written.size() == analysis.size() ? written.substr(b, e - b) : std::string(s);
      st.start = q.cell(2);
      st.end = q.cell(3);
      st.report = q.cell(4);
      st.source = q.cell(5);
      return st;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string target_outcome(const std::string& canonical, const std::string& modifier,
                           std::optional<double> value, std::optional<double> value_hi,
                           std::optional<double> realised, double near) {
  // A relative target's offset is judged against the reference's own figure, which the report
  // does not give: unknown. So are qualitative targets without a figure.
  if (!realised || !value || modifier == "qualitative" || modifier == "relative") return "unknown";
  constexpr double kEps = 1e-9;
  const double r = *realised;
  if (is_ceiling(canonical) || modifier == "at_most") {
    const double bound = modifier == "range" && value_hi ? *value_hi : *value;
    if (r <= bound + kEps) return "met";
    if (modifier == "around" && r <= bound + near + kEps) return "near";
    return "missed";
  }
  // Floors, reductions kept as positive magnitudes included: the lower bound of a range.
  const double bound = *value;
  if (r >= bound - kEps) return "met";
  if (modifier == "around" && r >= bound - near - kEps) return "near";
  return "missed";
}

Result<Table> targets_panel(const store::Reader& db, const TargetFilter& f) {
  return store::query(db, kPanelSql, params(f, std::nullopt), "targets");
}

Result<Table> wide_panel(const store::Reader& db, const TargetFilter& f) {
  auto p = store::query(db, kPanelSql, params(f, std::string("plan_year")), "panel");
  if (!p) return p.error();
  const Table& t = *p;
  const std::size_t c_region = t.column("region"), c_code = t.column("region_code"),
                    c_level = t.column("level"), c_prov = t.column("province"),
                    c_year = t.column("year"), c_can = t.column("canonical"),
                    c_val = t.column("value"), c_rep = t.column("report_id");
  std::set<std::string> canon;
  for (const auto& row : t.rows) {
    if (text(row[c_can]) != "other") canon.insert(text(row[c_can]));
  }
  Table w;
  w.name = "panel";
  w.columns = {"region", "region_code", "level", "province", "year", "report_id"};
  std::map<std::string, std::size_t> col;
  for (const auto& c : canon) {
    col[c] = w.columns.size();
    w.columns.push_back(c);
  }
  std::map<std::pair<std::string, std::string>, std::size_t> row_of;  // (region, year) → row
  for (const auto& row : t.rows) {
    const std::string can = text(row[c_can]);
    if (can == "other") continue;
    const auto key = std::make_pair(text(row[c_region]), to_text(row[c_year]));
    auto it = row_of.find(key);
    if (it == row_of.end()) {
      std::vector<Cell> r(w.columns.size());
      r[0] = row[c_region];
      r[1] = row[c_code];
      r[2] = row[c_level];
      r[3] = row[c_prov];
      r[4] = row[c_year];
      r[5] = row[c_rep];
      it = row_of.emplace(key, w.rows.size()).first;
      w.rows.push_back(std::move(r));
    }
    // A relative target's value is an offset against a reference, not the target: left out.
    if (text(row[t.column("modifier")]) != "relative") w.rows[it->second][col[can]] = row[c_val];
  }
  return w;
}

namespace {

// Columns of the panel that targets_realised reads.
struct PanelColumns {
  std::size_t region, year, kind, can, id, val, hi, unit, mod, basis, rep, ind;
  explicit PanelColumns(const Table& t)
      : region(t.column("region")),
        year(t.column("year")),
        kind(t.column("kind")),
        can(t.column("canonical")),
        id(t.column("indicator_id")),
        val(t.column("value")),
        hi(t.column("value_hi")),
        unit(t.column("unit")),
        mod(t.column("modifier")),
        basis(t.column("basis")),
        rep(t.column("report_id")),
        ind(t.column("indicator")) {}
};

// What the next report says of one target: a figure or an explicit statement (all null: nothing).
struct Realised {
  Cell value, status, verbatim, report, start, end, source;
};

// The realised figure of a quantitative target (kRealisedSql): the growth rate, or the level in
// the target's unit, reported for the target's year — for an annual-average five-year target, over
// the five-year span.
Result<Realised> realised_figure(store::Statement& q, const std::vector<Cell>& row,
                                 const PanelColumns& c) {
  Realised out;
  const std::string can = text(row[c.can]), id = text(row[c.id]);
  if (id.empty() || is_null(row[c.year]) || is_null(row[c.region]) ||
      text(row[c.mod]) == "qualitative")
    return out;
  const bool average = text(row[c.kind]) == "five_year" && text(row[c.basis]) == "annual_average";
  std::vector<Cell> ps = {
      row[c.region], Cell{id},
      row[c.year],   Cell{std::string(average ? "five_year_span" : "review_year")},
      Cell{},        Cell{},
      row[c.rep]};
  if (is_growth(can) || average) {
    ps[4] = std::string("growth");
  } else {
    ps[5] = row[c.unit];
  }
  q.reset();
  for (std::size_t i = 0; i < ps.size(); ++i) q.bind(static_cast<int>(i + 1), ps[i]);
  auto has = q.step();
  if (!has) return has.error();
  if (*has)
    out = Realised{q.cell(0), q.cell(1), q.cell(2), q.cell(3), q.cell(4), q.cell(5), q.cell(6)};
  return out;
}

}  // namespace

Result<Table> targets_realised(const store::Reader& db, const TargetFilter& f, double near) {
  auto p = targets_panel(db, f);
  if (!p) return p.error();
  Table t = std::move(p).value();
  t.name = "realised";
  const PanelColumns c(t);
  for (const char* col : {"realised", "realised_status", "realised_verbatim", "realised_report_id",
                          "realised_start", "realised_end", "realised_source", "gap", "outcome"}) {
    t.columns.emplace_back(col);
  }
  auto st = store::Statement::prepare(db, kRealisedSql);
  if (!st) return st.error();
  auto said = store::Statement::prepare(db, kStatementSql);
  if (!said) return said.error();
  for (auto& row : t.rows) {
    const std::string can = text(row[c.can]), mod = text(row[c.mod]);
    auto figure = realised_figure(st.value(), row, c);
    if (!figure) return figure.error();
    Realised r = std::move(figure).value();
    // A qualitative target is judged only by an explicit statement in the next report.
    std::optional<OutcomeStatement> statement;
    if (mod == "qualitative" && text(row[c.kind]) == "plan_year" && !is_null(row[c.region]) &&
        !is_null(row[c.year])) {
      statement = statement_for(said.value(), text(row[c.ind]), row[c.rep]);
      if (statement) {
        r.status = std::string("statement");
        r.verbatim = statement->sentence;
        r.report = statement->report;
        r.start = statement->start;
        r.end = statement->end;
        r.source = statement->source;
      }
    }
    const auto v = num(row[c.val]);
    const auto rv = num(r.value);
    for (Cell* cell : {&r.value, &r.status, &r.verbatim, &r.report, &r.start, &r.end, &r.source})
      row.push_back(std::move(*cell));
    row.emplace_back();
    if (v && rv && mod != "relative") row.back() = *rv - *v;
    row.push_back(Cell{statement ? statement->outcome
                                 : target_outcome(can, mod, v, num(row[c.hi]), rv, near)});
  }
  return t;
}

}  // namespace gwr::analysis
