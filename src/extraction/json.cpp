// The JSON object is a rendering of the rows (extraction/rows.h): every value that has a column
// is read from its row, so the JSON shows what the store holds. The fields without a column are
// taken from the extraction here, each in the phase of the object it belongs to: page chrome,
// the body's first and last characters, heading spans, top-level titles, the paragraph count,
// the targets passage span, the plan's horizon, clause spans of facts and the livelihood list's
// own label and count (a list whose items were not found has no rows).
#include "extraction/json.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "extraction/rows.h"

namespace gwr::extraction {

namespace {

using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json span_json(const Document& d, Span s) {
  const Span r = d.raw(s);
  return json{{"start", r.begin}, {"end", r.end}};
}

// First / last 20 characters of the body's first / last line (the gold file's convention).
std::string body_edge(std::string_view body, bool first) {
  std::string_view s = utf8::trim(body);
  std::string_view line;
  if (first) {
    line = s.substr(0, s.find('\n'));
  } else {
    const std::size_t nl = s.rfind('\n');
    line = nl == std::string_view::npos ? s : s.substr(nl + 1);
  }
  line = utf8::trim(line);
  std::u32string u = utf8::to_u32(line);
  if (u.size() > 20) u = first ? u.substr(0, 20) : u.substr(u.size() - 20);
  return utf8::from_u32(u);
}

// The report's own fields: metadata, where the body is, and whether it is whole.
void report_fields(json& j, const Extraction& x, const ReportRow& r) {
  const Document& d = x.doc;
  j["source"] = r.source;
  j["index_in_file"] = r.index_in_file;
  j["format"] = r.format;
  j["encoding"] = r.encoding;
  j["traditional"] = r.traditional;
  j["region"] = opt(r.region);
  j["region_code"] = opt(r.region_code);
  j["level"] = opt(r.level);
  j["region_source"] = opt(r.region_source);
  j["province"] = opt(r.province);
  j["parent"] = opt(r.parent);
  j["delivered"] = opt(r.delivered);
  j["session"] = opt(r.session);
  j["speaker"] = opt(r.speaker);
  j["speaker_title"] = opt(r.speaker_title);
  j["acting"] = r.acting;
  j["review_year"] = opt(r.review_year);
  j["plan_year"] = opt(r.plan_year);
  j["published"] = opt(r.published);
  json pm = json::array();
  for (const auto& f : d.page_meta) {
    json o{{"key", f.key}, {"value", f.value}};
    o.update(span_json(d, f.span));
    pm.push_back(std::move(o));
  }
  j["page_meta"] = std::move(pm);
  j["body_start"] = r.body_start;
  j["body_end"] = r.body_end;
  j["body_starts_with"] = body_edge(r.body_text, true);
  j["body_ends_with"] = body_edge(r.body_text, false);
  j["paragraph_count"] = d.paragraphs.size();
  j["partial"] = r.partial;
}

// Sections with their heading spans, and the gold's top_sections: the level-1 headings of the
// speech itself.
void section_fields(json& j, const Document& d) {
  const std::vector<SectionRow> rows = section_rows(d);
  json secs = json::array();
  json tops = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const SectionRow& s = rows[i];
    const Span h = d.raw(d.sections[i].heading);
    secs.push_back({{"title", s.title},
                    {"level", s.level},
                    {"type", s.type},
                    {"appended", s.appended},
                    {"start", s.start_byte},
                    {"end", s.end_byte},
                    {"heading_start", h.begin},
                    {"heading_end", h.end}});
    if (s.level == 1 && !s.appended) tops.push_back(s.title);
  }
  j["sections"] = std::move(secs);
  j["top_sections"] = std::move(tops);
}

json target_json(const TargetRow& t) {
  json j{{"indicator", t.indicator},
         {"indicator_id", opt(t.indicator_id)},
         {"canonical", t.canonical},
         {"value", opt(t.value)},
         {"value_hi", opt(t.value_hi)},
         {"unit", opt(t.unit)},
         {"modifier", t.modifier},
         {"basis", t.basis},
         {"aspiration", t.aspiration},
         {"verbatim", t.verbatim},
         {"start", t.start_byte},
         {"end", t.end_byte},
         {"reference", opt(t.reference)},
         {"relative_modifier", opt(t.relative_modifier)},
         {"stretch_value", opt(t.stretch_value)},
         {"base_year", opt(t.base_year)}};
  if (t.horizon) j["horizon"] = *t.horizon;  // five-year targets (schema: int, never null)
  return j;
}

// The targets passage, its targets split by kind as the rows hold them, and the plan's horizon.
void target_fields(json& j, const Extraction& x, const ReportRow& r) {
  const facts::Targets& t = x.targets;
  j["targets_sentence"] = opt(r.targets_sentence);
  j["targets_span"] = t.passage ? span_json(x.doc, *t.passage) : json(nullptr);
  json plan = json::array();
  json fyp = json::array();
  for (const TargetRow& row : target_rows(x)) {
    (row.kind == "five_year" ? fyp : plan).push_back(target_json(row));
  }
  j["targets"] = std::move(plan);
  j["gdp_target"] = r.gdp_target;
  j["fyp_targets"] = std::move(fyp);
  j["fyp_horizon"] = opt(t.fyp_horizon);
}

void fact_fields(json& j, const Extraction& x) {
  const std::vector<FactRow> rows = fact_rows(x);
  json fa = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const FactRow& f = rows[i];
    const Span c = x.doc.raw(x.facts[i].clause);
    fa.push_back({{"indicator", f.indicator},
                  {"indicator_id", f.indicator_id},
                  {"measure", f.measure},
                  {"value", f.value},
                  {"value_hi", opt(f.value_hi)},
                  {"unit", f.unit},
                  {"comparator", opt(f.comparator)},
                  {"status", f.status},
                  {"period", f.period},
                  {"year", opt(f.year)},
                  {"scope", f.scope},
                  {"headline", f.headline},
                  {"linked", opt(f.linked_ord)},
                  {"verbatim", f.verbatim},
                  {"start", f.start_byte},
                  {"end", f.end_byte},
                  {"clause_start", c.begin},
                  {"clause_end", c.end}});
  }
  j["facts"] = std::move(fa);
}

// The livelihood list, the glossary, the slogans and the warnings.
void list_fields(json& j, const Extraction& x) {
  if (x.livelihood) {
    json items = json::array();
    for (const LivelihoodRow& it : livelihood_rows(x)) {
      items.push_back({{"text", it.text}, {"start", it.start_byte}, {"end", it.end_byte}});
    }
    j["livelihood"] = {{"label", x.livelihood->label},
                       {"declared_count", opt(x.livelihood->declared_count)},
                       {"items", std::move(items)}};
  } else {
    j["livelihood"] = nullptr;
  }
  json gl = json::array();
  for (const GlossaryRow& g : glossary_rows(x)) {
    gl.push_back({{"term", g.term},
                  {"definition", g.definition},
                  {"start", g.start_byte},
                  {"end", g.end_byte}});
  }
  j["glossary"] = std::move(gl);
  json sl = json::array();
  for (const SloganRow& s : slogan_rows(x)) sl.push_back({{"text", s.text}, {"count", s.count}});
  j["slogans"] = std::move(sl);
  json ws = json::array();
  for (const WarningRow& w : warning_rows(x.doc)) {
    ws.push_back({{"code", w.code}, {"message", w.message}, {"offset", opt(w.raw_offset)}});
  }
  j["warnings"] = std::move(ws);
}

}  // namespace

json to_json(const Extraction& x, bool with_text) {
  const ReportRow r = report_row(x);
  json j = json::object();
  report_fields(j, x, r);
  section_fields(j, x.doc);
  target_fields(j, x, r);
  fact_fields(j, x);
  list_fields(j, x);
  if (with_text) j["text"] = r.body_text;
  return j;
}

}  // namespace gwr::extraction
