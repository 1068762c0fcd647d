#include "extraction/rows.h"

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

#include "common/utf8.h"

namespace gwr::extraction {

namespace {

using nlohmann::json;

std::int64_t i64(std::size_t v) { return static_cast<std::int64_t>(v); }

OptText nonempty(const std::string& s) { return s.empty() ? std::nullopt : OptText(s); }

template <class T>
OptInt opt_int(const std::optional<T>& v) {
  return v ? OptInt(static_cast<std::int64_t>(*v)) : std::nullopt;
}

std::string trimmed(const Document& d, Span s) { return std::string(utf8::trim(d.original_of(s))); }

TargetRow target_row(const Extraction& x, const facts::Target& t, bool five_year) {
  const Document& d = x.doc;
  const Span raw = d.raw(t.verbatim);
  const std::optional<int> horizon =
      five_year ? (t.horizon ? t.horizon : x.targets.fyp_horizon) : std::nullopt;
  TargetRow r;
  r.kind = five_year ? "five_year" : "plan_year";
  r.horizon = opt_int(horizon);
  r.year = opt_int(five_year ? horizon : d.meta.plan_year);
  r.indicator = t.indicator;
  r.indicator_id = nonempty(t.indicator_id);
  r.canonical = t.canonical;
  r.value = t.value;
  r.value_hi = t.value_hi;
  r.unit = t.unit;
  r.modifier = facts::modifier_name(t.modifier);
  r.basis = facts::basis_name(t.basis);
  r.aspiration = t.aspiration;
  r.reference = t.reference;
  if (t.relative_modifier) r.relative_modifier = facts::modifier_name(*t.relative_modifier);
  r.stretch_value = t.stretch_value;
  r.base_year = opt_int(t.base_year);
  r.verbatim = trimmed(d, t.verbatim);
  r.start_byte = i64(raw.begin);
  r.end_byte = i64(raw.end);
  return r;
}

// --- JSON, one column at a time ---------------------------------------------------------------

json enc(const std::string& v) { return v; }
json enc(std::int64_t v) { return v; }
json enc(bool v) { return v; }
json enc(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}
template <class T>
json enc(const std::optional<T>& v) {
  return v ? enc(*v) : json(nullptr);
}

// Each returns what was expected when `j` does not hold it, or nullptr.
const char* dec(const json& j, std::string& out) {
  if (!j.is_string()) return "a string";
  out = j.get<std::string>();
  return nullptr;
}
const char* dec(const json& j, std::int64_t& out) {
  if (j.is_number_unsigned()) {
    if (j.get<std::uint64_t>() >
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return "an integer below 2^63";
    out = static_cast<std::int64_t>(j.get<std::uint64_t>());
    return nullptr;
  }
  if (!j.is_number_integer()) return "an integer";
  out = j.get<std::int64_t>();
  return nullptr;
}
const char* dec(const json& j, bool& out) {
  if (!j.is_boolean()) return "true or false";
  out = j.get<bool>();
  return nullptr;
}
const char* dec(const json& j, double& out) {
  if (j.is_number()) {
    out = j.get<double>();
    return nullptr;
  }
  if (j.is_string()) {
    const auto& s = j.get_ref<const std::string&>();
    if (s == "nan")
      out = std::numeric_limits<double>::quiet_NaN();
    else if (s == "inf")
      out = std::numeric_limits<double>::infinity();
    else if (s == "-inf")
      out = -std::numeric_limits<double>::infinity();
    else
      return "a number";
    return nullptr;
  }
  return "a number";
}
template <class T>
const char* dec(const json& j, std::optional<T>& out) {
  if (j.is_null()) {
    out.reset();
    return nullptr;
  }
  T v{};
  if (const char* want = dec(j, v)) return want;
  out = std::move(v);
  return nullptr;
}

template <class Row>
json row_json(const Row& row) {
  json a = json::array();
  std::apply([&a](const auto&... v) { (a.push_back(enc(v)), ...); }, Row::tie(row));
  return a;
}

template <class Row>
json table_json(const std::vector<Row>& rows) {
  json a = json::array();
  for (const Row& r : rows) a.push_back(row_json(r));
  return a;
}

template <class Row>
Status row_from(const json& j, Row& row, const std::string& where) {
  constexpr std::size_t n = Row::kColumns.size();
  static_assert(std::tuple_size_v<decltype(Row::tie(row))> == n);
  if (!j.is_array() || j.size() != n) {
    return make_error(ErrorCode::kInvalidData,
                      where + ": expected an array of " + std::to_string(n) + " columns");
  }
  std::size_t i = 0;
  const char* want = nullptr;
  std::apply(
      [&](auto&... v) {
        const auto step = [&](auto& column) {
          if (want != nullptr) return;
          want = dec(j[i], column);
          if (want == nullptr) ++i;
        };
        (step(v), ...);
      },
      Row::tie(row));
  if (want) {
    return make_error(ErrorCode::kInvalidData,
                      where + ": column " + Row::kColumns[i] + " must be " + want);
  }
  return Ok{};
}

template <class Row>
Status table_from(const json& j, const char* name, std::vector<Row>& out) {
  const std::string where = std::string("rows.") + name;
  if (!j.contains(name)) return make_error(ErrorCode::kInvalidData, where + " is missing");
  const json& a = j[name];
  if (!a.is_array()) return make_error(ErrorCode::kInvalidData, where + " must be an array");
  out.resize(a.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (auto s = row_from(a[k], out[k], where + "[" + std::to_string(k) + "]"); !s) return s;
  }
  return Ok{};
}

}  // namespace

ReportRow report_row(const Extraction& x) {
  const Document& d = x.doc;
  const Metadata& m = d.meta;
  ReportRow r;
  const Span braw = d.raw(d.body);
  r.source = d.source;
  r.index_in_file = d.index_in_file;
  r.format = d.format;
  r.encoding = d.encoding;
  r.traditional = d.traditional;
  r.region = m.region;
  if (m.region_source != RegionSource::kNone) r.region_source = region_source_name(m.region_source);
  r.region_code = m.region_code;
  if (m.level != Level::kUnknown) r.level = level_name(m.level);
  r.province = m.province;
  r.parent = m.parent;
  r.delivered = m.delivered;
  r.session = m.session;
  r.speaker = m.speaker;
  r.speaker_title = m.speaker_title;
  r.acting = m.acting;
  r.review_year = opt_int(m.review_year);
  r.plan_year = opt_int(m.plan_year);
  r.published = m.published;
  r.partial = d.partial;
  r.gdp_target = facts::gdp_status_name(x.targets.gdp_status);
  if (x.targets.passage) r.targets_sentence = trimmed(d, *x.targets.passage);
  r.body_start = i64(braw.begin);
  r.body_end = i64(braw.end);
  r.body_text = d.original_of(d.body);
  return r;
}

std::vector<SectionRow> section_rows(const Document& d) {
  std::vector<SectionRow> out;
  out.reserve(d.sections.size());
  for (std::size_t i = 0; i < d.sections.size(); ++i) {
    const Section& s = d.sections[i];
    const Span e = d.raw(s.extent);
    out.push_back(SectionRow{i64(i), s.title, s.level, section_type_name(s.type), s.appended,
                             i64(e.begin), i64(e.end)});
  }
  return out;
}

// Paragraphs carry the type and title of the top-level section holding them.
std::vector<ParagraphRow> paragraph_rows(const Document& d) {
  auto top_section = [&](std::size_t pos) -> const Section* {
    const Section* top = nullptr;
    for (const Section& s : d.sections) {
      if (s.level == 1 && s.extent.begin <= pos && pos < s.extent.end) top = &s;
    }
    return top;
  };
  std::vector<ParagraphRow> out;
  out.reserve(d.paragraphs.size());
  for (std::size_t i = 0; i < d.paragraphs.size(); ++i) {
    const Span p = d.paragraphs[i].span;
    const Section* top = top_section(p.begin);
    const Span raw = d.raw(p);
    const std::string_view simplified = d.text_of(p);
    ParagraphRow row;
    row.ord = i64(i);
    if (top) {
      row.section_type = section_type_name(top->type);
      row.section_title = top->title;
    }
    row.text = d.original_of(p);
    if (simplified != row.text) row.text_simplified = std::string(simplified);
    row.start_byte = i64(raw.begin);
    row.end_byte = i64(raw.end);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<TargetRow> target_rows(const Extraction& x) {
  std::vector<TargetRow> out;
  out.reserve(x.targets.targets.size() + x.targets.fyp_targets.size());
  for (const auto& t : x.targets.targets) out.push_back(target_row(x, t, false));
  for (const auto& t : x.targets.fyp_targets) out.push_back(target_row(x, t, true));
  return out;
}

std::vector<FactRow> fact_rows(const Extraction& x) {
  const Document& d = x.doc;
  std::vector<FactRow> out;
  out.reserve(x.facts.size());
  for (std::size_t i = 0; i < x.facts.size(); ++i) {
    const facts::Fact& f = x.facts[i];
    const Span raw = d.raw(f.number);
    FactRow row;
    row.ord = i64(i);
    row.indicator = f.indicator;
    row.indicator_id = f.indicator_id;
    row.measure = f.growth ? "growth" : "level";
    row.value = f.value;
    row.value_hi = f.value_hi;
    row.unit = f.unit;
    row.comparator = nonempty(f.comparator);
    row.status = facts::status_name(f.status);
    row.period = facts::period_name(f.period);
    row.year = opt_int(f.year);
    row.scope = f.scope;
    row.headline = f.headline;
    row.linked_ord = opt_int(f.linked);
    row.verbatim = trimmed(d, f.clause);
    row.start_byte = i64(raw.begin);
    row.end_byte = i64(raw.end);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<QuantityRow> quantity_rows(const Extraction& x) {
  const Document& d = x.doc;
  std::vector<QuantityRow> out;
  out.reserve(x.quantities.size());
  for (const quantity::Mention& mention : x.quantities) {
    if (!mention.quantity) continue;
    const quantity::Quantity& q = *mention.quantity;
    const Span raw = d.raw(mention.span);
    out.push_back(QuantityRow{q.value, q.value_hi, q.unit, q.base_value, q.base_unit,
                              quantity::kind_name(q.kind), quantity::comparator_name(q.comparator),
                              d.original_of(mention.span), i64(raw.begin), i64(raw.end)});
  }
  return out;
}

std::vector<LivelihoodRow> livelihood_rows(const Extraction& x) {
  std::vector<LivelihoodRow> out;
  if (!x.livelihood) return out;
  const facts::Livelihood& l = *x.livelihood;
  out.reserve(l.items.size());
  for (std::size_t i = 0; i < l.items.size(); ++i) {
    const Span raw = x.doc.raw(l.items[i].span);
    out.push_back(LivelihoodRow{i64(i), l.label, opt_int(l.declared_count), l.items[i].text,
                                i64(raw.begin), i64(raw.end)});
  }
  return out;
}

std::vector<GlossaryRow> glossary_rows(const Extraction& x) {
  std::vector<GlossaryRow> out;
  out.reserve(x.glossary.size());
  for (const auto& g : x.glossary) {
    const Span raw = x.doc.raw(g.span);
    out.push_back(GlossaryRow{g.term, g.definition, i64(raw.begin), i64(raw.end)});
  }
  return out;
}

std::vector<SloganRow> slogan_rows(const Extraction& x) {
  std::vector<SloganRow> out;
  out.reserve(x.slogans.size());
  for (const auto& s : x.slogans) out.push_back(SloganRow{s.text, s.count});
  return out;
}

std::vector<WarningRow> warning_rows(const Document& d) {
  std::vector<WarningRow> out;
  out.reserve(d.warnings.size());
  for (const auto& w : d.warnings) {
    out.push_back(
        WarningRow{w.code, w.message,
                   w.raw_offset == Warning::kNoOffset ? std::nullopt : OptInt(i64(w.raw_offset))});
  }
  return out;
}

ReportRows rows_of(const Extraction& x) {
  ReportRows out;
  out.report = report_row(x);
  out.sections = section_rows(x.doc);
  out.paragraphs = paragraph_rows(x.doc);
  out.targets = target_rows(x);
  out.facts = fact_rows(x);
  out.quantities = quantity_rows(x);
  out.livelihood_items = livelihood_rows(x);
  out.glossary = glossary_rows(x);
  out.slogans = slogan_rows(x);
  out.warnings = warning_rows(x.doc);
  return out;
}

json rows_json(const ReportRows& r) {
  json j = json::object();
  j["report"] = row_json(r.report);
  j["sections"] = table_json(r.sections);
  j["paragraphs"] = table_json(r.paragraphs);
  j["targets"] = table_json(r.targets);
  j["facts"] = table_json(r.facts);
  j["quantities"] = table_json(r.quantities);
  j["livelihood_items"] = table_json(r.livelihood_items);
  j["glossary"] = table_json(r.glossary);
  j["slogans"] = table_json(r.slogans);
  j["warnings"] = table_json(r.warnings);
  return j;
}

Result<ReportRows> rows_from_json(const json& j) {
  if (!j.is_object()) return make_error(ErrorCode::kInvalidData, "rows must be a JSON object");
  ReportRows r;
  if (!j.contains("report")) return make_error(ErrorCode::kInvalidData, "rows.report is missing");
  if (auto s = row_from(j["report"], r.report, "rows.report"); !s) return s.error();
  Status s = table_from(j, "sections", r.sections);
  if (s) s = table_from(j, "paragraphs", r.paragraphs);
  if (s) s = table_from(j, "targets", r.targets);
  if (s) s = table_from(j, "facts", r.facts);
  if (s) s = table_from(j, "quantities", r.quantities);
  if (s) s = table_from(j, "livelihood_items", r.livelihood_items);
  if (s) s = table_from(j, "glossary", r.glossary);
  if (s) s = table_from(j, "slogans", r.slogans);
  if (s) s = table_from(j, "warnings", r.warnings);
  if (!s) return s.error();
  return r;
}

}  // namespace gwr::extraction
