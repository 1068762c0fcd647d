// Tests of full-text search (src/store/search.cpp) over a small invented corpus.
#include "store/search.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include "store/fixtures.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::store {
namespace {

using testing::extract;
using testing::report_text;

class Search : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto db = testing::temp_dir("search_corpus") / "c.db";
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok()) << st.error().describe();
    store_ = std::make_unique<Store>(std::move(st).value());
    add(report_text(
        "湖州市", 2024,
        {"过去一年,全市经济稳中向好,地区生产总值增长6.5%。", "新建学校10所,教育事业加快发展。"},
        {"今年主要预期目标确定为:全市生产总值增长6%左右。",
         "教育是国之大计,教育优先发展,教育强市建设全面起势,办好人民满意的教育。",
         "建设医院3家,提升医疗服务水平。"}));
    add(report_text("金华市", 2023, {"经济总量迈上新台阶,GDP增长7.5%。", "文化旅游融合发展。"},
                    {"推进乡村振兴,发展特色产业。", "深化教育改革,促进经济高质量发展。"}));
  }
  static void TearDownTestSuite() { store_.reset(); }
  static void add(const std::string& text) {
    for (const auto& x : extract(text, "t.txt")) ASSERT_TRUE(store_->add(x).ok());
  }
  static std::vector<Hit> find(SearchQuery q) {
    auto r = search(store_->reader(), q);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
    return r.ok() ? r.value() : std::vector<Hit>{};
  }
  static std::vector<Hit> find(const std::string& text) {
    SearchQuery q;
    q.text = text;
    return find(q);
  }
  static std::set<std::string> regions(const std::vector<Hit>& hs) {
    std::set<std::string> out;
    for (const auto& h : hs) out.insert(h.region.value_or("?"));
    return out;
  }
  static inline std::unique_ptr<Store> store_;
};

TEST_F(Search, TwoCharacterQueryFindsParagraphs) {
  const auto hits = find("教育");
  EXPECT_EQ(hits.size(), 3u);
  EXPECT_EQ(regions(hits), (std::set<std::string>{"湖州市", "金华市"}));
}

TEST_F(Search, QuotedLongPhraseMatchesOnlyWhereItIsContiguous) {
  const auto hits = find("\"办好人民满意的教育\"");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].region, "湖州市");
  EXPECT_TRUE(find("\"人民教育\"").empty());
  EXPECT_EQ(find("提升医疗服务水平").size(), 1u);  // an unquoted Han run is a phrase too
}

TEST_F(Search, BooleanOperatorsPassThrough) {
  EXPECT_EQ(find("教育 经济").size(), 1u);  // implicit AND
  EXPECT_EQ(find("教育 AND 经济").size(), 1u);
  EXPECT_EQ(find("学校 OR 医院").size(), 2u);
  const auto nots = find("教育 NOT 经济");
  EXPECT_EQ(nots.size(), 2u);
  for (const auto& h : nots) EXPECT_EQ(h.snippet.find("经济"), std::string::npos);
}

TEST_F(Search, TraditionalQueryFindsSimplifiedText) {
  EXPECT_EQ(find("經濟").size(), find("经济").size());
  EXPECT_FALSE(find("經濟").empty());
}

TEST_F(Search, AsciiAndNumbersAreWholeTokens) {
  EXPECT_EQ(find("gdp").size(), 1u);
  EXPECT_EQ(find("7.5").size(), 1u);
  EXPECT_EQ(find("7.5%").size(), 1u);  // unparseable FTS5 syntax is retried quoted
}

TEST_F(Search, FiltersNarrowTheHits) {
  SearchQuery q;
  q.text = "教育";
  q.region = "湖州市";
  EXPECT_EQ(regions(find(q)), std::set<std::string>{"湖州市"});
  q.region.reset();
  q.year = 2023;
  EXPECT_EQ(regions(find(q)), std::set<std::string>{"金华市"});
  q.year.reset();
  q.section = "review";
  const auto review = find(q);
  ASSERT_EQ(review.size(), 1u);
  EXPECT_EQ(review[0].section_type, "review");
  q.section.reset();
  q.level = "county";
  EXPECT_TRUE(find(q).empty());
  q.level = "prefecture";
  q.province = "浙江省";
  EXPECT_EQ(find(q).size(), 3u);
}

TEST_F(Search, RepeatedTermOutranksASingleMention) {
  const auto hits = find("教育");
  ASSERT_GE(hits.size(), 2u);
  EXPECT_NE(hits[0].snippet.find("国之大计"), std::string::npos) << hits[0].snippet;
  for (std::size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
}

TEST_F(Search, SnippetMarksTheMatches) {
  const auto hits = find("医院");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("«医院»"), std::string::npos) << hits[0].snippet;
  EXPECT_EQ(hits[0].plan_year, 2024);
  EXPECT_EQ(hits[0].level, "prefecture");
  EXPECT_LT(hits[0].start_byte, hits[0].end_byte);
}

TEST_F(Search, BadLimitsAndEmptyQueriesAreUsageErrors) {
  SearchQuery q;
  q.text = "教育";
  q.limit = 0;
  EXPECT_EQ(search(store_->reader(), q).error().code, ErrorCode::kUsage);
  q.limit = kMaxSearchLimit + 1;
  EXPECT_EQ(search(store_->reader(), q).error().code, ErrorCode::kUsage);
  q.limit = 10;
  q.text = "  ";
  EXPECT_EQ(search(store_->reader(), q).error().code, ErrorCode::kUsage);
}

TEST_F(Search, MentionsByRegionCountEveryReportOfARegionAndThoseThatMentionTheText) {
  auto by_name = [](const std::vector<RegionMentions>& rows) {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& r : rows) out[r.region.value_or("?")] = {r.reports, r.mentioning};
    return out;
  };
  SearchQuery q;
  q.text = "乡村振兴";  // in the 金华 report only
  auto all = mentions_by_region(store_->reader(), q);
  ASSERT_TRUE(all.ok()) << all.error().describe();
  const auto rows = by_name(*all);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows.at("金华市"), std::make_pair(std::int64_t{1}, std::int64_t{1}));
  EXPECT_EQ(rows.at("湖州市"), std::make_pair(std::int64_t{1}, std::int64_t{0}));
  EXPECT_EQ((*all)[0].province, "浙江省");
  EXPECT_EQ((*all)[0].level, "prefecture");
  q.year = 2024;  // 湖州 alone has a 2024 report: a region without one has no row
  const auto y2024 = by_name(mentions_by_region(store_->reader(), q).value());
  ASSERT_EQ(y2024.size(), 1U);
  EXPECT_EQ(y2024.at("湖州市"), std::make_pair(std::int64_t{1}, std::int64_t{0}));
  q.year.reset();
  q.level = "county";
  EXPECT_TRUE(mentions_by_region(store_->reader(), q).value().empty());
  q.level.reset();
  q.text = "(教育";
  EXPECT_EQ(mentions_by_region(store_->reader(), q).error().code, ErrorCode::kUsage);
}

TEST_F(Search, FtsSyntaxErrorsAreUsageErrorsNotInternal) {
  for (const char* text : {"\"", "\"a", "a\"b", "*", "(教育", "\"教育"}) {
    SearchQuery q;
    q.text = text;
    auto r = search(store_->reader(), q);
    ASSERT_FALSE(r.ok()) << text << ": " << r.value().size() << " hits";
    EXPECT_EQ(r.error().code, ErrorCode::kUsage) << text << ": " << r.error().describe();
    EXPECT_NE(r.error().message.find("cannot parse the search query"), std::string::npos);
  }
}

TEST(SearchWithoutIndex, NeedsTheIndexAndReopeningBuildsIt) {
  const auto db = testing::temp_dir("search_nofts") / "c.db";
  {
    auto st = Store::open(db, Options{false, false});
    ASSERT_TRUE(st.ok());
    for (const auto& x : extract(
             report_text("湖州市", 2024, {"教育事业加快发展。"}, {"推进教育现代化。"}), "t.txt"))
      ASSERT_TRUE(st.value().add(x).ok());
    SearchQuery q;
    q.text = "教育";
    EXPECT_EQ(search(st->reader(), q).error().code, ErrorCode::kUsage);
  }
  auto st = Store::open(db);  // fts defaults to on: the index is built from the stored paragraphs
  ASSERT_TRUE(st.ok());
  SearchQuery q;
  q.text = "教育";
  auto r = search(st->reader(), q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
}

// search() against the plan it replaced (every match joined to its paragraph and report rows,
// filtered, then ranked; snippets one query per hit), on a corpus with many matches and many tied
// scores: same hits, order, scores, rows and snippets for every query, filter and limit.
class SearchPlans : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto db = testing::temp_dir("search_plans") / "c.db";
    auto st = Store::open(db);
    ASSERT_TRUE(st.ok()) << st.error().describe();
    store_ = std::make_unique<Store>(std::move(st).value());
    const char* cities[] = {"湖州市", "金华市", "嘉兴市", "绍兴市", "苏州市", "无锡市"};
    const char* lines[] = {
        "推进教育改革,办好人民满意的教育。", "深化教育改革,促进经济发展。", "教育事业加快发展。",
        "建设医院,提升医疗服务水平。",       "推进乡村振兴,发展特色产业。", "文化旅游融合发展。"};
    int n = 0;
    for (int c = 0; c < 6; ++c) {
      for (int year = 2020; year <= 2024; ++year) {
        std::vector<std::string> review, plan;
        for (int i = 0; i < 14; ++i) {
          // Identical paragraphs across reports tie on score; every third one differs a little.
          std::string line = lines[(i + c) % 6];
          if (i % 3 == 0) line = "第" + std::to_string(++n % 5) + "项," + line;
          (i < 6 ? review : plan).push_back(line);
        }
        for (const auto& x : extract(report_text(cities[c], year, review, plan), "t.txt"))
          ASSERT_TRUE(store_->add(x).ok());
      }
    }
  }
  static void TearDownTestSuite() { store_.reset(); }

  // The replaced implementation, as it was.
  static std::vector<Hit> reference(const SearchQuery& q) {
    static constexpr const char* kOldSql =
        "SELECT p.paragraph_id, p.report_id, p.ord, -bm25(paragraphs_fts), "
        "NULL, p.section_type, p.section_title, r.region, r.region_code, "
        "r.level, r.province, r.delivered, r.plan_year, r.source, p.start_byte, p.end_byte "
        "FROM paragraphs_fts JOIN paragraphs p ON p.paragraph_id = paragraphs_fts.rowid "
        "JOIN reports r ON r.report_id = p.report_id "
        "WHERE paragraphs_fts MATCH ?1 "
        "AND (?4 IS NULL OR r.region = ?4 OR r.region_code = ?4) "
        "AND (?5 IS NULL OR r.level = ?5) "
        "AND (?6 IS NULL OR r.plan_year = ?6) "
        "AND (?7 IS NULL OR p.section_type = ?7) "
        "AND (?8 IS NULL OR r.province = ?8) "
        "ORDER BY bm25(paragraphs_fts), p.paragraph_id LIMIT ?9";
    static constexpr const char* kOldSnippetSql =
        "SELECT snippet(paragraphs_fts, 0, ?2, ?3, '…', 48) FROM paragraphs_fts "
        "WHERE paragraphs_fts MATCH ?1 AND rowid = ?4";
    auto st = Stmt::prepare(store_->handle(), kOldSql);
    EXPECT_TRUE(st.ok());
    st->bind(1, q.text);
    st->bind(4, q.region);
    st->bind(5, q.level);
    st->bind(6, q.year);
    st->bind(7, q.section);
    st->bind(8, q.province);
    st->bind(9, q.limit);
    std::vector<Hit> out;
    while (true) {
      auto row = st->step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      Hit h;
      h.paragraph_id = st->int64(0);
      h.report_id = st->int64(1);
      h.paragraph_ord = static_cast<int>(st->int64(2));
      h.score = st->real(3);
      h.section_type = st->opt_text(5);
      h.region = st->opt_text(7);
      h.plan_year = static_cast<int>(st->int64(12));
      h.start_byte = st->int64(14);
      out.push_back(std::move(h));
    }
    auto sn = Stmt::prepare(store_->handle(), kOldSnippetSql);
    for (auto& h : out) {
      sn->bind(1, q.text);
      sn->bind(2, q.highlight_open);
      sn->bind(3, q.highlight_close);
      sn->bind(4, h.paragraph_id);
      if (auto row = sn->step(); row.ok() && *row) h.snippet = sn->text(0);
      sn->reset();
    }
    return out;
  }

  static std::string dump(const std::vector<Hit>& hs) {
    std::string out;
    for (const auto& h : hs) {
      out += std::to_string(h.paragraph_id) + " r" + std::to_string(h.report_id) + " #" +
             std::to_string(h.paragraph_ord) + " " + std::to_string(h.score) + " " +
             h.region.value_or("?") + " " + std::to_string(h.plan_year.value_or(0)) + " " +
             h.section_type.value_or("-") + " @" + std::to_string(h.start_byte) + " " + h.snippet +
             "\n";
    }
    return out;
  }

  static inline std::unique_ptr<Store> store_;
};

TEST_F(SearchPlans, HitsEqualTheJoinFirstPlanForEveryFilterAndLimit) {
  const std::vector<std::function<void(SearchQuery&)>> filters = {
      [](SearchQuery&) {},
      [](SearchQuery& q) { q.year = 2022; },
      [](SearchQuery& q) { q.section = "review"; },
      [](SearchQuery& q) { q.region = "湖州市"; },
      [](SearchQuery& q) { q.province = "江苏省"; },
      [](SearchQuery& q) { q.level = "prefecture"; },
      [](SearchQuery& q) { q.level = "county"; },  // nothing passes
      [](SearchQuery& q) {
        q.region = "绍兴市";
        q.year = 2024;
        q.section = "plan_tasks";
      },
  };
  int compared = 0;
  for (const char* text : {"教育", "发展", "教育 OR 医院", "\"教育改革\"", "乡村振兴", "鸭嘴兽"}) {
    for (std::size_t f = 0; f < filters.size(); ++f) {
      for (int limit : {1, 3, 20, 250, kMaxSearchLimit}) {
        SearchQuery q;
        q.text = text;
        q.limit = limit;
        filters[f](q);
        auto got = search(store_->reader(), q);
        ASSERT_TRUE(got.ok()) << got.error().describe();
        const auto want = reference(q);
        EXPECT_EQ(dump(got.value()), dump(want)) << text << ", filter " << f << ", limit " << limit;
        auto n = count(store_->reader(), q);
        ASSERT_TRUE(n.ok()) << n.error().describe();
        if (static_cast<int>(want.size()) < limit) {
          EXPECT_EQ(*n, std::ssize(want)) << text;
        }
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 6 * 8 * 5);
  SearchQuery all;
  all.text = "发展";
  all.limit = kMaxSearchLimit;
  EXPECT_GT(reference(all).size(), 250u) << "the corpus must outgrow the over-fetch of 200";
}

TEST_F(SearchPlans, CountIsEveryMatchNotTheLimit) {
  SearchQuery q;
  q.text = "教育";
  q.limit = 1;
  auto n = count(store_->reader(), q);
  ASSERT_TRUE(n.ok());
  q.limit = kMaxSearchLimit;
  EXPECT_EQ(*n, std::ssize(reference(q)));
  EXPECT_GT(*n, 1);
  q.text = "\"";
  EXPECT_EQ(count(store_->reader(), q).error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace gwr::store
