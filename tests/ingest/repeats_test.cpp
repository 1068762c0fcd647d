// Tests for src/ingest/repeats.cpp: a scraped page holding the invented report three times with
// its navigation gives one report; a page holding only page 1 of 3 is partial.
#include "ingest/repeats.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/formats_fixture.h"
#include "ingest/ingest.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

std::string article_html(std::size_t upto) {
  std::string s =
      "<div class=\"crumb\">首页 &gt; 政务公开 &gt; 规划计划</div><div class=\"article\">";
  bool in_table = false;
  for (std::size_t i = 0; i < upto; ++i) {
    const std::string& p = fixture::paragraphs()[i];
    const std::size_t tab = p.find('\t');
    if (tab != std::string::npos) {
      if (!in_table) s += "<table>";
      in_table = true;
      s += "<tr><td>" + p.substr(0, tab) + "</td><td>" + p.substr(tab + 1) + "</td></tr>";
      continue;
    }
    if (in_table) s += "</table>";
    in_table = false;
    s += "<p>" + p + "</p>\n";
  }
  return s + "</div>";
}

TEST(RemoveRepeats, ThreeCopiesWithNavigationGiveOneReport) {
  ASSERT_TRUE(fixture::resources());
  std::string page = "<html><head><meta charset=\"utf-8\"><title>政府工作报告</title></head><body>";
  for (int k = 1; k <= 3; ++k) {
    page += article_html(fixture::paragraphs().size());
    page += "<div class=\"pager\"><a>上一页</a> <a>1</a> <a>2</a> <a>3</a> <a>下一页</a></div>\n";
  }
  page += "</body></html>";
  const extraction::Extraction x = fixture::extract_one(page, "report.html");
  fixture::expect_same_as_clean(x);
  int copies = 0;
  for (const Warning& w : x.doc.warnings) {
    if (w.code != "repeated_copy_removed") continue;
    ++copies;
    EXPECT_GT(w.raw_offset, page.find("下一页")) << "the removed copies come after the first one";
    EXPECT_EQ(page.substr(w.raw_offset, 6), "——") << "offset of the removed copy in the raw page";
  }
  EXPECT_EQ(copies, 2);
  // Raw offsets of HTML slice the page back to the cited text.
  for (const auto& t : x.targets.targets) {
    const Span r = x.doc.raw(t.indicator_span);
    EXPECT_EQ(page.substr(r.begin, r.size()), t.indicator);
  }
}

TEST(RemoveRepeats, FirstPageOfThreeIsPartial) {
  std::string page = "<html><body>" + article_html(8) +
                     "<div>第1页 共3页 <a>下一页</a> <a>尾页</a></div></body></html>";
  auto r = read_bytes(page, "page1.html", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 1u);
  const Document& d = r->front();
  EXPECT_TRUE(d.partial);
  bool warned = false;
  for (const Warning& w : d.warnings)
    warned |= w.code == "partial_text" && w.message.find("page 1 of 3") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(RemoveRepeats, DistinctReportsAndShortRepeatsAreKept) {
  std::vector<Warning> w;
  const std::string text =
      "门户网站标题:某县政府工作报告全文发布了欢迎阅读\n正文第一行\n正文第二行\n"
      "门户网站标题:某县政府工作报告全文发布了欢迎阅读\n";
  const Deduplicated d = remove_repeats(text, testing::resources().ingest, w);
  EXPECT_EQ(d.text.text, text);
  EXPECT_EQ(d.copies_removed, 0);
  EXPECT_TRUE(w.empty());
}

}  // namespace
}  // namespace gwr::ingest
