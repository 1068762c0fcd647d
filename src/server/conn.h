// gwr/server/conn.h — INTERNAL to the server stage: connection handling that slow clients cannot
// starve.
//
//   GuardedHttp http(ConnLimits{.workers = 8});
//   http.Get("/x", handler);  http.bind_to_port("127.0.0.1", 0);  http.listen_after_bind();
//   // inside a handler: GuardedHttp::close_after_response();  (the body was not read, say)
//
// httplib gives every connection a worker thread for its whole life, so clients that send their
// request one byte a second (slowloris) or sit idle on a kept-alive connection hold workers and
// starve everyone else. GuardedHttp keeps httplib's request parsing, routing and response writing
// but replaces the connection life cycle:
//  - one poll() thread reads every connection until a whole request head (request line and
//    headers, up to the blank line) has arrived; only then is the connection handed to a worker.
//    A head must arrive within `head_timeout_ms` of the connection (or, kept alive, of its first
//    byte) and fit in `max_head_bytes`; otherwise the connection is closed (408 / 431).
//  - workers (`workers` threads) run one request at a time and write the answer within
//    `write_timeout_ms`; then a kept-alive connection goes back to the poll thread, where it may
//    idle for `idle_timeout_ms` before its next request, for at most `keep_alive_max` requests.
//  - at most `max_connections` connections are open; one more is answered 503 and closed.
//  - the listening socket has a backlog of `listen_backlog` (httplib's own is 5: past it the
//    kernel drops a new connection's SYN and the client waits the 1 s SYN retransmit). Call
//    widen_backlog() after bind_to_port.
// So a slow or idle client costs a file descriptor and a few KB, never a worker. Bodies are never
// read (handlers see only GET and HEAD); a handler that refuses one calls close_after_response()
// so the unread bytes are not taken for the next request.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>

namespace gwr::server {

struct ConnLimits {
  int workers = 8;
  int max_connections = 256;
  int head_timeout_ms = 5000;
  int idle_timeout_ms = 2000;
  int write_timeout_ms = 10000;
  int keep_alive_max = 100;
  int listen_backlog = 1024;  // capped by the kernel's net.core.somaxconn
  std::size_t max_head_bytes = 16 * 1024;
};

class ConnLoop;

class GuardedHttp : public httplib::Server {
 public:
  explicit GuardedHttp(ConnLimits limits);
  ~GuardedHttp() override;
  GuardedHttp(const GuardedHttp&) = delete;
  GuardedHttp& operator=(const GuardedHttp&) = delete;

  // From a handler: close this connection once the response is written.
  static void close_after_response();
  // From a handler: when the request's head had arrived (before any wait for a worker).
  static std::chrono::steady_clock::time_point arrived();

  const ConnLimits& limits() const { return limits_; }

  // After a successful bind_to_port: listen again with `listen_backlog` (Linux takes a second
  // listen() on a listening socket as a new backlog). False when no socket is bound.
  bool widen_backlog();

 private:
  friend class ConnLoop;
  bool process_and_close_socket(socket_t sock) override;
  // Runs one request already (partly) buffered in the connection's stream.
  bool serve_one(httplib::Stream& strm, bool last, bool& closed);

  ConnLimits limits_;
  ConnLoop* loop_ = nullptr;            // set while listening (the task queue httplib owns)
  socket_t bound_fd_ = INVALID_SOCKET;  // the last socket httplib created to bind
};

}  // namespace gwr::server
