// gwr/server/reader.h — INTERNAL to the server stage: everything the report reader shows.
//
//   json j = reader_json(db, 42, meta);   // meta: the report's row; returns it completed
//
// Adds sections (a tree: each node's `paragraph` is the ord of the first paragraph inside it),
// paragraphs split into `parts`, facts, targets, fyp_targets, livelihood, glossary, terms and
// warnings. A part is {"text"} or, for a quantity, {"text", "q": quantity index, "status",
// "fact": fact ord or null, "target": target index or null}: a quantity that is an indicator fact
// takes the fact's status; one inside a plan-year target clause without a fact takes "target";
// other quantities have status null. Quantities are placed by their raw byte ranges (inside the
// paragraph's range) and found in the paragraph's text in order, so the text is never re-cut by
// offsets of another encoding; a quantity that cannot be found is left out of the parts (it
// still appears in `quantities`). Concatenating a paragraph's parts gives its text exactly.
//
// terms: the report's slogans and glossary terms, each with the definition from any report's
// 名词解释 that explains it ({"text", "definition", "region", "plan_year", "report_id"}; the
// definition fields are null when no report defines it).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace gwr::server {

nlohmann::json reader_json(sqlite3* db, std::int64_t id, nlohmann::json meta);

// {"text", "definition", "region", "plan_year", "report_id"} for `text` from the glossary of any
// report (prefer_report's own first, then the latest); the definition fields null when none.
nlohmann::json term_definition(sqlite3* db, const std::string& text, std::int64_t prefer_report);
// The same for many (text, prefer_report) pairs in one pass over the glossary, in order.
std::vector<nlohmann::json> term_definitions(
    sqlite3* db, const std::vector<std::pair<std::string, std::int64_t>>& wanted);

// A glossary term without its quotation marks and trailing programme words: "“智造强基”行动" →
// "智造强基". Used to match slogans to definitions.
std::string bare_term(const std::string& term);

}  // namespace gwr::server
