// API tests of the web workbench (src/server/server.cpp): a server on a free loopback port, in
// process, over a corpus built from examples/ and tests/server/fixtures/, queried with httplib.
#include "server/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/pipeline.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Percent-encodes every byte outside [A-Za-z0-9._~-] (the Debian httplib exposes no encoder).
std::string url(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '_' || c == '~' || c == '-')
      out += static_cast<char>(c);
    else
      out += {'%', hex[c >> 4], hex[c & 15]};
  }
  return out;
}

// A raw TCP connection to the server, for requests httplib's client will not send.
class RawConn {
 public:
  explicit RawConn(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawConn() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConn(const RawConn&) = delete;
  RawConn& operator=(const RawConn&) = delete;
  bool ok() const { return ok_; }
  bool send(const std::string& s) {
    return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
  }
  // Everything the server sends until it closes the connection or `ms` pass.
  std::string read_all(int ms) {
    std::string out;
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    char buf[4096];
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            end - std::chrono::steady_clock::now())
                            .count();
      if (left <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool ok_ = false;
  bool closed_ = false;
};

int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return -1;
  return std::stoi(response.substr(9, 3));
}

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = testing::temp_dir("server_corpus") / "corpus.db";
    {
      auto res = pipeline::Resources::load();
      ASSERT_TRUE(res.ok()) << res.error().describe();
      auto st = store::Store::open(db_);
      ASSERT_TRUE(st.ok()) << st.error().describe();
      const fs::path root = testing::repo_dir();
      for (const char* f :
           {"examples/clean_prefecture_report.txt", "examples/big5_county_report.txt",
            "examples/dump_three_reports.txt", "examples/gbk_county_report.txt",
            "examples/portal_page.html", "tests/server/fixtures/shaoxing_2025.txt"}) {
        auto xs = pipeline::extract_file(root / f, *res.value());
        ASSERT_TRUE(xs.ok()) << f << ": " << xs.error().describe();
        for (const auto& x : *xs) ASSERT_TRUE(st->add(x).ok()) << f;
      }
    }
    Options o;
    o.db = db_;
    o.port = 0;
    o.threads = 2;
    auto s = Server::create(o);
    ASSERT_TRUE(s.ok()) << s.error().describe();
    server_ = std::move(s).value();
    auto port = server_->bind();
    ASSERT_TRUE(port.ok()) << port.error().describe();
    port_ = *port;
    thread_ = std::thread([] { (void)server_->run(); });
  }
  static void TearDownTestSuite() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    return c.Get(path.c_str(), headers);
  }
  // GET expecting `status` and a JSON body.
  static json get_json(const std::string& path, int status = 200) {
    auto r = get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, status) << path << " → " << r->body;
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos)
        << path;
    return json::parse(r->body, nullptr, false);
  }
  static std::int64_t report_id(const std::string& q, int year) {
    json j = get_json("/api/reports?q=" + url(q) + "&year=" + std::to_string(year));
    EXPECT_GE(j["items"].size(), 1u) << q;
    return j["items"].empty() ? 0 : j["items"][0]["id"].get<std::int64_t>();
  }
  static void expect_error(const std::string& path, int status, const std::string& code) {
    json j = get_json(path, status);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_EQ(j["error"]["code"], code) << path;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << path;
  }

  static inline fs::path db_;
  static inline std::unique_ptr<Server> server_;
  static inline std::thread thread_;
  static inline int port_ = 0;
};

TEST_F(Api, SummaryCountsTheCorpus) {
  json j = get_json("/api/summary");
  EXPECT_EQ(j["reports"], 8);
  EXPECT_EQ(j["regions"], 7);
  EXPECT_EQ(j["first_year"], 2024);
  EXPECT_EQ(j["last_year"], 2025);
  EXPECT_EQ(j["search"], true);
  EXPECT_GT(j["targets"].get<int>(), 40);
  EXPECT_EQ(j["by_level"][0]["level"], "county");
}

TEST_F(Api, ReportListFiltersPagesAndCountsFacets) {
  json all = get_json("/api/reports");
  EXPECT_EQ(all["total"], 8);
  json county = get_json("/api/reports?level=county");
  EXPECT_EQ(county["total"], 5);
  for (const auto& r : county["items"]) EXPECT_EQ(r["level"], "county");
  json zj = get_json("/api/reports?province=" + url("浙江省") + "&limit=2&offset=2");
  EXPECT_EQ(zj["total"], 6);
  EXPECT_EQ(zj["items"].size(), 2u);
  EXPECT_EQ(zj["offset"], 2);
  json y = get_json("/api/reports?year=2025");
  ASSERT_EQ(y["total"], 1);
  EXPECT_EQ(y["items"][0]["region"], "绍兴市");
  EXPECT_EQ(all["facets"]["year"].size(), 2u);
}

TEST_F(Api, BadListParametersAre400) {
  expect_error("/api/reports?limit=100000", 400, "bad_request");
  expect_error("/api/reports?limit=0", 400, "bad_request");
  expect_error("/api/reports?year=twenty", 400, "bad_request");
  expect_error("/api/reports?level=planet", 400, "bad_request");
  expect_error("/api/reports?offset=-1", 400, "bad_request");
  expect_error("/api/reports?q=" + std::string(300, 'x'), 400, "bad_request");
}

TEST_F(Api, ReportHasSectionsTextPartsFactsAndTargets) {
  const auto id = report_id("绍兴", 2024);
  json r = get_json("/api/reports/" + std::to_string(id));
  EXPECT_EQ(r["region"], "绍兴市");
  ASSERT_FALSE(r["sections"].empty());
  EXPECT_EQ(r["sections"][0]["type"], "review");
  EXPECT_FALSE(r["sections"][0]["paragraph"].is_null());
  // The quantity 8150亿元 is an actual review-year fact, placed exactly in its paragraph.
  bool found = false;
  for (const auto& p : r["paragraphs"]) {
    for (const auto& part : p["parts"]) {
      if (part.value("text", "") == "8150亿元" && part.contains("q")) {
        found = true;
        EXPECT_EQ(part["status"], "actual");
        const auto& f = r["facts"][part["fact"].get<std::size_t>()];
        EXPECT_EQ(f["indicator_id"], "gdp");
        EXPECT_EQ(f["year"], 2023);
      }
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(r["targets"].size(), 11u);
  EXPECT_EQ(r["livelihood"].size(), 10u);
  EXPECT_EQ(r["glossary"].size(), 3u);
  bool term = false;
  for (const auto& t : r["terms"]) {
    if (t["text"] == "智造强基")
      term = t["definition"].get<std::string>().find("制造业") != std::string::npos;
  }
  EXPECT_TRUE(term);
}

TEST_F(Api, ParagraphPartsRebuildTheTextAndBig5WarningsShow) {
  const auto id = report_id("永登", 2024);
  json r = get_json("/api/reports/" + std::to_string(id));
  EXPECT_EQ(r["encoding"], "Big5");
  EXPECT_FALSE(r["warnings"].empty());
  int quantities = 0;
  for (const auto& p : r["paragraphs"]) {
    for (const auto& part : p["parts"]) quantities += part.contains("q") ? 1 : 0;
  }
  EXPECT_GT(quantities, 5) << "raw Big5 offsets still place quantities in their paragraphs";
}

TEST_F(Api, UnknownOrMalformedReportIdIsJsonError) {
  expect_error("/api/reports/999999", 404, "not_found");
  expect_error("/api/reports/abc", 400, "bad_request");
  expect_error("/api/reports/99999999999999999999999", 400, "bad_request");
  expect_error("/api/nothing-here", 404, "not_found");
}

TEST_F(Api, SearchReturnsHighlightedSnippetsAndFacets) {
  json j = get_json("/api/search?q=" + url("城市书房"));
  ASSERT_GE(j["total"].get<int>(), 2);
  const auto& hit = j["hits"][0];
  bool marked = false;
  for (const auto& s : hit["snippet"])
    marked = marked ||
             (s["hit"] == true && s["text"].get<std::string>().find("书房") != std::string::npos);
  EXPECT_TRUE(marked);
  EXPECT_TRUE(hit.contains("paragraph"));
  EXPECT_FALSE(j["facets"]["province"].empty());
  json f = get_json("/api/search?q=" + url("城市书房") + "&year=2025");
  for (const auto& h : f["hits"]) EXPECT_EQ(h["plan_year"], 2025);
  json punct = get_json("/api/search?q=" + url("7.5%"));
  EXPECT_TRUE(punct.contains("hits"));
}

TEST_F(Api, SearchCountsEveryMatchOnlyWhenAsked) {
  EXPECT_TRUE(get_json("/api/search?q=" + url("发展") + "&limit=1")["matches"].is_null());
  json j = get_json("/api/search?q=" + url("发展") + "&limit=1&count=1");
  EXPECT_EQ(j["matches"], j["total"]);  // fewer than 1000 matches here: total is all of them
  EXPECT_GT(j["matches"].get<int>(), 1);
  EXPECT_EQ(j["hits"].size(), 1u);
  json f = get_json("/api/search?q=" + url("发展") + "&year=2025&count=1");
  EXPECT_EQ(f["matches"], f["total"]);
  expect_error("/api/search?q=x&count=2", 400, "bad_request");
}

TEST_F(Api, SearchRegionsCountEachRegionsReportsAndThoseThatMentionTheQuery) {
  json j = get_json("/api/search/regions?q=" + url("城市书房"));
  ASSERT_FALSE(j["regions"].empty());
  int reports = 0;
  int mentioning = 0;
  for (const auto& r : j["regions"]) {
    EXPECT_LE(r["mentioning"].get<int>(), r["reports"].get<int>()) << r.dump();
    reports += r["reports"].get<int>();
    mentioning += r["mentioning"].get<int>();
  }
  EXPECT_GT(mentioning, 0);
  EXPECT_LT(mentioning, reports) << "regions that do not mention it are listed with 0";
  EXPECT_EQ(reports, get_json("/api/summary")["reports"].get<int>())
      << "every canonical report of the corpus, mentioning or not";
  json y = get_json("/api/search/regions?q=" + url("城市书房") + "&year=2025&level=prefecture");
  for (const auto& r : y["regions"]) EXPECT_EQ(r["level"], "prefecture");
  expect_error("/api/search/regions", 400, "bad_request");
  expect_error("/api/search/regions?q=x&level=town", 400, "bad_request");
}

TEST_F(Api, BadSearchesAre400) {
  expect_error("/api/search", 400, "bad_request");
  expect_error("/api/search?q=" + std::string(400, 'a'), 400, "bad_request");
  expect_error("/api/search?q=x&limit=5000", 400, "bad_request");
  expect_error("/api/search?q=x&year=abc", 400, "bad_request");
}

TEST_F(Api, TargetsAndRealised) {
  json t = get_json("/api/targets?indicator=gdp_growth&year=2024");
  ASSERT_FALSE(t["rows"].empty());
  for (const auto& r : t["rows"]) {
    EXPECT_EQ(r["canonical"], "gdp_growth");
    EXPECT_EQ(r["year"], 2024);
  }
  json re = get_json("/api/realised?indicator=gdp_growth&year=2024");
  bool shaoxing = false;
  for (const auto& r : re["rows"]) {
    if (r["region"] == "绍兴市") {
      shaoxing = true;
      EXPECT_DOUBLE_EQ(r["realised"].get<double>(), 5.8);
      EXPECT_EQ(r["outcome"], "near");  // "around 6%" against 5.8: within the 0.2 band
      EXPECT_NEAR(r["gap"].get<double>(), -0.2, 1e-9);
      EXPECT_TRUE(r.contains("realised_start") && r.contains("realised_status"));
    }
  }
  EXPECT_TRUE(shaoxing);
  // ?near= sets the band: 0 turns the near miss into a miss; a bad value is a 400.
  const json narrow = get_json("/api/realised?indicator=gdp_growth&year=2024&near=0");
  for (const auto& r : narrow["rows"]) {
    if (r["region"] == "绍兴市") {
      EXPECT_EQ(r["outcome"], "missed");
    }
  }
  expect_error("/api/realised?near=abc", 400, "bad_request");
  expect_error("/api/realised?near=50", 400, "bad_request");
  expect_error("/api/targets?kind=weekly", 400, "bad_request");
  json ind = get_json("/api/indicators");
  EXPECT_FALSE(ind["targets"].empty());
}

TEST_F(Api, AttentionTermsCompareChecks) {
  const auto a = report_id("绍兴", 2024), b = report_id("宜宾", 2024);
  const std::string ids = std::to_string(a) + "," + std::to_string(b);
  json att = get_json("/api/attention?report=" + ids);
  EXPECT_FALSE(att["rows"].empty());
  EXPECT_FALSE(att["themes"].empty());
  json terms = get_json("/api/terms?report=" + std::to_string(a) + "&n=5");
  EXPECT_EQ(terms["rows"].size(), 5u);
  json trends = get_json("/api/terms?by=year&mode=trends&n=3");
  EXPECT_TRUE(trends.contains("rows"));
  expect_error("/api/terms?mode=trends", 400, "bad_request");
  json cmp = get_json("/api/compare?report=" + ids);
  EXPECT_EQ(cmp["columns"].size(), 4u);
  EXPECT_FALSE(cmp["attention"]["rows"].empty());
  expect_error("/api/compare", 400, "bad_request");
  expect_error("/api/compare?report=1,999999", 404, "not_found");
  expect_error("/api/compare?report=1,2,3,4,5,6,7,8,9", 400, "bad_request");
  expect_error("/api/compare?report=x", 400, "bad_request");
  json checks = get_json("/api/checks");
  EXPECT_TRUE(checks.contains("rows"));
}

TEST_F(Api, SlogansCarryDefinitions) {
  json s = get_json("/api/slogans?report=" + std::to_string(report_id("绍兴", 2024)));
  ASSERT_FALSE(s["rows"].empty());
  EXPECT_EQ(s["rows"][0]["slogan"], "智造强基");
  EXPECT_NE(s["rows"][0]["definition"].get<std::string>().find("制造业"), std::string::npos);
}

TEST_F(Api, CommitmentsFollowItemsIntoTheNextReport) {
  json list = get_json("/api/commitments");
  ASSERT_FALSE(list["reports"].empty());
  const auto id = report_id("绍兴", 2024);
  json c = get_json("/api/commitments?report=" + std::to_string(id));
  EXPECT_EQ(c["next_report"]["plan_year"], 2025);
  ASSERT_EQ(c["items"].size(), 10u);
  EXPECT_EQ(c["items"][1]["status"], "done");         // 中小学12所 全部建成投用
  EXPECT_EQ(c["items"][4]["status"], "in_progress");  // 城市书房 正在加快建设
  EXPECT_EQ(c["items"][7]["status"], "in_progress");  // 燃气管道 持续推进, 已完成110公里
  EXPECT_EQ(c["items"][6]["status"], "not_mentioned");
  EXPECT_NE(c["items"][1]["evidence"]["text"].get<std::string>().find("建成投用"),
            std::string::npos);
  json none = get_json("/api/commitments?report=" + std::to_string(report_id("绍兴", 2025)));
  for (const auto& it : none["items"]) EXPECT_EQ(it["status"], "no_next_report");
  expect_error("/api/commitments?report=999999", 404, "not_found");
}

TEST_F(Api, DownloadsCsvAndXlsx) {
  auto csv = get("/api/download?table=targets&format=csv&indicator=gdp_growth&year=2024");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  // Chinese headers and coded values by default (data/labels_zh.tsv), gwr's ids with lang=en.
  EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBF地区,行政区划代码,层级,省份,年度,目标类型,指标类别,", 0),
            0u)
      << csv->body.substr(0, 120);
  EXPECT_NE(csv->body.find("绍兴市,330600,地级,浙江省,2024,年度目标,地区生产总值增长,gdp,"),
            std::string::npos)
      << csv->body;
  EXPECT_EQ(csv->body.find(",cpi,"), std::string::npos);
  const std::string disposition = csv->get_header_value("Content-Disposition");
  EXPECT_NE(disposition.find("attachment; filename=\"gwr-targets.csv\""), std::string::npos);
  // gwr-目标.csv, sent percent-encoded (RFC 6266); httplib's client decodes header values.
  EXPECT_NE(disposition.find("filename*=UTF-8''gwr-目标.csv"), std::string::npos) << disposition;
  auto en = get("/api/download?table=targets&format=csv&indicator=gdp_growth&year=2024&lang=en");
  ASSERT_TRUE(en);
  EXPECT_EQ(en->body.rfind("\xEF\xBB\xBFregion,region_code,level,", 0), 0u);
  EXPECT_NE(en->body.find("绍兴市,330600,prefecture,浙江省,2024,plan_year,gdp_growth"),
            std::string::npos);
  EXPECT_EQ(en->get_header_value("Content-Disposition").find("filename*"), std::string::npos);
  auto xlsx = get("/api/download?table=reports&format=xlsx");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u) << "an XLSX file is a zip archive";
  expect_error("/api/download?table=../../etc/passwd", 400, "bad_request");
  expect_error("/api/download", 400, "bad_request");
  expect_error("/api/download?table=targets&format=pdf", 400, "bad_request");
}

TEST_F(Api, AssetsAreServedByExactNameOnly) {
  auto root = get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  EXPECT_NE(root->get_header_value("Content-Type").find("text/html"), std::string::npos);
  if (root->body.find("未构建") == std::string::npos) {
    EXPECT_FALSE(root->get_header_value("Content-Security-Policy").empty());
    auto js = get("/assets/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->status, 200);
    EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
    auto geo = get("/assets/vendor/china.json");
    ASSERT_TRUE(geo);
    EXPECT_EQ(geo->status, 200);
  }
  for (const char* p : {"/assets/../src/server/server.cpp", "/assets/%2e%2e/%2e%2e/etc/passwd",
                        "/assets/..%2fCMakeLists.txt", "/etc/passwd", "/assets/",
                        "/assets/vendor/../../CMakeLists.txt"}) {
    auto r = get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 404) << p;
  }
}

TEST_F(Api, AssetsAreCompressedOnceWithETagsAnd304) {
  auto root = get("/");
  ASSERT_TRUE(root);
  if (root->body.find("未构建") != std::string::npos) GTEST_SKIP() << "web UI not built";
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(20, 0);
  c.set_decompress(false);  // the bytes as sent
  const std::string path = "/assets/vendor/echarts.min.js";
  std::string first;
  std::string etag;
  double slowest = 0;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = c.Get(path.c_str(), {{"Accept-Encoding", "gzip, br"}});
    const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - t0;
    slowest = std::max(slowest, ms.count());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Encoding"), "br");
    EXPECT_EQ(r->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-cache");
    // Under a third of the 1 MB bundle: brotli at build time, not a fast setting per request.
    EXPECT_LT(r->body.size(), 400u * 1024);
    EXPECT_GT(r->body.size(), 100u * 1024);
    if (i == 0) {
      first = r->body;
      etag = r->get_header_value("ETag");
    } else {
      EXPECT_EQ(r->body, first) << "the same compressed bytes every time";
      EXPECT_EQ(r->get_header_value("ETag"), etag);
    }
  }
  // A per-request brotli pass over the bundle took 1.9-3.3 s; the stored bytes take milliseconds.
  EXPECT_LT(slowest, 1000.0);
  ASSERT_EQ(etag.size(), 25u) << etag;  // "<20 hex>-br"
  EXPECT_EQ(etag.substr(21), "-br\"");
  const std::string hash = etag.substr(1, 20);

  auto gz = c.Get(path.c_str(), {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gz->get_header_value("ETag"), "\"" + hash + "-gzip\"");
  EXPECT_EQ(gz->body.rfind("\x1f\x8b", 0), 0u) << "a gzip stream";
  auto plain = c.Get(path.c_str(), {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_GT(plain->body.size(), 900u * 1024);
  EXPECT_EQ(plain->get_header_value("ETag"), "\"" + hash + "\"");
  auto refused = c.Get(path.c_str(), {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->has_header("Content-Encoding"));

  // Revalidation: any of the coding's tags, or the bare tag, gives 304 with no body.
  for (const std::string& tag :
       {etag, "\"" + hash + "\"", "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    auto r = c.Get(path.c_str(), {{"Accept-Encoding", "br"}, {"If-None-Match", tag}});
    ASSERT_TRUE(r) << tag;
    EXPECT_EQ(r->status, 304) << tag;
    EXPECT_TRUE(r->body.empty());
    EXPECT_EQ(r->get_header_value("ETag"), etag);
  }
  auto stale = c.Get(path.c_str(), {{"If-None-Match", "\"0123456789abcdef0123\""}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);

  // The versioned name index.html uses may be kept for a year; a stale version is revalidated.
  auto versioned = c.Get((path + "?v=" + hash).c_str(), {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(versioned);
  EXPECT_NE(versioned->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_NE(root->body.find(path + "?v=" + hash), std::string::npos)
      << "index.html names the current chart bundle";
  auto old = c.Get((path + "?v=0123").c_str(), {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(old);
  EXPECT_EQ(old->get_header_value("Cache-Control"), "no-cache");

  // HEAD: the headers only.
  auto head = c.Head(path.c_str(), {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->get_header_value("ETag"), etag);
}

TEST_F(Api, NullNumbersCountAsAbsent) {
  for (const char* q : {"targets?indicator=gdp_growth&year=null", "targets?year=undefined",
                        "targets?year=", "realised?indicator=gdp_growth&near=null&year=null"}) {
    auto r = get(std::string("/api/") + q);
    ASSERT_TRUE(r) << q;
    EXPECT_EQ(r->status, 200) << q;
  }
  expect_error("/api/targets?year=nul", 400, "bad_request");
}

TEST_F(Api, OnlyGetFromTheLoopbackHostIsServed) {
  httplib::Client c("127.0.0.1", port_);
  auto post = c.Post("/api/summary", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto rebound = get("/api/summary", {{"Host", "evil.example:8080"}});
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
  const std::string port = std::to_string(port_);
  for (const std::string& host :
       std::vector<std::string>{"localhost:" + port, "localhost", "127.0.0.1:" + port, "127.0.0.1",
                                "[::1]:" + port, "[::1]", "LocalHost:" + port}) {
    auto r = get("/api/summary", {{"Host", host}});
    ASSERT_TRUE(r) << host;
    EXPECT_EQ(r->status, 200) << host;
  }
  const std::string other_port = std::to_string(port_ == 8080 ? 8081 : 8080);
  for (const std::string& host :
       std::vector<std::string>{"127.evil.com", "127.0.0.1.nip.io", "127.0.0.1.nip.io:" + port,
                                "localhost:" + other_port, "localhost.", "127.0.0.2",
                                "0.0.0.0:" + port, "[::1]x", "localhost:" + port + "0"}) {
    auto r = get("/api/summary", {{"Host", host}});
    ASSERT_TRUE(r) << host;
    EXPECT_EQ(r->status, 403) << "Host: " << host;
  }
}

TEST_F(Api, TwoHostHeadersAre400) {
  RawConn c(port_);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(c.send("GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n"));
  const std::string r = c.read_all(5000);
  EXPECT_EQ(status_of(r), 400) << r;
  EXPECT_NE(r.find("\"bad_request\""), std::string::npos) << r;
  RawConn none(port_);
  ASSERT_TRUE(none.send("GET /api/summary HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(status_of(none.read_all(5000)), 400) << "HTTP/1.1 without Host";
  RawConn old(port_);
  ASSERT_TRUE(old.send("GET /api/summary HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(status_of(old.read_all(5000)), 200) << "HTTP/1.0 needs no Host";
}

TEST_F(Api, GetWithABodyIs413AndTheBodyIsNotRead) {
  RawConn c(port_);
  ASSERT_TRUE(c.ok());
  // 100 MB announced, a little sent: the answer comes at once and the connection closes (the
  // rest is not waited for, and the bytes sent are not taken for a second request).
  ASSERT_TRUE(
      c.send("GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n"
             "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  const auto t0 = std::chrono::steady_clock::now();
  const std::string r = c.read_all(5000);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
  EXPECT_EQ(status_of(r), 413) << r;
  EXPECT_NE(r.find("payload_too_large"), std::string::npos) << r;
  EXPECT_EQ(r.find("HTTP/1.1", 5), std::string::npos) << "a second answer: " << r;
  EXPECT_TRUE(c.closed());
  RawConn chunked(port_);
  ASSERT_TRUE(chunked.send(
      "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n"));
  EXPECT_EQ(status_of(chunked.read_all(5000)), 413);
  // Content-Length: 0 is no body.
  auto ok = get("/api/summary", {{"Content-Length", "0"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(Api, FtsSyntaxErrorsAre400) {
  for (const char* q : {"\"", "\"a", "a\"b", "*", "(", "\"城市", "AND"}) {
    auto r = get("/api/search?q=" + url(q));
    ASSERT_TRUE(r) << q;
    const json j = json::parse(r->body, nullptr, false);
    if (std::string(q) == "AND") {
      // A bare operator is retried as a quoted word: no error.
      EXPECT_EQ(r->status, 200) << q << " → " << r->body;
      continue;
    }
    EXPECT_EQ(r->status, 400) << q << " → " << r->body;
    ASSERT_TRUE(j.contains("error")) << q;
    EXPECT_EQ(j["error"]["code"], "bad_request") << q;
  }
}

TEST_F(Api, HugeReportIdsAreRefusedNeverAsFloats) {
  for (const char* id :
       {"18446744073709551616", "18446744073709551617", "99999999999999999999999", "1e20"}) {
    auto r = get(std::string("/api/reports/") + id);
    ASSERT_TRUE(r) << id;
    EXPECT_TRUE(r->status == 400 || r->status == 404) << id << " → " << r->status;
    EXPECT_EQ(r->body.find("e+"), std::string::npos) << r->body;
    EXPECT_EQ(r->body.find("1.8446"), std::string::npos) << r->body;
  }
  expect_error("/api/reports/999999999999999999", 404, "not_found");
  for (const char* q :
       {"/api/compare?report=18446744073709551617", "/api/attention?report=99999999999999999999"}) {
    auto r = get(q);
    ASSERT_TRUE(r) << q;
    EXPECT_EQ(r->status, 400) << q;
    EXPECT_EQ(r->body.find("e+"), std::string::npos) << r->body;
  }
}

// 16 clients send their request one byte a second (slowloris) and hold their connections; 100
// normal requests must still all be answered, quickly.
TEST_F(Api, SlowClientsDoNotStarveTheServer) {
  constexpr int kSlow = 16;
  std::vector<std::unique_ptr<RawConn>> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<RawConn>(port_));
    ASSERT_TRUE(slow.back()->ok());
  }
  std::atomic<bool> done{false};
  std::thread dribble([&] {
    const std::string head = "GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    for (std::size_t i = 0; !done && i < 200; ++i) {
      for (auto& c : slow) (void)c->send(std::string(1, i < head.size() ? head[i] : 'a'));
      for (int k = 0; k < 10 && !done; ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all 16 are connected and slow
  const auto t0 = std::chrono::steady_clock::now();
  int ok = 0;
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(10, 0);
  c.set_connection_timeout(5, 0);
  for (int i = 0; i < 100; ++i) {
    const char* path = i % 3 == 0 ? "/api/summary" : i % 3 == 1 ? "/api/reports?limit=5" : "/";
    auto r = c.Get(path);
    if (r && r->status == 200) ++ok;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  done = true;
  dribble.join();
  EXPECT_EQ(ok, 100);
  EXPECT_LT(secs, 4.0) << "100 requests beside 16 slow connections";
  // The slow ones are cut off when their head has not arrived within the read timeout (5 s).
  for (auto& s : slow) {
    const std::string r = s->read_all(8000);
    EXPECT_TRUE(s->closed());
    EXPECT_EQ(status_of(r), 408) << r;
  }
}

// A server of its own on the test corpus, for options the shared one does not have.
struct OwnServer {
  explicit OwnServer(Options o) {
    o.port = 0;
    auto s = Server::create(o);
    EXPECT_TRUE(s.ok()) << s.error().describe();
    if (!s) return;
    server = std::move(s).value();
    auto p = server->bind();
    EXPECT_TRUE(p.ok());
    port = p.ok() ? *p : 0;
    thread = std::thread([this] { (void)server->run(); });
  }
  ~OwnServer() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }
  httplib::Result get(const std::string& path, const httplib::Headers& h = {}) const {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(20, 0);
    return c.Get(path.c_str(), h);
  }
  std::unique_ptr<Server> server;
  int port = 0;
  std::thread thread;
};

TEST_F(Api, AllowHostAddsNames) {
  Options o;
  o.db = db_;
  o.threads = 1;
  o.allow_hosts = {"gwr.lab.example", "10.0.0.7"};
  OwnServer s(o);
  const std::string port = std::to_string(s.port);
  for (const std::string& h : std::vector<std::string>{"gwr.lab.example", "gwr.lab.example:" + port,
                                                       "10.0.0.7:" + port, "localhost:" + port}) {
    auto r = s.get("/api/summary", {{"Host", h}});
    ASSERT_TRUE(r) << h;
    EXPECT_EQ(r->status, 200) << h;
  }
  for (const char* h : {"evil.gwr.lab.example", "gwr.lab.example.evil.com", "10.0.0.8"}) {
    auto r = s.get("/api/summary", {{"Host", h}});
    ASSERT_TRUE(r) << h;
    EXPECT_EQ(r->status, 403) << h;
  }
}

TEST_F(Api, ARequestOverItsBudgetIs503) {
  Options o;
  o.db = db_;
  o.threads = 1;
  o.budget_ms = 1;
  OwnServer s(o);
  // Corpus-wide queries run far more than 1 ms of SQLite steps: the progress handler stops them.
  // (terms and slogans do most of their work outside SQLite on this small corpus, so they may
  // finish; the budget bounds their queries only.)
  for (const char* p : {"/api/checks", "/api/realised"}) {
    auto r = s.get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 503) << p << " → " << r->body;
    const json j = json::parse(r->body, nullptr, false);
    EXPECT_TRUE(j["error"]["code"] == "timeout" || j["error"]["code"] == "busy") << r->body;
    EXPECT_EQ(r->get_header_value("Retry-After"), "1");
  }
  // The same server answers cheap requests that fit the budget, and a roomy budget serves all.
  Options roomy = o;
  roomy.budget_ms = 60000;
  OwnServer t(roomy);
  for (const char* p : {"/api/checks", "/api/realised"}) {
    auto r = t.get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_EQ(r->status, 200) << p;
  }
}

TEST_F(Api, ConnectionsAreCappedAndIdleOnesClosed) {
  Options o;
  o.db = db_;
  o.threads = 1;
  o.max_connections = 4;
  OwnServer s(o);
  std::vector<std::unique_ptr<RawConn>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<RawConn>(s.port));
    ASSERT_TRUE(held.back()->ok());
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  RawConn fifth(s.port);
  ASSERT_TRUE(fifth.ok());
  const std::string refused = fifth.read_all(3000);
  EXPECT_EQ(status_of(refused), 503) << refused;
  EXPECT_TRUE(fifth.closed());
  held.clear();  // closing them frees their places
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  RawConn again(s.port);
  ASSERT_TRUE(again.send("GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  // Kept alive after the answer, then closed by the server after 2 s idle.
  const auto t0 = std::chrono::steady_clock::now();
  const std::string r = again.read_all(6000);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(status_of(r), 200) << r;
  EXPECT_TRUE(again.closed());
  EXPECT_GT(secs, 1.5);
  EXPECT_LT(secs, 4.5);
}

// A burst of connections waits in the kernel's accept queue rather than being dropped. Nothing
// accepts here (bound, not running), so exactly the backlog's worth of connects can complete:
// with httplib's own backlog of 5 the rest would sit in SYN-SENT and retry after 1 s, which is
// what made p99 1.1 s under 50 clients in bench/serve_reliability.sh.
TEST_F(Api, ABurstOfConnectionsFitsTheListenBacklog) {
  Options o;
  o.db = db_;
  o.port = 0;
  auto s = Server::create(o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  auto server = std::move(s).value();
  auto port = server->bind();
  ASSERT_TRUE(port.ok());
  constexpr int kBurst = 64;
  std::vector<int> fds;
  for (int i = 0; i < kBurst; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(*port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    (void)::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    fds.push_back(fd);
  }
  int established = 0;
  for (const int fd : fds) {
    pollfd p{fd, POLLOUT, 0};
    if (::poll(&p, 1, 300) == 1 && (p.revents & POLLOUT)) {
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err == 0) ++established;
    }
  }
  for (const int fd : fds) ::close(fd);
  EXPECT_EQ(established, kBurst);
  server->stop();
}

// /api/reports/:id answers are kept while the database is unchanged: after a commit by another
// connection every request, on every one of the server's connections, sees the new rows.
TEST(ServerReportCache, AChangedDatabaseGivesAFreshAnswer) {
  const fs::path db = testing::temp_dir("server_cache") / "corpus.db";
  {
    auto res = pipeline::Resources::load();
    ASSERT_TRUE(res.ok()) << res.error().describe();
    auto st = store::Store::open(db);
    ASSERT_TRUE(st.ok()) << st.error().describe();
    auto xs = pipeline::extract_file(testing::repo_dir() / "examples/clean_prefecture_report.txt",
                                     *res.value());
    ASSERT_TRUE(xs.ok());
    for (const auto& x : *xs) ASSERT_TRUE(st->add(x).ok());
  }
  Options o;
  o.db = db;
  o.port = 0;
  o.threads = 3;
  auto s = Server::create(o);
  ASSERT_TRUE(s.ok()) << s.error().describe();
  auto server = std::move(s).value();
  auto port = server->bind();
  ASSERT_TRUE(port.ok());
  std::thread t([&] { (void)server->run(); });
  auto region = [&] {
    httplib::Client c("127.0.0.1", *port);
    auto r = c.Get("/api/reports/1");
    EXPECT_TRUE(r && r->status == 200);
    return r ? json::parse(r->body)["region"] : json();
  };
  std::vector<json> before;
  for (int i = 0; i < 6; ++i) before.push_back(region());  // every connection, some twice
  for (const auto& r : before) EXPECT_EQ(r, before[0]);
  EXPECT_NE(before[0], "改名市");
  {
    sqlite3* w = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &w), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(w, "UPDATE report_rows SET region = '改名市' WHERE report_id = 1",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(w);
  }
  for (int i = 0; i < 6; ++i) EXPECT_EQ(region(), "改名市") << "request " << i;
  server->stop();
  t.join();
}

TEST(ServerCreate, MissingOrForeignDatabaseIsRefused) {
  Options o;
  o.db = testing::temp_dir("server_missing") / "none.db";
  EXPECT_FALSE(Server::create(o).ok());
  EXPECT_FALSE(fs::exists(o.db)) << "read-only open must not create the file";
  const auto foreign = testing::temp_dir("server_foreign") / "other.db";
  {
    auto st = store::Store::open(foreign, store::Options{.read_only = false, .fts = false});
    ASSERT_TRUE(st.ok());
    ASSERT_EQ(sqlite3_exec(st->handle(), "DROP VIEW reports", nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  o.db = foreign;
  auto s = Server::create(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidData);
}

}  // namespace
}  // namespace gwr::server
