// Heading tree of invented report texts: each case is input text → a compact dump of
// doc.sections, one line per section: "<level>[A] <type> <title>" (A = appended).
#include "sections/sections.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/resources.h"

namespace gwr::sections {
namespace {

std::string dump(const Document& doc, int max_level = 9) {
  std::string out;
  for (const Section& s : doc.sections) {
    if (s.level > max_level) continue;
    out += std::to_string(s.level) + (s.appended ? "A " : " ") + section_type_name(s.type) + " " +
           s.title + "\n";
  }
  return out;
}

std::vector<std::string> top_titles(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections)
    if (s.level == 1 && !s.appended) out.push_back(s.title);
  return out;
}

bool has_warning(const Document& doc, const std::string& code) {
  for (const Warning& w : doc.warnings)
    if (w.code == code) return true;
  return false;
}

struct Case {
  const char* name;
  const char* text;
  const char* want;  // dump()
  int max_level = 9;
};

class SectionsTree : public ::testing::TestWithParam<Case> {};

TEST_P(SectionsTree, DumpMatches) {
  Document doc = make_plain_document(GetParam().text);
  annotate(doc, testing::resources().sections);
  EXPECT_EQ(dump(doc, GetParam().max_level), GetParam().want) << GetParam().name;
}

const Case kCases[] = {
    {"MultiLineNumberedParts",
     "政府工作报告\n——2024年1月9日在某市第七届人民代表大会第二次会议上\n代市长 李某\n各位代表:\n"
     "我受市人民政府委托,作工作报告。\n一、2023年工作回顾\n过去一年,全市经济回升向好。\n"
     "(一)产业发展提质增效。新建项目三十个。\n(二)民生福祉持续改善。新增就业一万人。\n"
     "二、2024年工作安排\n2024年是关键之年。\n(一)扩大有效投资。实施项目一百个。\n"
     "三、加强政府自身建设\n我们要忠诚担当。\n",
     "1 review 一、2023年工作回顾\n2 other (一)产业发展提质增效\n2 other (二)民生福祉持续改善\n"
     "1 plan_tasks 二、2024年工作安排\n2 other (一)扩大有效投资\n"
     "1 self_building 三、加强政府自身建设\n"},
    {"UnnumberedPartsOverNumberedListsThatRestart",
     "各位代表:\n2023年工作回顾\n一年来,"
     "我们攻坚克难。\n一、经济运行稳中有进。全年增长五个百分点。\n"
     "二、城乡面貌持续改善。新修道路二十公里。\n2024年主要任务\n2024年是攻坚之年。\n"
     "一、坚定不移抓项目。开工项目五十个。\n二、坚定不移惠民生。新建学校三所。\n"
     "加强政府自身建设\n我们要勤政为民。\n",
     "1 review 2023年工作回顾\n2 other 一、经济运行稳中有进\n2 other 二、城乡面貌持续改善\n"
     "1 plan_tasks 2024年主要任务\n2 other 一、坚定不移抓项目\n2 other 二、坚定不移惠民生\n"
     "1 self_building 加强政府自身建设\n"},
    {"OneLineReportWithGluedUnnumberedHeadings",
     "2024年某县政府工作报告各位代表:现在,我受县人民政府委托作报告,请予审议。2023年工作回顾"
     "2023年是极不平凡的一年,全县上下砥砺奋进。一、经济发展量质齐升。全年增长六个百分点。"
     "二、社会事业全面进步。新建医院一所。2024年重点工作安排2024年是实施规划的关键一年。"
     "一、聚力产业升级,壮大实体经济。新引进企业二十家。二、加强政府自身建设,打造满意政府。"
     "我们要坚持依法行政。",
     "1 review 2023年工作回顾\n2 other 一、经济发展量质齐升\n2 other 二、社会事业全面进步\n"
     "1 plan_tasks 2024年重点工作安排\n2 other 一、聚力产业升级,壮大实体经济\n"
     "2 self_building 二、加强政府自身建设,打造满意政府\n"},
    {"OneLineNumberedHeadingsEndWhereTheFirstSentenceBegins",
     "各位代表:请予审议。一、过去五年工作回顾过去五年,我们砥砺前行。成绩来之不易。"
     "二、“十五五”时期主要目标任务“十五五”时期是承前启后的关键时期。要久久为功。"
     "三、2026年工作安排各位代表,今年是开局之年。要开好局。"
     "四、加强政府自身建设,提高履职能力新征程呼唤新担当。我们要实干。",
     "1 five_year_review 一、过去五年工作回顾\n1 fyp_goals 二、“十五五”时期主要目标任务\n"
     "1 plan_tasks 三、2026年工作安排\n1 self_building 四、加强政府自身建设,提高履职能力\n"},
    {"OneLineHeadingEndsAtConnectiveFreeHeadingWord",
     "请予审议。一、2023年工作回顾及五年主要成就去年,面对复杂形势,我们稳住了大盘。"
     "二、2024年工作安排二〇二四年是关键一年。要抓落实。",
     "1 five_year_review 一、2023年工作回顾及五年主要成就\n1 plan_tasks 二、2024年工作安排\n"},
    {"OneLineSpaceSeparatedHeadings",
     "各位代表: 请予审议。 一、2023年工作回顾 2023年,全市上下团结奋斗。 "
     "二、2024年工作安排 今年政府工作总的要求是:稳中求进。 三、加强政府自身建设 我们要守正创新。",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n"
     "1 self_building 三、加强政府自身建设\n"},
    {"FalseEnumeratorsInsideSentencesAreNotHeadings",
     "一、2023年工作回顾\n全年建成18个 一、二级站点。坚持生态第 一、民生优先。全县排名第一。"
     "一、二产业协同发展。政策统 一、标准统一。\n二、2024年工作安排\n要抓好落实。\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n"},
    {"GlossaryAfterTheSpeechIsAppended",
     "一、2023年工作回顾\n成绩显著。\n二、2024年工作安排\n任务艰巨。\n各位代表,让我们携手奋进!\n"
     "名词解释:\n1.“三个一”:一张蓝图、一套机制、一支队伍。\n2.“两张网”:交通网、水利网。\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n1A glossary 名词解释:\n"
     "2A other 1.“三个一”\n2A other 2.“两张网”\n"},
    {"AnnexedLivelihoodListAfterTheClosingIsAppended",
     "请予审议。 一、2023年工作回顾 今年以来,我们奋勇争先。 二、2024年工作安排 2024年是关键一年。"
     " 各位代表,让我们为建设美好家园而努力奋斗! 2024年十件惠民实事 1.就业促进工程。新增就业五千人。"
     " 责任单位:市人社局 2.校舍提升工程。新建校舍四栋。 名词解释 "
     "1.双减:减轻作业负担和校外培训负担。",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n"
     "1A livelihood 2024年十件惠民实事\n2A other 1.就业促进工程\n2A other 2.校舍提升工程\n"
     "1A glossary 名词解释\n2A other 1.双减\n"},
    {"LivelihoodLeadInInsidePlanIsNotAHeading",
     "一、2023年工作回顾\n成绩显著。\n二、2024年工作安排\n全力办好民生实事。2024年要办好十件民生实"
     "事:"
     "1.新增就业五千人。2.新建公园三座。\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n2 other 1.新增就业五千人\n"
     "2 other 2.新建公园三座\n"},
    {"SelfBuildingAsNumberedItemInsideThePlanPart",
     "过去五年工作回顾\n五年来,我们接续奋斗。\n2024年工作任务\n要抓好以下工作。\n"
     "一、推动产业升级。\n二、加强政府自身建设。\n",
     "1 five_year_review 过去五年工作回顾\n1 plan_tasks 2024年工作任务\n2 other 一、推动产业升级\n"
     "2 self_building 二、加强政府自身建设\n"},
    {"PartNumberingIsTheTopLevel",
     "第一部分 2023年工作回顾\n过去一年成绩显著。\n一、经济平稳运行。\n第二部分 2024年工作任务\n"
     "一、扩大内需。\n二、深化改革。\n",
     "1 review 第一部分 2023年工作回顾\n2 other 一、经济平稳运行\n1 plan_tasks 第二部分 "
     "2024年工作任务\n"
     "2 other 一、扩大内需\n2 other 二、深化改革\n"},
    {"NumberingBeyondTenAndSpaceInsideTheNumeral",
     "2024年重点工作安排\n2024年是关键一年。九、抓好安全生产。十、推进乡村振兴。十 "
     "一、加强政府自身建设。"
     "十二、做好其他工作。\n加强政府自身建设\n我们要清正廉洁。\n2023年工作回顾\n成绩显著。\n",
     "1 plan_tasks 2024年重点工作安排\n2 other 九、抓好安全生产\n2 other 十、推进乡村振兴\n"
     "2 self_building 十 一、加强政府自身建设\n2 other 十二、做好其他工作\n"
     "1 self_building 加强政府自身建设\n1 review 2023年工作回顾\n"},
    {"NestedNumberingLevels",
     "一、2024年工作安排\n(一)扩大投资。\n1.抓好重大项目。\n(1)交通项目十个。\n(2)水利项目五个。\n"
     "2.抓好招商引资。\n(二)促进消费。\n二、加强政府自身建设\n",
     "1 plan_tasks 一、2024年工作安排\n2 other (一)扩大投资\n3 other 1.抓好重大项目\n"
     "4 other (1)交通项目十个\n4 other (2)水利项目五个\n3 other 2.抓好招商引资\n2 other "
     "(二)促进消费\n"
     "1 self_building 二、加强政府自身建设\n"},
    {"FullWidthParenthesesAndCommaEnumerators",
     "一、2024年工作安排\n（一）扩大投资。要多措并举。\n1、抓项目。\n（二）促进消费。\n",
     "1 plan_tasks 一、2024年工作安排\n2 other （一）扩大投资\n3 other 1、抓项目\n2 other "
     "（二）促进消费\n"},
    {"ColonLeadInAndTitleBlockLinesAreNotHeadings",
     "2024年政府工作报告\n政府工作报告\n各位代表:\n2023年工作回顾\n成绩显著。\n重点做好以下工作:\n"
     "2024年工作安排\n要抓落实。\n",
     "1 review 2023年工作回顾\n1 plan_tasks 2024年工作安排\n"},
    {"NumberedTopLevelKeepsSequenceAndDropsRestarts",
     "一、2023年工作回顾\n成绩显著。\n二、2024年工作安排\n要做好下列事项。一、扩大投资。二、促进消"
     "费。\n"
     "三、加强政府自身建设\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n1 self_building "
     "三、加强政府自身建设\n"},
    {"ReviewClassesByPeriod",
     "“十四五”时期发展成就\n成绩显著。\n2025年工作简要回顾\n成绩显著。\n“十五五”时期的奋斗目标\n要"
     "奋勇争先。\n"
     "2026年重点任务\n要抓好落实。\n",
     "1 five_year_review “十四五”时期发展成就\n1 review 2025年工作简要回顾\n"
     "1 fyp_goals “十五五”时期的奋斗目标\n1 plan_tasks 2026年重点任务\n"},
    {"RunInLeadSentenceIsTheSubHeading",
     "一、2024年工作安排\n(一)坚定不移抓工业,壮大实体经济。全年新增企业五十家,产值增长一成。\n",
     "1 plan_tasks 一、2024年工作安排\n2 other (一)坚定不移抓工业,壮大实体经济\n"},
    {"NationalStyleParts",
     "一、2023年工作回顾\n过去一年极不平凡。\n二、2024年经济社会发展的总体要求和政策取向\n今年要稳"
     "中"
     "求进。\n"
     "三、2024年政府工作任务\n(一)大力推进现代化产业体系建设。要抓好制造业。\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年经济社会发展的总体要求和政策取向\n"
     "1 plan_tasks 三、2024年政府工作任务\n2 other (一)大力推进现代化产业体系建设\n"},
    {"UnnumberedLivelihoodLineInsideTheSpeechIsNotAPart",
     "2023年工作回顾\n成绩显著。\n2024年工作安排\n要抓落实。\n2024年十件民生实事\n1."
     "新建公园三座。\n"
     "2.新增学位两千个。\n加强政府自身建设\n要清正廉洁。\n",
     "1 review 2023年工作回顾\n1 plan_tasks 2024年工作安排\n2 other 1.新建公园三座\n"
     "2 other 2.新增学位两千个\n1 self_building 加强政府自身建设\n"},
    {"GluedVocabHeadingsBeforeCommonOpeners",
     "请予审议。2023年工作回顾面对复杂形势,我们迎难而上。一、稳住经济大盘。好。"
     "2024年工作安排根据全县发展规划,今年要稳中求进。一、抓好项目建设。好。",
     "1 review 2023年工作回顾\n2 other 一、稳住经济大盘\n1 plan_tasks 2024年工作安排\n"
     "2 other 一、抓好项目建设\n"},
    {"RestartingListsUnderOneRecognisedPartHeading",
     "开场白。\n一、经济平稳运行。\n二、民生持续改善。\n2024年工作安排\n一、扩大内需。\n二、深化改"
     "革。\n",
     // Items before the first recognised part have no parent and are left out.
     "1 plan_tasks 2024年工作安排\n2 other 一、扩大内需\n2 other 二、深化改革\n"},
    {"HardWrappedLinesDoNotStartHeadingsMidSentence",
     "一、2023年工作回顾\n过去一年,我们坚持稳中求进工作总基调,全力\n以赴抓项目、促发展、保民生,"
     "各项工作取得\n"
     "新成效。全年新建学校五所,医院两所,经济总量全市排名第\n二、增速全市第一,城乡面貌焕然一新,"
     "群众\n"
     "满意度不断提升,发展基础更加坚实稳固有力。\n二、2024年工作安排\n今年要抓好以下工作,确保\n"
     "各项目标任务圆满完成,人民群众更加满意。\n",
     "1 review 一、2023年工作回顾\n1 plan_tasks 二、2024年工作安排\n"},
};

INSTANTIATE_TEST_SUITE_P(Cases, SectionsTree, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Sections, TopTitlesExcludeAppendedMaterial) {
  Document doc = make_plain_document(
      "一、2023年工作回顾\n好。\n二、2024年工作安排\n好。\n让我们携手奋斗!\n名词解释\n1.甲:乙。\n");
  annotate(doc, testing::resources().sections);
  EXPECT_EQ(top_titles(doc),
            (std::vector<std::string>{"一、2023年工作回顾", "二、2024年工作安排"}));
}

TEST(Sections, ExtentsRunToTheNextSectionOfTheSameLevelAndStopAtTheAppendix) {
  const std::string text =
      "一、2023年工作回顾\n(一)稳增长。好。\n二、2024年工作安排\n要抓落实。\n名词解释\n1.甲:乙。\n";
  Document doc = make_plain_document(text);
  annotate(doc, testing::resources().sections);
  ASSERT_EQ(doc.sections.size(), 5u);
  const std::size_t two = text.find("二、"), gloss = text.find("名词解释");
  EXPECT_EQ(doc.sections[0].extent, (Span{0, two}));
  EXPECT_EQ(doc.sections[1].extent, (Span{text.find("(一)"), two}));
  EXPECT_EQ(doc.sections[2].extent, (Span{two, gloss}));
  EXPECT_EQ(doc.sections[3].extent, (Span{gloss, text.size()}));
  EXPECT_EQ(doc.text_of(doc.sections[2].heading), "二、2024年工作安排");
}

TEST(Sections, TitleIsTheSourceTextOfTraditionalReports) {
  // 顧 and 顾 have the same UTF-8 length, so the identity maps of a plain document still hold.
  Document doc = make_plain_document("一、2023年工作回顾\n好。\n二、2024年工作安排\n好。\n");
  const std::size_t at = doc.original.text.find("回顾");
  doc.original.text.replace(at, std::string("回顾").size(), "回顧");
  annotate(doc, testing::resources().sections);
  ASSERT_FALSE(doc.sections.empty());
  EXPECT_EQ(doc.sections[0].title, "一、2023年工作回顧");
  EXPECT_EQ(doc.sections[0].type, SectionType::kReview);
}

TEST(Sections, OnlyTextInsideTheBodyIsAnnotated) {
  const std::string chrome = "一、网站首页\n二、工作动态\n";
  Document doc =
      make_plain_document(chrome + "一、2023年工作回顾\n好。\n二、2024年工作安排\n好。\n");
  doc.body.begin = chrome.size();
  annotate(doc, testing::resources().sections);
  EXPECT_EQ(top_titles(doc),
            (std::vector<std::string>{"一、2023年工作回顾", "二、2024年工作安排"}));
  for (const Paragraph& p : doc.paragraphs) EXPECT_GE(p.span.begin, chrome.size());
}

TEST(Sections, TextWithoutHeadingsWarnsAndStillHasParagraphs) {
  Document doc = make_plain_document("各位代表:\n一年来,我们攻坚克难。成绩来之不易。\n");
  annotate(doc, testing::resources().sections);
  EXPECT_TRUE(doc.sections.empty());
  EXPECT_TRUE(has_warning(doc, "no_sections"));
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(Sections, OutOfSequenceTopNumberIsWarned) {
  Document doc =
      make_plain_document("一、2023年工作回顾\n好。\n二、2024年工作安排\n一、扩大投资。\n");
  annotate(doc, testing::resources().sections);
  EXPECT_EQ(top_titles(doc).size(), 2u);
  EXPECT_TRUE(has_warning(doc, "enumerator_out_of_sequence"));
}

TEST(Sections, OddInputNeverFails) {
  const std::string cases[] = {"",
                               "\n\n\n",
                               "一、",
                               "(一)",
                               "1.",
                               "。。。!!",
                               "\xff\xfe一、\x80工作回顾",
                               std::string(5000, 'a'),
                               "“未闭合的引号。还有一句。"};
  for (const std::string& text : cases) {
    Document doc = make_plain_document(text);
    annotate(doc, testing::resources().sections);
    for (const Section& s : doc.sections) {
      EXPECT_LE(s.heading.end, text.size());
      EXPECT_TRUE(s.extent.contains(s.heading));
    }
    for (const Paragraph& p : doc.paragraphs) EXPECT_FALSE(p.span.empty());
  }
  Document doc = make_plain_document("一、2023年工作回顾\n好。\n");
  doc.body = Span{5, 1000};  // a body past the end of the text is clipped
  annotate(doc, testing::resources().sections);
  for (const Paragraph& p : doc.paragraphs) EXPECT_LE(p.span.end, doc.text.text.size());
}

// A heading line opening with a long digit run is not an enumerator, and reading it must not
// overflow (found by fuzzing: 11+ digits overflowed the Arabic enumerator reader under UBSan).
TEST(Sections, LongDigitRunAtLineStartIsNoEnumerator) {
  for (const std::string digits : {"12345678901", "99999999999999999999", "123"}) {
    Document doc = make_plain_document("一、2023年工作回顾\n" + digits +
                                       "、增长情况说明。\n二、2024年工作安排\n好。\n");
    annotate(doc, testing::resources().sections);
    ASSERT_EQ(doc.sections.size(), 2u) << digits;
    EXPECT_EQ(doc.sections[1].title.rfind("二、", 0), 0u) << digits;
  }
}

TEST(Sections, AnnotateReplacesEarlierResults) {
  Document doc = make_plain_document("一、2023年工作回顾\n好。\n");
  annotate(doc, testing::resources().sections);
  annotate(doc, testing::resources().sections);
  EXPECT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.paragraphs.size(), 2u);
}

TEST(Sections, OneLineReportIsSplitIntoParagraphsAtHeadings) {
  const std::string text =
      "请予审议。2023年工作回顾2023年是奋进之年。成绩显著。2024年工作安排2024年是关键一年。";
  Document doc = make_plain_document(text);
  annotate(doc, testing::resources().sections);
  std::vector<std::string> paras;
  for (const Paragraph& p : doc.paragraphs) paras.emplace_back(doc.text_of(p.span));
  EXPECT_EQ(paras, (std::vector<std::string>{"请予审议。", "2023年工作回顾",
                                             "2023年是奋进之年。成绩显著。", "2024年工作安排",
                                             "2024年是关键一年。"}));
}

}  // namespace
}  // namespace gwr::sections
