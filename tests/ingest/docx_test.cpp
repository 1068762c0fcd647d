// Tests for src/ingest/docx.cpp. The .docx files are built in the test with libzip from the
// invented report of formats_fixture.h: Heading 1 paragraphs, a table, a numbered list, a
// footnote; bad inputs (corrupt zip, encrypted package, zip bomb, no body, legacy .doc).
#include "ingest/docx.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

#include "ingest/formats_fixture.h"
#include "ingest/ingest.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

const char* kNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string zip_of(const std::map<std::string, std::string>& parts) {
  const auto path = testing::temp_dir("docx") / "out.zip";
  std::filesystem::remove(path);
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return testing::read_file(path);
}

// A .docx package: the content types, word/document.xml around `body`, and `extra` parts.
std::string docx_of(const std::string& body, std::map<std::string, std::string> extra = {}) {
  extra["[Content_Types].xml"] =
      "<?xml version=\"1.0\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  extra["word/document.xml"] = "<?xml version=\"1.0\"?><w:document " + std::string(kNs) +
                               "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
  return zip_of(extra);
}

std::string para(const std::string& text, const std::string& ppr = "") {
  std::string t = "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>");
  // Split the text into two runs to check runs are joined.
  const std::size_t half = text.size() / 2;
  std::size_t cut = half;
  while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
  t += "<w:r><w:rPr><w:b/></w:rPr><w:t>" + text.substr(0, cut) +
       "</w:t></w:r><w:r><w:t xml:space=\"preserve\">" + text.substr(cut) + "</w:t></w:r></w:p>";
  return t;
}

std::string report_docx() {
  std::string body;
  for (const std::string& p : fixture::paragraphs()) {
    if (p.find('\t') != std::string::npos) continue;  // table rows, below
    if (p.rfind("一、", 0) == 0) {
      body += para(p, "<w:pStyle w:val=\"Heading1\"/>");
    } else if (p.rfind("二、", 0) == 0 || p.rfind("三、", 0) == 0) {
      body += para(p, "<w:pStyle w:val=\"2\"/>");  // Chinese Word: style id "2" named "heading 1"
    } else if (p.rfind("1.", 0) == 0 || p.rfind("2.", 0) == 0) {
      body += para(p.substr(2), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr>");
    } else if (p.rfind("过去一年", 0) == 0) {
      body +=
          "<w:p><w:r><w:t>" + p + "</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
      body += "<w:tbl><w:tblPr/>";
      for (const char* row : {"乡镇\t新建公路(公里)", "东城镇\t40", "西山乡\t80"}) {
        const std::string r(row);
        const std::size_t tab = r.find('\t');
        body += "<w:tr><w:tc><w:tcPr/><w:p><w:r><w:t>" + r.substr(0, tab) +
                "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>" + r.substr(tab + 1) +
                "</w:t></w:r></w:p></w:tc></w:tr>";
      }
      body += "</w:tbl>";
    } else {
      body += para(p);
    }
  }
  return docx_of(
      body, {
                {"word/styles.xml", "<w:styles " + std::string(kNs) +
                                        "><w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name "
                                        "w:val=\"heading 1\"/></w:style></w:styles>"},
                {"word/numbering.xml",
                 "<w:numbering " + std::string(kNs) +
                     "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start "
                     "w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
                     "<w:lvlText w:val=\"%1.\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
                     "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"},
                {"word/footnotes.xml", "<w:footnotes " + std::string(kNs) +
                                           "><w:footnote "
                                           "w:id=\"1\"><w:p><w:r><w:t>脚注文字不应出现</w:t></"
                                           "w:r></w:p></w:footnote></w:footnotes>"},
            });
}

TEST(DocxToText, ParagraphsTablesNumberingAndNoFootnotes) {
  auto t = docx_to_text(report_docx(), "r.docx");
  ASSERT_TRUE(t.ok()) << t.error().describe();
  EXPECT_EQ(t->text, fixture::clean_text());
  EXPECT_EQ(t->text.find("脚注"), std::string::npos);
  ASSERT_EQ(t->headings.size(), 5u);
  EXPECT_EQ(t->text.substr(t->headings[0].span.begin, t->headings[0].span.size()),
            "一、2023年工作回顾");
  EXPECT_EQ(t->headings[1].level, 1);
  EXPECT_FALSE(t->headings[1].numbered);
  EXPECT_TRUE(t->headings[2].numbered);
  EXPECT_EQ(t->text.substr(t->headings[2].span.begin, t->headings[2].span.size()),
            fixture::paragraphs()[13]);
}

TEST(DocxPipeline, SameFieldsAsTheCleanTextAndRawOffsetsSliceTheExtractedText) {
  ASSERT_TRUE(fixture::resources());
  const std::string bytes = report_docx();
  const extraction::Extraction x = fixture::extract_one(bytes, "report.docx");
  EXPECT_EQ(x.doc.format, "docx");
  fixture::expect_same_as_clean(x);
  // Raw offsets of a .docx point into the extracted document text.
  const std::string raw = docx_to_text(bytes, "r.docx")->text;
  for (const auto& t : x.targets.targets) {
    const Span r = x.doc.raw(t.verbatim);
    EXPECT_EQ(raw.substr(r.begin, r.size()), x.doc.original_of(t.verbatim));
  }
  std::vector<std::string> styled;
  for (const StyleHeading& h : x.doc.style_headings) {
    if (h.level == 1 && !h.numbered) styled.push_back(std::string(x.doc.text_of(h.span)));
  }
  EXPECT_EQ(styled, fixture::top_sections(x.doc));
}

// Part headings that only Word's heading style marks (unnumbered, not in the section vocabulary)
// are the top level; the styled title before the address is not a section; 一、 items under
// a part are its second level.
TEST(DocxPipeline, HeadingStylesMarkUnnumberedPartHeadings) {
  ASSERT_TRUE(fixture::resources());
  const std::string h1 = "<w:pStyle w:val=\"Heading1\"/>";
  std::string body =
      para("政府工作报告", h1) + para("——2024年1月9日在青溪县第十八届人民代表大会第三次会议上") +
      para("县长 周某某") + para("各位代表:") +
      para("现在,我代表县政府,向大会报告一年来的工作和今年的打算,请审议。") +
      para("砥砺奋进的一年", h1) + para("过去一年,全县地区生产总值增长6.2%,新建乡村公路80公里。") +
      para("凝心聚力开新局", h1) + para("今年全县发展的预期目标是:全县生产总值增长6%左右。") +
      para("一、做强产业支撑") + para("新增规模以上工业企业20家。") + para("二、做美城乡面貌") +
      para("完成农村改厕1000户。") + para("各位代表,让我们携手奋进,再创佳绩!");
  const std::string bytes = docx_of(body);
  const extraction::Extraction x = fixture::extract_one(bytes, "styled.docx");
  std::vector<std::pair<int, std::string>> got;
  for (const auto& sec : x.doc.sections) got.emplace_back(sec.level, sec.title);
  const std::vector<std::pair<int, std::string>> want = {{1, "砥砺奋进的一年"},
                                                         {1, "凝心聚力开新局"},
                                                         {2, "一、做强产业支撑"},
                                                         {2, "二、做美城乡面貌"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(x.targets.targets.size(), 1u);
}

// Hostile nesting (a table in a cell of a table …, runs inside runs) is walked without recursion:
// 20,000 levels overflowed the stack before (exit 139).
TEST(DocxToText, DeepNestingIsWalkedWithoutRecursion) {
  constexpr int kDepth = 20000;
  std::string tables;
  tables.reserve(kDepth * 40);
  for (int i = 0; i < kDepth; ++i) tables += "<w:tbl><w:tr><w:tc>";
  tables += "<w:p><w:r><w:t>最里面</w:t></w:r></w:p>";
  for (int i = 0; i < kDepth; ++i) tables += "</w:tc></w:tr></w:tbl>";
  auto t = docx_to_text(docx_of(para("各位代表：") + tables + para("谢谢。")), "deep.docx");
  ASSERT_TRUE(t.ok()) << t.error().describe();
  EXPECT_EQ(t->text, "各位代表：\n最里面\n谢谢。\n");

  std::string runs = "<w:p>";
  for (int i = 0; i < kDepth; ++i) runs += "<w:hyperlink>";
  runs += "<w:r><w:t>链接</w:t></w:r>";
  for (int i = 0; i < kDepth; ++i) runs += "</w:hyperlink>";
  runs += "</w:p>";
  auto r = docx_to_text(docx_of(runs), "runs.docx");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->text, "链接\n");
}

TEST(DocxErrors, BadInputsAreClearErrors) {
  const std::string ok = report_docx();
  std::string corrupt = ok.substr(0, 30) + std::string(200, 'x');
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  std::string encrypted = ole;
  for (char c : std::string("EncryptedPackage")) encrypted += std::string{c, '\0'};
  const std::string bomb =
      zip_of({{"word/document.xml", "<w:document " + std::string(kNs) + "><w:body><w:p><w:r><w:t>" +
                                        std::string(8u << 20, ' ') +
                                        "</w:t></w:r></w:p></w:body></w:document>"}});
  const std::string no_body =
      zip_of({{"word/document.xml", "<w:document " + std::string(kNs) + "/>"}});
  const std::string no_main =
      zip_of({{"word/styles.xml", "<w:styles/>"}, {"[Content_Types].xml", "<Types/>"}});
  struct Case {
    std::string bytes, name;
    ErrorCode code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {corrupt, "corrupt.docx", ErrorCode::kUnsupportedFormat, "corrupt"},
      {encrypted, "locked.docx", ErrorCode::kUnsupportedFormat, "password"},
      {bomb, "bomb.docx", ErrorCode::kTooLarge, "zip bomb"},
      {no_body, "nobody.docx", ErrorCode::kUnsupportedFormat, "w:body"},
      {no_main, "nomain.docx", ErrorCode::kUnsupportedFormat, "word/document.xml"},
      {ole, "old.doc", ErrorCode::kUnsupportedFormat, "save it as .docx"},
      {"政府工作报告", "old2.doc", ErrorCode::kUnsupportedFormat, "save it as .docx"},
  };
  for (const Case& c : cases) {
    auto r = read_bytes(c.bytes, c.name, testing::resources().ingest);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, c.code) << r.error().describe();
    EXPECT_NE(r.error().describe().find(c.says), std::string::npos) << r.error().describe();
    EXPECT_NE(r.error().describe().find(c.name), std::string::npos) << r.error().describe();
  }
}

}  // namespace
}  // namespace gwr::ingest
