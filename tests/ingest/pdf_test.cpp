// Tests for src/ingest/pdf.cpp. The PDF is written by hand in the test: a Type0 font with
// Identity-H encoding and a ToUnicode CMap, so poppler can extract Chinese text without any
// embedded font. Xref offsets are computed in code.
#include "ingest/pdf.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/ingest.h"
#include "support/pdf_builder.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

using gwr::testing::make_pdf;
using gwr::testing::nested_xobject_pdf;

TEST(PdfToText, ExtractsChineseTextThroughToUnicodeCMap) {
  const std::string pdf = make_pdf({{"政府工作报告", "各位代表:"}, {"让我们携手奋斗!"}});
  auto r = pdf_to_text(pdf, "mini.pdf");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_NE(r->text.find("政府工作报告"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("各位代表"), std::string::npos) << r->text;
  const std::size_t p2 = r->text.find("让我们携手奋斗");
  ASSERT_NE(p2, std::string::npos) << r->text;
  EXPECT_LT(r->text.find("各位代表"), p2) << "pages in order";
  // The extracted text is the raw layer: the map is the identity.
  EXPECT_EQ(r->map.start(p2), p2);
  EXPECT_EQ(r->map.end(p2 + 3), p2 + 3);
}

TEST(PdfToText, CorruptAndTruncatedFilesAreUnsupported) {
  const std::string pdf = make_pdf({{"政府工作报告"}});
  for (const std::string& bad : {std::string("%PDF-1.7\n1 0 obj\n<<"), std::string("hello"),
                                 pdf.substr(0, pdf.size() / 3)}) {
    auto r = pdf_to_text(bad, "bad.pdf");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedFormat) << r.error().describe();
  }
}

TEST(PdfToText, HostilePdfIsStoppedAtItsTimeBudget) {
  const std::string pdf = nested_xobject_pdf(12, 8);
  ASSERT_LT(pdf.size(), 8000u);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = pdf_to_text(pdf, "nested.pdf", nullptr, PdfBudget{1.0, std::size_t{512} << 20});
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge) << r.error().describe();
  EXPECT_NE(r.error().message.find("budget"), std::string::npos) << r.error().describe();
  EXPECT_LT(secs, 5.0);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GWR_TEST_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define GWR_TEST_UNDER_ASAN 1
#endif

TEST(PdfToText, HostilePdfIsStoppedAtItsMemoryBudget) {
#ifdef GWR_TEST_UNDER_ASAN
  GTEST_SKIP() << "RLIMIT_AS is not used under AddressSanitizer (time budget only)";
#else
  // 8^6 text draws: poppler's text pages outgrow 30 MiB within a second or two.
  auto r = pdf_to_text(nested_xobject_pdf(6, 8), "nested6.pdf", nullptr,
                       PdfBudget{60.0, std::size_t{30} << 20});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge) << r.error().describe();
  EXPECT_NE(r.error().message.find("memory budget"), std::string::npos) << r.error().describe();
#endif
}

TEST(PdfToText, SmallNestingStillGivesItsText) {
  auto r = pdf_to_text(nested_xobject_pdf(2, 2), "nested_small.pdf");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_NE(r->text.find("gwr"), std::string::npos) << r->text;
}

TEST(ReadBytes, PdfReportBecomesADocumentWithPdfFormat) {
  const std::string pdf = make_pdf({{"政府工作报告", "各位代表:", "下面,我代表县政府向大会作报告。",
                                     "一、2023年工作回顾", "过去一年,全县生产总值增长6%。"},
                                    {"二、2024年工作安排", "今年预期目标:全县生产总值增长5%左右。",
                                     "让我们团结奋斗,再创新辉煌!"}});
  auto r = read_bytes(pdf, "report.pdf", testing::resources().ingest);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 1u);
  const Document& d = r->front();
  EXPECT_EQ(d.format, "pdf");
  const std::string body = d.original_of(d.body);
  EXPECT_EQ(body.rfind("政府工作报告", 0), 0u) << body;
  EXPECT_NE(body.find("再创新辉煌"), std::string::npos) << body;
}

}  // namespace
}  // namespace gwr::ingest
