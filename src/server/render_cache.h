// gwr/server/render_cache.h — INTERNAL to the server stage: rendered answers, kept while the
// database does not change.
//
//   RenderCache cache(64 << 20);
//   std::string body = cache.get(db, "report/2", [&] { return render_report(db, 2); });  // db:
//   store::Reader
//
// get() returns the body rendered earlier under `key` when the database has not changed since,
// else calls render() and keeps what it returns. A change is any commit by another connection
// (a `gwr ingest` into the served file): every get() first reads store::data_version of the
// connection it is given, which changes when another connection has committed since that
// connection last read it. A connection that sees a change, or is seen for the first time,
// starts a new generation, and answers of older generations are never returned again. Each
// connection is checked at each use, so the first request after a commit, on whichever
// connection, retires everything rendered before it. The connections must be read-only (their
// own writes would not count) and live as long as the cache is used with them.
//
// Bodies are kept up to `max_bytes` in all; beyond that the oldest go first. A render that throws
// keeps nothing and the exception passes to the caller. When data_version cannot be read, the
// answer is rendered and not kept. Safe for concurrent use; render() runs outside the lock, so two
// requests for the same missing key may both render it.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "store/query.h"

namespace gwr::server {

class RenderCache {
 public:
  explicit RenderCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  std::string get(const store::Reader& db, std::string_view key,
                  const std::function<std::string()>& render);

 private:
  struct Entry {
    std::string body;
    std::uint64_t generation = 0;
  };
  std::mutex mu_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::uint64_t generation_ = 0;
  // Each connection's data_version at its last check.
  std::map<const store::Reader*, std::int64_t> seen_;
  std::map<std::string, Entry, std::less<>> entries_;
  std::deque<std::string> order_;  // keys, oldest first
};

}  // namespace gwr::server
