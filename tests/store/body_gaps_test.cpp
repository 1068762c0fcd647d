// Tests of how the store cuts a body into paragraphs and gaps (src/store/body_gaps.cpp).
#include "store/body_gaps.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extraction/rows.h"
#include "store/fixtures.h"

namespace gwr::store {
namespace {

// "ord:text|ord:text" for the gaps, or "none".
std::string gaps_dump(std::string_view body, std::vector<std::int64_t> ords,
                      std::vector<std::string_view> texts) {
  const auto g = body_gaps(body, ords, texts);
  if (!g) return "none";
  std::string out;
  for (const BodyGap& b : *g)
    out += (out.empty() ? "" : "|") + std::to_string(b.ord) + ":" + std::string(b.text);
  return out;
}

TEST(BodyGaps, AreWhatLiesBetweenTheParagraphs) {
  EXPECT_EQ(gaps_dump("一、总结\n甲。\n乙。\n", {0, 1}, {"甲。", "乙。"}),
            "0:一、总结\n|1:\n|2:\n");
  EXPECT_EQ(gaps_dump("甲。乙。", {0, 1}, {"甲。", "乙。"}), "");
  EXPECT_EQ(gaps_dump("甲。\n甲。", {3, 7}, {"甲。", "甲。"}), "7:\n");  // ords as given
  EXPECT_EQ(gaps_dump("甲。\n", {0, 1}, {"甲。", ""}), "2:\n");          // an empty paragraph
  EXPECT_EQ(gaps_dump("乙。\n甲。", {0, 1}, {"甲。", "乙。"}), "none");  // out of order
  EXPECT_EQ(gaps_dump("甲。", {0}, {"丙。"}), "none");                   // not in the body
  EXPECT_EQ(gaps_dump("甲。乙。", {1, 0}, {"甲。", "乙。"}), "none");    // ords descending
  EXPECT_EQ(gaps_dump("甲。", {}, {}), "none");                          // no paragraphs
}

TEST(BodyGaps, WithTheParagraphsRebuildTheBodyOfAnExtraction) {
  const auto xs = testing::extract(
      testing::report_text("湖州市", 2024, {"过去一年,本市各项工作取得新进展。"},
                           {"今年本市生产总值预期增长6%左右。", "  办好一批实事。"}),
      "reports/gaps.txt");
  ASSERT_EQ(xs.size(), 1u);
  const extraction::ReportRows r = extraction::rows_of(xs[0]);
  std::vector<std::int64_t> ords;
  std::vector<std::string_view> texts;
  for (const auto& p : r.paragraphs) {
    ords.push_back(p.ord);
    texts.push_back(p.text);
  }
  const auto g = body_gaps(r.report.body_text, ords, texts);
  ASSERT_TRUE(g.has_value());
  std::string rebuilt;
  std::size_t gi = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (gi < g->size() && (*g)[gi].ord == ords[i]) rebuilt += (*g)[gi++].text;
    rebuilt += texts[i];
  }
  if (gi < g->size()) rebuilt += (*g)[gi++].text;
  EXPECT_EQ(gi, g->size());
  EXPECT_EQ(rebuilt, r.report.body_text);
}

}  // namespace
}  // namespace gwr::store
