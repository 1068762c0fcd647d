// gwr/server/commitments.h — INTERNAL to the server stage: what became of a report's 民生实事.
//
//   json j = commitments_json(db, segmenter, report_id);
//
// For each livelihood item of the report, the report of the same region for the next plan year
// (the first complete one by report_id) is searched for an account of it. KEY PHRASES are the
// item's counted words (analysis::Segmenter: Han words of two or more characters, stop words
// removed), in simplified characters. Each clause (split at 。；;！!) of the next report's review
// paragraphs (all paragraphs when it has no review section) scores the share of key phrases it
// contains; the best clause decides:
//   done          — share ≥ 0.5, the clause has a completion word (完成, 建成, 实现 …) and no
//                   progress word (推进, 开工, 加快 …: "持续推进，已完成110公里" is not done);
//   in_progress   — share ≥ 0.5 otherwise, or share ≥ 1/3 with a progress word;
//   not_mentioned — otherwise;
//   no_next_report — the corpus holds no report of the region for the next year.
// The result is {report, label, declared_count, next_report, items: [{ord, text, key_phrases,
// status, score, evidence: {paragraph, text} | null}]}. A heuristic for reading, not a verdict:
// the evidence clause is shown so a reader can judge.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "analysis/terms.h"

namespace gwr::server {

nlohmann::json commitments_json(sqlite3* db, const analysis::Segmenter& seg, std::int64_t report_id);

}  // namespace gwr::server
