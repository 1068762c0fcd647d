#include "analysis/glossary.h"

#include <algorithm>
#include <climits>
#include <map>

namespace gwr::analysis {

namespace {

std::optional<std::string> opt_text(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return std::nullopt;
}

std::optional<std::int64_t> opt_int(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return *i;
  return std::nullopt;
}

}  // namespace

Result<std::vector<TermDefinition>> term_definitions(
    const store::Reader& db, const std::vector<std::pair<std::string, std::int64_t>>& wanted) {
  // One pass over the glossary instead of one scan per term (instr() cannot use an index): each
  // row is filed under its whole term and under every “…” span in it — exactly the texts for
  // which `term = text OR instr(term, '“' || text || '”') > 0` holds.
  struct Cand {
    std::int64_t glossary_id, report_id;
    std::optional<std::int64_t> plan_year;
  };
  std::map<std::string, std::vector<Cand>> found;
  for (const auto& w : wanted) found.emplace(w.first, std::vector<Cand>{});
  const std::string open = "“", close = "”";
  {
    auto s = store::Statement::prepare(
        db,
        "SELECT g.glossary_id, g.term, g.report_id, r.plan_year FROM glossary g"
        " JOIN reports r ON r.report_id = g.report_id");
    if (!s) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row) return row.error();
      if (!*row) break;
      const Cand c{std::get<std::int64_t>(s->cell(0)), std::get<std::int64_t>(s->cell(2)),
                   opt_int(s->cell(3))};
      const std::string term = opt_text(s->cell(1)).value_or("");
      std::vector<std::string> keys = {term};
      for (auto a = term.find(open); a != std::string::npos; a = term.find(open, a + 1)) {
        for (auto b = term.find(close, a + open.size()); b != std::string::npos;
             b = term.find(close, b + 1))
          keys.push_back(term.substr(a + open.size(), b - a - open.size()));
      }
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const auto& k : keys) {
        auto it = found.find(k);
        if (it != found.end()) it->second.push_back(c);
      }
    }
  }
  auto def = store::Statement::prepare(
      db,
      "SELECT g.definition, r.region, r.plan_year, r.report_id FROM glossary g"
      " JOIN reports r ON r.report_id = g.report_id WHERE g.glossary_id = ?1");
  if (!def) return def.error();
  std::vector<TermDefinition> out;
  for (const auto& [text, prefer] : wanted) {
    TermDefinition item;
    item.text = text;
    const auto& cands = found.at(text);
    // ORDER BY (report_id = prefer) DESC, plan_year DESC (NULL last), glossary_id
    auto better = [p = prefer](const Cand& a, const Cand& b) {
      if ((a.report_id == p) != (b.report_id == p)) return a.report_id == p;
      if (a.plan_year != b.plan_year)
        return a.plan_year.value_or(INT64_MIN) > b.plan_year.value_or(INT64_MIN);
      return a.glossary_id < b.glossary_id;
    };
    if (!cands.empty()) {
      const Cand& best = *std::min_element(cands.begin(), cands.end(), better);
      def->reset();
      def->bind(1, Cell{best.glossary_id});
      auto row = def->step();
      if (!row) return row.error();
      if (*row) {
        item.definition = opt_text(def->cell(0)).value_or("");
        item.region = opt_text(def->cell(1));
        item.plan_year = opt_int(def->cell(2));
        item.report_id = opt_int(def->cell(3));
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::string bare_term(const std::string& term) {
  std::string t = term;
  const std::string open = "“", close = "”";
  const auto a = t.find(open);
  const auto b = t.find(close);
  if (a != std::string::npos && b != std::string::npos && b > a) {
    return t.substr(a + open.size(), b - a - open.size());
  }
  t.erase(std::remove(t.begin(), t.end(), '"'), t.end());
  return t;
}

}  // namespace gwr::analysis
