// gwr serve --db corpus.db [--host H] [--port P] [--allow-host NAME]... — the web workbench
// (docs/api.md).
#include <csignal>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "server/server.h"

namespace gwr::cli {

namespace {

struct ServeOptions {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 4;
  std::vector<std::string> allow_hosts;
  double budget_s = 5;
  int max_connections = 256;
};

int run_serve(const ServeOptions& o) {
  server::Options so;
  so.db = o.db;
  so.host = o.host;
  so.port = o.port;
  so.threads = o.threads;
  so.allow_hosts = o.allow_hosts;
  so.budget_ms = static_cast<int>(o.budget_s * 1000);
  so.max_connections = o.max_connections;
  auto s = server::Server::create(so);
  if (!s) return fail(s.error());
  auto port = s.value()->bind();
  if (!port) return fail(port.error());

  // SIGINT/SIGTERM stop the server from a thread that waits for them, so the handler itself
  // does nothing unsafe. SIGUSR1 only wakes that thread when run() ends for another reason.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  server::Server* srv = s.value().get();
  std::thread waiter([set, srv] {
    int sig = 0;
    sigwait(&set, &sig);
    srv->stop();
  });
  const std::string shown = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::cout << "gwr: serving " << o.db << " at http://" << shown << ":" << *port
            << "/  (Ctrl-C stops)" << std::endl;
  Status st = srv->run();
  // Wake the waiter if run() ended for another reason.
  pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
  if (!st) return fail(st.error());
  return 0;
}

}  // namespace

void register_serve(CLI::App& app, std::vector<Command>& out) {
  auto o = std::make_shared<ServeOptions>();
  auto* sub =
      app.add_subcommand("serve", "Web workbench: JSON API and browser UI over a corpus database");
  sub->add_option("--db", o->db, "Corpus database made by gwr ingest (opened read-only)")
      ->required();
  sub->add_option("--host", o->host, "Address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--port", o->port, "TCP port (0: any free port)")->check(CLI::Range(0, 65535));
  sub->add_option("--threads", o->threads,
                  "Read-only database connections (1-64); HTTP workers: 2 per connection + 2")
      ->check(CLI::Range(1, 64));
  sub->add_option("--allow-host", o->allow_hosts,
                  "Also accept requests whose Host header names NAME (repeatable; by default only "
                  "127.0.0.1, localhost and [::1], with or without the port)");
  sub->add_option("--budget", o->budget_s,
                  "Seconds an API request may take, queueing included (default 5; then 503)")
      ->check(CLI::Range(0.01, 3600.0));
  sub->add_option("--max-connections", o->max_connections,
                  "Open connections at most (default 256; one more is answered 503)")
      ->check(CLI::Range(1, 100000));
  out.push_back(Command{sub, [o] { return run_serve(*o); }});
}

}  // namespace gwr::cli
