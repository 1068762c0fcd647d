// Tests of the corpus browser's views (src/analysis/corpus.cpp) over the four fixture reports:
// 1 湖州市 2022, 2 湖州市 2023, 3 嘉兴市 2022, 4 嘉兴市 2023 (fixture_db.h).
#include "analysis/corpus.h"

#include <gtest/gtest.h>

#include "analysis/fixture_db.h"

namespace gwr::analysis {
namespace {

using testing::cell;
using testing::fixture_store;

TEST(Corpus, SummaryCountsTheWholeCorpus) {
  auto st = fixture_store();
  auto s = corpus_summary(st.reader());
  ASSERT_TRUE(s.ok()) << s.error().describe();
  EXPECT_EQ(s->reports, 4);
  EXPECT_EQ(s->regions, 2);
  EXPECT_EQ(s->first_year, 2022);
  EXPECT_EQ(s->last_year, 2023);
  EXPECT_GT(s->paragraphs, 8);
  EXPECT_GT(s->targets, 0);
  EXPECT_TRUE(s->search);
  ASSERT_EQ(s->by_year.rows.size(), 2u);
  EXPECT_EQ(cell(s->by_year, 0, "year"), "2022");
  EXPECT_EQ(cell(s->by_year, 0, "count"), "2");
  ASSERT_EQ(s->by_level.rows.size(), 1u);
  EXPECT_EQ(cell(s->by_level, 0, "level"), "prefecture");
}

TEST(Corpus, ReportListFiltersSortsNewestFirstAndCountsFacets) {
  auto st = fixture_store();
  ReportFilter f;
  f.region = "湖州市";
  auto p = report_list(st.reader(), f, 50, 0);
  ASSERT_TRUE(p.ok()) << p.error().describe();
  EXPECT_EQ(p->total, 2);
  ASSERT_EQ(p->items.rows.size(), 2u);
  EXPECT_EQ(cell(p->items, 0, "id"), "2");
  EXPECT_EQ(cell(p->items, 1, "id"), "1");
  EXPECT_EQ(cell(p->years, 0, "value"), "2023");
  EXPECT_EQ(cell(p->years, 0, "count"), "1");
  auto page = report_list(st.reader(), {}, 1, 1);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(page->items.rows.size(), 1u);
  f.text = "嘉";
  auto none = report_list(st.reader(), f, 50, 0);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 0);
}

TEST(Corpus, ReportViewHoldsEveryPartOfOneReportOrNothing) {
  auto st = fixture_store();
  auto v = report_view(st.reader(), 2);
  ASSERT_TRUE(v.ok()) << v.error().describe();
  ASSERT_TRUE(v->has_value());
  const ReportView& r = **v;
  ASSERT_EQ(r.report.rows.size(), 1u);
  EXPECT_EQ(cell(r.report, 0, "id"), "2");
  EXPECT_EQ(cell(r.report, 0, "region"), "湖州市");
  EXPECT_EQ(cell(r.report, 0, "plan_year"), "2023");
  EXPECT_FALSE(r.sections.rows.empty());
  EXPECT_FALSE(r.paragraphs.rows.empty());
  EXPECT_FALSE(r.targets.rows.empty());
  EXPECT_EQ(cell(r.targets, 0, "kind"), "plan_year");
  auto missing = report_view(st.reader(), 99);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());

  auto ref = report_ref(st.reader(), 3);
  ASSERT_TRUE(ref.ok() && ref->has_value());
  EXPECT_EQ((*ref)->region, "嘉兴市");
  EXPECT_EQ((*ref)->plan_year, 2022);
  auto no_ref = report_ref(st.reader(), 99);
  ASSERT_TRUE(no_ref.ok());
  EXPECT_FALSE(no_ref->has_value());
}

TEST(Corpus, IndicatorCountsLeaveOutClassOther) {
  auto st = fixture_store();
  auto n = indicator_counts(st.reader());
  ASSERT_TRUE(n.ok()) << n.error().describe();
  ASSERT_FALSE(n->targets.rows.empty());
  for (std::size_t i = 0; i < n->targets.rows.size(); ++i)
    EXPECT_NE(cell(n->targets, i, "canonical"), "other");
  EXPECT_FALSE(n->facts.rows.empty());
}

}  // namespace
}  // namespace gwr::analysis
