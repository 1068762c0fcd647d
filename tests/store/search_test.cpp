// Tests of full-text search (src/store/search.cpp) over a small invented corpus.
#include "store/search.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "store/fixtures.h"
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
        {"今年主要预期目标是:全市生产总值增长6%左右。",
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
    auto r = search(*store_, q);
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
  EXPECT_EQ(search(*store_, q).error().code, ErrorCode::kUsage);
  q.limit = kMaxSearchLimit + 1;
  EXPECT_EQ(search(*store_, q).error().code, ErrorCode::kUsage);
  q.limit = 10;
  q.text = "  ";
  EXPECT_EQ(search(*store_, q).error().code, ErrorCode::kUsage);
}

TEST_F(Search, FtsSyntaxErrorsAreUsageErrorsNotInternal) {
  for (const char* text : {"\"", "\"a", "a\"b", "*", "(教育", "\"教育"}) {
    SearchQuery q;
    q.text = text;
    auto r = search(*store_, q);
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
    EXPECT_EQ(search(st.value(), q).error().code, ErrorCode::kUsage);
  }
  auto st = Store::open(db);  // fts defaults to on: the index is built from the stored paragraphs
  ASSERT_TRUE(st.ok());
  SearchQuery q;
  q.text = "教育";
  auto r = search(st.value(), q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
}

}  // namespace
}  // namespace gwr::store
