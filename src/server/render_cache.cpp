#include "server/render_cache.h"

namespace gwr::server {

std::string RenderCache::get(const store::Reader& db, std::string_view key,
                             const std::function<std::string()>& render) {
  const auto version = store::data_version(db);
  if (!version) return render();
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mu_);
    // A connection seen for the first time cannot tell what changed before: retire everything.
    auto [seen, first] = seen_.try_emplace(&db, *version);
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
