#include "server/reader.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/rows.h"
#include "store/sqlite.h"

namespace gwr::server {

namespace {

using analysis::Cell;
using nlohmann::json;

std::int64_t num(const json& v, std::int64_t fallback = -1) {
  return v.is_number_integer() ? v.get<std::int64_t>() : fallback;
}

// Nests sections by level; each keeps the ord of its first paragraph.
json section_tree(const json& sections, const json& paragraphs) {
  json roots = json::array();
  std::vector<json*> stack;  // pointers into roots' nested arrays; rebuilt as we go
  std::vector<std::int64_t> levels;
  for (const auto& s : sections) {
    json node = s;
    node["children"] = json::array();
    const std::int64_t start = num(s["start"]);
    node["paragraph"] = nullptr;
    for (const auto& p : paragraphs) {
      if (num(p["start"]) >= start) {
        node["paragraph"] = p["ord"];
        break;
      }
    }
    const std::int64_t lv = num(s["level"], 1);
    while (!levels.empty() && levels.back() >= lv) {
      levels.pop_back();
      stack.pop_back();
    }
    json& parent = stack.empty() ? roots : (*stack.back())["children"];
    parent.push_back(std::move(node));
    stack.push_back(&parent.back());
    levels.push_back(lv);
  }
  return roots;
}

struct Span {
  std::int64_t start, end;
};

bool inside(const Span& outer, std::int64_t at) { return at >= outer.start && at < outer.end; }

}  // namespace

std::vector<json> term_definitions(
    sqlite3* db, const std::vector<std::pair<std::string, std::int64_t>>& wanted) {
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
    store::Stmt s = unwrap(store::Stmt::prepare(
        db,
        "SELECT g.glossary_id, g.term, g.report_id, r.plan_year FROM glossary g"
        " JOIN reports r ON r.report_id = g.report_id"));
    while (unwrap(s.step())) {
      const Cand c{s.int64(0), s.int64(2), s.opt_int64(3)};
      const std::string term = s.text(1);
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
  store::Stmt def = unwrap(store::Stmt::prepare(
      db,
      "SELECT g.definition, r.region, r.plan_year, r.report_id FROM glossary g"
      " JOIN reports r ON r.report_id = g.report_id WHERE g.glossary_id = ?1"));
  std::vector<json> out;
  for (const auto& [text, prefer] : wanted) {
    json item = {{"text", text},
                 {"definition", nullptr},
                 {"region", nullptr},
                 {"plan_year", nullptr},
                 {"report_id", nullptr}};
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
      def.bind(1, best.glossary_id);
      if (unwrap(def.step())) {
        item["definition"] = def.text(0);
        item["region"] = def.is_null(1) ? json(nullptr) : json(def.text(1));
        item["plan_year"] = def.is_null(2) ? json(nullptr) : json(def.int64(2));
        item["report_id"] = def.int64(3);
      }
      def.reset();
    }
    out.push_back(std::move(item));
  }
  return out;
}

json term_definition(sqlite3* db, const std::string& text, std::int64_t prefer_report) {
  return term_definitions(db, {{text, prefer_report}}).front();
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

json reader_json(sqlite3* db, std::int64_t id, json meta) {
  const std::vector<Cell> arg = {Cell{id}};
  json sections =
      rows(db,
           "SELECT ord, title, level, type, appended, start_byte AS start, end_byte AS end"
           " FROM sections WHERE report_id = ?1 ORDER BY ord",
           arg);
  json paragraphs = rows(db,
                         "SELECT paragraph_id AS id, ord, section_type, section_title, text, "
                         "start_byte AS start, end_byte AS end"
                         " FROM paragraphs WHERE report_id = ?1 ORDER BY ord",
                         arg);
  json quantities = rows(
      db,
      "SELECT value, value_hi, unit, kind, comparator, text, start_byte AS start, end_byte AS end"
      " FROM quantities WHERE report_id = ?1 ORDER BY start_byte, quantity_id",
      arg);
  json facts =
      rows(db,
           "SELECT ord, indicator, indicator_id, measure, value, value_hi, unit, comparator, "
           "status, period, year,"
           " scope, headline, linked_ord AS linked, verbatim, start_byte AS start, end_byte AS end"
           " FROM facts WHERE report_id = ?1 ORDER BY ord",
           arg);
  json targets = rows(db,
                      "SELECT kind, horizon, year, indicator, indicator_id, canonical, value, "
                      "value_hi, unit, modifier, basis,"
                      " aspiration, reference, relative_modifier, stretch_value, base_year,"
                      " verbatim, start_byte AS start, end_byte AS end"
                      " FROM targets WHERE report_id = ?1 ORDER BY kind DESC, target_id",
                      arg);
  json livelihood =
      rows(db,
           "SELECT ord, label, declared_count, text, start_byte AS start, end_byte AS end"
           " FROM livelihood_items WHERE report_id = ?1 ORDER BY ord",
           arg);
  json glossary = rows(db,
                       "SELECT term, definition, start_byte AS start, end_byte AS end FROM "
                       "glossary WHERE report_id = ?1"
                       " ORDER BY glossary_id",
                       arg);
  json warnings = rows(
      db, "SELECT code, message, raw_offset AS offset FROM warnings WHERE report_id = ?1", arg);
  json slogans = rows(
      db, "SELECT text, count FROM slogans WHERE report_id = ?1 ORDER BY count DESC, text", arg);

  // Fact and target lookups by raw position.
  std::vector<std::pair<Span, std::int64_t>> fact_spans, target_spans;
  for (const auto& f : facts)
    fact_spans.push_back({{num(f["start"]), num(f["end"])}, num(f["ord"])});
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i]["kind"] == "plan_year") {
      target_spans.push_back(
          {{num(targets[i]["start"]), num(targets[i]["end"])}, static_cast<std::int64_t>(i)});
    }
  }
  std::map<std::int64_t, std::string> fact_status;
  for (const auto& f : facts) fact_status[num(f["ord"])] = f["status"].get<std::string>();

  // Split paragraphs into parts; quantities are consumed in raw order.
  std::size_t qi = 0;
  for (auto& p : paragraphs) {
    const std::string text = p["text"].get<std::string>();
    const Span ps{num(p["start"]), num(p["end"])};
    json parts = json::array();
    std::size_t cursor = 0;
    while (qi < quantities.size()) {
      const json& q = quantities[qi];
      const std::int64_t qs = num(q["start"]);
      if (qs < ps.start) {
        ++qi;
        continue;
      }  // before this paragraph: belongs nowhere shown
      if (!inside(ps, qs)) break;
      const std::string qt = q["text"].get<std::string>();
      const auto at = qt.empty() ? std::string::npos : text.find(qt, cursor);
      if (at == std::string::npos) {
        ++qi;
        continue;
      }
      if (at > cursor) parts.push_back({{"text", text.substr(cursor, at - cursor)}});
      json part = {
          {"text", qt}, {"q", qi}, {"fact", nullptr}, {"target", nullptr}, {"status", nullptr}};
      const Span qspan{qs, num(q["end"])};
      for (const auto& [fs, ord] : fact_spans) {
        if (fs.start < qspan.end && qspan.start < fs.end) {
          part["fact"] = ord;
          part["status"] = fact_status[ord];
          break;
        }
      }
      for (const auto& [ts, idx] : target_spans) {
        if (inside(ts, qs)) {
          part["target"] = idx;
          if (part["status"].is_null()) part["status"] = "target";
          break;
        }
      }
      parts.push_back(std::move(part));
      cursor = at + qt.size();
      ++qi;
    }
    if (cursor < text.size()) parts.push_back({{"text", text.substr(cursor)}});
    p["parts"] = std::move(parts);
    p.erase("text");
  }

  // Terms: slogans and own glossary terms, each with a definition from any report.
  std::vector<std::pair<std::string, std::int64_t>> wanted;
  auto add_term = [&](const std::string& t) {
    if (t.empty()) return;
    for (const auto& w : wanted)
      if (w.first == t) return;
    wanted.emplace_back(t, id);
  };
  for (const auto& s : slogans) add_term(s["text"].get<std::string>());
  for (const auto& g : glossary) add_term(bare_term(g["term"].get<std::string>()));
  json terms = json::array();
  for (auto& item : term_definitions(db, wanted)) terms.push_back(std::move(item));

  json plan = json::array(), fyp = json::array();
  for (auto& t : targets) (t["kind"] == "five_year" ? fyp : plan).push_back(t);

  meta["sections"] = section_tree(sections, paragraphs);
  meta["paragraphs"] = std::move(paragraphs);
  meta["quantities"] = std::move(quantities);
  meta["facts"] = std::move(facts);
  meta["targets"] = std::move(plan);
  meta["fyp_targets"] = std::move(fyp);
  meta["livelihood"] = std::move(livelihood);
  meta["glossary"] = std::move(glossary);
  meta["slogans"] = std::move(slogans);
  meta["terms"] = std::move(terms);
  meta["warnings"] = std::move(warnings);
  return meta;
}

}  // namespace gwr::server
