// gwr/server/reader.h — INTERNAL to the server stage: everything the report reader shows, as JSON.
//
//   auto view = analysis::report_view(db, 42);        // Result<std::optional<ReportView>>
//   json j = reader_json(**view);                      // the /api/reports/42 answer
//
// The report's row, completed with sections (a tree: each node's `paragraph` is the ord of the
// first paragraph inside it), paragraphs split into `parts`, quantities, facts, targets,
// fyp_targets, livelihood, glossary, slogans, terms and warnings. A part is {"text"} or, for a
// quantity, {"text", "q": quantity index, "status", "fact": fact ord or null, "target": target
// index or null}: a quantity that is an indicator fact takes the fact's status; one inside a
// plan-year target clause without a fact takes "target"; other quantities have status null.
// Quantities are placed by their raw byte ranges (inside the paragraph's range) and found in the
// paragraph's text in order, so the text is never re-cut by offsets of another encoding; a
// quantity that cannot be found is left out of the parts (it still appears in `quantities`).
// Concatenating a paragraph's parts gives its text exactly.
//
// terms: the report's slogans and glossary terms, each with the definition from any report's
// 名词解释 that explains it ({"text", "definition", "region", "plan_year", "report_id"}; the
// definition fields are null when no report defines it; analysis/glossary.h).
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/corpus.h"
#include "analysis/glossary.h"

namespace gwr::server {

nlohmann::json reader_json(const analysis::ReportView& view);

// {"text", "definition", "region", "plan_year", "report_id"}, null where the definition has none.
nlohmann::json term_json(const analysis::TermDefinition& d);

}  // namespace gwr::server
