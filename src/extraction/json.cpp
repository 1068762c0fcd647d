#include "extraction/json.h"

#include <optional>
#include <string>
#include <string_view>

#include "common/utf8.h"

namespace gwr::extraction {

namespace {

using nlohmann::json;

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// First / last 20 characters of the body's first / last line (the gold file's convention).
std::string body_edge(const Document& d, bool first) {
  const std::string body = d.original_of(d.body);
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

json span_json(const Document& d, Span s) {
  const Span r = d.raw(s);
  return json{{"start", r.begin}, {"end", r.end}};
}

json target_json(const Document& d, const facts::Target& t) {
  const Span r = d.raw(t.verbatim);
  json j{{"indicator", t.indicator},
         {"indicator_id", t.indicator_id.empty() ? json(nullptr) : json(t.indicator_id)},
         {"canonical", t.canonical},
         {"value", opt(t.value)},
         {"value_hi", opt(t.value_hi)},
         {"unit", opt(t.unit)},
         {"modifier", facts::modifier_name(t.modifier)},
         {"basis", facts::basis_name(t.basis)},
         {"aspiration", t.aspiration},
         {"verbatim", utf8::trim(d.original_of(t.verbatim))},
         {"start", r.begin},
         {"end", r.end}};
  j["reference"] = opt(t.reference);
  j["relative_modifier"] =
      t.relative_modifier ? json(facts::modifier_name(*t.relative_modifier)) : json(nullptr);
  j["stretch_value"] = opt(t.stretch_value);
  j["base_year"] = opt(t.base_year);
  if (t.horizon) j["horizon"] = *t.horizon;
  return j;
}

}  // namespace

json to_json(const Extraction& x, bool with_text) {
  const Document& d = x.doc;
  const Metadata& m = d.meta;
  json j;
  j["source"] = d.source;
  j["index_in_file"] = d.index_in_file;
  j["format"] = d.format;
  j["encoding"] = d.encoding;
  j["traditional"] = d.traditional;
  j["region"] = opt(m.region);
  j["region_code"] = opt(m.region_code);
  j["level"] = m.level == Level::kUnknown ? json(nullptr) : json(level_name(m.level));
  j["region_source"] = m.region_source == RegionSource::kNone
                           ? json(nullptr)
                           : json(region_source_name(m.region_source));
  j["province"] = opt(m.province);
  j["parent"] = opt(m.parent);
  j["delivered"] = opt(m.delivered);
  j["session"] = opt(m.session);
  j["speaker"] = opt(m.speaker);
  j["speaker_title"] = opt(m.speaker_title);
  j["acting"] = m.acting;
  j["review_year"] = opt(m.review_year);
  j["plan_year"] = opt(m.plan_year);
  j["published"] = opt(m.published);
  json pm = json::array();
  for (const auto& f : d.page_meta) {
    json o{{"key", f.key}, {"value", f.value}};
    o.update(span_json(d, f.span));
    pm.push_back(std::move(o));
  }
  j["page_meta"] = std::move(pm);
  const Span body = d.raw(d.body);
  j["body_start"] = body.begin;
  j["body_end"] = body.end;
  j["body_starts_with"] = body_edge(d, true);
  j["body_ends_with"] = body_edge(d, false);
  json secs = json::array();
  for (const auto& s : d.sections) {
    const Span e = d.raw(s.extent), h = d.raw(s.heading);
    secs.push_back({{"title", s.title},
                    {"level", s.level},
                    {"type", section_type_name(s.type)},
                    {"appended", s.appended},
                    {"start", e.begin},
                    {"end", e.end},
                    {"heading_start", h.begin},
                    {"heading_end", h.end}});
  }
  j["sections"] = std::move(secs);
  json tops = json::array();  // the gold's top_sections: level-1 headings of the speech itself
  for (const auto& s : d.sections) {
    if (s.level == 1 && !s.appended) tops.push_back(s.title);
  }
  j["top_sections"] = std::move(tops);
  j["paragraph_count"] = d.paragraphs.size();
  j["partial"] = d.partial;

  const auto& t = x.targets;
  j["targets_sentence"] =
      t.passage ? json(std::string(utf8::trim(d.original_of(*t.passage)))) : json(nullptr);
  j["targets_span"] = t.passage ? span_json(d, *t.passage) : json(nullptr);
  json ts = json::array();
  for (const auto& v : t.targets) ts.push_back(target_json(d, v));
  j["targets"] = std::move(ts);
  j["gdp_target"] = facts::gdp_status_name(t.gdp_status);
  json fs = json::array();
  for (const auto& v : t.fyp_targets) fs.push_back(target_json(d, v));
  j["fyp_targets"] = std::move(fs);
  j["fyp_horizon"] = opt(t.fyp_horizon);

  json fa = json::array();
  for (const auto& f : x.facts) {
    const Span r = d.raw(f.number), c = d.raw(f.clause);
    fa.push_back({{"indicator", f.indicator},
                  {"indicator_id", f.indicator_id},
                  {"measure", f.growth ? "growth" : "level"},
                  {"value", f.value},
                  {"value_hi", opt(f.value_hi)},
                  {"unit", f.unit},
                  {"comparator", f.comparator},
                  {"status", facts::status_name(f.status)},
                  {"period", facts::period_name(f.period)},
                  {"year", opt(f.year)},
                  {"scope", f.scope},
                  {"headline", f.headline},
                  {"linked", f.linked ? json(*f.linked) : json(nullptr)},
                  {"verbatim", utf8::trim(d.original_of(f.clause))},
                  {"start", r.begin},
                  {"end", r.end},
                  {"clause_start", c.begin},
                  {"clause_end", c.end}});
  }
  j["facts"] = std::move(fa);
  if (x.livelihood) {
    json items = json::array();
    for (const auto& it : x.livelihood->items) {
      json o{{"text", it.text}};
      o.update(span_json(d, it.span));
      items.push_back(std::move(o));
    }
    j["livelihood"] = {{"label", x.livelihood->label},
                       {"declared_count", opt(x.livelihood->declared_count)},
                       {"items", std::move(items)}};
  } else {
    j["livelihood"] = nullptr;
  }
  json gl = json::array();
  for (const auto& g : x.glossary) {
    json o{{"term", g.term}, {"definition", g.definition}};
    o.update(span_json(d, g.span));
    gl.push_back(std::move(o));
  }
  j["glossary"] = std::move(gl);
  json sl = json::array();
  for (const auto& s : x.slogans) sl.push_back({{"text", s.text}, {"count", s.count}});
  j["slogans"] = std::move(sl);
  json ws = json::array();
  for (const auto& w : d.warnings) {
    ws.push_back(
        {{"code", w.code},
         {"message", w.message},
         {"offset", w.raw_offset == Warning::kNoOffset ? json(nullptr) : json(w.raw_offset)}});
  }
  j["warnings"] = std::move(ws);
  if (with_text) j["text"] = d.original_of(d.body);
  return j;
}

}  // namespace gwr::extraction
