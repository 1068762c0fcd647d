// gwr/server/server.h — the web workbench: a JSON API over a corpus database and the embedded UI.
//
//   server::Options o;  o.db = "corpus.db";  o.port = 0;          // 0: any free port
//   auto s = server::Server::create(o);                           //
//   Result<std::unique_ptr<Server>> if (!s) return fail(s.error()); int port =
//   (*s)->bind().value();                               // listening socket ready std::thread t([&]
//   { (*s)->run(); });                           // serves until stop() … (*s)->stop(); t.join();
//
// The API is documented in docs/api.md: every route is GET under /api/, answers JSON, and reports
// failures as {"error": {"code", "message"}} with a matching HTTP status (400 bad parameter,
// 404 unknown route or id, 405 other methods, 500 internal). Everything else is the UI: "/" and
// "/assets/<name>" served from the files compiled into the binary (server/assets.h), looked up by
// exact name — never from the file system.
//
// SAFETY. The database is opened read-only (a pool of Options::threads read-only connections,
// lent to one request at a time; 4 × threads HTTP workers share them, since an idle kept-alive
// connection occupies a worker for up to 2 s); every query binds its parameters. Request lines,
// query strings and page sizes have limits (docs/api.md, "Limits"); bodies are refused. Read and
// write timeouts are set on every connection. When bound to a loopback address, requests whose Host
// header names another host are refused (403), so a web page elsewhere cannot reach the API
// through DNS rebinding.
//
// A Server is created once and is not copyable; create() loads the shared resources (theme
// dictionaries, word segmenter) once, and they are immutable afterwards. bind(), run() and stop()
// may be called from different threads; stop() is safe to call at any time, also before run().
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/result.h"

namespace gwr::server {

struct Options {
  std::filesystem::path db;  // corpus database made by `gwr ingest`
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: pick a free port (bind() returns it)
  int threads = 4;  // read-only database connections (HTTP workers: 4 ×)
  int read_timeout_s = 5;
  int write_timeout_s = 10;
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
