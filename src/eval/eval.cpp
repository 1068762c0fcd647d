#include "eval/eval.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json.h"
#include "common/utf8.h"
#include "eval/docx_render.h"
#include "extraction/json.h"

namespace gwr::eval {

namespace {

using nlohmann::json;

std::string show(const json& v) { return v.is_string() ? v.get<std::string>() : dump_json(v); }

// The member `key` of an object, or null when absent (const operator[] must not see a missing key).
json field(const json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  return it == o.end() ? json(nullptr) : *it;
}

bool same_number(const json& a, const json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (!a.is_number() || !b.is_number()) return false;
  return std::fabs(a.get<double>() - b.get<double>()) < 1e-6;
}

bool same_target(const json& g, const json& x) {
  if (!(g.value("canonical", "") == x.value("canonical", "") &&
        same_number(field(g, "value"), field(x, "value")) &&
        same_number(field(g, "value_hi"), field(x, "value_hi")) &&
        g.value("modifier", "") == x.value("modifier", ""))) {
    return false;
  }
  // Dev labels also say what a relative target is relative to and the stretch value.
  for (const char* key : {"reference", "relative_modifier"}) {
    if (g.contains(key) && field(g, key) != field(x, key)) return false;
  }
  return !g.contains("stretch_value") ||
         same_number(field(g, "stretch_value"), field(x, "stretch_value"));
}

std::string target_line(const json& t) {
  return fmt::format(
      "{} {} {} {} {} [{}]", t.value("canonical", "?"), show(field(t, "value")),
      show(field(t, "value_hi")), show(field(t, "unit")), t.value("modifier", "?"),
      field(t, "indicator").is_string() ? t.value("indicator", "") : t.value("verbatim_text", ""));
}

Counts match_targets(const json& gold, const json& got, const std::string& label,
                     std::vector<std::string>& misses, int* verbatim_ok = nullptr) {
  Counts c;
  std::vector<bool> used(got.size(), false);
  for (const auto& g : gold) {
    bool hit = false;
    for (std::size_t i = 0; i < got.size(); ++i) {
      if (!used[i] && same_target(g, got[i])) {
        used[i] = true;
        hit = true;
        if (verbatim_ok != nullptr && g.contains("verbatim_text") &&
            utf8::trim(got[i].value("verbatim", "")) == utf8::trim(g.value("verbatim_text", "")))
          ++*verbatim_ok;
        break;
      }
    }
    if (hit) {
      ++c.tp;
    } else {
      ++c.fn;
      misses.push_back(label + " missed: " + target_line(g));
    }
  }
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (!used[i]) {
      ++c.fp;
      misses.push_back(label + " extra:  " + target_line(got[i]));
    }
  }
  return c;
}

void add(Counts& a, const Counts& b) {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

std::string trim_item(const std::string& s) { return std::string(utf8::trim(s)); }

}  // namespace

Result<Report> evaluate(const std::filesystem::path& gold_path, const std::filesystem::path& corpus,
                        const pipeline::Resources& res) {
  std::ifstream in(gold_path);
  if (!in) return make_error(ErrorCode::kUnreadable, "cannot open gold file", gold_path.string());
  json gold;
  try {
    gold = json::parse(in);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInvalidData,
                      std::string("gold file is not valid JSON: ") + e.what(), gold_path.string());
  }
  if (!gold.is_array())
    return make_error(ErrorCode::kInvalidData, "gold file must hold a JSON array",
                      gold_path.string());

  std::map<std::string, std::vector<json>> extracted;  // per source file
  std::map<std::string, std::string> failures;
  Report rep;
  for (const auto& g : gold) {
    if (!g.is_object() || !g.contains("source_file")) {
      return make_error(ErrorCode::kInvalidData, "gold record without source_file",
                        gold_path.string());
    }
    const std::string file = g["source_file"].get<std::string>();
    if (!extracted.count(file) && !failures.count(file)) {
      auto r = pipeline::extract_file(corpus / file, res);
      if (!r) {
        failures[file] = r.error().describe();
        extracted[file] = {};
      } else {
        for (const auto& x : *r) extracted[file].push_back(extraction::to_json(x));
      }
    }
    RecordScore s;
    s.source_file = file;
    s.index_in_file = g.value("index_in_file", 0);
    s.region = g.value("region", "");
    const auto& docs = extracted[file];
    const json* d = nullptr;
    if (static_cast<std::size_t>(s.index_in_file) < docs.size() &&
        show(field(docs[s.index_in_file], "region")) == s.region) {
      d = &docs[s.index_in_file];
    } else {
      for (const auto& x : docs) {
        if (show(field(x, "region")) == s.region) d = &x;
      }
      if (d == nullptr && static_cast<std::size_t>(s.index_in_file) < docs.size())
        d = &docs[s.index_in_file];
    }
    json empty = json::object();
    const json& x = d != nullptr ? *d : empty;
    s.found = d != nullptr;
    for (const char* f : {"region", "level", "province", "parent", "delivered", "session",
                          "speaker", "speaker_title", "acting", "review_year", "plan_year"}) {
      if (!g.contains(f)) continue;
      ++s.meta_total;
      const json want = g[f];
      const json got = x.contains(f) ? x[f] : json(nullptr);
      if (want == got) {
        ++s.meta_ok;
      } else {
        s.meta_misses.push_back(fmt::format("{}: got {}, want {}", f, show(got), show(want)));
      }
    }
    s.body_start_ok = x.value("body_starts_with", "") == g.value("body_starts_with", "?");
    s.body_end_ok = x.value("body_ends_with", "") == g.value("body_ends_with", "?");
    const json tops = x.contains("top_sections") ? x["top_sections"] : json::array();
    s.sections_ok = g.contains("top_sections") && tops == field(g, "top_sections");
    if (!s.sections_ok && g.contains("top_sections")) {
      s.target_misses.push_back("sections: got " + dump_json(tops) + ", want " +
                                dump_json(field(g, "top_sections")));
    }
    s.targets = match_targets(g.value("targets", json::array()), x.value("targets", json::array()),
                              "target", s.target_misses);
    s.fyp = match_targets(g.value("fyp_targets", json::array()),
                          x.value("fyp_targets", json::array()), "fyp", s.target_misses);
    const json gl = g.value("livelihood", json(nullptr));
    const json xl = x.value("livelihood", json(nullptr));
    if (gl.is_object()) {
      std::vector<std::string> got_items;
      if (xl.is_object()) {
        for (const auto& it : field(xl, "items"))
          got_items.push_back(trim_item(it.value("text", "")));
      }
      for (const auto& it : field(gl, "items")) {
        ++s.livelihood_total;
        const std::string want = trim_item(it.get<std::string>());
        if (std::find(got_items.begin(), got_items.end(), want) != got_items.end()) {
          ++s.livelihood_found;
        } else {
          s.target_misses.push_back("livelihood missed: " + want);
        }
      }
      s.declared_ok = xl.is_object() && field(xl, "declared_count") == field(gl, "declared_count");
    } else {
      s.declared_ok = xl.is_null();
    }
    if (failures.count(file)) s.target_misses.push_back("extract failed: " + failures[file]);

    rep.meta_ok += s.meta_ok;
    rep.meta_total += s.meta_total;
    rep.body_ok += (s.body_start_ok ? 1 : 0) + (s.body_end_ok ? 1 : 0);
    rep.body_total += 2;
    rep.sections_ok += s.sections_ok ? 1 : 0;
    add(rep.targets, s.targets);
    add(rep.fyp, s.fyp);
    rep.livelihood_found += s.livelihood_found;
    rep.livelihood_total += s.livelihood_total;
    rep.declared_ok += s.declared_ok ? 1 : 0;
    rep.records.push_back(std::move(s));
  }
  return rep;
}

namespace {

// The slice [b, e) of `text` named by a label's [start, end) pair, or "" when out of range.
std::string slice(const std::string& text, const json& span) {
  if (!span.is_array() || span.size() != 2 || !span[0].is_number_unsigned() ||
      !span[1].is_number_unsigned())
    return "";
  const auto b = span[0].get<std::size_t>(), e = span[1].get<std::size_t>();
  return b <= e && e <= text.size() ? text.substr(b, e - b) : "";
}

std::string sha256_hex(std::string_view s) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), md.data(), &n, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < n; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

}  // namespace

Result<Report> evaluate_dev_labels(const std::filesystem::path& labels,
                                   const std::filesystem::path& corpus,
                                   const pipeline::Resources& res) {
  std::error_code ec;
  if (!std::filesystem::is_directory(labels, ec)) {
    return make_error(ErrorCode::kUnreadable, "labels folder not found", labels.string());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(labels, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Report rep;
  rep.dev_labels = true;
  for (const auto& path : files) {
    std::ifstream in(path);
    json g;
    try {
      g = json::parse(in);
    } catch (const std::exception& e) {
      return make_error(ErrorCode::kInvalidData,
                        std::string("label is not valid JSON: ") + e.what(), path.string());
    }
    if (!g.is_object() || !g.contains("file") || !g["file"].is_string()) {
      return make_error(ErrorCode::kInvalidData, "label without \"file\"", path.string());
    }
    RecordScore s;
    s.source_file = g["file"].get<std::string>();
    s.region = g.value("region", "");
    const std::filesystem::path doc_path = corpus / s.source_file;
    std::ifstream din(doc_path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(din)),
                            std::istreambuf_iterator<char>());
    auto rendering = render_docx_wt1(bytes, doc_path.string());
    json x = json::object();
    if (!rendering) {
      s.target_misses.push_back("cannot render: " + rendering.error().describe());
    } else if (sha256_hex(*rendering) != g.value("rendering_sha256", "")) {
      s.target_misses.push_back("rendering differs from the one the label was made on");
    } else {
      auto r = pipeline::extract_bytes(bytes, doc_path.string(), res);
      if (!r) {
        s.target_misses.push_back("extract failed: " + r.error().describe());
      } else if (!r->empty()) {
        x = extraction::to_json(r->front());
        s.found = true;
        if (r->size() != 1) s.target_misses.push_back(fmt::format("{} reports, want 1", r->size()));
      }
      for (auto& t : g["targets"]) t["verbatim_text"] = slice(*rendering, t["verbatim"]);
    }
    for (const char* f :
         {"region", "level", "province", "parent", "delivered", "session", "speaker",
          "speaker_title", "acting", "review_year", "plan_year", "gdp_target"}) {
      ++s.meta_total;
      const json want = field(g, f);
      const json got = field(x, f);
      if (want == got) {
        ++s.meta_ok;
      } else {
        s.meta_misses.push_back(fmt::format("{}: got {}, want {}", f, show(got), show(want)));
      }
    }
    s.targets = match_targets(g.value("targets", json::array()), x.value("targets", json::array()),
                              "target", s.target_misses, &s.verbatim_ok);
    rep.meta_ok += s.meta_ok;
    rep.meta_total += s.meta_total;
    add(rep.targets, s.targets);
    rep.verbatim_ok += s.verbatim_ok;
    rep.records.push_back(std::move(s));
  }
  return rep;
}

std::string format(const Report& r, bool verbose) {
  if (r.dev_labels) {
    std::ostringstream o;
    o << fmt::format("{:<24} {:>7} {:>9} {:>9}\n", "label", "meta", "targets", "verbatim");
    for (const auto& s : r.records) {
      o << fmt::format("{:<24} {:>7} {:>9} {:>9}\n", s.source_file,
                       fmt::format("{}/{}", s.meta_ok, s.meta_total),
                       fmt::format("{}/{}/{}", s.targets.tp, s.targets.fp, s.targets.fn),
                       fmt::format("{}/{}", s.verbatim_ok, s.targets.tp));
      if (verbose) {
        for (const auto& m : s.meta_misses) o << "    meta " << m << "\n";
        for (const auto& m : s.target_misses) o << "    " << m << "\n";
      }
    }
    o << "(targets: true positives/false positives/false negatives; verbatim: matched targets "
         "whose verbatim is the labelled text)\n";
    o << fmt::format("metadata: {}/{} fields ({:.1f}%)\n", r.meta_ok, r.meta_total,
                     r.meta_total ? 100.0 * r.meta_ok / r.meta_total : 100.0);
    o << fmt::format("verbatim: {}/{} matched targets\n", r.verbatim_ok, r.targets.tp);
    o << fmt::format("targets: P={:.3f} R={:.3f} F1={:.3f}\n", r.targets.precision(),
                     r.targets.recall(), r.targets.f1());
    return o.str();
  }
  std::ostringstream o;
  o << fmt::format("{:<28} {:>7} {:>5} {:>5} {:>9} {:>9} {:>9}\n", "report", "meta", "body", "secs",
                   "targets", "fyp", "livelih.");
  for (const auto& s : r.records) {
    const std::string name =
        fmt::format("{}#{} {}", s.source_file.substr(0, 3), s.index_in_file, s.region);
    o << fmt::format("{:<28} {:>7} {:>5} {:>5} {:>9} {:>9} {:>9}\n", name,
                     fmt::format("{}/{}", s.meta_ok, s.meta_total),
                     fmt::format("{}/2", (s.body_start_ok ? 1 : 0) + (s.body_end_ok ? 1 : 0)),
                     s.sections_ok ? "ok" : "MISS",
                     fmt::format("{}/{}/{}", s.targets.tp, s.targets.fp, s.targets.fn),
                     fmt::format("{}/{}/{}", s.fyp.tp, s.fyp.fp, s.fyp.fn),
                     fmt::format("{}/{}", s.livelihood_found, s.livelihood_total));
    if (verbose) {
      for (const auto& m : s.meta_misses) o << "    meta " << m << "\n";
      for (const auto& m : s.target_misses) o << "    " << m << "\n";
    }
  }
  o << "(targets and fyp columns: true positives/false positives/false negatives)\n";
  o << fmt::format("metadata: {}/{} fields ({:.1f}%)\n", r.meta_ok, r.meta_total,
                   r.meta_total ? 100.0 * r.meta_ok / r.meta_total : 100.0);
  o << fmt::format("body boundaries: {}/{}\n", r.body_ok, r.body_total);
  o << fmt::format("top sections: {}/{} reports exact\n", r.sections_ok, r.records.size());
  o << fmt::format("livelihood: items {}/{} (recall {:.3f}), declared counts {}/{}\n",
                   r.livelihood_found, r.livelihood_total,
                   r.livelihood_total ? double(r.livelihood_found) / r.livelihood_total : 1.0,
                   r.declared_ok, r.records.size());
  o << fmt::format("fyp_targets: P={:.3f} R={:.3f} F1={:.3f}\n", r.fyp.precision(), r.fyp.recall(),
                   r.fyp.f1());
  o << fmt::format("targets: P={:.3f} R={:.3f} F1={:.3f}\n", r.targets.precision(),
                   r.targets.recall(), r.targets.f1());
  return o.str();
}

}  // namespace gwr::eval
