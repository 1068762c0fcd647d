// API tests of the web workbench (src/server/server.cpp): a server on a free loopback port, in
// process, over a corpus built from examples/ and tests/server/fixtures/, queried with httplib.
#include "server/server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

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
      EXPECT_EQ(r["outcome"], "met");
    }
  }
  EXPECT_TRUE(shaoxing);
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
  EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBFregion,", 0), 0u);
  EXPECT_NE(csv->body.find("绍兴市"), std::string::npos);
  EXPECT_EQ(csv->body.find(",cpi,"), std::string::npos);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
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

TEST_F(Api, OnlyGetFromTheLoopbackHostIsServed) {
  httplib::Client c("127.0.0.1", port_);
  auto post = c.Post("/api/summary", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  auto rebound = get("/api/summary", {{"Host", "evil.example:8080"}});
  ASSERT_TRUE(rebound);
  EXPECT_EQ(rebound->status, 403);
  auto local = get("/api/summary", {{"Host", "localhost:8080"}});
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 200);
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
    ASSERT_EQ(sqlite3_exec(st->handle(), "DROP TABLE reports", nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  o.db = foreign;
  auto s = Server::create(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidData);
}

}  // namespace
}  // namespace gwr::server
