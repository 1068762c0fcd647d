// gwr/server/api.h — INTERNAL to the server stage: the JSON API handlers behind server.cpp's
// routes.
//
//   Ctx c{reader, res, params};
//   Reply r = api::report(c, 42);        // throws HttpError on a bad parameter or unknown id
//
// Handlers are plain functions of a Ctx: a borrowed read connection (store/query.h; one per
// request at a time), the immutable shared resources and the request's query parameters. They
// read through the typed views of analysis/ (corpus.h, targets.h, …) and store::search, and
// write no SQL. Failures are HttpError exceptions, caught by server.cpp's route wrapper and
// turned into {"error": {code, message}} with the status; they never leave the server stage.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/attention.h"
#include "analysis/commitments.h"
#include "analysis/terms.h"
#include "common/result.h"
#include "common/table.h"
#include "store/query.h"

namespace gwr::server {

// Limits stated in docs/api.md.
inline constexpr int kMaxPageSize = 200;            // /api/reports limit
inline constexpr int kMaxSearchHits = 100;          // /api/search limit
inline constexpr std::size_t kMaxQueryBytes = 256;  // search text, filter values
inline constexpr std::size_t kMaxCompare = 8;       // reports in one compare / attention call
inline constexpr std::size_t kMaxTermsN = 200;

struct HttpError : std::runtime_error {
  HttpError(int http_status, std::string error_code, const std::string& message)
      : std::runtime_error(message), status(http_status), code(std::move(error_code)) {}
  int status;
  std::string code;  // bad_request, not_found, internal …
};

[[noreturn]] void bad_request(const std::string& message);
[[noreturn]] void not_found(const std::string& message);
// Maps a stage Error: kUsage → 400 bad_request, everything else → 500 internal.
[[noreturn]] void fail(const Error& e);
template <class T>
T unwrap(Result<T> r) {
  if (!r) fail(r.error());
  return std::move(r).value();
}

using Params = std::multimap<std::string, std::string>;

struct Resources {
  analysis::Themes themes;
  analysis::Segmenter segmenter;
  analysis::CommitmentWords commitment_words;
};

struct Ctx {
  const store::Reader& db;
  const Resources& res;
  const Params& params;
};

struct Reply {
  std::string body;
  std::string type = "application/json; charset=utf-8";
  std::string filename;  // set: sent as an attachment (ASCII: every browser reads it)
  // The file's name in Chinese, when it has one: sent beside `filename` as RFC 6266 filename*
  // (UTF-8, percent-encoded), which browsers prefer.
  std::string filename_utf8;
};

// Query parameters: absent or empty → nullopt (numbers also when given as "null" or "undefined",
// as a page may write them); too long, or not a number where one is needed, → 400 naming the
// parameter.
std::optional<std::string> text_param(const Params& p, const std::string& name);
std::optional<std::int64_t> int_param(const Params& p, const std::string& name, std::int64_t lo,
                                      std::int64_t hi);
// A decimal number in [lo, hi] (?near=0.3); anything else → 400.
std::optional<double> number_param(const Params& p, const std::string& name, double lo, double hi);
// Comma-separated and/or repeated report ids ("?report=1,2&report=3"), at most `max`.
std::vector<std::int64_t> id_list(const Params& p, const std::string& name, std::size_t max);
// One of `allowed`, or nullopt when absent; anything else → 400.
std::optional<std::string> enum_param(const Params& p, const std::string& name,
                                      const std::vector<std::string>& allowed);

nlohmann::json cell_json(const Cell& c);
// {"name", "columns": [...], "rows": [{col: value}...]}
nlohmann::json table_json(const Table& t);
// [{col: value}...]: the rows alone.
nlohmann::json rows_json(const Table& t);
Reply json_reply(const nlohmann::json& j);

namespace api {

Reply summary(const Ctx& c);
Reply reports(const Ctx& c);
Reply report(const Ctx& c, std::int64_t id);
// The id of the canonical version of the report of `region` (its code or name) for plan year
// `year`: the stable key of /api/reports/<code>/<year> (docs/api.md). 404 when none is stored.
std::int64_t report_id_of(const Ctx& c, const std::string& region, std::int64_t year);
Reply indicators(const Ctx& c);
Reply search(const Ctx& c);
// /api/search/regions?q=&level=&year=&versions=: per region, its reports and how many mention q
// (store::mentions_by_region): the term map.
Reply search_regions(const Ctx& c);
Reply targets(const Ctx& c);
Reply realised(const Ctx& c);
Reply attention(const Ctx& c);
Reply terms(const Ctx& c);
Reply compare(const Ctx& c);
Reply checks(const Ctx& c);
Reply slogans(const Ctx& c);
Reply commitments(const Ctx& c);
Reply download(const Ctx& c);

}  // namespace api
}  // namespace gwr::server
