// The two renderings of an extraction agree: every report's JSON object (extraction/json.h, what
// `gwr extract` prints) and its rows in the corpus database (what Store::add writes) hold the same
// values — the same report fields, the same sections, targets, facts, livelihood items, glossary
// entries, slogans and warnings, with the same spans and in the same numbers — on the shared
// corpus and on the dev corpus (each skipped when absent). Quantities are not in the JSON; their
// rows are checked against the extraction's mentions instead. The database is read with plain
// SQL, not through the store's code, and the checker is shown to catch deliberate mismatches on
// either side.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "extraction/json.h"
#include "pipeline/pipeline.h"
#include "store/fixtures.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Rows of `sql`, whose one parameter ?1 is the report id, as arrays of cells.
std::vector<json> query(sqlite3* db, const std::string& sql, std::int64_t id) {
  sqlite3_stmt* s = nullptr;
  std::vector<json> out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return out;
  }
  sqlite3_bind_int64(s, 1, id);
  while (sqlite3_step(s) == SQLITE_ROW) {
    json row = json::array();
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
          row.push_back(sqlite3_column_int64(s, i));
          break;
        case SQLITE_FLOAT:
          row.push_back(sqlite3_column_double(s, i));
          break;
        case SQLITE_TEXT:
          row.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                                    static_cast<std::size_t>(sqlite3_column_bytes(s, i))));
          break;
        default:
          row.push_back(nullptr);
      }
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(s);
  return out;
}

// Equal as values: numbers by value, a JSON bool and the database's 0/1, strings byte for byte.
bool same(const json& a, const json& b) {
  if (a.is_boolean() && b.is_number_integer()) return (a.get<bool>() ? 1 : 0) == b.get<int>();
  if (b.is_boolean() && a.is_number_integer()) return same(b, a);
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

// Collects what differs between a report's JSON and its rows.
class Checker {
 public:
  explicit Checker(std::string report) : report_(std::move(report)) {}

  void field(const std::string& where, const json& in_json, const json& in_db) {
    if (!same(in_json, in_db)) {
      problems_.push_back(report_ + ": " + where + ": JSON " + in_json.dump() + ", database " +
                          in_db.dump());
    }
  }
  // Compares `rows` (columns named by `cols`) with the JSON objects `objs`, key keys[i] against
  // column cols[i]; first the counts.
  void table(const std::string& name, const json& objs, const std::vector<json>& rows,
             const std::vector<std::string>& keys, const std::vector<std::string>& cols) {
    field(name + " count", objs.size(), rows.size());
    for (std::size_t k = 0; k < std::min<std::size_t>(objs.size(), rows.size()); ++k) {
      for (std::size_t c = 0; c < keys.size(); ++c) {
        const json& o = objs[k];
        field(name + "[" + std::to_string(k) + "]." + cols[c],
              o.contains(keys[c]) ? o[keys[c]] : json(nullptr), rows[k][c]);
      }
    }
  }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::string report_;
  std::vector<std::string> problems_;
};

// Column names of a SELECT list written as "a, b, c".
std::vector<std::string> split_cols(const std::string& list) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= list.size()) {
    const std::size_t comma = std::min(list.find(", ", at), list.size());
    out.push_back(list.substr(at, comma - at));
    at = comma + 2;
  }
  return out;
}

void check_report(Checker& c, const json& j, sqlite3* db, std::int64_t id) {
  const std::string cols =
      "source, index_in_file, format, encoding, traditional, region, region_source, region_code, "
      "level, province, parent, delivered, session, speaker, speaker_title, acting, review_year, "
      "plan_year, published, partial, gdp_target, targets_sentence, body_start, body_end, "
      "body_text";
  const auto rows = query(db, "SELECT " + cols + " FROM reports WHERE report_id = ?1", id);
  std::vector<std::string> keys = split_cols(cols);
  keys.back() = "text";  // to_json(x, true) adds the body as "text"
  c.table("reports", json::array({j}), rows, keys, split_cols(cols));
  const auto paragraphs = query(db, "SELECT count(*) FROM paragraphs WHERE report_id = ?1", id);
  c.field("paragraph_count", j["paragraph_count"], paragraphs.at(0).at(0));
}

void check_sections(Checker& c, const json& j, sqlite3* db, std::int64_t id) {
  const auto rows = query(db,
                          "SELECT ord, title, level, type, appended, start_byte, end_byte FROM "
                          "sections WHERE report_id = ?1 ORDER BY section_id",
                          id);
  json objs = j["sections"];
  for (std::size_t k = 0; k < objs.size(); ++k) objs[k]["ord"] = k;
  c.table("sections", objs, rows, {"ord", "title", "level", "type", "appended", "start", "end"},
          {"ord", "title", "level", "type", "appended", "start_byte", "end_byte"});
}

// Plan-year targets, then five-year targets; `year` is the plan year or the horizon.
void check_targets(Checker& c, const json& j, sqlite3* db, std::int64_t id) {
  const std::string cols =
      "kind, horizon, year, indicator, indicator_id, canonical, value, value_hi, unit, modifier, "
      "basis, aspiration, reference, relative_modifier, stretch_value, base_year, verbatim, "
      "start_byte, end_byte";
  const auto rows =
      query(db, "SELECT " + cols + " FROM targets WHERE report_id = ?1 ORDER BY target_id", id);
  json objs = json::array();
  for (json t : j["targets"]) {
    t["kind"] = "plan_year";
    t["year"] = j["plan_year"];
    objs.push_back(std::move(t));
  }
  for (json t : j["fyp_targets"]) {
    t["kind"] = "five_year";
    t["year"] = t.contains("horizon") ? t["horizon"] : json(nullptr);
    objs.push_back(std::move(t));
  }
  std::vector<std::string> keys = split_cols(cols);
  keys[keys.size() - 2] = "start";
  keys[keys.size() - 1] = "end";
  c.table("targets", objs, rows, keys, split_cols(cols));
}

void check_facts(Checker& c, const json& j, sqlite3* db, std::int64_t id) {
  const std::string cols =
      "ord, indicator, indicator_id, measure, value, value_hi, unit, comparator, status, period, "
      "year, scope, headline, linked_ord, verbatim, start_byte, end_byte";
  const auto rows =
      query(db, "SELECT " + cols + " FROM facts WHERE report_id = ?1 ORDER BY fact_id", id);
  json objs = j["facts"];
  for (std::size_t k = 0; k < objs.size(); ++k) objs[k]["ord"] = k;
  std::vector<std::string> keys = split_cols(cols);
  keys[13] = "linked";
  keys[15] = "start";
  keys[16] = "end";
  c.table("facts", objs, rows, keys, split_cols(cols));
}

void check_lists(Checker& c, const json& j, sqlite3* db, std::int64_t id) {
  const auto items = query(db,
                           "SELECT ord, label, declared_count, text, start_byte, end_byte FROM "
                           "livelihood_items WHERE report_id = ?1 ORDER BY item_id",
                           id);
  json objs = json::array();
  if (!j["livelihood"].is_null()) {
    for (json it : j["livelihood"]["items"]) {
      it["ord"] = objs.size();
      it["label"] = j["livelihood"]["label"];
      it["declared_count"] = j["livelihood"]["declared_count"];
      objs.push_back(std::move(it));
    }
  }
  c.table("livelihood_items", objs, items,
          {"ord", "label", "declared_count", "text", "start", "end"},
          {"ord", "label", "declared_count", "text", "start_byte", "end_byte"});
  c.table("glossary", j["glossary"],
          query(db,
                "SELECT term, definition, start_byte, end_byte FROM glossary WHERE report_id = ?1 "
                "ORDER BY glossary_id",
                id),
          {"term", "definition", "start", "end"}, {"term", "definition", "start_byte", "end_byte"});
  // The table's key is (report, text), so it holds slogans in text order.
  json slogans = j["slogans"];
  std::sort(slogans.begin(), slogans.end(),
            [](const json& a, const json& b) { return a["text"] < b["text"]; });
  c.table("slogans", slogans,
          query(db, "SELECT text, count FROM slogans WHERE report_id = ?1 ORDER BY text", id),
          {"text", "count"}, {"text", "count"});
  c.table("warnings", j["warnings"],
          query(db,
                "SELECT code, message, raw_offset FROM warnings WHERE report_id = ?1 ORDER BY "
                "rowid",
                id),
          {"code", "message", "offset"}, {"code", "message", "raw_offset"});
}

// Quantities are not in the JSON: their rows against the extraction's mentions, spans converted
// here with Document::raw.
void check_quantities(Checker& c, const extraction::Extraction& x, sqlite3* db, std::int64_t id) {
  json objs = json::array();
  for (const quantity::Mention& m : x.quantities) {
    if (!m.quantity) continue;
    const Span raw = x.doc.raw(m.span);
    objs.push_back({{"value", m.quantity->value},
                    {"unit", m.quantity->unit},
                    {"kind", quantity::kind_name(m.quantity->kind)},
                    {"text", x.doc.original_of(m.span)},
                    {"start", raw.begin},
                    {"end", raw.end}});
  }
  c.table("quantities", objs,
          query(db,
                "SELECT value, unit, kind, text, start_byte, end_byte FROM quantities WHERE "
                "report_id = ?1 ORDER BY quantity_id",
                id),
          {"value", "unit", "kind", "text", "start", "end"},
          {"value", "unit", "kind", "text", "start_byte", "end_byte"});
}

std::vector<std::string> disagreements(const json& j, const extraction::Extraction& x, sqlite3* db,
                                       std::int64_t id) {
  Checker c(j.value("source", std::string("?")) + "#" + std::to_string(x.doc.index_in_file));
  check_report(c, j, db, id);
  check_sections(c, j, db, id);
  check_targets(c, j, db, id);
  check_facts(c, j, db, id);
  check_lists(c, j, db, id);
  check_quantities(c, x, db, id);
  return c.problems();
}

// A corpus database being written, with a second, read-only connection of our own.
class Corpus {
 public:
  explicit Corpus(const std::string& name) : path_(testing::temp_dir(name) / "c.db") {
    Options o;
    o.fts = false;  // rows only; the index has its own tests
    auto st = Store::open(path_, o);
    if (!st) throw std::runtime_error(st.error().describe());
    store_.emplace(std::move(st).value());
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path_.string());
    }
  }
  ~Corpus() { sqlite3_close(db_); }
  Store& store() { return *store_; }
  sqlite3* db() const { return db_; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  std::optional<Store> store_;
  sqlite3* db_ = nullptr;
};

struct Tally {
  int reports = 0, duplicates = 0;
  std::size_t targets = 0, facts = 0, items = 0, quantities = 0;
  std::vector<std::string> problems;
};

// Extracts `file`, stores every report, and compares each stored one's JSON with its rows.
void add_and_compare(Corpus& corpus, const fs::path& file, Tally& t) {
  auto r = pipeline::extract_file(file, testing::resources());
  ASSERT_TRUE(r.ok()) << file << ": " << r.error().describe();
  for (const extraction::Extraction& x : *r) {
    const json j = extraction::to_json(x, true);
    auto added = corpus.store().add(x);
    ASSERT_TRUE(added.ok()) << file << ": " << added.error().describe();
    if (added->duplicate) {  // another report's rows: nothing of this one was written
      ++t.duplicates;
      continue;
    }
    ++t.reports;
    t.targets += j["targets"].size() + j["fyp_targets"].size();
    t.facts += j["facts"].size();
    t.items += j["livelihood"].is_null() ? 0 : j["livelihood"]["items"].size();
    t.quantities += x.quantities.size();
    for (auto& p : disagreements(j, x, corpus.db(), added->report_id)) t.problems.push_back(p);
  }
}

void expect_agreement(const Tally& t) {
  std::string shown;
  for (std::size_t i = 0; i < std::min<std::size_t>(t.problems.size(), 20); ++i) {
    shown += "\n  " + t.problems[i];
  }
  EXPECT_TRUE(t.problems.empty()) << t.problems.size() << " disagreements:" << shown;
  std::cout << "compared " << t.reports << " reports (" << t.duplicates
            << " duplicates skipped): " << t.targets << " targets, " << t.facts << " facts, "
            << t.items << " livelihood items, " << t.quantities << " quantities\n";
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& ext, bool nested) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  auto take = [&](const fs::directory_entry& e) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  };
  if (nested) {
    for (const auto& sub : fs::directory_iterator(dir)) {
      if (sub.is_directory()) {
        for (const auto& e : fs::directory_iterator(sub.path())) take(e);
      }
    }
  } else {
    for (const auto& e : fs::directory_iterator(dir)) take(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Agreement, JsonAndStoreAgreeOnTheSharedCorpus) {
  const auto files = files_in(testing::shared_dir() / "corpus", ".txt", false);
  if (files.empty()) GTEST_SKIP() << "no shared corpus at " << testing::shared_dir() / "corpus";
  Corpus corpus("agreement_shared");
  Tally t;
  for (const auto& f : files) add_and_compare(corpus, f, t);
  EXPECT_GT(t.reports, 0);
  EXPECT_GT(t.targets, 0u);
  EXPECT_GT(t.facts, 0u);
  expect_agreement(t);
}

TEST(Agreement, JsonAndStoreAgreeOnTheDevCorpus) {
  const auto files = files_in(testing::shared_dir() / "devcorpus", ".docx", true);
  if (files.empty()) GTEST_SKIP() << "no dev corpus at " << testing::shared_dir() / "devcorpus";
  Corpus corpus("agreement_dev");
  Tally t;
  for (const auto& f : files) add_and_compare(corpus, f, t);
  EXPECT_GT(t.reports, 0);
  EXPECT_GT(t.targets, 0u);
  expect_agreement(t);
}

// The checker is not vacuous: a report with targets of both kinds, facts and warnings, stored,
// then its JSON or its rows changed one value at a time.
class AgreementChecker : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string text = testing::report_text(
        "青溪市", 2021, {"过去一年,本市生产总值增长5.1%,新增就业0.9万人。"},
        {"“十四五”时期青溪的主要目标是:全市生产总值年均增长6.2%,"
         "研发经费投入强度达到2.6%。",
         "今年青溪的预期目标为:一般公共预算收入增长4%,本市生产总值增长6.8%左右。"});
    xs_ = testing::extract(text, "qingxi.txt");
    ASSERT_EQ(xs_.size(), 1u);
    corpus_.emplace("agreement_checker");
    auto added = corpus_->store().add(xs_[0]);
    ASSERT_TRUE(added.ok());
    id_ = added->report_id;
    json_ = extraction::to_json(xs_[0], true);
    ASSERT_FALSE(json_["targets"].empty());
    ASSERT_FALSE(json_["fyp_targets"].empty());
    ASSERT_FALSE(json_["facts"].empty());
    ASSERT_FALSE(json_["warnings"].empty());
  }
  std::vector<std::string> check(const json& j) {
    return disagreements(j, xs_[0], corpus_->db(), id_);
  }

  std::vector<extraction::Extraction> xs_;
  std::optional<Corpus> corpus_;
  std::int64_t id_ = 0;
  json json_;
};

TEST_F(AgreementChecker, AgreesWithItself) { EXPECT_EQ(check(json_), std::vector<std::string>{}); }

TEST_F(AgreementChecker, CatchesEachChangedJsonValue) {
  const std::vector<std::pair<std::string, std::function<void(json&)>>> damages = {
      {"fact value",
       [](json& j) { j["facts"][0]["value"] = j["facts"][0]["value"].get<double>() + 1; }},
      {"fact span", [](json& j) { j["facts"][0]["end"] = j["facts"][0]["end"].get<int>() + 1; }},
      {"target dropped", [](json& j) { j["targets"].erase(j["targets"].size() - 1); }},
      {"target verbatim", [](json& j) { j["targets"][0]["verbatim"] = "x"; }},
      // The divergence issue 14 named: a five-year target without its horizon.
      {"five-year horizon", [](json& j) { j["fyp_targets"][0].erase("horizon"); }},
      {"warning message", [](json& j) { j["warnings"][0]["message"] = "changed"; }},
      {"slogan added",
       [](json& j) {
         j["slogans"].push_back({{"text", "某某"}, {"count", 1}});
       }},
      {"paragraph count", [](json& j) { j["paragraph_count"] = 0; }},
      {"report region", [](json& j) { j["region"] = "别处"; }},
      {"section title", [](json& j) { j["sections"][0]["title"] = "?"; }},
  };
  for (const auto& [what, damage] : damages) {
    json j = json_;
    damage(j);
    EXPECT_FALSE(check(j).empty()) << what << " went unnoticed";
  }
}

TEST_F(AgreementChecker, CatchesAChangedRowInTheDatabase) {
  sqlite3* w = nullptr;
  ASSERT_EQ(sqlite3_open_v2(corpus_->path().c_str(), &w, SQLITE_OPEN_READWRITE, nullptr),
            SQLITE_OK);
  const int rc = sqlite3_exec(w, "UPDATE facts SET value = value + 1 WHERE ord = 0", nullptr,
                              nullptr, nullptr);
  sqlite3_close(w);
  ASSERT_EQ(rc, SQLITE_OK);
  EXPECT_FALSE(check(json_).empty());
}

}  // namespace
}  // namespace gwr::store
