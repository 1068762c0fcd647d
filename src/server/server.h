// gwr/server/server.h — the web workbench: a JSON API over a corpus database and the embedded UI.
//
//   server::Options o;  o.db = "corpus.db";  o.port = 0;          // 0: any free port
//   auto s = server::Server::create(o);                           //
//   Result<std::unique_ptr<Server>> if (!s) return fail(s.error()); int port =
//   (*s)->bind().value();                               // listening socket ready std::thread t([&]
//   { (*s)->run(); });                           // serves until stop() … (*s)->stop(); t.join();
//
// The API is documented in docs/api.md: every route is GET under /api/, answers JSON, and reports
// failures as {"error": {"code", "message"}} with a matching HTTP status (400 bad parameter or
// search syntax, 403 Host not allowed, 404 unknown route or id, 405 other methods, 408 slow head,
// 413 a body, 500 internal, 503 over the time budget or too busy). Everything else is the UI: "/"
// and
// "/assets/<name>" served from the files compiled into the binary (server/assets.h), looked up by
// exact name — never from the file system — in the brotli or gzip form made at build time, with
// an ETag (304 on If-None-Match) and no-cache, or immutable for "?v=<the current hash>".
//
// SAFETY. The database is opened read-only (a pool of Options::threads store::Reader connections,
// store/query.h, lent to one request at a time); every query binds its parameters. Connections are
// handled by server/conn.h: a request takes a worker only once its whole head has arrived, so slow
// or idle clients cannot starve the server; heads must arrive within read_timeout_s, answers go out
// within write_timeout_s, at most max_connections are open. Every API request has a time budget
// (budget_ms, from the arrival of its head): waiting for a worker, a database connection or an
// expensive-endpoint slot, and running its queries (a SQLite progress handler interrupts them) —
// over it, 503 `timeout` or `busy`. Expensive endpoints (analysis tables, terms, slogans,
// commitments, downloads) run at most heavy_slots at a time, so cheap ones (summary, reports,
// search) always find a connection. Only GET and HEAD are served; a request with a body
// (Content-Length > 0 or Transfer-Encoding) is refused with 413 and its connection closed, unread.
// Host: with a loopback bind (or any allow_hosts), the Host header must be exactly one of
// 127.0.0.1, localhost, [::1] or an allow_hosts name, without a port or with the bound port (else
// 403; two Host headers → 400), so a web page elsewhere cannot reach the API through DNS rebinding.
//
// A Server is created once and is not copyable; create() loads the shared resources (theme
// dictionaries, word segmenter) once, and they are immutable afterwards. bind(), run() and stop()
// may be called from different threads; stop() is safe to call at any time, also before run().
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"

namespace gwr::server {

struct Options {
  std::filesystem::path db;  // corpus database made by `gwr ingest`
  std::string host = "127.0.0.1";
  int port = 8080;           // 0: pick a free port (bind() returns it)
  int threads = 4;           // read-only database connections (HTTP workers: 2 × + 2)
  int read_timeout_s = 5;    // a whole request head, from connect (or, kept alive, first byte)
  int write_timeout_s = 10;  // a whole answer
  int idle_timeout_s = 2;    // kept-alive connection between requests
  int max_connections = 256;
  int budget_ms = 5000;                  // per API request: queueing and queries; 503 beyond
  int heavy_slots = 0;                   // expensive requests at once; 0: max(1, threads / 2)
  std::vector<std::string> allow_hosts;  // more accepted Host names (--allow-host)
};

class Server {
 public:
  // Opens the database read-only (kUnreadable when missing, kInvalidData when it is not a gwr
  // corpus) and loads the analysis resources. Does not bind.
  static Result<std::unique_ptr<Server>> create(const Options& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port. kUnreadable when the address is taken.
  Result<int> bind();
  // Serves until stop(); bind() must have succeeded.
  Status run();
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace gwr::server
