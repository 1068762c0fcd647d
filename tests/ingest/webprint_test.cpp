// Tests for src/ingest/webprint.cpp: a web page printed to PDF by a browser (print stamp, page
// title and URL on every page, page counters, letter-spaced headings printed twice, lines
// hard-wrapped at the column width) reads like the clean text of the same invented report.
#include "ingest/webprint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/formats_fixture.h"
#include "ingest/ingest.h"
#include "ingest/pdf.h"
#include "support/paths.h"
#include "support/pdf_builder.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

// Hard-wraps a paragraph at `cols` display columns (CJK 2, ASCII 1).
std::vector<std::string> wrap(const std::string& p, std::size_t cols) {
  std::vector<std::string> out;
  std::string cur;
  std::size_t w = 0;
  for (char32_t c : utf8::to_u32(p)) {
    const std::size_t cw = c < 0x80 ? 1 : 2;
    if (w + cw > cols) {
      out.push_back(cur);
      cur.clear();
      w = 0;
    }
    utf8::append(cur, c);
    w += cw;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string spaced(const std::string& s) {
  std::string out;
  for (char32_t c : utf8::to_u32(s)) {
    if (!out.empty()) out += ' ';
    utf8::append(out, c);
  }
  return out;
}

std::string webprint_pdf() {
  std::vector<std::string> body;
  for (std::string p : fixture::paragraphs()) {
    for (char& c : p) {
      if (c == '\t') c = ' ';
    }
    if (p == "政府工作报告") {
      body.push_back(spaced(p) + spaced(p));  // letter-spaced, printed twice on one line
    } else if (p.find("、") != std::string::npos && utf8::length(p) < 15) {
      body.push_back(spaced(p));  // letter-spaced heading printed twice on two lines
      body.push_back(spaced(p));
    } else {
      for (const std::string& l : wrap(p, 40)) body.push_back(l);
    }
  }
  std::vector<std::vector<std::string>> pages;
  const std::size_t per_page = 12;
  const std::size_t n = (body.size() + per_page - 1) / per_page;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> page = {"2024/3/5 10:21", "2024年安吉县政府工作报告_安吉县人民政府网"};
    for (std::size_t k = i * per_page; k < std::min(body.size(), (i + 1) * per_page); ++k)
      page.push_back(body[k]);
    page.push_back("https://www.example.gov.cn/art/2024/1/10/art_1229_58.html");
    page.push_back(std::to_string(i + 1) + "/" + std::to_string(n));
    pages.push_back(page);
  }
  return testing::make_pdf(pages);
}

TEST(CleanPdfText, DropsChromeJoinsWrappedLinesKeepsHeadings) {
  std::vector<Warning> w;
  const std::string in =
      "2024/3/5 10:21\n页面标题\n一 、 2 0 2 3 年 工 作 回 顾\n一 、 2 0 2 3 年 工 作 回 顾\n"
      "过去一年全县上下埋头苦干地区生产总值增长\n6.1%,新建公路120公里。\n短句收尾。\n1/2\n"
      "2024/3/5 "
      "10:21\n页面标题\n二、2024年工作安排\n今年的主要预期目标是本县生产总值增长6%\n左右。\n2/2\n";
  const MappedText t = clean_pdf_text(in, {0, in.find("2024/3/5", 10)}, w);
  EXPECT_EQ(t.text,
            "一、2023年工作回顾\n过去一年全县上下埋头苦干地区生产总值增长6.1%,"
            "新建公路120公里。\n短句收尾。\n"
            "二、2024年工作安排\n今年的主要预期目标是本县生产总值增长6%左右。\n");
  EXPECT_EQ(w.size(), 4u);
  // The map still leads back into the input.
  const std::size_t at = t.text.find("6.1%");
  EXPECT_EQ(in.substr(t.map.start(at), 4), "6.1%");
}

TEST(WebprintPipeline, SameFieldsAsTheCleanText) {
  ASSERT_TRUE(fixture::resources());
  const extraction::Extraction x = fixture::extract_one(webprint_pdf(), "printed.pdf");
  EXPECT_EQ(x.doc.format, "pdf");
  fixture::expect_same_as_clean(x);
  const std::string body = x.doc.original_of(x.doc.body);
  EXPECT_EQ(body.rfind("政府工作报告\n", 0), 0u) << body;
  for (std::string_view chrome : {"2024/3/5", "https://", "人民政府网", "1/"}) {
    EXPECT_EQ(x.doc.original.text.find(chrome), std::string::npos) << chrome << "\n"
                                                                   << x.doc.original.text;
  }
  // PDF raw offsets point into the text poppler extracts (docs/schema.md). A raw span holds the
  // same characters as the cleaned text, plus the line breaks and letter spacing the cleaning
  // removed.
  const auto raw = pdf_to_text(webprint_pdf(), "printed.pdf");
  ASSERT_TRUE(raw.ok());
  auto squeeze = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c != ' ' && c != '\n') out += c;
    }
    return out;
  };
  const Span b = x.doc.raw(x.doc.body);
  EXPECT_EQ(squeeze(raw->text.substr(b.begin, 40)).rfind("政府工作报告", 0), 0u)
      << raw->text.substr(b.begin, 40);
  ASSERT_FALSE(x.targets.targets.empty());
  for (const auto& t : x.targets.targets) {
    const Span r = x.doc.raw(t.verbatim);
    EXPECT_EQ(squeeze(raw->text.substr(r.begin, r.size())), squeeze(x.doc.original_of(t.verbatim)));
  }
}

// The same report as plain text hard-wrapped at 40 columns (a PDF's text saved as .txt) reads
// like the clean text; the clean text itself (one paragraph per line) is left as it is.
TEST(UnwrapText, HardWrappedPlainTextReadsLikeTheCleanText) {
  std::string wrapped;
  for (const std::string& p : fixture::paragraphs()) {
    for (const std::string& l : wrap(p, 40)) wrapped += l + "\n";
  }
  std::vector<Warning> w;
  const MappedText u = unwrap_text(wrapped, w);
  EXPECT_EQ(u.text, fixture::clean_text());
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].code, "txt_lines_joined");
  ASSERT_TRUE(fixture::resources());
  const extraction::Extraction x = fixture::extract_one(wrapped, "wrapped.txt");
  fixture::expect_same_as_clean(x);
  // Raw spans still slice the wrapped file: the verbatim plus the line breaks inside it.
  for (const auto& t : x.targets.targets) {
    const Span r = x.doc.raw(t.verbatim);
    std::string raw = wrapped.substr(r.begin, r.size());
    std::erase(raw, '\n');
    EXPECT_EQ(raw, x.doc.original_of(t.verbatim));
  }

  std::vector<Warning> none;
  const std::string clean = fixture::clean_text();
  EXPECT_EQ(unwrap_text(clean, none).text, clean);
  EXPECT_TRUE(none.empty());
}

// A wrapped line that ends a sentence with a full-width ！ or ？ (or closes a full-width
// bracket after it) is a paragraph end, exactly like one ending in 。 (the check once compared
// ASCII `!`, `?` and `)` twice and joined such lines to the next).
TEST(UnwrapText, FullWidthExclamationAndQuestionMarksEndLines) {
  std::string wrapped;
  for (const std::string& p : fixture::paragraphs()) {
    for (const std::string& l : wrap(p, 40)) wrapped += l + "\n";
  }
  // Twenty-cell lines (full at a 40-column wrap) that each end a sentence.
  const std::vector<std::string> shouts = {
      "让我们携手并肩奋力拼搏共同书写新的篇章！", "各项工作能否如期完成关键在于落实见效？",
      "全体干部要以时不我待的紧迫感抓好落实！）", "我们一定能够实现全年目标任务奋勇前进！”",
      "这一年来取得的成绩来之不易值得珍惜啊！",   "面对困难挑战我们没有退缩始终迎难而上！"};
  for (const std::string& l : shouts) wrapped += l + "\n";
  wrapped += "全市上下要团结一心，为建设更加美好的家园而努力奋斗。\n";
  std::vector<Warning> w;
  const MappedText u = unwrap_text(wrapped, w);
  ASSERT_FALSE(w.empty());  // the text is recognised as hard-wrapped
  for (const std::string& l : shouts) {
    EXPECT_NE(u.text.find("\n" + l + "\n"), std::string::npos) << l << " was joined";
  }
}

// Real scraped reports hold one paragraph per line: none of the shared corpus is unwrapped.
TEST(UnwrapText, TheSharedCorpusIsNotHardWrapped) {
  const auto dir = testing::shared_dir() / "corpus";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    auto r = read_file(e.path(), testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << e.path();
    ++files;
    for (const Document& d : *r) {
      for (const Warning& w : d.warnings) EXPECT_NE(w.code, "txt_lines_joined") << e.path();
    }
  }
  EXPECT_EQ(files, 5u);
}

}  // namespace
}  // namespace gwr::ingest
