#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/utf8.h"
#include "support/paths.h"
#include "support/resources.h"
#include "text/text.h"

namespace gwr::text {
namespace {

// "code@offset" for each warning, in order.
std::string dump(const std::vector<Warning>& ws) {
  std::string out;
  for (const auto& w : ws) {
    if (!out.empty()) out += " ";
    out += w.code + "@" + (w.raw_offset == Warning::kNoOffset ? "-" : std::to_string(w.raw_offset));
  }
  return out;
}

std::size_t at(const std::string& s, const std::string& needle) { return s.find(needle); }

struct Case {
  const char* name;
  std::string in;
  std::string want;
  std::string want_warnings;  // dump() of the warnings
};

TEST(Normalize, FoldsAndRepairsWithWarnings) {
  const std::string para = "就业:城镇新增就业1.2";
  const std::vector<Case> cases = {
      {"plain text unchanged", "全县粮食产量稳定。\n", "全县粮食产量稳定。\n", ""},
      {"full-width ascii folds, one summary warning", "增长６．５％（左右）", "增长6.5%(左右)",
       "fullwidth_folded@6"},
      {"ideographic space folds", "\u3000\u3000各位代表：", "  各位代表:", "fullwidth_folded@0"},
      {"nbsp becomes space", "2024年\u00A0工作", "2024年 工作", "nbsp@7"},
      {"crlf and cr become lf", "一\r\n二\r三\n", "一\n二\n三\n", ""},
      {"zero width removed", "政\u200B府", "政府", "zero_width_removed@3"},
      {"ring between numerals", "到二○三五年", "到二〇三五年", ""},
      {"big circle and zero digit", "二◯二四年和二0二三年", "二〇二四年和二〇二三年", ""},
      {"ring bullet stays", "○ 推进改革", "○ 推进改革", ""},
      {"stray semicolon before unit", "参保超53;万人。", "参保超53万人。", "stray_semicolon@11"},
      {"stray semicolon before percent", "增长16;%,", "增长16%,", "stray_semicolon@8"},
      {"stray semicolon before anniversary", "成立70;周年", "成立70周年", "stray_semicolon@8"},
      {"ordinal clause keeps semicolon", "增速全市第1;建筑业产值", "增速全市第1;建筑业产值", ""},
      {"clause semicolon after unit kept", "增长6%;投资增长8%", "增长6%;投资增长8%", ""},
      {"semicolon after full stop removed", "成立100周年!;\n", "成立100周年!\n",
       "stray_semicolon@16"},
      {"run of semicolons after full stop is one repair", "持续性。;;;;突出", "持续性。突出",
       "stray_semicolon@12"},
      {"space inside enumerator", "底线。十 一、着力", "底线。十一、着力", "split_enumerator@12"},
      {"space inside herb name before list comma", "有机三 七、茶叶", "有机三七、茶叶",
       "split_enumerator@9"},
      {"space between numbers and words kept", "三 个一批", "三 个一批", ""},
      {"spaced title joined", "政 府 工 作 报 告\n", "政府工作报告\n", "spaced_title@0"},
      {"spaced title with wide spaces", "\u3000政\u3000府\u3000工\u3000作\u3000报\u3000告",
       " 政府工作报告", "fullwidth_folded@0 spaced_title@3"},
      {"two spaced chars not a title", "目 录\n", "目 录\n", ""},
      {"spaced words inside a sentence kept", "今年 要 抓好 三件事\n", "今年 要 抓好 三件事\n", ""},
      {"para without repairs", para, para, ""},
  };
  for (const auto& c : cases) {
    std::vector<Warning> w;
    const Normalized n = normalize(c.in, testing::resources().ingest.text, w);
    EXPECT_EQ(n.text.text, c.want) << c.name;
    EXPECT_EQ(dump(w), c.want_warnings) << c.name;
    EXPECT_FALSE(n.traditional) << c.name;
    EXPECT_EQ(n.text.map.end(n.text.text.size()), c.in.size()) << c.name;
  }
}

struct SpanCase {
  const char* name;
  std::string in;
  std::string out_needle;   // substring of the normalized text
  std::string want_source;  // what its span maps back to in the input
};

TEST(Normalize, SpansMapBackToTheInputText) {
  const std::vector<SpanCase> cases = {
      {"after folded chars", "（一）增长６％左右", "增长6%左右", "增长６％左右"},
      {"number across removed semicolon", "超53;万人", "53万人", "53;万人"},
      {"unit after removed semicolon", "超53;万人", "万人", "万人"},
      {"joined title", "政 府 工 作 报 告", "政府工作报告", "政 府 工 作 报 告"},
      {"inside joined title", "政 府 工 作 报 告", "工作", "工 作"},
      {"after crlf", "甲\r\n乙丙", "乙丙", "乙丙"},
      {"ring", "二○二五年", "〇二五", "○二五"},
  };
  for (const auto& c : cases) {
    std::vector<Warning> w;
    const Normalized n = normalize(c.in, testing::resources().ingest.text, w);
    const std::size_t b = at(n.text.text, c.out_needle);
    ASSERT_NE(b, std::string::npos) << c.name;
    const std::size_t s = n.text.map.start(b), e = n.text.map.end(b + c.out_needle.size());
    EXPECT_EQ(c.in.substr(s, e - s), c.want_source) << c.name;
  }
}

TEST(Normalize, TraditionalTextBecomesSimplifiedWithCharAccurateOffsets) {
  const std::string in =
      "政 府 工 作 報 告\n各位代表:\n過去一年,全縣經濟運行穩中向好,財政收入增長８％。\n";
  std::vector<Warning> w;
  const Normalized n = normalize(in, testing::resources().ingest.text, w);
  EXPECT_TRUE(n.traditional);
  EXPECT_EQ(n.text.text,
            "政府工作报告\n各位代表:\n过去一年,全县经济运行稳中向好,财政收入增长8%。\n");
  struct Probe {
    const char* simplified;
    const char* traditional;
  };
  const std::vector<Probe> probes = {
      {"经济运行", "經濟運行"}, {"县", "縣"}, {"报告", "報 告"}, {"增长8%", "增長８％"}};
  for (const auto& p : probes) {
    const std::size_t b = n.text.text.find(p.simplified);
    ASSERT_NE(b, std::string::npos) << p.simplified;
    const std::size_t s = n.text.map.start(b),
                      e = n.text.map.end(b + std::string(p.simplified).size());
    EXPECT_EQ(in.substr(s, e - s), p.traditional) << p.simplified;
  }
  EXPECT_NE(dump(w).find("spaced_title@0"), std::string::npos) << dump(w);
}

TEST(Normalize, WarningOffsetsPointAtTheRepairedBytesAfterTraditionalConversion) {
  const std::string in = "縣醫療保險參保達53;萬人,經濟運行穩中向好。";
  std::vector<Warning> w;
  const Normalized n = normalize(in, testing::resources().ingest.text, w);
  ASSERT_TRUE(n.traditional);
  EXPECT_NE(n.text.text.find("53万人"), std::string::npos) << n.text.text;
  ASSERT_EQ(w.size(), 1u) << dump(w);
  EXPECT_EQ(w[0].code, "stray_semicolon");
  EXPECT_EQ(in.substr(w[0].raw_offset, 1), ";");
}

TEST(Normalize, EveryOutputCharMapsInsideTheInputOnTheRealCorpus) {
  const auto dir = gwr::testing::shared_dir() / "corpus";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no shared corpus at " << dir;
  std::size_t checked = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string in = gwr::testing::read_file(e.path());
    std::vector<Warning> w;
    const Normalized n = normalize(in, testing::resources().ingest.text, w);
    EXPECT_FALSE(n.traditional) << e.path();
    // Monotone map: each char's source span starts no earlier than the previous one's.
    std::size_t last = 0;
    for (std::size_t i = 0; i < n.text.text.size();) {
      const std::size_t a = i;
      utf8::next(n.text.text, i);
      const std::size_t s = n.text.map.start(a);
      ASSERT_GE(s, last) << e.path() << " at " << a;
      ASSERT_LE(n.text.map.end(i), in.size());
      last = s;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000u);
}

}  // namespace
}  // namespace gwr::text
