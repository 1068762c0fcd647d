#include "server/server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "analysis/attention.h"
#include "analysis/terms.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/conn.h"
#include "server/render_cache.h"
#include "store/query.h"

namespace gwr::server {

namespace {

// Bytes other than ASCII letters, digits and -_. as %XX: a UTF-8 name in a header value.
std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char ch : s) {
    const bool plain = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '_' || ch == '.';
    if (plain) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

// What the /api/reports/:id answers may keep in memory (a long report renders to about 150 KB).
constexpr std::size_t kReportsCacheBytes = std::size_t{64} << 20;

// The page "/" shows when the binary was built without web/dist (no npm at build time).
constexpr const char* kNoUi =
    "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>gwr</title>"
    "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\">"
    "<h1>gwr 网页界面未构建</h1><p>The web UI was not built into this binary. The JSON API works "
    "(try <a href=\"/api/summary\">/api/summary</a>). To build the UI: <code>npm ci --prefix web "
    "&amp;&amp; node web/build.mjs</code>, then re-run CMake and rebuild gwr.</p></body></html>";

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
    "data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

using Clock = std::chrono::steady_clock;

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host == "[::1]";
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The Host header values accepted: each name bare and with the bound port. IPv6 literals are
// bracketed as in a Host header.
std::vector<std::string> allowed_hosts(const Options& o, int port) {
  std::vector<std::string> names = {"127.0.0.1", "localhost", "[::1]"};
  auto add = [&](std::string n) {
    n = lower(std::move(n));
    if (n.find(':') != std::string::npos && n.front() != '[') n = "[" + n + "]";
    names.push_back(n);
  };
  if (o.host != "0.0.0.0" && o.host != "::" && !o.host.empty()) add(o.host);
  for (const auto& h : o.allow_hosts) add(h);
  std::vector<std::string> out;
  for (const auto& n : names) {
    out.push_back(n);
    out.push_back(n + ":" + std::to_string(port));
  }
  return out;
}

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message) {
  res.status = status;
  if (status == 503) res.set_header("Retry-After", "1");
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

[[noreturn]] void unavailable(const std::string& code, const std::string& message) {
  throw HttpError(503, code, message);
}

// A set of numbered slots handed out first come, first served: a released slot goes straight to
// the longest waiter, so under load no request waits much longer than the others (a plain
// condition variable wakes an arbitrary waiter). Waits end at a deadline.
class FairSlots {
 public:
  explicit FairSlots(std::size_t n) {
    for (std::size_t i = n; i > 0; --i) free_.push_back(i - 1);
  }
  std::optional<std::size_t> acquire(Clock::time_point deadline) {
    std::unique_lock lock(mu_);
    if (waiters_.empty() && !free_.empty()) {
      const std::size_t i = free_.back();
      free_.pop_back();
      return i;
    }
    Waiter w;
    waiters_.push_back(&w);
    while (!w.slot) {
      if (w.cv.wait_until(lock, deadline) == std::cv_status::timeout && !w.slot) {
        waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &w));
        return std::nullopt;
      }
    }
    return w.slot;
  }
  void release(std::size_t i) {
    std::lock_guard lock(mu_);
    if (waiters_.empty()) {
      free_.push_back(i);
      return;
    }
    Waiter* w = waiters_.front();
    waiters_.pop_front();
    w->slot = i;
    w->cv.notify_one();
  }

 private:
  struct Waiter {
    std::condition_variable cv;
    std::optional<std::size_t> slot;
  };
  std::mutex mu_;
  std::vector<std::size_t> free_;
  std::deque<Waiter*> waiters_;
};

// At most N expensive requests at once.
class Gate {
 public:
  explicit Gate(int slots) : slots_(static_cast<std::size_t>(slots)) {}
  class Ticket {
   public:
    Ticket(Gate& g, Clock::time_point deadline) : g_(g) {
      auto i = g_.slots_.acquire(deadline);
      if (!i) unavailable("busy", "the server is busy with other expensive requests; try again");
      i_ = *i;
    }
    ~Ticket() { g_.slots_.release(i_); }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;

   private:
    Gate& g_;
    std::size_t i_ = 0;
  };

 private:
  FairSlots slots_;
};

// A fixed set of read connections, one lent to each request at a time. While lent, a connection's
// queries are interrupted once the request's deadline has passed (store::set_deadline).
class Pool {
 public:
  explicit Pool(std::vector<store::Reader> readers)
      : readers_(std::move(readers)), free_(readers_.size()) {}
  class Lease {
   public:
    Lease(Pool& p, Clock::time_point deadline) : p_(p) {
      auto i = p_.free_.acquire(deadline);
      if (!i) unavailable("busy", "no database connection came free within the time budget");
      i_ = *i;
      store::set_deadline(p_.readers_[i_], deadline);
    }
    ~Lease() {
      store::set_deadline(p_.readers_[i_], std::nullopt);
      p_.free_.release(i_);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const store::Reader& reader() const { return p_.readers_[i_]; }
    // A query was interrupted, or the budget is spent.
    bool expired() const { return store::deadline_passed(p_.readers_[i_]); }

   private:
    Pool& p_;
    std::size_t i_ = 0;
  };

 private:
  std::vector<store::Reader> readers_;  // never resized: the render cache keys on their addresses
  FairSlots free_;
};

}  // namespace

struct Server::Impl {
  Options options;
  Resources res;
  Pool pool;
  Gate heavy;
  GuardedHttp http;
  std::vector<std::string> hosts;  // accepted Host values; empty: no check
  bool bound = false;
  // run() is between its start and its return; stop() was called (see Server::stop).
  std::atomic<bool> in_run{false}, stop_requested{false};
  // /api/reports/:id answers: the reader's whole report, the same until the database changes.
  RenderCache reports_cache{kReportsCacheBytes};

  Impl(Options o, Resources r, std::vector<store::Reader> readers)
      : options(std::move(o)),
        res(std::move(r)),
        pool(std::move(readers)),
        heavy(options.heavy_slots > 0 ? options.heavy_slots : std::max(1, options.threads / 2)),
        http(ConnLimits{.workers = options.threads * 2 + 2,
                        .max_connections = options.max_connections,
                        .head_timeout_ms = options.read_timeout_s * 1000,
                        .idle_timeout_ms = options.idle_timeout_s * 1000,
                        .write_timeout_ms = options.write_timeout_s * 1000}) {}

  using Handler = std::function<Reply(const Ctx&)>;

  void api(httplib::Response& res_out, const httplib::Request& req, const Handler& fn,
           bool expensive) {
    // From the moment the request head arrived: time spent queued for a worker counts, so an
    // overloaded server answers 503 rather than long-stale requests.
    const auto deadline = GuardedHttp::arrived() + std::chrono::milliseconds(options.budget_ms);
    try {
      if (Clock::now() >= deadline)
        unavailable("busy", "the request waited longer than its budget for a worker");
      std::optional<Gate::Ticket> ticket;
      if (expensive) ticket.emplace(heavy, deadline);
      Pool::Lease lease(pool, deadline);
      Ctx c{lease.reader(), res, req.params};
      Reply r;
      try {
        r = fn(c);
      } catch (const std::exception&) {
        if (lease.expired()) {
          unavailable("timeout", "the request took longer than its budget of " +
                                     std::to_string(options.budget_ms) + " ms");
        }
        throw;
      }
      res_out.status = 200;
      res_out.set_header("Cache-Control", "no-store");
      if (!r.filename.empty()) {
        std::string disposition = "attachment; filename=\"" + r.filename + "\"";
        if (!r.filename_utf8.empty())
          disposition += "; filename*=UTF-8''" + percent_encode(r.filename_utf8);
        res_out.set_header("Content-Disposition", disposition);
      }
      res_out.set_content(r.body, r.type);
    } catch (const HttpError& e) {
      send_error(res_out, e.status, e.code, e.what());
    } catch (const std::exception& e) {
      send_error(res_out, 500, "internal", e.what());
    }
  }

  // Refuses what no route serves: other methods, bodies, several or foreign Host headers.
  httplib::Server::HandlerResponse screen(const httplib::Request& req, httplib::Response& out) {
    using R = httplib::Server::HandlerResponse;
    const std::string length = req.get_header_value("Content-Length");
    const bool body = req.has_header("Transfer-Encoding") ||
                      req.get_header_value_count("Content-Length") > 1 ||
                      (!length.empty() && length.find_first_not_of('0') != std::string::npos);
    if (body) {
      // The body is never read: close the connection so its bytes are not taken for a request.
      GuardedHttp::close_after_response();
      out.set_header("Connection", "close");
    }
    if (req.method != "GET" && req.method != "HEAD") {
      send_error(out, 405, "method_not_allowed", "只支持 GET 请求");
      out.set_header("Allow", "GET, HEAD");
      return R::Handled;
    }
    if (body) {
      send_error(out, 413, "payload_too_large", "GET 请求不带正文");
      return R::Handled;
    }
    if (req.get_header_value_count("Host") > 1) {
      GuardedHttp::close_after_response();
      send_error(out, 400, "bad_request", "请求带有多个 Host 头");
      return R::Handled;
    }
    if (!hosts.empty()) {
      if (!req.has_header("Host")) {
        if (req.version == "HTTP/1.0") return R::Unhandled;
        send_error(out, 400, "bad_request", "请求缺少 Host 头");
        return R::Handled;
      }
      const std::string h = lower(req.get_header_value("Host"));
      if (std::find(hosts.begin(), hosts.end(), h) == hosts.end()) {
        send_error(out, 403, "forbidden",
                   "本服务只接受发往 127.0.0.1、localhost、[::1] 或 --allow-host 所列名称的请求");
        return R::Handled;
      }
    }
    return R::Unhandled;
  }

  void route(const std::string& pattern, Handler fn, bool expensive = false) {
    http.Get(pattern, [this, fn = std::move(fn), expensive](const httplib::Request& req,
                                                            httplib::Response& res_out) {
      api(res_out, req, fn, expensive);
    });
  }

  // An embedded asset, in the coding the client accepts, as compressed at build time (never per
  // request). Every answer carries a strong ETag (suffixed per coding) and Vary: Accept-Encoding;
  // a matching If-None-Match gets 304 with no body. A request naming the current version
  // (?v=<hash>, as index.html does for the chart bundle and style sheet) may be cached for a
  // year (immutable); anything else is revalidated each time (no-cache).
  void serve_asset(httplib::Response& res_out, const httplib::Request& req, std::string_view name) {
    const Asset* a = find_asset(name);
    if (!a) {
      send_error(res_out, 404, "not_found", "没有这个文件");
      return;
    }
    const std::string_view coding = pick_encoding(*a, req.get_header_value("Accept-Encoding"));
    const std::string_view hash = a->etag.substr(1, a->etag.size() - 2);
    std::string etag = "\"";
    etag += hash;
    if (!coding.empty()) etag += "-" + std::string(coding);
    etag += '"';
    const bool versioned = req.has_param("v") && req.get_param_value("v") == hash;
    res_out.set_header("Cache-Control",
                       versioned ? "public, max-age=31536000, immutable" : "no-cache");
    res_out.set_header("ETag", etag);
    res_out.set_header("Vary", "Accept-Encoding");
    if (name.ends_with(".html")) res_out.set_header("Content-Security-Policy", kCsp);
    if (req.has_header("If-None-Match") &&
        etag_matches(req.get_header_value("If-None-Match"), a->etag)) {
      res_out.status = 304;
      return;
    }
    const std::string_view bytes = coding == "br" ? a->br : coding == "gzip" ? a->gz : a->bytes;
    if (!coding.empty()) res_out.set_header("Content-Encoding", std::string(coding));
    res_out.status = 200;
    // A sized content provider: httplib sends these bytes as they are (it compresses only
    // set_content bodies and chunked providers).
    res_out.set_content_provider(
        bytes.size(), content_type(a->name),
        [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          return sink.write(bytes.data() + offset, length);
        });
  }

  void setup() {
    http.set_payload_max_length(4096);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
    http.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& out) { return screen(req, out); });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& out) {
      if (!out.body.empty()) return;
      if (out.status == 404)
        send_error(out, 404, "not_found", "没有这个接口：" + req.path);
      else if (out.status == 414)
        send_error(out, 414, "uri_too_long", "请求行过长");
      else if (out.status == 413)
        send_error(out, 413, "payload_too_large", "请求正文过大");
      else
        send_error(out, out.status, "bad_request", "无法解析的请求");
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& out, const std::exception_ptr& ep) {
          std::string what = "unexpected error";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          send_error(out, 500, "internal", what);
        });

    route("/api/summary", api::summary);
    route("/api/reports", api::reports);
    http.Get(
        R"(/api/reports/([^/]+))", [this](const httplib::Request& req, httplib::Response& out) {
          const std::string raw = req.matches[1];
          api(
              out, req,
              [this, &raw](const Ctx& c) {
                if (raw.empty() || raw.size() > 18 ||
                    raw.find_first_not_of("0123456789") != std::string::npos) {
                  bad_request("报告编号应为不超过 18 位的正整数，收到“" + raw.substr(0, 40) + "”");
                }
                const std::int64_t id = std::stoll(raw);
                Reply r;
                r.body = reports_cache.get(c.db, std::to_string(id),
                                           [&] { return api::report(c, id).body; });
                return r;
              },
              false);
        });
    // Stable keys (docs/api.md, "Versions"): the canonical version of a region's report for a
    // year, whatever the database ids of this build of the corpus.
    http.Get(R"(/api/reports/([^/]+)/([0-9]{4}))",
             [this](const httplib::Request& req, httplib::Response& out) {
               const std::string region = req.matches[1];
               const std::int64_t year = std::stoll(req.matches[2]);
               api(
                   out, req,
                   [this, &region, year](const Ctx& c) {
                     const std::int64_t id = api::report_id_of(c, region, year);
                     Reply r;
                     r.body = reports_cache.get(c.db, std::to_string(id),
                                                [&] { return api::report(c, id).body; });
                     return r;
                   },
                   false);
             });
    // A page link by stable key: the workbench's own route for it.
    http.Get(
        R"(/report/([^/?#]+)/([0-9]{4}))", [](const httplib::Request& req, httplib::Response& out) {
          // The region as the path gave it, decoded by httplib: percent-encoded again for
          // the header (a region name is Chinese).
          const std::string region = percent_encode(std::string(req.matches[1]));
          out.status = 302;
          out.set_header("Location", "/#/report/" + region + "/" + std::string(req.matches[2]));
        });
    route("/api/indicators", api::indicators);
    route("/api/search", api::search);
    // Expensive: whole-corpus analysis tables, word segmentation, glossary look-ups, exports.
    route("/api/targets", api::targets, true);
    route("/api/realised", api::realised, true);
    route("/api/search/regions", api::search_regions, true);
    route("/api/attention", api::attention, true);
    route("/api/terms", api::terms, true);
    route("/api/compare", api::compare, true);
    route("/api/checks", api::checks, true);
    route("/api/slogans", api::slogans, true);
    route("/api/commitments", api::commitments, true);
    route("/api/download", api::download, true);

    http.Get("/", [this](const httplib::Request& req, httplib::Response& out) {
      if (assets().empty()) {
        out.set_content(kNoUi, "text/html; charset=utf-8");
        return;
      }
      serve_asset(out, req, "index.html");
    });
    http.Get(R"(/assets/(.+))", [this](const httplib::Request& req, httplib::Response& out) {
      serve_asset(out, req, std::string(req.matches[1]));
    });
  }
};

Result<std::unique_ptr<Server>> Server::create(const Options& options) {
  if (options.threads < 1 || options.threads > 64) {
    return make_error(ErrorCode::kUsage, "threads must be between 1 and 64");
  }
  if (options.budget_ms < 1 || options.max_connections < 1 || options.read_timeout_s < 1 ||
      options.write_timeout_s < 1 || options.idle_timeout_s < 1) {
    return make_error(ErrorCode::kUsage,
                      "budgets, timeouts and connection limits must be positive");
  }
  // Reader::open refuses a file that is not a gwr corpus (kInvalidData) before anything is served.
  std::vector<store::Reader> readers;
  for (int i = 0; i < options.threads; ++i) {
    auto r = store::Reader::open(options.db);
    if (!r) return r.error();
    readers.push_back(std::move(r).value());
  }
  auto themes = analysis::Themes::load();
  if (!themes) return themes.error();
  auto seg = analysis::Segmenter::load();
  if (!seg) return seg.error();
  auto words = analysis::CommitmentWords::load();
  if (!words) return words.error();
  auto impl = std::make_unique<Impl>(
      options,
      Resources{std::move(themes).value(), std::move(seg).value(), std::move(words).value()},
      std::move(readers));
  impl->setup();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { stop(); }

Result<int> Server::bind() {
  const auto& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->http.bind_to_any_port(o.host);
    if (port < 0) port = 0;
  } else if (!impl_->http.bind_to_port(o.host, o.port)) {
    port = 0;
  }
  if (port <= 0) {
    return make_error(ErrorCode::kUnreadable, "cannot listen on " + o.host + ":" +
                                                  std::to_string(o.port) +
                                                  " (address in use or not available)");
  }
  impl_->bound = true;
  (void)impl_->http.widen_backlog();  // a short backlog only costs latency under many clients
  if (is_loopback(o.host) || !o.allow_hosts.empty()) impl_->hosts = allowed_hosts(o, port);
  return port;
}

Status Server::run() {
  if (!impl_->bound) return make_error(ErrorCode::kInternal, "run() before a successful bind()");
  impl_->in_run = true;
  // A stop() that came first wins: run() returns at once (stop() may see in_run false and leave).
  const bool ok = impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->in_run = false;
  if (!ok) return make_error(ErrorCode::kUnreadable, "the server stopped with an error");
  return Ok{};
}

void Server::stop() {
  if (!impl_) return;
  impl_->stop_requested = true;
  // httplib's stop() does nothing until listen_after_bind() has marked the server running, so a
  // stop() that lands between run()'s start and that moment would be lost and run() would never
  // return (seen once, a test's server thread scheduled late under load). Wait for the server to
  // run, then stop it once (httplib asserts on a second stop); run() returning ends the wait too.
  while (impl_->in_run) {
    if (impl_->http.is_running()) {
      impl_->http.stop();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace gwr::server
