// gwr/server/rows.h — INTERNAL to the server stage: one parameterised SELECT → JSON rows.
//
//   json a = rows(db, "SELECT region, plan_year FROM reports WHERE level = ?1", {Cell{"county"}});
//   // [{"region": "安吉县", "plan_year": 2024}, …]
//
// Parameters are always bound (?1, ?2 … in order; a null cell binds NULL), never pasted into
// SQL. Columns keep SQLite's type: NULL → null, INTEGER → integer, REAL → number, TEXT → string.
// A SQLite error becomes HttpError 500.
#pragma once

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "analysis/table.h"

namespace gwr::server {

nlohmann::json rows(sqlite3* db, std::string_view sql,
                    const std::vector<analysis::Cell>& args = {});
// The first row, or null when there is none.
nlohmann::json first_row(sqlite3* db, std::string_view sql,
                         const std::vector<analysis::Cell>& args = {});

}  // namespace gwr::server
