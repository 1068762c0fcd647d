#include "server/reader.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/output.h"
#include "server/api.h"

namespace gwr::server {

namespace {

using analysis::row_json;
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

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

json term_json(const analysis::TermDefinition& d) {
  return {{"text", d.text},
          {"definition", opt(d.definition)},
          {"region", opt(d.region)},
          {"plan_year", opt(d.plan_year)},
          {"report_id", opt(d.report_id)}};
}

namespace {

// The facts and plan-year targets a quantity of the reader can belong to, by raw position.
struct Marks {
  std::vector<std::pair<Span, std::int64_t>> facts;    // span, fact ord
  std::vector<std::pair<Span, std::int64_t>> targets;  // span, index among the targets
  std::map<std::int64_t, std::string> fact_status;     // fact ord -> status
};

Marks marks_of(const json& facts, const json& targets) {
  Marks m;
  for (const auto& f : facts) {
    m.facts.push_back({{num(f["start"]), num(f["end"])}, num(f["ord"])});
    m.fact_status[num(f["ord"])] = f["status"].get<std::string>();
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i]["kind"] == "plan_year") {
      m.targets.push_back(
          {{num(targets[i]["start"]), num(targets[i]["end"])}, static_cast<std::int64_t>(i)});
    }
  }
  return m;
}

// One marked quantity of the reader: its text, its index, the fact and target it belongs to.
json quantity_part(const std::string& text, std::size_t qi, Span q, const Marks& marks) {
  json part = {
      {"text", text}, {"q", qi}, {"fact", nullptr}, {"target", nullptr}, {"status", nullptr}};
  for (const auto& [fs, ord] : marks.facts) {
    if (fs.start < q.end && q.start < fs.end) {
      part["fact"] = ord;
      part["status"] = marks.fact_status.at(ord);
      break;
    }
  }
  for (const auto& [ts, idx] : marks.targets) {
    if (inside(ts, q.start)) {
      part["target"] = idx;
      if (part["status"].is_null()) part["status"] = "target";
      break;
    }
  }
  return part;
}

// The paragraph's text cut into plain runs and marked quantities. Quantities are consumed in raw
// order: `qi` moves past those before and inside this paragraph.
json paragraph_parts(const std::string& text, Span ps, const json& quantities, std::size_t& qi,
                     const Marks& marks) {
  json parts = json::array();
  std::size_t cursor = 0;
  while (qi < quantities.size()) {
    const json& q = quantities[qi];
    const std::int64_t qs = num(q["start"]);
    if (qs < ps.start) {  // before this paragraph: belongs nowhere shown
      ++qi;
      continue;
    }
    if (!inside(ps, qs)) break;
    const std::string qt = q["text"].get<std::string>();
    const auto at = qt.empty() ? std::string::npos : text.find(qt, cursor);
    if (at == std::string::npos) {
      ++qi;
      continue;
    }
    if (at > cursor) parts.push_back({{"text", text.substr(cursor, at - cursor)}});
    parts.push_back(quantity_part(qt, qi, Span{qs, num(q["end"])}, marks));
    cursor = at + qt.size();
    ++qi;
  }
  if (cursor < text.size()) parts.push_back({{"text", text.substr(cursor)}});
  return parts;
}

}  // namespace

json reader_json(const analysis::ReportView& view) {
  json meta = row_json(view.report, 0);
  json sections = rows_json(view.sections);
  json paragraphs = rows_json(view.paragraphs);
  json quantities = rows_json(view.quantities);
  json facts = rows_json(view.facts);
  json targets = rows_json(view.targets);

  const Marks marks = marks_of(facts, targets);
  std::size_t qi = 0;
  for (auto& p : paragraphs) {
    const Span ps{num(p["start"]), num(p["end"])};
    p["parts"] = paragraph_parts(p["text"].get<std::string>(), ps, quantities, qi, marks);
    p.erase("text");
  }

  json terms = json::array();
  for (const auto& d : view.terms) terms.push_back(term_json(d));
  json plan = json::array(), fyp = json::array();
  for (auto& t : targets) (t["kind"] == "five_year" ? fyp : plan).push_back(t);

  meta["sections"] = section_tree(sections, paragraphs);
  meta["paragraphs"] = std::move(paragraphs);
  meta["quantities"] = std::move(quantities);
  meta["facts"] = std::move(facts);
  meta["targets"] = std::move(plan);
  meta["fyp_targets"] = std::move(fyp);
  meta["livelihood"] = rows_json(view.livelihood);
  meta["glossary"] = rows_json(view.glossary);
  meta["slogans"] = rows_json(view.slogans);
  meta["terms"] = std::move(terms);
  meta["warnings"] = rows_json(view.warnings);
  meta["versions"] = rows_json(view.versions);
  return meta;
}

}  // namespace gwr::server
