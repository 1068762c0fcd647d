// Tests for src/ingest/html.cpp: HTML → visible text, charset sniffing.
#include "ingest/html.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gwr::ingest {
namespace {

TEST(HtmlToText, TableOfMarkupAndVisibleText) {
  struct Case {
    std::string html, visible;
  };
  const std::vector<Case> cases = {
      {"<p>甲</p><p>乙</p>", "甲\n乙\n"},
      {"甲<br>乙<br/><br />丙", "甲\n乙\n\n丙"},
      {"<div>  多个   空格\n换行 </div>", "多个 空格 换行 \n"},
      {"<script>var a = '<p>';</script>正文", "正文"},
      {"<style>p{}</style><nav>首页 导航</nav>正文<footer>版权</footer>", "正文"},
      {"<!-- 注释 <p>隐藏</p> -->可见", "可见"},
      {"&ldquo;两山&rdquo;&mdash;&mdash;1&nbsp;2&ensp;3&emsp;4", "“两山”——1\u00A02\u20023\u20034"},
      {"&#26469;&#x6E90;&amp;&lt;&gt;&quot;", "来源&<>\""},
      {"&nbsp 无分号 &unknown; &", "\u00A0 无分号 &unknown; &"},
      {"<table><tr><td>索引号</td><td>001</td></tr></table>", "索引号\t001\n"},
      {"a < b", "a < b"},
  };
  for (const Case& c : cases) {
    const MappedText t = html_to_text(c.html);
    EXPECT_EQ(t.text, c.visible) << c.html;
  }
}

TEST(HtmlToText, MapPointsAtTheMarkupThatProducedEachCharacter) {
  const std::string html = "<p>前&mdash;后</p>";
  const MappedText t = html_to_text(html);
  ASSERT_EQ(t.text, "前—后\n");
  const std::size_t dash = std::string("前").size();
  EXPECT_EQ(
      html.substr(t.map.start(dash), t.map.end(dash + std::string("—").size()) - t.map.start(dash)),
      "&mdash;");
  EXPECT_EQ(html.substr(t.map.start(0), 3), "前");
}

TEST(SniffCharset, ReadsMetaCharsetAndHttpEquiv) {
  struct Case {
    std::string html, charset;
  };
  const std::vector<Case> cases = {
      {"<meta charset=\"GBK\">", "gbk"},
      {"<META http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "gb2312"},
      {"<meta charset='utf-8' />", "utf-8"},
      {"<meta name=\"keywords\" content=\"报告\">", ""},
      {"no markup", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(sniff_charset(c.html), c.charset) << c.html;
}

TEST(LooksLikeHtml, DetectsDocumentsButNotPlainText) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html>"));
  EXPECT_TRUE(looks_like_html("<div>甲</div><p>乙</p>"));
  EXPECT_FALSE(looks_like_html("政府工作报告\n各位代表:\n"));
  EXPECT_FALSE(looks_like_html("a <b> c"));
}

}  // namespace
}  // namespace gwr::ingest
