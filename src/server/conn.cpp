#include "server/conn.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gwr::server {

namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_close_after = false;
thread_local Clock::time_point t_arrived;

struct Conn {
  int fd = -1;
  std::string buf;  // received, not yet consumed by a request
  Clock::time_point deadline;
  bool idle = false;  // kept alive, waiting for the first byte of the next request
  int served = 0;
  Clock::time_point head_at;  // when the current request's head was complete
};

int ms_until(Clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
  return ms < 0 ? 0 : static_cast<int>(std::min<long long>(ms, 1 << 30));
}

// Waits for `events` on fd until `deadline`; false on timeout or error.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int r = ::poll(&p, 1, ms_until(deadline));
    if (r > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
    if (r == 0) return false;
    if (errno != EINTR) return false;
  }
}

void send_best_effort(int fd, const std::string& s) {
  (void)::send(fd, s.data(), s.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

std::string canned(int status, const char* reason, const char* code, const char* message) {
  const std::string body =
      std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n" +
         (status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n" + body;
}

void addr_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  const int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len)
                     : ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  if (r != 0) return;
  char host[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    port = ntohs(a->sin6_port);
  }
  ip = host;
}

// A connection's bytes for httplib: first what the poll thread buffered, then the socket (read
// and write bounded by deadlines, never blocking past them).
class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(Conn& c, Clock::time_point read_deadline, Clock::time_point write_deadline)
      : c_(c), read_deadline_(read_deadline), write_deadline_(write_deadline) {}

  bool is_readable() const override {
    return pos_ < c_.buf.size() || wait_for(c_.fd, POLLIN, read_deadline_);
  }
  bool is_writable() const override { return wait_for(c_.fd, POLLOUT, write_deadline_); }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ < c_.buf.size()) {
      const std::size_t n = std::min(size, c_.buf.size() - pos_);
      c_.buf.copy(ptr, n, pos_);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    if (!wait_for(c_.fd, POLLIN, read_deadline_)) return -1;
    return ::recv(c_.fd, ptr, size, MSG_DONTWAIT);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!wait_for(c_.fd, POLLOUT, write_deadline_)) return -1;
    const ssize_t n = ::send(c_.fd, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return 0;
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    addr_of(c_.fd, true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    addr_of(c_.fd, false, ip, port);
  }
  socket_t socket() const override { return c_.fd; }

  // Drops the bytes httplib has read from the buffer.
  void consume() {
    c_.buf.erase(0, pos_);
    pos_ = 0;
  }

 private:
  Conn& c_;
  std::size_t pos_ = 0;
  Clock::time_point read_deadline_, write_deadline_;
};

bool head_complete(const std::string& buf) { return buf.find("\r\n\r\n") != std::string::npos; }

}  // namespace

// The task queue httplib hands each accepted socket to; it runs the poll thread and the workers.
class ConnLoop : public httplib::TaskQueue {
 public:
  explicit ConnLoop(GuardedHttp& http) : http_(http), limits_(http.limits()) {
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) wake_[0] = wake_[1] = -1;
    poller_ = std::thread([this] { poll_loop(); });
    for (int i = 0; i < std::max(1, limits_.workers); ++i)
      workers_.emplace_back([this] { worker_loop(); });
  }
  ~ConnLoop() override {
    shutdown();
    if (wake_[0] >= 0) ::close(wake_[0]);
    if (wake_[1] >= 0) ::close(wake_[1]);
  }

  // httplib calls this on its accept thread with process_and_close_socket(sock), which only
  // hands the socket to add(): nothing here blocks.
  void enqueue(std::function<void()> fn) override { fn(); }

  void shutdown() override {
    {
      std::lock_guard lock(mu_);
      if (stopped_) return;
      stopped_ = true;
      stopping_ = true;
    }
    http_.loop_ = nullptr;  // called on the accept thread, which has stopped accepting
    wake();
    work_cv_.notify_all();
    if (poller_.joinable()) poller_.join();
    for (auto& t : workers_) t.join();
    workers_.clear();
    std::lock_guard lock(mu_);
    for (auto& c : ready_) close_conn(*c);
    for (auto& c : inbox_) close_conn(*c);
    ready_.clear();
    inbox_.clear();
  }

  void add(int fd) {
    if (open_.load() >= limits_.max_connections || stopping_) {
      send_best_effort(
          fd, canned(503, "Service Unavailable", "busy", "too many open connections; try again"));
      ::shutdown(fd, SHUT_WR);
      ::close(fd);
      return;
    }
    ++open_;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Conn>();
    c->fd = fd;
    c->deadline = Clock::now() + std::chrono::milliseconds(limits_.head_timeout_ms);
    to_poller(std::move(c));
  }

 private:
  void wake() {
    if (wake_[1] < 0) return;
    const char b = 1;
    (void)!::write(wake_[1], &b, 1);
  }

  void to_poller(std::unique_ptr<Conn> c) {
    {
      std::lock_guard lock(mu_);
      inbox_.push_back(std::move(c));
    }
    wake();
  }

  void to_worker(std::unique_ptr<Conn> c) {
    {
      std::lock_guard lock(mu_);
      ready_.push_back(std::move(c));
    }
    work_cv_.notify_one();
  }

  void close_conn(Conn& c) {
    if (c.fd < 0) return;
    ::shutdown(c.fd, SHUT_RDWR);
    ::close(c.fd);
    c.fd = -1;
    --open_;
  }

  // After an answer to a request whose body was not read: closing with unread bytes would send
  // a reset that can destroy the answer in flight, so first stop sending, then drop what comes
  // in for a short while (bounded in time and bytes), then close.
  void linger_close(Conn& c) {
    if (c.fd < 0) return;
    ::shutdown(c.fd, SHUT_WR);
    const auto end = Clock::now() + std::chrono::milliseconds(kLingerMs);
    char sink[4096];
    std::size_t dropped = 0;
    while (dropped < kLingerBytes && wait_for(c.fd, POLLIN, end)) {
      const ssize_t n = ::recv(c.fd, sink, sizeof sink, MSG_DONTWAIT);
      if (n <= 0) break;
      dropped += static_cast<std::size_t>(n);
    }
    close_conn(c);
  }
  static constexpr int kLingerMs = 200;
  static constexpr std::size_t kLingerBytes = 1 << 20;

  void poll_loop() {
    std::vector<std::unique_ptr<Conn>> conns;
    std::vector<pollfd> fds;
    char chunk[4096];
    for (;;) {
      {
        std::lock_guard lock(mu_);
        if (stopping_) break;
        for (auto& c : inbox_) conns.push_back(std::move(c));
        inbox_.clear();
      }
      fds.assign(1, pollfd{wake_[0], POLLIN, 0});
      auto next = Clock::now() + std::chrono::seconds(1);
      for (const auto& c : conns) {
        fds.push_back(pollfd{c->fd, POLLIN, 0});
        next = std::min(next, c->deadline);
      }
      const int r = ::poll(fds.data(), fds.size(), ms_until(next));
      if (r < 0 && errno != EINTR) break;
      if (fds[0].revents & POLLIN) {
        while (::read(wake_[0], chunk, sizeof chunk) > 0) {
        }
      }
      const auto now = Clock::now();
      std::vector<std::unique_ptr<Conn>> keep;
      keep.reserve(conns.size());
      for (std::size_t i = 0; i < conns.size(); ++i) {
        auto& c = conns[i];
        bool done = false;  // closed or handed on
        if (fds[i + 1].revents != 0) {
          const std::size_t room =
              limits_.max_head_bytes + 1 - std::min(limits_.max_head_bytes, c->buf.size());
          const ssize_t n = ::recv(c->fd, chunk, std::min(room, sizeof chunk), MSG_DONTWAIT);
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
            close_conn(*c);
            done = true;
          } else if (n > 0) {
            c->buf.append(chunk, static_cast<std::size_t>(n));
            if (c->idle) {
              c->idle = false;
              c->deadline = now + std::chrono::milliseconds(limits_.head_timeout_ms);
            }
            if (head_complete(c->buf)) {
              c->head_at = now;
              to_worker(std::move(c));
              done = true;
            } else if (c->buf.size() > limits_.max_head_bytes) {
              send_best_effort(c->fd, canned(431, "Request Header Fields Too Large",
                                             "header_too_large", "request head too large"));
              close_conn(*c);
              done = true;
            }
          }
        }
        // NOLINTNEXTLINE(bugprone-use-after-move): `done` is set wherever c was handed on
        if (!done && now >= c->deadline) {
          if (!c->buf.empty()) {
            send_best_effort(c->fd, canned(408, "Request Timeout", "request_timeout",
                                           "the request head did not arrive in time"));
          }
          close_conn(*c);
          done = true;
        }
        if (!done) keep.push_back(std::move(c));
      }
      conns.swap(keep);
    }
    for (auto& c : conns) close_conn(*c);
  }

  void worker_loop() {
    for (;;) {
      std::unique_ptr<Conn> c;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
        if (ready_.empty()) return;
        c = std::move(ready_.front());
        ready_.pop_front();
      }
      bool keep = true, linger = false;
      while (keep) {
        const auto now = Clock::now();
        BufferedStream s(*c, now + std::chrono::milliseconds(limits_.head_timeout_ms),
                         now + std::chrono::milliseconds(limits_.write_timeout_ms));
        ++c->served;
        const bool last = c->served >= limits_.keep_alive_max || stopping_;
        bool closed = false;
        t_close_after = false;
        t_arrived = c->head_at;
        const bool ok = http_.serve_one(s, last, closed);
        s.consume();
        linger = t_close_after;
        keep = ok && !closed && !last && !t_close_after && !stopping_;
        if (keep && !head_complete(c->buf)) {
          c->idle = c->buf.empty();
          c->deadline = Clock::now() + std::chrono::milliseconds(c->idle ? limits_.idle_timeout_ms
                                                                         : limits_.head_timeout_ms);
          to_poller(std::move(c));
          break;
        }
        c->head_at = Clock::now();  // a pipelined request, already buffered
      }
      // A moved-from unique_ptr is null, tested here.
      // NOLINTBEGIN(bugprone-use-after-move)
      if (c && linger)
        linger_close(*c);
      else if (c)
        close_conn(*c);
      // NOLINTEND(bugprone-use-after-move)
    }
  }

  GuardedHttp& http_;
  const ConnLimits limits_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::unique_ptr<Conn>> inbox_;  // to the poll thread
  std::deque<std::unique_ptr<Conn>> ready_;  // whole request heads, to the workers
  std::atomic<int> open_{0};
  std::atomic<bool> stopping_{false};
  bool stopped_ = false;
  int wake_[2] = {-1, -1};
  std::thread poller_;
  std::vector<std::thread> workers_;
};

GuardedHttp::GuardedHttp(ConnLimits limits) : limits_(limits) {
  new_task_queue = [this]() -> httplib::TaskQueue* {
    auto* q = new ConnLoop(*this);
    loop_ = q;
    return q;
  };
  // Only the Keep-Alive header httplib writes uses these; the loop enforces its own limits.
  set_keep_alive_timeout(std::max(1, limits_.idle_timeout_ms / 1000));
  set_keep_alive_max_count(static_cast<std::size_t>(std::max(1, limits_.keep_alive_max)));
  // httplib's own options (address reuse), and remember the socket so that widen_backlog() can
  // listen on it again.
  set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    bound_fd_ = sock;
  });
}

bool GuardedHttp::widen_backlog() {
  if (bound_fd_ == INVALID_SOCKET || !is_valid()) return false;
  return ::listen(bound_fd_, std::max(1, limits_.listen_backlog)) == 0;
}

GuardedHttp::~GuardedHttp() = default;

void GuardedHttp::close_after_response() { t_close_after = true; }

std::chrono::steady_clock::time_point GuardedHttp::arrived() { return t_arrived; }

bool GuardedHttp::process_and_close_socket(socket_t sock) {
  if (loop_)
    loop_->add(sock);
  else
    ::close(sock);
  return true;
}

bool GuardedHttp::serve_one(httplib::Stream& strm, bool last, bool& closed) {
  return process_request(strm, last, closed, nullptr);
}

}  // namespace gwr::server
