#include "server/render_cache.h"

#include <sqlite3.h>

#include <optional>

namespace gwr::server {

namespace {

std::optional<std::int64_t> data_version(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_finalize(st);
    return std::nullopt;
  }
  std::optional<std::int64_t> v;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

}  // namespace

std::string RenderCache::get(sqlite3* db, std::string_view key,
                             const std::function<std::string()>& render) {
  const auto version = data_version(db);
  if (!version) return render();
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mu_);
    // A connection seen for the first time cannot tell what changed before: retire everything.
    auto [seen, first] = seen_.try_emplace(db, *version);
    if (first || seen->second != *version) {
      seen->second = *version;
      ++generation_;
      entries_.clear();
      order_.clear();
      bytes_ = 0;
    }
    generation = generation_;
    if (auto e = entries_.find(key); e != entries_.end() && e->second.generation == generation) {
      return e->second.body;
    }
  }
  std::string body = render();
  if (body.size() > max_bytes_) return body;
  std::lock_guard lock(mu_);
  if (generation != generation_ || entries_.count(key)) return body;  // retired, or kept already
  while (bytes_ + body.size() > max_bytes_ && !order_.empty()) {
    auto old = entries_.find(order_.front());
    bytes_ -= old->second.body.size();
    entries_.erase(old);
    order_.pop_front();
  }
  bytes_ += body.size();
  entries_.emplace(std::string(key), Entry{body, generation});
  order_.emplace_back(key);
  return body;
}

}  // namespace gwr::server
