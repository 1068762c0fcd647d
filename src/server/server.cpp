#include "server/server.h"

#include <httplib.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "analysis/attention.h"
#include "analysis/terms.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/rows.h"
#include "store/store.h"

namespace gwr::server {

namespace {

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

constexpr int kWorkersPerConnection = 4;

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// The Host header without its port.
std::string host_name(const std::string& h) {
  if (!h.empty() && h[0] == '[')
    return h.substr(1, h.find(']') == std::string::npos ? std::string::npos : h.find(']') - 1);
  return h.substr(0, h.find(':'));
}

void send_error(httplib::Response& res, int status, const std::string& code,
                const std::string& message) {
  res.status = status;
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

// A fixed set of read-only connections, one lent to each request at a time.
class Pool {
 public:
  explicit Pool(std::vector<store::Store> stores) : stores_(std::move(stores)) {
    for (std::size_t i = 0; i < stores_.size(); ++i) free_.push_back(i);
  }
  class Lease {
   public:
    Lease(Pool& p) : p_(p) {  // NOLINT: implicit by design
      std::unique_lock lock(p_.mu_);
      p_.cv_.wait(lock, [&] { return !p_.free_.empty(); });
      i_ = p_.free_.back();
      p_.free_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard lock(p_.mu_);
        p_.free_.push_back(i_);
      }
      p_.cv_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    const store::Store& store() const { return p_.stores_[i_]; }

   private:
    Pool& p_;
    std::size_t i_ = 0;
  };

 private:
  std::vector<store::Store> stores_;
  std::vector<std::size_t> free_;
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace

struct Server::Impl {
  Options options;
  Resources res;
  Pool pool;
  httplib::Server http;
  bool bound = false;

  Impl(Options o, Resources r, std::vector<store::Store> stores)
      : options(std::move(o)), res(std::move(r)), pool(std::move(stores)) {}

  using Handler = std::function<Reply(const Ctx&)>;

  void api(httplib::Response& res_out, const httplib::Request& req, const Handler& fn) {
    try {
      Pool::Lease lease(pool);
      Ctx c{lease.store(), res, req.params};
      Reply r = fn(c);
      res_out.status = 200;
      res_out.set_header("Cache-Control", "no-store");
      if (!r.filename.empty()) {
        res_out.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
      }
      res_out.set_content(std::move(r.body), r.type.c_str());
    } catch (const HttpError& e) {
      send_error(res_out, e.status, e.code, e.what());
    } catch (const std::exception& e) {
      send_error(res_out, 500, "internal", e.what());
    }
  }

  void route(const std::string& pattern, Handler fn) {
    http.Get(pattern,
             [this, fn = std::move(fn)](const httplib::Request& req, httplib::Response& res_out) {
               api(res_out, req, fn);
             });
  }

  void serve_asset(httplib::Response& res_out, std::string_view name) {
    const Asset* a = find_asset(name);
    if (!a) {
      send_error(res_out, 404, "not_found", "no such file");
      return;
    }
    res_out.set_header("Cache-Control", "no-cache");
    if (name.ends_with(".html")) res_out.set_header("Content-Security-Policy", kCsp);
    res_out.set_content(std::string(a->bytes), content_type(a->name));
  }

  void setup() {
    // A kept-alive connection holds its worker until it closes, so there are more workers than
    // database connections: browsers open up to six connections, load clients more.
    http.new_task_queue = [n = options.threads] {
      // httplib takes ownership of the queue it is handed.
      return new httplib::ThreadPool(static_cast<std::size_t>(n) * kWorkersPerConnection);
    };
    http.set_read_timeout(options.read_timeout_s, 0);
    http.set_write_timeout(options.write_timeout_s, 0);
    http.set_keep_alive_timeout(2);
    http.set_keep_alive_max_count(100);
    http.set_payload_max_length(4096);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});

    const bool loopback = is_loopback(options.host);
    http.set_pre_routing_handler([loopback](const httplib::Request& req, httplib::Response& out) {
      if (req.method != "GET" && req.method != "HEAD") {
        send_error(out, 405, "method_not_allowed", "only GET is served");
        out.set_header("Allow", "GET, HEAD");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (loopback && req.has_header("Host") &&
          !is_loopback(host_name(req.get_header_value("Host")))) {
        send_error(out, 403, "forbidden",
                   "this server answers only requests addressed to the loopback host");
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& out) {
      if (!out.body.empty()) return;
      if (out.status == 404)
        send_error(out, 404, "not_found", "no such route: " + req.path);
      else if (out.status == 414)
        send_error(out, 414, "uri_too_long", "request line too long");
      else if (out.status == 413)
        send_error(out, 413, "payload_too_large", "request body too large");
      else
        send_error(out, out.status, "bad_request", "bad request");
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& out, std::exception_ptr ep) {
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
          api(out, req, [&raw](const Ctx& c) {
            if (raw.empty() || raw.size() > 18 ||
                raw.find_first_not_of("0123456789") != std::string::npos) {
              bad_request("report id must be a positive integer, got '" + raw.substr(0, 40) + "'");
            }
            return api::report(c, std::stoll(raw));
          });
        });
    route("/api/indicators", api::indicators);
    route("/api/search", api::search);
    route("/api/targets", api::targets);
    route("/api/realised", api::realised);
    route("/api/attention", api::attention);
    route("/api/terms", api::terms);
    route("/api/compare", api::compare);
    route("/api/checks", api::checks);
    route("/api/slogans", api::slogans);
    route("/api/commitments", api::commitments);
    route("/api/download", api::download);

    http.Get("/", [this](const httplib::Request&, httplib::Response& out) {
      if (assets().empty()) {
        out.set_content(kNoUi, "text/html; charset=utf-8");
        return;
      }
      serve_asset(out, "index.html");
    });
    http.Get(R"(/assets/(.+))", [this](const httplib::Request& req, httplib::Response& out) {
      serve_asset(out, std::string(req.matches[1]));
    });
  }
};

Result<std::unique_ptr<Server>> Server::create(const Options& options) {
  if (options.threads < 1 || options.threads > 64) {
    return make_error(ErrorCode::kUsage, "threads must be between 1 and 64");
  }
  std::vector<store::Store> stores;
  for (int i = 0; i < options.threads; ++i) {
    auto st = store::Store::open(options.db, store::Options{.read_only = true, .fts = true});
    if (!st) return st.error();
    stores.push_back(std::move(st).value());
  }
  // A gwr corpus has a reports table; anything else is refused before serving.
  if (sqlite3_exec(stores.front().handle(), "SELECT count(*) FROM reports", nullptr, nullptr,
                   nullptr) != SQLITE_OK) {
    return make_error(ErrorCode::kInvalidData, "not a gwr corpus database (no reports table)",
                      options.db.string());
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
      std::move(stores));
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
  return port;
}

Status Server::run() {
  if (!impl_->bound) return make_error(ErrorCode::kInternal, "run() before a successful bind()");
  if (!impl_->http.listen_after_bind())
    return make_error(ErrorCode::kUnreadable, "the server stopped with an error");
  return Ok{};
}

void Server::stop() {
  if (impl_) impl_->http.stop();
}

}  // namespace gwr::server
