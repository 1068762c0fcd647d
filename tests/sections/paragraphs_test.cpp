// Paragraph and sentence splitting: input → paragraphs joined by " | ", sentences by " / ".
#include "sections/paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gwr::sections {
namespace {

std::string dump(std::string_view text, const std::vector<Paragraph>& ps) {
  std::string out;
  for (const Paragraph& p : ps) {
    if (!out.empty()) out += " | ";
    std::string sentences;
    for (const Span& s : p.sentences) {
      if (!sentences.empty()) sentences += " / ";
      sentences += text.substr(s.begin, s.size());
    }
    out += sentences;
  }
  return out;
}

struct Case {
  const char* name;
  const char* text;
  std::vector<std::size_t> breaks;
  const char* want;
};

class Paragraphs : public ::testing::TestWithParam<Case> {};

TEST_P(Paragraphs, DumpMatches) {
  const std::string text = GetParam().text;
  const auto ps = split_paragraphs(text, Span{0, text.size()}, GetParam().breaks);
  EXPECT_EQ(dump(text, ps), GetParam().want) << GetParam().name;
}

const Case kCases[] = {
    {"LineBreaksEndParagraphs",
     "第一段。\n\n  第二段!第二句?\n",
     {},
     "第一段。 | 第二段! / 第二句?"},
    {"SentenceEndInsideBalancedQuoteDoesNotSplit",
     "提出“稳字当头。进字为先。”的要求。下一句。",
     {},
     "提出“稳字当头。进字为先。”的要求。 / 下一句。"},
    {"ClosingQuoteStaysWithItsSentence",
     "他说:“要实干。”然后出发。",
     {},
     "他说:“要实干。” / 然后出发。"},
    {"UnbalancedQuoteDoesNotSwallowTheParagraph",
     "打造“一核两翼。第二句。第三句。",
     {},
     "打造“一核两翼。 / 第二句。 / 第三句。"},
    {"SpaceAfterSentenceEndSplitsOneLineText",
     "第一段结束。 第二段开始。第二段结束。",
     {},
     "第一段结束。 | 第二段开始。 / 第二段结束。"},
    {"SpaceInsideASentenceDoesNotSplit", "市长 王某 主持会议。", {}, "市长 王某 主持会议。"},
    {"BreakOffsetsSplitParagraphs",
     "请予审议。2023年工作回顾2023年是奋进之年。",
     {15, 34},
     "请予审议。 | 2023年工作回顾 | 2023年是奋进之年。"},
    {"FullWidthMarksEndSentences", "真好！对吗？是的。", {}, "真好！ / 对吗？ / 是的。"},
    {"RepeatedMarksStayTogether", "太好了!!下一句。", {}, "太好了!! / 下一句。"},
    {"TextWithoutEndMarkIsOneSentence", "名词解释", {}, "名词解释"},
};

INSTANTIATE_TEST_SUITE_P(Cases, Paragraphs, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Paragraphs, SpansAreTrimmedAndInsideTheBody) {
  const std::string text = "页眉\n  正文一句。  \n页脚";
  const Span body{text.find("  正文"), text.find("页脚")};
  const auto ps = split_paragraphs(text, body, {});
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(text.substr(ps[0].span.begin, ps[0].span.size()), "正文一句。");
  ASSERT_EQ(ps[0].sentences.size(), 1u);
  EXPECT_EQ(ps[0].sentences[0], ps[0].span);
}

}  // namespace
}  // namespace gwr::sections
