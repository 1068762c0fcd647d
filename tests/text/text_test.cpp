#include "text/text.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

#include "common/utf8.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::text {
namespace {

// Our own sentences in the style of the reports (not taken from any corpus file).
constexpr const char* kSimplified =
    "各位代表:\n过去一年,全县地区生产总值增长百分之六点二,城乡居民收入稳步提高。\n"
    "二、2024年工作安排\n主要预期目标是:一般公共预算收入增长5%左右。\n";
constexpr const char* kTraditional =
    "各位代表:\n過去一年,全縣經濟運行穩中向好,財政收入增長較快,民生實事全部完成。\n"
    "二、2024年工作安排\n主要預期目標是:城鄉居民收入與經濟增長同步。\n";

// Encodes UTF-8 into `charset` with ICU (the test builds its own GB18030/Big5 bytes).
std::string encode_as(const std::string& utf8_text, const char* charset) {
  UErrorCode st = U_ZERO_ERROR;
  std::string out(utf8_text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8_text.data(), static_cast<int32_t>(utf8_text.size()), &st);
  EXPECT_FALSE(U_FAILURE(st)) << u_errorName(st);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Checks that every output character maps back to exactly its bytes in `raw`, encoded in
// `charset`. Returns the number of characters checked.
std::size_t expect_exact_map(const Decoded& d, const std::string& raw, const char* charset) {
  const std::string& t = d.text.text;
  std::size_t n = 0;
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t a = i;
    utf8::next(t, i);
    const std::size_t s = d.text.map.start(a), e = d.text.map.end(i);
    EXPECT_LE(s, e);
    EXPECT_LE(e, raw.size());
    const std::string want = encode_as(t.substr(a, i - a), charset);
    EXPECT_EQ(raw.substr(s, e - s), want) << "char at " << a << " of " << charset;
    ++n;
  }
  return n;
}

struct EncodingCase {
  const char* name;
  const char* utf8_text;
  const char* charset;   // ICU charset to produce the raw bytes
  const char* declared;  // passed to decode()
  const char* want_enc;  // Decoded::encoding
};

TEST(Decode, DetectsEncodingAndMapsEveryCharToItsRawBytes) {
  const std::vector<EncodingCase> cases = {
      {"utf8 plain", kSimplified, "UTF-8", "", "UTF-8"},
      {"gb18030 undeclared", kSimplified, "GB18030", "", "GB18030"},
      {"gbk declared as gb2312", kSimplified, "GB18030", "gb2312", "GB18030"},
      {"big5 undeclared", kTraditional, "Big5", "", "Big5"},
      {"big5 declared", kTraditional, "Big5", "big5", "Big5"},
      {"utf8 traditional", kTraditional, "UTF-8", "", "UTF-8"},
      {"utf8 wins over a stale gbk meta", kSimplified, "UTF-8", "gbk", "UTF-8"},
      {"gbk bytes wrongly declared big5", kSimplified, "GB18030", "big5", "GB18030"},
      {"big5 bytes wrongly declared gbk", kTraditional, "Big5", "gbk", "Big5"},
      {"unknown declared name ignored", kSimplified, "GB18030", "x-no-such-charset", "GB18030"},
  };
  for (const auto& c : cases) {
    const std::string raw = encode_as(c.utf8_text, c.charset);
    std::vector<Warning> w;
    auto d = decode(raw, c.declared, w);
    ASSERT_TRUE(d.ok()) << c.name << ": " << d.error().describe();
    EXPECT_EQ(d->encoding, c.want_enc) << c.name;
    EXPECT_EQ(d->text.text, c.utf8_text) << c.name;
    EXPECT_TRUE(w.empty()) << c.name;
    EXPECT_GT(expect_exact_map(*d, raw, c.charset), 40u) << c.name;
  }
}

struct BomCase {
  const char* name;
  std::string bom;
  const char* charset;
  const char* want_enc;
};

TEST(Decode, ByteOrderMarkIsRemovedAndOffsetsCountIt) {
  const std::vector<BomCase> cases = {
      {"utf8", "\xEF\xBB\xBF", "UTF-8", "UTF-8"},
      {"utf16le", "\xFF\xFE", "UTF-16LE", "UTF-16LE"},
      {"utf16be", "\xFE\xFF", "UTF-16BE", "UTF-16BE"},
  };
  for (const auto& c : cases) {
    const std::string body = encode_as(kSimplified, c.charset);
    const std::string raw = c.bom + body;
    std::vector<Warning> w;
    auto d = decode(raw, "", w);
    ASSERT_TRUE(d.ok()) << c.name;
    EXPECT_EQ(d->encoding, c.want_enc) << c.name;
    EXPECT_EQ(d->text.text, kSimplified) << c.name;
    EXPECT_EQ(d->text.map.start(0), c.bom.size()) << c.name;
    EXPECT_EQ(d->text.map.end(d->text.text.size()), raw.size()) << c.name;
  }
}

TEST(Decode, Utf16WithoutBomIsRecognisedFromItsNulBytes) {
  const std::string raw = encode_as("Annual report 2024: GDP +5%.\n政府工作报告\n", "UTF-16LE");
  std::vector<Warning> w;
  auto d = decode(raw, "", w);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->encoding, "UTF-16LE");
  EXPECT_EQ(d->text.text, "Annual report 2024: GDP +5%.\n政府工作报告\n");
}

TEST(Decode, ValidUtf8UsesOneIdentityPiece) {
  std::string big;
  for (int i = 0; i < 2000; ++i) big += kSimplified;
  std::vector<Warning> w;
  auto d = decode(big, "", w);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text.map.pieces().size(), 1u);
  EXPECT_EQ(d->text.text, big);
}

struct BadUtf8Case {
  const char* name;
  std::string raw;
  std::size_t want_offset;  // raw offset of the first invalid_utf8 warning
  std::string want_text;
};

TEST(Decode, FewInvalidUtf8BytesBecomeReplacementCharsWithWarnings) {
  const std::string good = kSimplified;
  const std::vector<BadUtf8Case> cases = {
      {"truncated tail", good + "\xE5\xB9", good.size(), good + "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"one stray byte", good.substr(0, 14) + "\xFF" + good.substr(14), 14,
       good.substr(0, 14) + "\xEF\xBF\xBD" + good.substr(14)},
  };
  for (const auto& c : cases) {
    std::vector<Warning> w;
    auto d = decode(c.raw, "", w);
    ASSERT_TRUE(d.ok()) << c.name;
    EXPECT_EQ(d->encoding, "UTF-8") << c.name;
    EXPECT_EQ(d->text.text, c.want_text) << c.name;
    ASSERT_FALSE(w.empty()) << c.name;
    EXPECT_EQ(w.front().code, "invalid_utf8") << c.name;
    EXPECT_EQ(w.front().raw_offset, c.want_offset) << c.name;
    // The replacement character maps back to the bad byte.
    const std::size_t at = d->text.text.find("\xEF\xBF\xBD");
    EXPECT_EQ(d->text.map.start(at), c.want_offset) << c.name;
  }
}

struct ErrorCase {
  const char* name;
  std::string raw;
  ErrorCode want;
  const char* want_in_message;
};

TEST(Decode, RejectsInputThatIsNotText) {
  std::string binary = "\x89PNG\r\n\x1A\n";
  binary += std::string(40, '\0') + "IHDR" + std::string(20, '\x01');
  const std::vector<ErrorCase> cases = {
      {"empty", "", ErrorCode::kNotAReport, "empty file"},
      {"bom only", "\xEF\xBB\xBF", ErrorCode::kNotAReport, "empty file"},
      {"png header", binary, ErrorCode::kUnsupportedFormat, "binary"},
      {"control bytes", std::string(100, '\x02') + "abc", ErrorCode::kUnsupportedFormat, "binary"},
  };
  for (const auto& c : cases) {
    std::vector<Warning> w;
    auto d = decode(c.raw, "", w);
    ASSERT_FALSE(d.ok()) << c.name;
    EXPECT_EQ(d.error().code, c.want) << c.name;
    EXPECT_NE(d.error().message.find(c.want_in_message), std::string::npos)
        << c.name << ": " << d.error().message;
  }
}

TEST(Decode, TooLargeNamesSizeAndLimit) {
  const std::string huge(kMaxInputBytes + 1, 'a');
  std::vector<Warning> w;
  auto d = decode(huge, "", w);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(d.error().message.find(std::to_string(kMaxInputBytes + 1)), std::string::npos);
  EXPECT_NE(d.error().message.find(std::to_string(kMaxInputBytes)), std::string::npos);
}

TEST(Decode, GarbageHighBytesAreBadEncodingNamingTheCharset) {
  // Lead bytes followed by bytes no CJK encoding accepts as trail bytes.
  std::string raw;
  for (int i = 0; i < 300; ++i) raw += "\x81\x20\xFF\x0A";
  std::vector<Warning> w;
  auto d = decode(raw, "", w);
  if (d.ok()) {
    // A single-byte charset may legitimately claim these bytes; it must not be a CJK guess.
    EXPECT_NE(d->encoding, "GB18030");
    EXPECT_NE(d->encoding, "Big5");
  } else {
    EXPECT_EQ(d.error().code, ErrorCode::kBadEncoding);
    EXPECT_NE(d.error().message.find("detected charset"), std::string::npos);
  }
}

TEST(Decode, Gb18030WithACorruptPairWarnsWithRawOffset) {
  std::string raw = encode_as(kSimplified, "GB18030");
  const std::size_t bad = raw.find(encode_as("收入", "GB18030"));
  ASSERT_NE(bad, std::string::npos);
  raw[bad + 1] = '\x7F';  // 0x7F is never a GB18030 trail byte
  std::vector<Warning> w;
  auto d = decode(raw, "", w);
  ASSERT_TRUE(d.ok()) << d.error().describe();
  EXPECT_EQ(d->encoding, "GB18030");
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w.front().code, "undecodable_bytes");
  EXPECT_EQ(w.front().raw_offset, bad);
}

// Speed is measured in bench/, not here; this checks that a multi-megabyte input decodes whole
// and that its map still slices the last character back exactly.
TEST(Decode, LargeGb18030InputDecodesWholeWithExactMap) {
  std::string text;
  while (text.size() < (2u << 20)) text += kSimplified;
  const std::string raw = encode_as(text, "GB18030");
  std::vector<Warning> w;
  auto d = decode(raw, "", w);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text.text, text);
  std::size_t last = text.size();
  gwr::utf8::prev(text, last);
  const std::size_t a = d->text.map.start(last), b = d->text.map.end(text.size());
  EXPECT_EQ(b, raw.size());
  EXPECT_EQ(encode_as(text.substr(last), "GB18030"), raw.substr(a, b - a));
}

TEST(Decode, RealCorpusFilesAreUtf8WithIdentityMaps) {
  const auto dir = gwr::testing::shared_dir() / "corpus";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string raw = gwr::testing::read_file(e.path());
    std::vector<Warning> w;
    auto d = decode(raw, "", w);
    ASSERT_TRUE(d.ok()) << e.path();
    EXPECT_EQ(d->encoding, "UTF-8");
    EXPECT_EQ(d->text.text.size(), raw.size() - (raw.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
    ++files;
  }
  EXPECT_GE(files, 5u);
}

struct ExampleCase {
  const char* file;
  const char* want_enc;
  bool traditional;
  std::vector<std::string> want_phrases;  // in the normalized text
};

TEST(Decode, ExampleReportsDecodeAndNormalize) {
  const std::vector<ExampleCase> cases = {
      {"gbk_county_report.txt",
       "GB18030",
       false,
       {"政府工作报告\n", "桐庐县人民政府县长", "(2024年1月10日)",
        "主要预期目标是:", "增长6%左右"}},
      {"big5_county_report.txt",
       "Big5",
       true,
       {"政府工作报告\n", "永登县人民政府县长", "各位代表:", "主要预期目标是:", "增长7%左右"}},
  };
  for (const auto& c : cases) {
    const std::string raw = gwr::testing::read_file(gwr::testing::repo_dir() / "examples" / c.file);
    std::vector<Warning> w;
    auto d = decode(raw, "", w);
    ASSERT_TRUE(d.ok()) << c.file << ": " << d.error().describe();
    EXPECT_EQ(d->encoding, c.want_enc) << c.file;
    EXPECT_TRUE(w.empty()) << c.file;
    const Normalized n = normalize(d->text.text, testing::resources().ingest.text, w);
    EXPECT_EQ(n.traditional, c.traditional) << c.file;
    const OffsetMap to_raw = compose(n.text.map, d->text.map);
    for (const auto& p : c.want_phrases) {
      const std::size_t b = n.text.text.find(p);
      ASSERT_NE(b, std::string::npos) << c.file << " lacks " << p;
      // The phrase's raw bytes decode back to a text that normalizes to the phrase.
      const std::size_t s = to_raw.start(b), e = to_raw.end(b + p.size());
      std::vector<Warning> w2;
      auto back = decode(raw.substr(s, e - s), c.want_enc, w2);
      ASSERT_TRUE(back.ok()) << c.file << " " << p;
      EXPECT_EQ(normalize(back->text.text, testing::resources().ingest.text, w2)
                    .text.text.find(p.substr(0, p.size() - (p.back() == '\n'))),
                0u)
          << c.file << " " << p;
    }
  }
}

struct ScriptCase {
  const char* text;
  bool traditional;
  const char* simplified;
};

TEST(Script, LooksTraditionalAndToSimplified) {
  const std::vector<ScriptCase> cases = {
      {"全縣經濟運行穩中向好", true, "全县经济运行稳中向好"},
      {"全县经济运行稳中向好", false, "全县经济运行稳中向好"},
      {"政府工作報告", true, "政府工作报告"},
      {"GDP 5%", false, "GDP 5%"},
      // A simplified text quoting one traditional name stays simplified.
      {"全市认真落实各项工作部署,推动经济高质量发展,完成了臺灣同胞接待任务。", false, nullptr},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(looks_traditional(c.text), c.traditional) << c.text;
    if (c.simplified != nullptr) {
      EXPECT_EQ(to_simplified(c.text), c.simplified) << c.text;
    }
  }
}

}  // namespace
}  // namespace gwr::text
