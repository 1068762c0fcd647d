// Tests for src/ingest/ingest.cpp: errors, formats, dumps, chrome, body, raw offsets, partial
// texts. Every fixture is invented text written in the style of the reports.
#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/utf8.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

// A short invented county report.
std::string report(const std::string& place, const std::string& head = "县长") {
  return "政府工作报告\n"
         "——2024年1月10日在" +
         place + "第十七届人民代表大会第三次会议上\n" + head +
         " 李某某\n"
         "各位代表:\n"
         "现在,我代表" +
         place +
         "人民政府向大会作报告,请审阅。\n"
         "一、2023年工作回顾\n"
         "过去一年,全县上下埋头苦干,地区生产总值增长6.1%,新建乡村公路120公里。\n"
         "二、2024年工作安排\n"
         "今年全县发展的主要预期目标:全县生产总值增长6%左右,城镇新增就业3500人以上。\n"
         "各位代表,让我们携手并进,为建设更加美好的" +
         place + "而不懈奋斗!\n";
}

std::string first_line(const std::string& s) {
  return std::string(utf8::trim(std::string_view(s).substr(0, s.find('\n'))));
}
std::string last_line(const std::string& s) {
  const std::size_t nl = s.rfind('\n');
  return std::string(utf8::trim(nl == std::string::npos ? s : s.substr(nl + 1)));
}

const PageMetaField* meta(const Document& d, const std::string& key) {
  for (const auto& f : d.page_meta) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

TEST(ReadFile, EachErrorClassHasItsCode) {
  const auto dir = testing::temp_dir("ingest_errors");
  testing::write_file(dir / "empty.txt", "");
  testing::write_file(dir / "big.txt", report("安吉县"));
  testing::write_file(dir / "old.doc", report("安吉县"));
  testing::write_file(dir / "blob.txt", std::string("\x01\x02\0\0\x05gwr\0binary", 14));
  testing::write_file(dir / "archive.txt", std::string("PK\x03\x04rest-of-zip", 16));
  testing::write_file(dir / "broken.pdf", "%PDF-1.4\nthis is not a real pdf body\n");
  testing::write_file(dir / "notes.txt", "今天天气晴朗,我们在湖边散步,看见很多人在放风筝。\n");
  struct Case {
    std::filesystem::path path;
    std::size_t max_bytes;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {dir / "missing.txt", text::kMaxInputBytes, ErrorCode::kUnreadable},
      {dir, text::kMaxInputBytes, ErrorCode::kUnreadable},
      {dir / "big.txt", 16, ErrorCode::kTooLarge},
      {dir / "empty.txt", text::kMaxInputBytes, ErrorCode::kNotAReport},
      {dir / "old.doc", text::kMaxInputBytes, ErrorCode::kUnsupportedFormat},
      {dir / "blob.txt", text::kMaxInputBytes, ErrorCode::kUnsupportedFormat},
      {dir / "archive.txt", text::kMaxInputBytes, ErrorCode::kUnsupportedFormat},
      {dir / "broken.pdf", text::kMaxInputBytes, ErrorCode::kUnsupportedFormat},
      {dir / "notes.txt", text::kMaxInputBytes, ErrorCode::kNotAReport},
  };
  for (const Case& c : cases) {
    auto r = read_file(c.path, testing::resources().ingest, Options{c.max_bytes});
    ASSERT_FALSE(r.ok()) << c.path;
    EXPECT_EQ(r.error().code, c.code) << c.path << ": " << r.error().describe();
    EXPECT_NE(r.error().describe().find(c.path.filename().string()), std::string::npos)
        << "message must name the file: " << r.error().describe();
  }
}

TEST(ReadFile, DevicesAndStreamsAreReadOnlyUpToTheLimit) {
  // /dev/zero never ends: reading must stop at max_bytes, not grow until memory runs out.
  auto r = read_file("/dev/zero", testing::resources().ingest, Options{1u << 20});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge) << r.error().describe();
  EXPECT_NE(r.error().describe().find("/dev/zero"), std::string::npos) << r.error().describe();
  EXPECT_NE(r.error().message.find("over the limit of 1048576"), std::string::npos)
      << r.error().describe();
}

TEST(ReadFile, SymbolicLinkLoopIsNamedAsSuch) {
  const auto dir = testing::temp_dir("ingest_loop");
  std::filesystem::create_symlink("b.txt", dir / "a.txt");
  std::filesystem::create_symlink("a.txt", dir / "b.txt");
  auto r = read_file(dir / "a.txt", testing::resources().ingest);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnreadable);
  EXPECT_NE(r.error().message.find("symbolic link loop"), std::string::npos)
      << r.error().describe();
}

TEST(ReadBytes, NulByteAnywhereInTextIsBinary) {
  std::string text = report("安吉县");
  while (text.size() < 20000) text += "这是一段正文。\n";
  text += std::string(1, '\0') + "结尾。\n";
  auto r = read_bytes(text, "late_nul.txt", testing::resources().ingest);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedFormat) << r.error().describe();
}

TEST(ReadBytes, TooLargeIsCheckedBeforeAnythingElse) {
  auto r = read_bytes(std::string(100, '\0'), "x.bin", testing::resources().ingest, Options{10});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

TEST(ReadBytes, SingleCleanReportIsOneDocumentWithWholeBody) {
  auto r = read_bytes(report("安吉县"), "anji.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 1u);
  const Document& d = r->front();
  EXPECT_EQ(d.format, "txt");
  EXPECT_EQ(d.index_in_file, 0);
  EXPECT_FALSE(d.partial);
  const std::string body = d.original_of(d.body);
  EXPECT_EQ(first_line(body), "政府工作报告");
  EXPECT_EQ(last_line(body), "各位代表,让我们携手并进,为建设更加美好的安吉县而不懈奋斗!");
}

// Issue 10, report boundaries: a page holding one report yields one report; the headline above
// it, the subtitle and the copyright footer below never become reports of their own.
TEST(ReadBytes, OneReportPageWithHeadlineAndFooterFragmentsIsOneReport) {
  const std::string page =
      "2024年青溪市政府工作报告\n发布时间:2024-01-15 来源:市政府办公室\n政府工作报告\n"
      "——2024年1月12日在青溪市第八届人民代表大会第三次会议上\n市长 周某某\n各位代表:\n"
      "现在,我代表市人民政府,向本次大会报告工作,请予审议。\n一、2023年工作回顾\n"
      "过去一年,全市地区生产总值增长5.1%。\n二、2024年工作安排\n"
      "今年主要预期目标确定为:全市生产总值增长6%左右。\n"
      "各位代表!让我们团结一心,为建设美好家园而努力奋斗!\n政府工作报告\n打印本页 关闭窗口\n"
      "版权所有 青溪市人民政府 网站标识码1234567890\n";
  for (const char* name : {"page.txt", "page.html"}) {
    std::string bytes = page;
    if (std::string(name).ends_with(".html")) {
      bytes = "<html><head><title>2024年青溪市政府工作报告</title></head><body>";
      std::size_t a = 0;
      for (std::size_t z = page.find('\n'); z != std::string::npos; z = page.find('\n', a)) {
        bytes += "<p>" + page.substr(a, z - a) + "</p>\n";
        a = z + 1;
      }
      bytes += "</body></html>";
    }
    auto r = read_bytes(bytes, name, testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->size(), 1u) << name;
    const std::string body = r->front().original_of(r->front().body);
    EXPECT_NE(body.find("今年主要预期目标"), std::string::npos) << name;
    EXPECT_EQ(body.find("版权所有"), std::string::npos) << name;
  }
}

TEST(ReadBytes, HtmlPageKeepsNavScriptAndFooterOutOfBody) {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>宜宾市人民政府门户网站</title>"
      "<style>p{color:red}</style></head><body>"
      "<nav><a href=\"/\">首页</a><a>政务公开</a></nav>"
      "<div class=\"crumb\">首页 &gt; 政务公开 &gt; 政府工作报告</div>"
      "<table><tr><td>索引号</td><td>008-2024-0012</td><td>发布日期</td><td>2024-01-20</td></tr></"
      "table>"
      "<script>var pageTitle = '政府工作报告';</script>"
      "<!-- 页面统计 -->"
      "<h1>政府工作报告</h1>"
      "<p>&mdash;&mdash;2024年1月8日在宜宾市第六届人民代表大会第四次会议上</p>"
      "<p>市长&nbsp;张某某</p>"
      "<p>各位代表:</p>"
      "<p>受市政府委托,我代表政府向大会作报告。</p>"
      "<p>一、2023年工作回顾</p><p>过去一年,我们推进&ldquo;产业强市&rdquo;战略,"
      "全市经济运行稳中向好&#65292;地区生产总值增长7%。</p>"
      "<p>二、2024年工作安排</p><p>今年主要预期目标为:全市生产总值增长6.5%左右。</p>"
      "<p>各位代表,让我们团结奋斗,共同书写宜宾发展新篇章!</p>"
      "<div class=\"footer\"><p>(责任编辑:刘某)</p><p>扫一扫在手机打开当前页</p>"
      "<p>版权所有 宜宾市人民政府办公室</p></div></body></html>";
  auto r = read_bytes(html, "yibin.html", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 1u);
  const Document& d = r->front();
  EXPECT_EQ(d.format, "html");
  const std::string body = d.original_of(d.body);
  EXPECT_EQ(first_line(body), "政府工作报告");
  EXPECT_EQ(last_line(body), "各位代表,让我们团结奋斗,共同书写宜宾发展新篇章!");
  for (std::string_view chrome :
       {"pageTitle", "color:red", "页面统计", "政务公开", "责任编辑", "扫一扫", "门户网站"}) {
    EXPECT_EQ(body.find(chrome), std::string::npos) << chrome;
  }
  EXPECT_NE(body.find("——2024年1月8日"), std::string::npos) << "&mdash; decoded";
  EXPECT_NE(body.find("“产业强市”"), std::string::npos) << "&ldquo;/&rdquo; decoded";
  EXPECT_NE(body.find("稳中向好\uFF0C"), std::string::npos) << "numeric entity decoded";
  EXPECT_NE(body.find("市长\u00A0张某某"), std::string::npos) << "&nbsp; decoded";
  const PageMetaField* date = meta(d, "发布日期");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->value, "2024-01-20");
  EXPECT_FALSE(d.body.contains(date->span));
}

TEST(ReadBytes, GbkHtmlHonoursMetaCharset) {
  const std::string html =
      "<html><head><meta charset=\"gbk\"><title>t</title></head><body>"
      "<p>\xD5\xFE\xB8\xAE\xB9\xA4\xD7\xF7\xB1\xA8\xB8\xE6</p>"
      "<p>\xB8\xF7\xCE\xBB\xB4\xFA\xB1\xED:</p>"
      "<p>\xCF\xD6\xD4\xDA,\xCE\xD2\xB4\xFA\xB1\xED\xCF\xD8\xC8\xCB\xC3\xF1\xD5\xFE\xB8\xAE"
      "\xCF\xF2\xB4\xF3\xBB\xE1\xB1\xA8\xB8\xE6\xB9\xA4\xD7\xF7\xA1\xA3</p></body></html>";
  auto r = read_bytes(html, "gbk_page.htm", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  EXPECT_NE(d.encoding.find("GB"), std::string::npos) << d.encoding;
  const std::string body = d.original_of(d.body);
  EXPECT_EQ(first_line(body), "政府工作报告");
  EXPECT_NE(body.find("我代表县人民政府向大会报告工作。"), std::string::npos);
  // Raw offsets point at the GBK bytes of the title.
  const Span raw = d.raw(Span{d.body.begin, d.body.begin + std::string("政府工作报告").size()});
  EXPECT_EQ(html.substr(raw.begin, raw.size()), "\xD5\xFE\xB8\xAE\xB9\xA4\xD7\xF7\xB1\xA8\xB8\xE6");
}

TEST(ReadBytes, DumpWithBracketTitlesGivesOneDocumentPerReport) {
  std::string dump = "-\n";
  const std::vector<std::string> places = {"安吉县", "临安区", "建德市"};
  for (const auto& p : places) {
    std::string one = report(p);
    for (char& c : one) {
      if (c == '\n') c = ' ';  // the whole report on one long line
    }
    dump += "【" + p + "资讯】2024年" + p + "政府工作报告\n" + one + "\n2025-03-02\n-\n";
  }
  dump += "有想补充的信息?点我投稿\n- 联系我们\n";
  auto r = read_bytes(dump, "dump.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const Document& d = (*r)[i];
    EXPECT_EQ(d.index_in_file, static_cast<int>(i));
    const std::string body = d.original_of(d.body);
    EXPECT_EQ(body.rfind("政府工作报告 ——2024年1月10日在" + places[i], 0), 0u)
        << body.substr(0, 80);
    EXPECT_NE(body.find("为建设更加美好的" + places[i] + "而不懈奋斗!"), std::string::npos);
    EXPECT_EQ(body.find("2025-03-02"), std::string::npos);
    EXPECT_EQ(body.find("【"), std::string::npos);
    // Raw offsets point into the whole file.
    const Span raw = d.raw(d.body);
    EXPECT_EQ(dump.substr(raw.begin, raw.size()), body);
  }
}

// Abridged reposts often drop the "我代表…" sentence after the address; their title block
// (title + session subtitle) still starts a new report. A portal headline followed by page
// chrome and then the same report's title block is not a second report.
TEST(ReadBytes, TitleBlocksSplitReportsWithoutTheSelfIntroduction) {
  auto abridged = [](const std::string& place) {
    std::string r = report(place);
    const std::size_t a = r.find("现在,我代表"), z = r.find('\n', a);
    r.erase(a, z - a + 1);
    r.replace(r.find("政府工作报告"), std::string("政府工作报告").size(), "政府工作报告(摘要)");
    return r;
  };
  const std::string dump = abridged("安吉县") + "==========\n" + abridged("临安区") +
                           "==========\n" + abridged("建德市");
  auto r = read_bytes(dump, "abridged.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 3u);
  const std::vector<std::string> places = {"安吉县", "临安区", "建德市"};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string body = (*r)[i].original_of((*r)[i].body);
    EXPECT_EQ(first_line(body), "政府工作报告(摘要)");
    EXPECT_NE(body.find("在" + places[i] + "第十七届"), std::string::npos);
    EXPECT_EQ(body.find("=========="), std::string::npos) << body;
    EXPECT_EQ(last_line(body),
              "各位代表,让我们携手并进,为建设更加美好的" + places[i] + "而不懈奋斗!");
  }

  const std::string page =
      "2024年安吉县政府工作报告\n——在安吉县第十七届人民代表大会第三次会议上\n"
      "来源:安吉县人民政府办公室 发布时间:2024-01-15 浏览次数:1024\n"
      "首页 > 政务公开 > 规划计划 > 政府工作报告\n"
      "字号:大 中 小 打印本页 关闭窗口 分享到微信 分享到微博 分享到QQ空间\n" +
      report("安吉县");
  auto one = read_bytes(page, "page.txt", testing::resources().ingest);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
}

TEST(ReadBytes, ConsecutiveReportsWithOwnTitleBlocksAreSplit) {
  const std::string dump =
      report("安吉县") + "\n" + report("临安区", "区长") + "\n" + report("建德市", "市长");
  auto r = read_bytes(dump, "three.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 3u);
  const std::vector<std::string> places = {"安吉县", "临安区", "建德市"};
  for (std::size_t i = 0; i < 3; ++i) {
    const Document& d = (*r)[i];
    const std::string body = d.original_of(d.body);
    EXPECT_EQ(first_line(body), "政府工作报告");
    EXPECT_EQ(last_line(body),
              "各位代表,让我们携手并进,为建设更加美好的" + places[i] + "而不懈奋斗!");
    EXPECT_FALSE(d.partial);
  }
}

TEST(ReadBytes, PipeTableMetadataWithDriftingCellsBecomesPageMeta) {
  const std::string page =
      "2024年政府工作报告\n"
      "| 索引号 | 331082/2024-00031 | 文号 | |\n"
      "| 关键词 | 发布机构 | 县政府办公室 | |\n"
      "| 公开范围 | 责任部门 | ||\n"
      "| 生成日期 | 2024-02-06 10:12:40 | 是否有效 | 是 |\n" +
      report("临安区", "区长") + "扫一扫在手机打开当前页面\n";
  auto r = read_bytes(page, "linan.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  struct Want {
    std::string key, value;
  };
  for (const Want& w : std::vector<Want>{{"索引号", "331082/2024-00031"},
                                         {"发布机构", "县政府办公室"},
                                         {"生成日期", "2024-02-06 10:12:40"},
                                         {"是否有效", "是"}}) {
    const PageMetaField* f = meta(d, w.key);
    ASSERT_NE(f, nullptr) << w.key;
    EXPECT_EQ(f->value, w.value);
    EXPECT_EQ(d.original_of(f->span).rfind(w.key, 0), 0u);
  }
  EXPECT_EQ(meta(d, "关键词"), nullptr) << "a key followed by a key has no value";
  EXPECT_EQ(meta(d, "文号"), nullptr);
  EXPECT_EQ(first_line(d.original_of(d.body)), "政府工作报告");
}

TEST(ReadBytes, KeyValueMetadataLinesAndBreadcrumbStayOutOfBody) {
  const std::string page =
      "首页\n>政务公开>重点领域信息>政府工作报告\n"
      "公开方式: 主动公开 索引号: 002/2024-0107\n"
      "文件编号: 发文日期: 2024-01-15\n"
      "2024年政府工作报告\n"
      "信息来源: 建德市人民政府办公室 发布日期: 2024-01-30 09:05 浏览次数:\n\n" +
      report("建德市", "市长") + "\n相关解读:【图解】建德市政府工作报告\n扫一扫在手机打开当前页\n";
  auto r = read_bytes(page, "jiande.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  EXPECT_EQ(first_line(d.original_of(d.body)), "政府工作报告");
  EXPECT_EQ(last_line(d.original_of(d.body)),
            "各位代表,让我们携手并进,为建设更加美好的建德市而不懈奋斗!");
  ASSERT_NE(meta(d, "信息来源"), nullptr);
  EXPECT_EQ(meta(d, "信息来源")->value, "建德市人民政府办公室");
  ASSERT_NE(meta(d, "发文日期"), nullptr);
  EXPECT_EQ(meta(d, "发文日期")->value, "2024-01-15");
  EXPECT_EQ(meta(d, "文件编号"), nullptr);
  EXPECT_EQ(meta(d, "公开方式")->value, "主动公开");
}

TEST(ReadBytes, RawOffsetsSliceBackToTheCitedText) {
  const std::string bytes = "\r\n  " + report("安吉县");
  auto r = read_bytes(bytes, "crlf.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  const std::string cite = "全县生产总值增长6%左右";
  const std::size_t at = d.text.text.find(cite);
  ASSERT_NE(at, std::string::npos);
  const Span s{at, at + cite.size()};
  const Span raw = d.raw(s);
  EXPECT_EQ(bytes.substr(raw.begin, raw.size()), d.original_of(s));
  EXPECT_EQ(d.original_of(s), cite);
}

TEST(ReadBytes, GlossaryStaysInBodyAndFooterStaysOut) {
  const std::string page =
      report("安吉县") +
      "名词解释:\n1.“两山”理念:绿水青山就是金山银山。\n2.共富单元:以村为单位的共同富裕试点。\n"
      "(责任编辑:王某)\n精彩图片\n";
  auto r = read_bytes(page, "gloss.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  EXPECT_EQ(last_line(d.original_of(d.body)), "2.共富单元:以村为单位的共同富裕试点。");
}

TEST(ReadBytes, SourceLinesAndPagerLinksAfterTheReportAreFooter) {
  for (const std::string& foot :
       {std::string("（来源：安吉县人民政府办公室）\n上一篇：关于某某的通知\n"),
        std::string("稿源：安吉新闻网\n【纠错】【打印】\n"), std::string("文章来源：县政府办\n")}) {
    auto r = read_bytes(report("安吉县") + foot, "foot.txt", testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    const Document& d = r->front();
    EXPECT_EQ(last_line(d.original_of(d.body)),
              "各位代表,让我们携手并进,为建设更加美好的安吉县而不懈奋斗!")
        << foot;
  }
}

TEST(ReadBytes, PartialTextsAreFlaggedWithAWarning) {
  struct Case {
    std::string name, text;
    bool partial;
  };
  const std::vector<Case> cases = {
      {"whole", report("安吉县"), false},
      {"news",
       "本报讯 1月10日,安吉县第十七届人民代表大会第四次会议开幕。县长李某某作政府工作报告,"
       "提出今年地区生产总值增长6%左右。\n来源:安吉新闻网\n",
       true},
      {"cut_off", report("安吉县").substr(0, report("安吉县").find("二、2024年工作安排")), true},
  };
  for (const Case& c : cases) {
    auto r = read_bytes(c.text, c.name + ".txt", testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.error().describe();
    const Document& d = r->front();
    EXPECT_EQ(d.partial, c.partial) << c.name;
    bool warned = false;
    for (const auto& w : d.warnings) warned = warned || w.code == "partial_text";
    EXPECT_EQ(warned, c.partial) << c.name;
  }
}

TEST(ReadBytes, TraditionalReportIsReadAndFlagged) {
  const std::string trad =
      "政府工作報告\n各位代表:\n現在,我代表縣人民政府,向大會報告工作,請予審議。\n"
      "一、2023年工作回顧\n過去一年,全縣經濟穩定增長。\n二、2024年工作安排\n"
      "今年主要預期目標是:地區生產總值增長5%左右。\n讓我們團結奮鬥,再創新輝煌!\n";
  auto r = read_bytes(trad, "trad.txt", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Document& d = r->front();
  EXPECT_TRUE(d.traditional);
  EXPECT_EQ(first_line(d.original_of(d.body)), "政府工作報告");
  EXPECT_NE(d.text_of(d.body).find("政府工作报告"), std::string::npos);
}

TEST(ReadFile, ExamplesReadAsReports) {
  struct Case {
    std::string file;
    std::size_t docs;
    std::string first;
  };
  const std::vector<Case> cases = {
      {"examples/clean_prefecture_report.txt", 1, "政府工作报告"},
      {"examples/portal_page.html", 1, "政府工作报告"},
      {"examples/dump_three_reports.txt", 3, ""},
  };
  for (const Case& c : cases) {
    auto r = read_file(testing::repo_dir() / c.file, testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    ASSERT_EQ(r->size(), c.docs) << c.file;
    for (const Document& d : *r) {
      EXPECT_FALSE(d.partial) << c.file << " #" << d.index_in_file;
      if (!c.first.empty()) {
        EXPECT_EQ(first_line(d.original_of(d.body)), c.first) << c.file;
      }
    }
  }
}

}  // namespace
}  // namespace gwr::ingest
