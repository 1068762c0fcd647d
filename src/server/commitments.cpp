#include "server/commitments.h"

#include <algorithm>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/rows.h"
#include "text/text.h"

namespace gwr::server {

namespace {

using analysis::Cell;
using nlohmann::json;

const char* const kDoneWords[] = {"完成", "建成", "实现", "落实", "投用", "投入使用", "开通", "竣工",
                                  "通车", "开园", "开业", "交付", "新增", "达到", "兑现", "办结"};
const char* const kProgressWords[] = {"推进", "开工", "启动", "在建", "加快", "实施", "有序", "持续"};

bool has_any(const std::string& s, const char* const* words, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (s.find(words[i]) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t best = std::string::npos, len = 0;
    for (const char* stop : {"。", "；", ";", "！", "!"}) {
      const auto at = text.find(stop, from);
      if (at < best) { best = at; len = std::string(stop).size(); }
    }
    if (best == std::string::npos) { out.push_back(text.substr(from)); break; }
    out.push_back(text.substr(from, best + len - from));
    from = best + len;
  }
  return out;
}

json report_ref(const json& r) {
  if (r.is_null()) return nullptr;
  return {{"id", r["id"]}, {"region", r["region"]}, {"plan_year", r["plan_year"]}};
}

}  // namespace

json commitments_json(sqlite3* db, const analysis::Segmenter& seg, std::int64_t report_id) {
  json self = first_row(db, "SELECT report_id AS id, region, plan_year FROM reports WHERE report_id = ?1",
                        {Cell{report_id}});
  if (self.is_null()) not_found("no report with id " + std::to_string(report_id));
  json items = rows(db,
      "SELECT ord, label, declared_count, text FROM livelihood_items WHERE report_id = ?1 ORDER BY ord",
      {Cell{report_id}});
  json next = nullptr;
  if (self["region"].is_string() && self["plan_year"].is_number_integer()) {
    next = first_row(db,
        "SELECT report_id AS id, region, plan_year FROM reports WHERE region = ?1 AND plan_year = ?2"
        " ORDER BY partial, report_id LIMIT 1",
        {Cell{self["region"].get<std::string>()}, Cell{self["plan_year"].get<std::int64_t>() + 1}});
  }
  json paragraphs = json::array();
  if (!next.is_null()) {
    const Cell nid{next["id"].get<std::int64_t>()};
    paragraphs = rows(db,
        "SELECT ord, COALESCE(text_simplified, text) AS text FROM paragraphs WHERE report_id = ?1"
        " AND section_type IN ('review', 'five_year_review') ORDER BY ord", {nid});
    if (paragraphs.empty()) {
      paragraphs = rows(db, "SELECT ord, COALESCE(text_simplified, text) AS text FROM paragraphs WHERE report_id = ?1 ORDER BY ord",
                        {nid});
    }
  }
  // Sentences of the next report, once.
  struct Sentence {
    json paragraph;
    std::string text;
  };
  std::vector<Sentence> pool;
  for (const auto& p : paragraphs) {
    for (auto& s : sentences(p["text"].get<std::string>())) pool.push_back({p["ord"], std::move(s)});
  }

  json out_items = json::array();
  for (const auto& it : items) {
    const std::string text = it["text"].get<std::string>();
    std::vector<std::string> phrases;
    if (auto w = seg.words(text::to_simplified(text))) {
      for (auto& x : *w) {
        if (std::find(phrases.begin(), phrases.end(), x) == phrases.end()) phrases.push_back(std::move(x));
      }
    }
    json item = {{"ord", it["ord"]}, {"text", text}, {"key_phrases", phrases}, {"score", 0.0},
                 {"evidence", nullptr}};
    if (next.is_null()) {
      item["status"] = "no_next_report";
      out_items.push_back(std::move(item));
      continue;
    }
    double best = 0;
    const Sentence* where = nullptr;
    for (const auto& s : pool) {
      std::size_t hit = 0;
      for (const auto& ph : phrases) hit += s.text.find(ph) != std::string::npos ? 1 : 0;
      const double share = phrases.empty() ? 0.0 : static_cast<double>(hit) / static_cast<double>(phrases.size());
      if (share > best) { best = share; where = &s; }
    }
    std::string status = "not_mentioned";
    if (where) {
      const bool done = has_any(where->text, kDoneWords, std::size(kDoneWords));
      const bool progress = has_any(where->text, kProgressWords, std::size(kProgressWords));
      if (best >= 0.5 && done && !progress) status = "done";
      else if (best >= 0.5 || (best >= 1.0 / 3 && progress)) status = "in_progress";
      if (status != "not_mentioned") item["evidence"] = {{"paragraph", where->paragraph}, {"text", where->text}};
    }
    item["score"] = best;
    item["status"] = status;
    out_items.push_back(std::move(item));
  }
  json label = items.empty() ? json(nullptr) : items[0]["label"];
  json declared = items.empty() ? json(nullptr) : items[0]["declared_count"];
  return {{"report", report_ref(self)}, {"label", label}, {"declared_count", declared},
          {"next_report", report_ref(next)}, {"items", std::move(out_items)}};
}

}  // namespace gwr::server
