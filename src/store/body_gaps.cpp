#include "store/body_gaps.h"

#include <limits>

namespace gwr::store {

std::optional<std::vector<BodyGap>> body_gaps(std::string_view body,
                                              std::span<const std::int64_t> ords,
                                              std::span<const std::string_view> texts) {
  if (texts.empty() || ords.size() != texts.size()) return std::nullopt;
  if (ords.back() == std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  std::vector<BodyGap> out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0 && ords[i] <= ords[i - 1]) return std::nullopt;
    const std::size_t pos = body.find(texts[i], at);
    if (pos == std::string_view::npos) return std::nullopt;
    if (pos > at) out.push_back(BodyGap{ords[i], body.substr(at, pos - at)});
    at = pos + texts[i].size();
  }
  if (at < body.size()) out.push_back(BodyGap{ords.back() + 1, body.substr(at)});
  return out;
}

}  // namespace gwr::store
