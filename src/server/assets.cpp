#include "server/assets.h"

#include <cctype>
#include <string>

namespace gwr::server {

const Asset* find_asset(std::string_view name) {
  for (const auto& a : assets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const char* content_type(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

// Calls fn(item) for each comma-separated item, trimmed, empty ones skipped.
template <typename Fn>
void each_item(std::string_view list, Fn fn) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (!item.empty()) fn(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// Whether Accept-Encoding accepts `coding` (listed, or "*", with a q-value above zero).
bool accepts(std::string_view accept, std::string_view coding) {
  bool ok = false;
  bool named = false;
  each_item(accept, [&](std::string_view item) {
    const auto semi = item.find(';');
    const std::string_view name = trim(item.substr(0, semi));
    bool zero = false;
    if (semi != std::string_view::npos) {
      std::string_view q = trim(item.substr(semi + 1));
      if (q.size() >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
        q = trim(q.substr(2));
        zero = q.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (iequals(name, coding)) {
      named = true;
      ok = !zero;
    } else if (name == "*" && !named) {
      ok = !zero;
    }
  });
  return ok;
}

}  // namespace

std::string_view pick_encoding(const Asset& a, std::string_view accept_encoding) {
  if (!a.br.empty() && accepts(accept_encoding, "br")) return "br";
  if (!a.gz.empty() && accepts(accept_encoding, "gzip")) return "gzip";
  return "";
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  bool hit = false;
  // The opaque tag without quotes.
  auto opaque = [](std::string_view t) {
    if (t.starts_with("W/")) t.remove_prefix(2);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
    return t;
  };
  const std::string_view mine = opaque(etag);
  each_item(if_none_match, [&](std::string_view item) {
    if (item == "*") {
      hit = true;
      return;
    }
    std::string_view t = opaque(item);
    if (t == mine) hit = true;
    for (std::string_view suffix : {"-br", "-gzip"}) {
      if (t.size() == mine.size() + suffix.size() && t.starts_with(mine) && t.ends_with(suffix))
        hit = true;
    }
  });
  return hit;
}

}  // namespace gwr::server
