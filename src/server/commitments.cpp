#include "server/commitments.h"

#include <string>
#include <string_view>

#include "analysis/commitments.h"
#include "analysis/corpus.h"

namespace gwr::server {

namespace {

using nlohmann::json;

json split_phrases(const Cell& c) {
  json out = json::array();
  const auto* s = std::get_if<std::string>(&c);
  if (!s) return out;
  constexpr std::string_view kSep = "、";
  std::size_t from = 0;
  while (from < s->size()) {
    const auto at = s->find(kSep, from);
    const auto end = at == std::string::npos ? s->size() : at;
    if (end > from) out.push_back(s->substr(from, end - from));
    from = end + kSep.size();
  }
  return out;
}

}  // namespace

json commitments_json(const store::Reader& db, const Resources& res, std::int64_t report_id) {
  const auto ref = unwrap(analysis::report_ref(db, report_id));
  if (!ref) not_found("语料库中没有编号为 " + std::to_string(report_id) + " 的报告");
  const json self = {{"id", ref->id},
                     {"region", ref->region ? json(*ref->region) : json(nullptr)},
                     {"plan_year", ref->plan_year ? json(*ref->plan_year) : json(nullptr)}};
  const Table t = unwrap(analysis::commitments(db, res.segmenter, res.commitment_words, report_id));
  auto col = [&](const std::vector<Cell>& row, std::string_view name) {
    return cell_json(row[t.column(name)]);
  };

  json next = nullptr, items = json::array(), label = nullptr, declared = nullptr;
  for (const auto& row : t.rows) {
    if (next.is_null() && !col(row, "next_report_id").is_null()) {
      next = {{"id", col(row, "next_report_id")},
              {"region", self["region"]},
              {"plan_year", col(row, "next_plan_year")}};
    }
    if (label.is_null()) label = col(row, "label");
    if (declared.is_null()) declared = col(row, "declared_count");
    json evidence = nullptr;
    if (!col(row, "evidence").is_null()) {
      evidence = {{"paragraph", col(row, "evidence_paragraph")}, {"text", col(row, "evidence")}};
    }
    items.push_back({{"ord", col(row, "ord")},
                     {"text", col(row, "item")},
                     {"key_phrases", split_phrases(row[t.column("key_phrases")])},
                     {"status", col(row, "status")},
                     {"score", col(row, "score")},
                     {"evidence", std::move(evidence)}});
  }
  return {{"report", self},
          {"label", label},
          {"declared_count", declared},
          {"next_report", next},
          {"items", std::move(items)}};
}

}  // namespace gwr::server
