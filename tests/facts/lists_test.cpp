// Livelihood lists, glossary and slogans on invented report passages.
#include "facts/lists.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/utf8.h"

namespace gwr::facts {
namespace {

// Compact dump: "12 民生实事 [a|b|c]", "- 为民实事 [a|b]" when no count, "none" when nullopt.
std::string dump(const std::optional<Livelihood>& l) {
  if (!l) return "none";
  std::string out = l->declared_count ? std::to_string(*l->declared_count) : "-";
  out += " " + l->label + " [";
  for (std::size_t i = 0; i < l->items.size(); ++i) out += (i ? "|" : "") + l->items[i].text;
  return out + "]";
}

struct LivelihoodCase {
  const char* name;
  const char* text;
  const char* want;
};

const LivelihoodCase kLivelihoodCases[] = {
    {"ParenArabicInOneParagraph",
     "扎实办好惠民实事。今年集中办好5件民生实事。(1)新建城市书房12个。(2)改造供水管网80公里。"
     "(3)为3000名老人免费体检。(4)新增托位600个。(5)建成口袋公园9个。\n下一段落。",
     "5 民生实事 [新建城市书房12个|改造供水管网80公里|为3000名老人免费体检|新增托位600个|"
     "建成口袋公园9个]"},
    {"DotArabicAfterColonKeepsDecimalsInsideItems",
     "全年计划办好4件为民实事:1.新增就业岗位2.5万个。2.硬化村道1.2千公里。3.新建停车位4000个。"
     "4.改造老旧小区36个。其他工作照常推进。",
     "4 为民实事 [新增就业岗位2.5万个|硬化村道1.2千公里|新建停车位4000个|改造老旧小区36个]"},
    {"YiShiStyle",
     "办成3件为民实事。一是新建幼儿园5所。二是改造农贸市场8个。三是实施路灯亮化工程。(九)"
     "加强政府建设",
     "3 为民实事 [新建幼儿园5所|改造农贸市场8个|实施路灯亮化工程]"},
    {"YiDunStyleOnSeparateLines",
     "今年办好三件民生实事:\n一、新增公办学位2000个;\n二、建设社区食堂15个;"
     "\n三、改造农村公路300公里。\n"
     "四、加强政府自身建设\n",
     "3 民生实事 [新增公办学位2000个|建设社区食堂15个|改造农村公路300公里]"},
    {"CircledNumbers",
     "全力办好3件惠民实事:①建设健身步道20公里;②新增充电桩500个;③开展免费筛查1万人次。",
     "3 惠民实事 [建设健身步道20公里|新增充电桩500个|开展免费筛查1万人次]"},
    {"SeparateLinesWithParens",
     "2024年民生实事如下:\n(1)新建公厕40座。\n(2)改造背街小巷25条。\n(3)"
     "新增停车泊位3000个。\n正文继续。",
     "- 民生实事 [新建公厕40座|改造背街小巷25条|新增停车泊位3000个]"},
    {"AnnexWithDutyLinesOnSeparateLines",
     "附件\n2025年3件惠民实事\n1.扩大就业。新增城镇就业9000人。\n责任单位:市人社局\n"
     "2.学位扩容项目。新建中学2所。\n责任单位:市教育局,各县人民政府\n"
     "3.农房改造。改造农房500户以上。\n责任单位:市住建局\n名词解释\n",
     "3 惠民实事 "
     "[扩大就业。新增城镇就业9000人|学位扩容项目。新建中学2所|农房改造。改造农房500户以上]"},
    {"AnnexRunTogetherOnOneLine",
     "而努力奋斗! 2025年2件惠民实事 1.饮水安全工程。新建水厂3座,覆盖8万人。 责任单位:市水务局 "
     "2.助餐服务。建设老年食堂40个。 牵头单位:市民政局 名词解释 1.两个体系:服务体系、保障体系。",
     "2 惠民实事 [饮水安全工程。新建水厂3座,覆盖8万人|助餐服务。建设老年食堂40个]"},
    {"ChineseCountTwelve",
     "办好十二件民生实事:(1)一项。(2)二项。(3)三项。(4)四项。(5)五项。(6)六项。(7)七项。(8)八项。"
     "(9)九项。(10)十项。(11)十一项。(12)十二项。",
     "12 民生实事 [一项|二项|三项|四项|五项|六项|七项|八项|九项|十项|十一项|十二项]"},
    {"ReviewYearListIgnored",
     "过去一年,为民服务十件实事落实有力。改造小区4个;新建公园1座;修建道路3条;新增车位200个;"
     "改造菜场2个;新建学校1所;新增床位50张;改造管网9公里;新建驿站6个;开通公交2条。"
     "今年为民办好十件实事。打造示范街1条;改造宿舍区1个;建设医院1所;开建公园1座;扩建中学1所;"
     "改造信号灯系统;实施水系工程;改造菜市场1个;改造管网1处;实现燃气镇镇通。",
     "10 实事 [打造示范街1条|改造宿舍区1个|建设医院1所|开建公园1座|扩建中学1所|改造信号灯系统|"
     "实施水系工程|改造菜市场1个|改造管网1处|实现燃气镇镇通]"},
    {"CompletedListOnlyGivesNone",
     "一年来,圆满完成8件重点民生实事,省市列民生实事全部办结。\n今年将继续认真办理民生实事。",
     "none"},
    {"CountWithoutItems",
     "本着量力而行的原则,集中精力办好“十件民生实事”,让群众更有获得感。一要促进就业。二要办好教育。",
     "10 民生实事 []"},
    {"NoCountNoItemsGivesNone", "办实办好民生实事,加大学前教育投入,落实免费筛查政策。", "none"},
    {"SemicolonCountMismatchKeepsCountOnly",
     "为民办好五件实事。新建公园1个;改造道路2条;新增车位300个。", "5 实事 []"},
    {"CountAfterLabel",
     "确定民生实事6件:(1)甲项工作。(2)乙项工作。(3)丙项工作。(4)丁项工作。(5)戊项工作。(6)"
     "己项工作。",
     "6 民生实事 [甲项工作|乙项工作|丙项工作|丁项工作|戊项工作|己项工作]"},
    {"FullWidthPunctuationUnfolded",
     "办好3件民生实事：（1）新建游园8个；（2）改造电网90公里；（3）新增学位1500个。",
     "3 民生实事 [新建游园8个|改造电网90公里|新增学位1500个]"},
    {"LeadSentenceEndingInColon",
     "全年办好4件民生实事,具体包括:1.新建食堂。2.新建公厕。3.新建驿站。4.新建书屋。",
     "4 民生实事 [新建食堂|新建公厕|新建驿站|新建书屋]"},
    {"QualifiedLabelAsWritten",
     "在继续办好往年实事基础上,新办十件重点民生实事:(1)甲。(2)乙。(3)丙。(4)丁。(5)戊。(6)己。"
     "(7)庚。(8)辛。(9)壬。(10)癸。",
     "10 重点民生实事 [甲|乙|丙|丁|戊|己|庚|辛|壬|癸]"},
    {"ListWithoutCountNeedsTwoItems", "今年的民生实事包括:(1)新建公园3个;(2)改造小区10个。",
     "- 民生实事 [新建公园3个|改造小区10个]"},
    {"ListPreferredOverEarlierCountOnlyMention",
     "继续实施33项民生工程。为民办好3件实事:一是新建学校。二是新建医院。三是新建公园。",
     "3 实事 [新建学校|新建医院|新建公园]"},
    {"AnnexWithoutCountTakesCountAnnouncedEarlier",
     "今年要办好3件民生实事(详见附件)。\n……\n附件\n民生实事项目\n1.新建公园。\n2.新建学校。\n3."
     "新建医院。\n",
     "3 民生实事项目 [新建公园|新建学校|新建医院]"},
    {"PlanCueAfterAnchorOverridesCompletionWord",
     "办好2件民生实事并确保年内完成:(1)新建驿站。(2)改造公厕。", "2 民生实事 [新建驿站|改造公厕]"},
    {"ParenthesizedDutyUnitDropped",
     "附件\n十件惠民实事\n一、扩大就业(责任单位:市人社局)\n二、助学帮扶(牵头单位:市教育局)\n",
     "10 惠民实事 [扩大就业|助学帮扶]"},
    {"ChineseParenItemsWithIndentedLines",
     "办好3件为民实事:\n\u3000\u3000(一)新建医院1所;\n\u3000\u3000(二)新建学校2所;\n\u3000\u3000("
     "三)新建公园3个。\n",
     "3 为民实事 [新建医院1所|新建学校2所|新建公园3个]"},
    {"OrdinalTenthIsNotACount", "这是第十件民生实事的延续,重点在农村。", "none"},
};

class LivelihoodCases : public ::testing::TestWithParam<LivelihoodCase> {};

TEST_P(LivelihoodCases, ExtractsThePlanYearList) {
  Document doc = make_plain_document(GetParam().text);
  EXPECT_EQ(dump(extract_livelihood(doc)), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LivelihoodCases, ::testing::ValuesIn(kLivelihoodCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Livelihood, CountMismatchWarns) {
  Document doc =
      make_plain_document("办好5件民生实事:(1)甲事项。(2)乙事项。(3)丙事项。(4)丁事项。");
  const auto l = extract_livelihood(doc);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->items.size(), 4u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].code, "livelihood_count_mismatch");
}

TEST(Livelihood, OverlongLastItemIsCutOnACharacterBoundary) {
  // The last item has no sentence end within the item budget (3000 bytes): the cut must not
  // split a three-byte character, or the item text is invalid UTF-8.
  std::string tail;
  while (tail.size() < 4000) tail += "办";
  Document doc =
      make_plain_document("办好2件民生实事:(1)甲事项。(2)乙A" + tail);  // "A": off the 3-byte grid
  const auto l = extract_livelihood(doc);
  ASSERT_TRUE(l);
  ASSERT_EQ(l->items.size(), 2u);
  EXPECT_TRUE(utf8::valid(l->items[1].text));
  EXPECT_GT(l->items[1].text.size(), 1000u);
}

TEST(Livelihood, MatchingCountDoesNotWarn) {
  Document doc = make_plain_document("办好2件民生实事:(1)甲事项。(2)乙事项。");
  ASSERT_EQ(dump(extract_livelihood(doc)), "2 民生实事 [甲事项|乙事项]");
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(Livelihood, AnchorInsideReviewSectionIgnored) {
  const std::string review = "一、回顾\n办好3件民生实事:(1)甲。(2)乙。(3)丙。\n";
  Document doc = make_plain_document(review + "二、安排\n办好2件民生实事。\n");
  doc.sections.push_back(
      Section{"一、回顾", 1, SectionType::kReview, Span{0, 12}, Span{0, review.size()}, false});
  EXPECT_EQ(dump(extract_livelihood(doc)), "2 民生实事 []");
}

TEST(Livelihood, PastYearBeforeAnchorIgnoredWhenPlanYearKnown) {
  Document doc = make_plain_document("2022年办好3件民生实事:(1)甲。(2)乙。(3)丙。");
  doc.meta.plan_year = 2023;
  EXPECT_EQ(dump(extract_livelihood(doc)), "none");
  doc.meta.plan_year = 2022;
  EXPECT_EQ(dump(extract_livelihood(doc)), "3 民生实事 [甲|乙|丙]");
}

TEST(Livelihood, ItemsQuoteTheOriginalCharacters) {
  // A traditional report: the analysis text is simplified, the items read as written. Each
  // character pair has the same UTF-8 length, so identity maps line the two texts up.
  const std::string original = "辦好2件民生實事:(1)新建圖書館。(2)改造電網。";
  const std::string simplified = "办好2件民生实事:(1)新建图书馆。(2)改造电网。";
  ASSERT_EQ(original.size(), simplified.size());
  Document doc = make_plain_document(simplified);
  doc.original = MappedText{original, OffsetMap::identity(original.size())};
  EXPECT_EQ(dump(extract_livelihood(doc)), "2 民生實事 [新建圖書館|改造電網]");
}

TEST(Livelihood, LivelihoodSectionWinsOverAnEqualListElsewhere) {
  const std::string first = "办好2件民生实事:(1)甲。(2)乙。\n";
  Document doc = make_plain_document(first + "附件 2件惠民实事\n(1)丙。\n(2)丁。\n");
  doc.sections.push_back(Section{"附件", 1, SectionType::kLivelihood,
                                 Span{first.size(), first.size() + 6},
                                 Span{first.size(), doc.text.text.size()}, true});
  EXPECT_EQ(dump(extract_livelihood(doc)), "2 惠民实事 [丙|丁]");
}

TEST(Livelihood, SpansPointAtItemsInAnalysisText) {
  Document doc = make_plain_document("办好2件民生实事:(1)新建公园。(2)改造道路。");
  const auto l = extract_livelihood(doc);
  ASSERT_TRUE(l && l->items.size() == 2);
  EXPECT_EQ(doc.text_of(l->items[1].span), "改造道路");
  EXPECT_EQ(doc.text_of(l->span).substr(0, 4), "2件");
}

TEST(ListLexicon, EmbeddedVocabularyLoads) {
  auto lex = ListLexicon::load();
  ASSERT_TRUE(lex) << lex.error().describe();
  EXPECT_FALSE(lex->labels.empty());
  EXPECT_FALSE(lex->duty_lines.empty());
  EXPECT_FALSE(lex->plan_suffixes.empty());
  EXPECT_NE(ListLexicon::default_lexicon(), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Glossary

std::string dump(const std::vector<GlossaryEntry>& g) {
  std::string out;
  for (const auto& e : g) out += (out.empty() ? "" : "|") + e.term + "=" + e.definition;
  return out;
}

struct GlossaryCase {
  const char* name;
  const char* text;
  const char* want;
};

const GlossaryCase kGlossaryCases[] = {
    {"NumberedLinesEndAtFooter",
     "努力奋斗!\n名词解释:\n1.“两园”:产业园、物流园。\n2.三化改造:"
     "绿色化、数字化改造。\n扫一扫在手机打开\n",
     "“两园”=产业园、物流园|三化改造=绿色化、数字化改造"},
    {"ParenNumberedRunTogether",
     "奋斗! 名词解释 (1)四个一:一张图、一张网。 (2)五个到位:人员到位、经费到位。",
     "四个一=一张图、一张网|五个到位=人员到位、经费到位"},
    {"UnnumberedTermLines",
     "正文结束。\n名词解释\n双碳:碳达峰与碳中和。\n两新:设备更新与以旧换新。\n谢谢大家\n",
     "双碳=碳达峰与碳中和|两新=设备更新与以旧换新"},
    {"InlineShiZhiDefinition", "推进“三清一改”,“三清一改”是指清垃圾、清沟渠和改陋习。其他工作。",
     "三清一改=清垃圾、清沟渠和改陋习"},
    {"InlineZhiButNotZhiBiao", "完成“双控”指标。“一网通办”指政务服务统一入口;后续。",
     "一网通办=政务服务统一入口"},
    {"InlineInsideAppendixNotRepeated",
     "结尾。\n名词解释\n1.“一屏两区”:“一屏”指生态屏障;“两区”指两个示范区。\n",
     "“一屏两区”=“一屏”指生态屏障;“两区”指两个示范区"},
    {"MentionOfHeadingInsideSentenceIsNoAppendix", "请参阅名词解释部分的说明。1.甲:乙。", ""},
};

class GlossaryCases : public ::testing::TestWithParam<GlossaryCase> {};

TEST_P(GlossaryCases, ExtractsEntries) {
  const Document doc = make_plain_document(GetParam().text);
  EXPECT_EQ(dump(extract_glossary(doc)), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GlossaryCases, ::testing::ValuesIn(kGlossaryCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Glossary, EntrySpanCoversTermAndDefinition) {
  const Document doc = make_plain_document("结束。\n名词解释\n1.甲乙:丙丁。\n");
  const auto g = extract_glossary(doc);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(doc.text_of(g[0].span), "甲乙:丙丁");
}

// ---------------------------------------------------------------------------------------------
// Slogans

std::string dump(const std::vector<Slogan>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : "|") + x.text + "×" + std::to_string(x.count);
  return out;
}

struct SloganCase {
  const char* name;
  const char* text;
  const char* want;
};

const SloganCase kSloganCases[] = {
    {"CountsRepeatsInFirstOccurrenceOrder",
     "推进“三化”改造,建设“1+10”平台,深化“三化”改造,再推“三化”。", "三化×3|1+10×1"},
    {"SkipsPlanOrdinals", "“十四五”开局,“十三五”规划收官,“十五五”时期,落实“五个一”。", "五个一×1"},
    {"SkipsLongQuotations", "牢记“一二三四五六七八九十一二三四五六七八九十一”和“两个确保”。",
     "两个确保×1"},
    {"SkipsQuotationsWithPunctuation", "坚持“民之所望,政之所向”,推进“放管服”改革。", "放管服×1"},
    {"CornerBracketsOfTraditionalReposts", "推動「雙減」落地,落實「雙減」政策。", "雙減×2"},
    {"UnbalancedQuoteSkipped", "推进“三化改造,落实“两新”政策。", "两新×1"},
    {"BareNumbersAreHotlinesNotSlogans", "拨打“12345”热线,落实“8+N”机制。", "8+N×1"},
    {"EmptyQuotesSkipped", "留白“”处,落实“四下基层”。", "四下基层×1"},
};

class SloganCases : public ::testing::TestWithParam<SloganCase> {};

TEST_P(SloganCases, CountsQuotedNames) {
  const Document doc = make_plain_document(GetParam().text);
  EXPECT_EQ(dump(extract_slogans(doc)), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, SloganCases, ::testing::ValuesIn(kSloganCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Slogans, FirstSpanIsTheTextInsideTheFirstQuotes) {
  const Document doc = make_plain_document("甲“两新”乙“两新”");
  const auto s = extract_slogans(doc);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(doc.text_of(s[0].first), "两新");
  EXPECT_EQ(s[0].first.begin, std::string("甲“").size());
}

TEST(Slogans, PlanSuffixesComeFromTheLexicon) {
  const Document doc = make_plain_document("“十四五”开局,“十四五期间”,“十四五纲要”。");
  EXPECT_EQ(dump(extract_slogans(doc)), "十四五纲要×1");  // data: 规划, 时期, 期间
  ListLexicon lex;
  lex.plan_suffixes = {"纲要"};
  EXPECT_EQ(dump(extract_slogans(doc, lex)), "十四五期间×1");
}

}  // namespace
}  // namespace gwr::facts
