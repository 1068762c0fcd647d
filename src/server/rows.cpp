#include "server/rows.h"

#include "server/api.h"
#include "store/sqlite.h"

namespace gwr::server {

namespace {

store::Stmt run(sqlite3* db, std::string_view sql, const std::vector<analysis::Cell>& args) {
  store::Stmt s = unwrap(store::Stmt::prepare(db, sql));
  for (std::size_t i = 0; i < args.size(); ++i) {
    const int k = static_cast<int>(i) + 1;
    const auto& a = args[i];
    if (auto* n = std::get_if<std::int64_t>(&a))
      s.bind(k, *n);
    else if (auto* d = std::get_if<double>(&a))
      s.bind(k, *d);
    else if (auto* t = std::get_if<std::string>(&a))
      s.bind(k, *t);
    else
      s.bind_null(k);
  }
  return s;
}

nlohmann::json row(const store::Stmt& s) {
  nlohmann::json o = nlohmann::json::object();
  sqlite3_stmt* st = s.get();
  const int n = sqlite3_column_count(st);
  for (int i = 0; i < n; ++i) {
    const char* name = sqlite3_column_name(st, i);
    switch (sqlite3_column_type(st, i)) {
      case SQLITE_INTEGER:
        o[name] = s.int64(i);
        break;
      case SQLITE_FLOAT:
        o[name] = s.real(i);
        break;
      case SQLITE_NULL:
        o[name] = nullptr;
        break;
      default:
        o[name] = s.text(i);
        break;
    }
  }
  return o;
}

}  // namespace

nlohmann::json rows(sqlite3* db, std::string_view sql, const std::vector<analysis::Cell>& args) {
  store::Stmt s = run(db, sql, args);
  nlohmann::json out = nlohmann::json::array();
  while (unwrap(s.step())) out.push_back(row(s));
  return out;
}

nlohmann::json first_row(sqlite3* db, std::string_view sql,
                         const std::vector<analysis::Cell>& args) {
  store::Stmt s = run(db, sql, args);
  if (!unwrap(s.step())) return nullptr;
  return row(s);
}

}  // namespace gwr::server
