// Fuzz target: API query parameters (server/api.h): a query string is split like the server's
// HTTP library does and each parameter reader is called; a bad value must be an HttpError (400),
// never a crash or another exception.
#include <httplib.h>

#include "fuzz/common.h"
#include "server/api.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  const std::string query(fuzz::bytes(data, size));
  httplib::Params hp;
  httplib::detail::parse_query_text(query, hp);
  const server::Params p(hp.begin(), hp.end());
  const auto guard = [](auto&& f) {
    try {
      f();
    } catch (const server::HttpError& e) {
      if (e.status != 400) __builtin_trap();
    }
  };
  for (const char* name : {"q", "region", "year", "limit", "report", "by"}) {
    guard([&] { (void)server::text_param(p, name); });
    guard([&] { (void)server::int_param(p, name, 1, 1000); });
    guard([&] { (void)server::int_param(p, name, INT64_MIN, INT64_MAX); });
    guard([&] { (void)server::id_list(p, name, server::kMaxCompare); });
    guard([&] { (void)server::enum_param(p, name, {"report", "section", "year"}); });
  }
  return 0;
}
