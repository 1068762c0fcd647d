// gwr/server/commitments.h — INTERNAL to the server stage: /api/commitments?report=N as JSON.
//
//   json j = commitments_json(db, resources, report_id);   // db: a store::Reader
//
// The rows of analysis::commitments (analysis/commitments.h: matching, statuses and evidence are
// decided there) reshaped for the page: {report: {id, region, plan_year}, label, declared_count,
// next_report: {id, region, plan_year} | null, items: [{ord, text, key_phrases (array), status,
// score, evidence: {paragraph, text} | null}]}. A report id that is not stored throws the
// not_found reply (404).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "server/api.h"
#include "store/query.h"

namespace gwr::server {

nlohmann::json commitments_json(const store::Reader& db, const Resources& res,
                                std::int64_t report_id);

}  // namespace gwr::server
