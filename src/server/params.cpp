// Query parameter parsing, error helpers and Table → JSON for the API handlers (api.h).
#include <charconv>

#include "analysis/output.h"
#include "server/api.h"

namespace gwr::server {

void bad_request(const std::string& message) { throw HttpError(400, "bad_request", message); }
void not_found(const std::string& message) { throw HttpError(404, "not_found", message); }

void fail(const Error& e) {
  if (e.code == ErrorCode::kUsage) bad_request(e.message);
  throw HttpError(500, "internal", e.describe());
}

std::optional<std::string> text_param(const Params& p, const std::string& name) {
  auto it = p.find(name);
  if (it == p.end() || it->second.empty()) return std::nullopt;
  if (it->second.size() > kMaxQueryBytes) {
    bad_request("参数 " + name + " 超过 " + std::to_string(kMaxQueryBytes) + " 字节");
  }
  return it->second;
}

namespace {

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// A number parameter given as "null" or "undefined" (what a page writes for a value it does not
// have) counts as absent, like an empty one.
std::optional<std::string> numeric_text(const Params& p, const std::string& name) {
  auto s = text_param(p, name);
  if (s && (*s == "null" || *s == "undefined")) return std::nullopt;
  return s;
}

}  // namespace

std::optional<std::int64_t> int_param(const Params& p, const std::string& name, std::int64_t lo,
                                      std::int64_t hi) {
  auto s = numeric_text(p, name);
  if (!s) return std::nullopt;
  auto v = parse_int(*s);
  if (!v) bad_request("参数 " + name + " 应为整数，收到“" + *s + "”");
  if (*v < lo || *v > hi) {
    bad_request("参数 " + name + " 应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                " 之间");
  }
  return v;
}

std::optional<double> number_param(const Params& p, const std::string& name, double lo, double hi) {
  auto s = numeric_text(p, name);
  if (!s) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc() || end != s->data() + s->size() || !(v >= lo && v <= hi)) {
    bad_request("参数 " + name + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                " 之间的数，收到“" + *s + "”");
  }
  return v;
}

std::vector<std::int64_t> id_list(const Params& p, const std::string& name, std::size_t max) {
  std::vector<std::int64_t> out;
  auto [b, e] = p.equal_range(name);
  for (auto it = b; it != e; ++it) {
    if (it->second.size() > kMaxQueryBytes) bad_request("参数 " + name + " 过长");
    std::string_view s = it->second;
    while (!s.empty()) {
      const auto comma = s.find(',');
      const std::string_view item = s.substr(0, comma);
      if (!item.empty()) {
        auto v = parse_int(item);
        if (!v || *v <= 0)
          bad_request("参数 " + name + " 应为报告编号（正整数），收到“" + std::string(item) + "”");
        out.push_back(*v);
      }
      if (comma == std::string_view::npos) break;
      s.remove_prefix(comma + 1);
    }
  }
  if (out.size() > max) bad_request("参数 " + name + " 最多 " + std::to_string(max) + " 份报告");
  return out;
}

std::optional<std::string> enum_param(const Params& p, const std::string& name,
                                      const std::vector<std::string>& allowed) {
  auto s = text_param(p, name);
  if (!s) return std::nullopt;
  for (const auto& a : allowed) {
    if (a == *s) return s;
  }
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  bad_request("参数 " + name + " 应为以下之一：" + list);
}

nlohmann::json cell_json(const Cell& c) {
  if (auto* i = std::get_if<std::int64_t>(&c)) return *i;
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  return nullptr;
}

nlohmann::json rows_json(const Table& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t r = 0; r < t.rows.size(); ++r) rows.push_back(analysis::row_json(t, r));
  return rows;
}

nlohmann::json table_json(const Table& t) {
  return {{"name", t.name}, {"columns", t.columns}, {"rows", rows_json(t)}};
}

Reply json_reply(const nlohmann::json& j) {
  Reply r;
  // Invalid UTF-8 in stored text must not make dump() throw: replace it.
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace gwr::server
