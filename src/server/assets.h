// gwr/server/assets.h — INTERNAL to the server stage: the web UI files compiled into the binary.
//
//   if (const Asset* a = find_asset("app.js")) res.set_content(std::string(a->bytes),
//   content_type(a->name));
//
// The table is generated at build time by cmake/embed_assets.cmake from the web UI build
// (web/build.mjs output), compressed there once: the server never compresses an asset. Lookup is by
// exact file name only — there is no file system access, so no request path can reach anything but
// these bytes. The table is empty when the UI was not built; the server then answers "/" with a
// page saying so.
#pragma once

#include <string_view>
#include <vector>

namespace gwr::server {

struct Asset {
  std::string_view name;   // "index.html", "app.js", "vendor/echarts.min.js"
  std::string_view bytes;  // static storage
  std::string_view br;     // the bytes brotli-compressed at build time; empty when not smaller
  std::string_view gz;     // the bytes gzip-compressed at build time; empty when not smaller
  std::string_view etag;   // strong ETag of `bytes`, quoted: "\"<20 hex digits of SHA-256>\""
};

const std::vector<Asset>& assets();

// The asset named exactly `name`, or nullptr.
const Asset* find_asset(std::string_view name);
// MIME type from the extension (with charset=utf-8 for text types).
const char* content_type(std::string_view name);

// The content coding to send for a request's Accept-Encoding header: "br", "gzip" or "" (the
// bytes as they are). Prefers brotli; a coding listed with q=0 is refused.
std::string_view pick_encoding(const Asset& a, std::string_view accept_encoding);
// Whether an If-None-Match header value matches `etag` (weak comparison, "*" matches; an ETag
// sent with a coding suffix such as "abc-br" matches too).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace gwr::server
