// Tests for src/ingest/scrub.cpp: a GBK page whose text carries `<U+00A0>` marks written by an
// export tool, HTML comments and mixed line ends reads like the clean text, each repair a warning
// with its raw offset.
#include "ingest/scrub.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

#include "ingest/formats_fixture.h"

namespace gwr::ingest {
namespace {

std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(Scrub, EscapesCommentsAndDoubledLineEnds) {
  std::vector<Warning> w;
  const std::string in = "甲<U+00A0>乙\r\n丙<!-- x -->丁\r\r\n戊\n";
  const MappedText t = scrub(in, /*html=*/false, w);
  EXPECT_EQ(t.text, "甲\u00A0乙\r\n丙丁\n戊\n");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].code, "escaped_codepoint");
  EXPECT_EQ(in.substr(w[0].raw_offset, 8), "<U+00A0>");
  EXPECT_EQ(w[1].code, "html_comment_removed");
  EXPECT_EQ(w[2].code, "doubled_line_end");
  EXPECT_EQ(w[3].code, "mixed_line_endings");
}

TEST(ScrubPipeline, GbkPageWithEscapedMarksReadsLikeTheCleanText) {
  ASSERT_TRUE(fixture::resources());
  std::string html =
      "<html>\r\n<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
      "<title>政府工作报告</title></head>\n<body>\r\n<!-- 正文开始 -->\n";
  for (const std::string& p : fixture::paragraphs()) {
    std::string line = p;
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos)
      line = "<table><tr><td>" + line.substr(0, tab) + "</td><td>" + line.substr(tab + 1) +
             "</td></tr></table>";
    html += "<p><U+00A0><U+00A0>" + line + "</p>" + (p.size() % 2 == 0 ? "\r\n" : "\n");
  }
  html += "<!-- 正文结束 --></body></html>\n";
  const std::string gbk = to_gbk(html);
  const extraction::Extraction x = fixture::extract_one(gbk, "report.htm");
  EXPECT_EQ(x.doc.encoding.substr(0, 2), "GB");
  fixture::expect_same_as_clean(x);
  int escapes = 0;
  for (const Warning& w : x.doc.warnings) {
    if (w.code != "escaped_codepoint") continue;
    ++escapes;
    EXPECT_EQ(gbk.substr(w.raw_offset, 8), "<U+00A0>");
  }
  EXPECT_EQ(escapes, static_cast<int>(2 * fixture::paragraphs().size()));
  // Raw offsets slice the GBK bytes back to the cited text.
  for (const auto& t : x.targets.targets) {
    const Span r = x.doc.raw(t.indicator_span);
    EXPECT_EQ(gbk.substr(r.begin, r.size()), to_gbk(t.indicator));
  }
}

}  // namespace
}  // namespace gwr::ingest
