// gwr/analysis/commitments.h — what became of a report's 民生实事 (livelihood commitments).
//
//   auto seg = analysis::Segmenter::load();               // terms.h
//   auto words = analysis::CommitmentWords::load();       // data/commitment_words.tsv
//   Result<Table> t = analysis::commitments(db, *seg, *words, report_id);
//
// Input: a corpus database (store/query.h) and one report id. Output: one row per livelihood item
// of that report, in item order (no rows when it lists none). For each item, the report of the
// same region for the next plan year (next_reports in data/store_views.sql: the canonical one,
// the first complete version by report_id) is searched for an account of it:
//   KEY PHRASES are the item's counted words (Segmenter: Han words of two or more characters,
//   stop words removed), in simplified characters, each once.
//   Each clause (split after 。；;！!) of the next report's review paragraphs (all its paragraphs
//   when it has no review section) scores the share of key phrases it contains; the first clause
//   with the best share is the evidence, and decides:
//     done           — share ≥ 0.5, a `done` word (完成, 建成 …) and no `progress` word (推进,
//                      加快 …: "持续推进，已完成110公里" is not done);
//     in_progress    — share ≥ 0.5 otherwise, or share ≥ 1/3 with a progress word;
//     not_mentioned  — otherwise (evidence null);
//     no_next_report — the corpus holds no report of the region for the next plan year.
// Columns: report_id, region, plan_year, label, declared_count, ord, item, key_phrases (joined
// with "、"), next_report_id, next_plan_year, status, score (0..1), evidence_paragraph (ord of the
// paragraph in the next report), evidence (the clause). A reading aid, not a verdict: the evidence
// clause is returned so a reader can judge. A report id that is not stored is kUsage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/terms.h"
#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::analysis {

struct CommitmentWords {
  std::vector<std::string> done, progress;
  // data/commitment_words.tsv (GWR_DATA_DIR may override it); a bad kind is kInvalidData naming
  // the file and line.
  static Result<CommitmentWords> load();
};

Result<Table> commitments(const store::Reader& db, const Segmenter& seg,
                          const CommitmentWords& words, std::int64_t report_id);

// The reports that list livelihood commitments, newest plan year first, then by province and
// region. Columns: id, region, province, level, plan_year, items (how many), next_report (the id
// of the region's report for the next plan year, next_reports in data/store_views.sql; null when
// the corpus holds none).
Result<Table> commitment_reports(const store::Reader& db);

}  // namespace gwr::analysis
