// Table-driven tests of Grammar::scan(): each input (invented text in the style of work reports)
// maps to a compact dump of every mention it holds (see dump.h), so a case also fails when a
// number is missed or a non-quantity is taken for a quantity.
#include "quantity/quantity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dump.h"

namespace gwr::quantity {
namespace {

using testing::dump;

struct Case {
  const char* input;
  const char* expected;
};

class ScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Grammar::load();
    ASSERT_TRUE(g.ok()) << g.error().describe();
    grammar_ = new Grammar(std::move(g).value());
  }
  static void TearDownTestSuite() {
    delete grammar_;
    grammar_ = nullptr;
  }
  static void check(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
      EXPECT_EQ(dump(grammar_->scan(c.input)), c.expected) << "input: " << c.input;
    }
  }
  static const Grammar* grammar_;
};
const Grammar* ScanTest::grammar_ = nullptr;

TEST_F(ScanTest, ComparatorsFromPrefixAndSuffixWords) {
  check({
      {"增长6.5%左右", "pct 6.5 % around"},
      {"地区生产总值增长7%左右", "pct 7 % around"},
      {"完成投资35亿元以上", "amt 35 亿元 at_least"},
      {"社会消费品零售总额不低于8%", "pct 8 % at_least"},
      {"新增市场主体不少于3000户", "amt 3000 户 at_least"},
      {"外贸进出口超过120亿元", "amt 120 亿元 at_least"},
      {"经济总量突破800亿元", "amt 800 亿元 at_least"},
      {"居民消费价格涨幅控制在3%以内", "pct 3 % at_most"},
      {"登记失业率4.5%以下", "pct 4.5 % at_most"},
      {"调查失业率不超过5.5%", "pct 5.5 % at_most"},
      {"单位能耗不高于0.6吨", "amt 0.6 吨 at_most"},
      {"粮食产量稳定在120万吨", "amt 120 万吨 point"},
      {"城镇化率达到58.6%", "pct 58.6 % point"},
      {"500万元以上项目开工80个", "amt 500 万元 at_least | amt 80 个 point"},
      {"逾2000名志愿者", "amt 2000 名 at_least"},
      {"新建学校5所及以上", "amt 5 所 at_least"},
      {"办理时限压缩至3个工作日之内", "amt 3 个工作日 at_most"},
  });
}

TEST_F(ScanTest, RangesOfEveryWrittenForm) {
  check({
      {"投资5-10亿元", "amt 5-10 亿元 range"},
      {"培育2至3户龙头企业", "amt 2-3 户 range"},
      {"增长8%-9%", "pct 8-9 % range"},
      {"增长6%—7%", "pct 6-7 % range"},
      {"增加5~6个", "amt 5-6 个 range"},
      {"建成5到6个园区", "amt 5-6 个 range"},
      {"用三至五年时间", "amt 3-5 年 range"},
      {"每年新建三四个站点", "amt 3-4 个 range"},
      {"增长7.5%-8%", "pct 7.5-8 % range"},
      {"容积率1.2-2.5", "amt 1.2-2.5 - range"},
      {"1.5万-2万元", "amt 1.5-2 万元 range"},
      {"提高1至2个百分点", "pp 1-2 个百分点 range"},
  });
}

TEST_F(ScanTest, ArabicNumeralsMultipliersAndSeparators) {
  check({
      {"城镇新增就业1.2万人", "amt 1.2 万人 point"},
      {"财政收入3.5亿", "amt 3.5 亿 point"},
      {"共计1,234家", "amt 1234 家 point"},
      {"总额12,345,678元", "amt 12345678 元 point"},
      {"规模达到2.3万亿元", "amt 2.3 万亿元 point"},
      {"总投资1200万元", "amt 1200 万元 point"},
      {"库容3.6亿立方米", "amt 3.6 亿立方米 point"},
      {"装机容量45万千瓦", "amt 45 万千瓦 point"},
      {"发电量12亿千瓦时", "amt 12 亿千瓦时 point"},
      {"5千万元", "amt 5 千万元 point"},
      {"增长-3.2%", "pct -3.2 % point"},
      {"出栏生猪26万头", "amt 26 万头 point"},
      {"改造管网86.5公里", "amt 86.5 公里 point"},
  });
}

TEST_F(ScanTest, ChineseNumeralsNeedAMeasureWord) {
  check({
      {"两万余人受益", "amt 2 万人 point ~more"},
      {"一千个村", "amt 1000 个 point"},
      {"十二个乡镇", "amt 12 个 point"},
      {"一百二十三家企业", "amt 123 家 point"},
      {"今后五年", "amt 5 年 point"},
      {"办好十件实事", "amt 10 件 point"},
      {"建设两条通道", "amt 2 条 point"},
      {"三所学校", "amt 3 所 point"},
      {"两地合作", "non name"},
      {"推进四城联创", "non name"},
      {"两万", "non name"},
      {"万元GDP能耗下降", "non name"},
      {"打造千亿级产业", "non name"},
      {"近万人参加", "amt 10000 人 point ~nearly"},
      {"突破百亿元", "amt 100 亿元 at_least"},
  });
}

TEST_F(ScanTest, ApproximationWords) {
  check({
      {"2000多家", "amt 2000 家 point ~more"},
      {"300余人", "amt 300 人 point ~more"},
      {"3000余万元", "amt 3000 万元 point ~more"},
      {"1万多元", "amt 1 万元 point ~more"},
      {"约5亿元", "amt 5 亿元 point ~about"},
      {"近3年", "amt 3 年 point ~nearly"},
      {"签约12个项目", "amt 12 个 point"},
      {"最近3年", "amt 3 年 point"},
  });
}

TEST_F(ScanTest, UnitsOfTheTable) {
  check({
      {"3.2亿美元", "amt 3.2 亿美元 point"},
      {"降低2‰", "pml 2 ‰ point"},
      {"18万人次", "amt 18 万人次 point"},
      {"搬迁4500户", "amt 4500 户 point"},
      {"新增耕地3.4万亩", "amt 3.4 万亩 point"},
      {"造林1200公顷", "amt 1200 公顷 point"},
      {"改造8.6万平方米", "amt 8.6 万平方米 point"},
      {"架设线路12千米", "amt 12 千米 point"},
      {"330千伏变电站", "amt 330 千伏 point"},
      {"光伏50兆瓦", "amt 50 兆瓦 point"},
      {"浓度32微克/立方米", "amt 32 微克/立方米 point"},
      {"收购200公斤", "amt 200 公斤 point"},
      {"新增床位500张", "amt 500 张 point"},
      {"保障房800套", "amt 800 套 point"},
      {"购置公交车60辆", "amt 60 辆 point"},
      {"办结事项12项", "amt 12 项 point"},
      {"举办活动40场", "amt 40 场 point"},
      {"入驻企业25批", "amt 25 批 point"},
      {"晴好天数320天", "amt 320 天 point"},
      {"新建桥梁6座", "amt 6 座 point"},
      {"招聘教师150名", "amt 150 名 point"},
      {"引进专家15位", "amt 15 位 point"},
      {"配备设备30台", "amt 30 台 point"},
      {"化解纠纷230件", "amt 230 件 point"},
      {"整治隐患16处", "amt 16 处 point"},
      {"农产品1.5万吨", "amt 1.5 万吨 point"},
      {"培训农民5000人", "amt 5000 人 point"},
      {"提前两个月完成", "amt 2 个月 point"},
      {"粮食1.8亿斤", "amt 1.8 亿斤 point"},
      {"三成以上", "pct 3 成 at_least"},
  });
}

TEST_F(ScanTest, BaseValuesAreInTheBaseUnit) {
  const auto ms = grammar_->scan("新增就业1.2万人,投资3.5亿元,修路8公里");
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_DOUBLE_EQ(ms[0].quantity->base_value, 12000);
  EXPECT_EQ(ms[0].quantity->base_unit, "人");
  EXPECT_DOUBLE_EQ(ms[1].quantity->base_value, 3.5e8);
  EXPECT_EQ(ms[1].quantity->base_unit, "元");
  EXPECT_DOUBLE_EQ(ms[2].quantity->base_value, 8000);
  EXPECT_EQ(ms[2].quantity->base_unit, "米");
}

TEST_F(ScanTest, PercentAndPercentagePoints) {
  check({
      {"提高0.5个百分点", "pp 0.5 个百分点 point"},
      {"下降两个百分点", "pp 2 个百分点 point"},
      {"高于全省1.3百分点", "pp 1.3 百分点 point"},
      {"百分之五十", "pct 50 % point"},
      {"覆盖率100%", "pct 100 % point"},
  });
}

TEST_F(ScanTest, MultiplesFractionsAndRatios) {
  check({
      {"增长1.2倍", "mul 1.2 倍 point"},
      {"是2015年的1.9倍", "non year | mul 1.9 倍 point"},
      {"收入翻一番", "mul 1 番 point"},
      {"三分之一的村", "frac 0.3333333333 - point"},
      {"约五分之一", "frac 0.2 - point ~about"},
      {"三分之二以上", "frac 0.6666666667 - at_least"},
      {"产业结构为12.1:40.5:47.4", "ratio 12.1 [12.1:40.5:47.4] - point"},
      {"配比1:1", "ratio 1 [1:1] - point"},
  });
}

TEST_F(ScanTest, RanksAreQuantities) {
  check({
      {"居全省第5位", "rank 5 位 point"},
      {"增速全省第一", "rank 1 - point"},
      {"位次前进38位", "rank 38 位 point"},
      {"排名第3", "rank 3 - point"},
      {"荣获第一名", "rank 1 名 point"},
      {"进入全国百强", "rank 100 强 at_most"},
      {"挺进全省十强县", "rank 10 强 at_most"},
      {"跻身全国前10名", "rank 10 名 at_most"},
      {"民营企业50强", "rank 50 强 at_most"},
      {"综合排名前移5位", "rank 5 位 point"},
      {"排名前3的区县", "rank 3 - at_most"},
  });
}

TEST_F(ScanTest, ListsShareTheUnitWrittenOnce) {
  check({
      {"5.8万亿、4.9万亿元", "amt 5.8 万亿元 point | amt 4.9 万亿元 point"},
      {"分别增长6、7%", "pct 6 % point | pct 7 % point"},
      {"分别增长8%和9%左右", "pct 8 % point | pct 9 % around"},
      {"分别达到3.1万元和1.2万元", "amt 3.1 万元 point | amt 1.2 万元 point"},
      {"1.5、2.5和3.5万吨", "amt 1.5 万吨 point | amt 2.5 万吨 point | amt 3.5 万吨 point"},
  });
  const auto ms = grammar_->scan("5.8万亿、4.9万亿元");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_DOUBLE_EQ(ms[0].quantity->base_value, 5.8e12);
  EXPECT_EQ(ms[0].quantity->base_unit, "元");
}

TEST_F(ScanTest, PlanAndSessionOrdinalsAreNotQuantities) {
  check({
      {"“十四五”时期", "non plan_ordinal"},
      {"“十三五”圆满收官", "non plan_ordinal"},
      {"十五五规划", "non plan_ordinal"},
      {"“七五”普法", "non plan_ordinal"},
      {"第十四个五年规划", "non plan_ordinal"},
      {"第十三届人民代表大会第二次会议", "non session_ordinal | non session_ordinal"},
      {"十九届五中全会", "non session_ordinal | non session_ordinal"},
      {"党的二十大精神", "non session_ordinal"},
      {"县十七届人大四次会议", "non session_ordinal | non session_ordinal"},
      {"第28届投资贸易洽谈会", "non session_ordinal"},
      {"市第十二次党代会", "non session_ordinal"},
  });
}

TEST_F(ScanTest, EnumeratorsAreNotQuantities) {
  check({
      {"一、过去一年工作回顾", "non enumerator | amt 1 年 point"},
      {"(三)加快产业升级", "non enumerator"},
      {"(12)新建公园", "non enumerator"},
      {"1.稳定经济增长", "non enumerator"},
      {"\n2、扩大有效投资", "non enumerator"},
      {"一是加强投资,二是扩大消费", "non enumerator | non enumerator"},
      {"。三要守住底线", "non enumerator"},
      {"第一,要抓好项目", "non enumerator"},
      {"其二,要稳住就业", "non enumerator"},
      {"第二批试点", "non enumerator"},
  });
}

TEST_F(ScanTest, YearsAndDatesAreNotQuantities) {
  check({
      {"2023年政府工作报告", "non year"},
      {"2022年12月12日", "non date"},
      {"二〇三五年远景目标", "non year"},
      {"二○三五年", "non year"},
      {"1-11月", "non date"},
      {"1至10月", "non date"},
      {"3月初", "non date"},
      {"10月12日至13日", "non date | non date"},
      {"2021-2025年", "non year"},
      {"2021年-2025年", "non year"},
      {"(20212025年)", "non year"},
      {"2020年度", "non year"},
      {"到2035,基本实现", "non year"},
      {"发布于2022-01-30", "non date"},
      {"十二月", "non date"},
      {"一季度", "non date"},
      {"上世纪90年代", "non date"},
      {"2023年03月17日 15:02", "non date | non time"},
      {"二〇二一年一月", "non date"},
  });
}

TEST_F(ScanTest, CodesHotlinesAndPollutantsAreNotQuantities) {
  check({
      {"“1+10”政策体系", "non code"},
      {"8+N产业", "non code"},
      {"1+3+N", "non code"},
      {"“6789”发展思路", "non code"},
      {"12345热线", "non phone"},
      {"咨询电话0931-8123456", "non phone"},
      {"S10线,G341国道,G30", "non code | non code | non code"},
      {"国道213改线", "non code"},
      {"5G基站400个", "non code | amt 400 个 point"},
      {"PM2.5浓度35微克/立方米", "non pollutant | amt 35 微克/立方米 point"},
      {"PM10平均浓度", "non pollutant"},
      {"330KV二号汇集站", "non code | non name"},
      {"T2航站楼", "non code"},
  });
}

TEST_F(ScanTest, GradesEventLabelsAndTimesAreNotQuantities) {
  check({
      {"5A级景区", "non grade"},
      {"4A", "non grade"},
      {"Ⅱ类水质", "non grade"},
      {"三甲医院", "non grade"},
      {"三星级酒店", "non grade"},
      {"二级公路", "non grade"},
      {"7·15特大暴洪", "non event_label"},
      {"“8·20”洪灾", "non event_label"},
      {"“7.20”特大暴雨", "non event_label"},
      {"15分钟生活圈", "non time"},
      {"24小时服务", "non time"},
      {"9:30开馆", "non time"},
  });
}

TEST_F(ScanTest, NumbersInsideIdiomsAndNamesAreNotQuantities) {
  check({
      {"一带一路", ""},
      {"三农工作", ""},
      {"一网通办", ""},
      {"两个维护", ""},
      {"四个全面", ""},
      {"一把手", ""},
      {"第一书记", ""},
      {"一体化发展", ""},
      {"一系列举措", ""},
      {"进一步加强", ""},
      {"统一部署", ""},
      {"唯一途径", ""},
      {"一定要", ""},
      {"一直坚持", ""},
      {"万一出现", ""},
      {"实施一批项目", ""},
      {"社会零售", ""},
      {"落实“六稳”", ""},
      {"实施“三高四新”", "non name | non name"},
      {"“两个一以贯之”", "non name"},
      {"二号线", "non name"},
      {"2号地块", "non name"},
      {"二期工程", "non name"},
      {"市一中", "non name"},
      {"“三个一”工程", "non name | non name"},
  });
}

TEST_F(ScanTest, SpansAreByteOffsetsIncludingCueWords) {
  const std::string text = "全年增长不低于6.5%,投资5-10亿元左右";
  const auto ms = grammar_->scan(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(text.substr(ms[0].span.begin, ms[0].span.size()), "不低于6.5%");
  EXPECT_EQ(text.substr(ms[0].quantity->number.begin, ms[0].quantity->number.size()), "6.5%");
  EXPECT_EQ(text.substr(ms[1].span.begin, ms[1].span.size()), "5-10亿元左右");
}

TEST_F(ScanTest, ParseAtFindsTheQuantityAtAnOffset) {
  const std::string text = "增长不超过3%,新增2000户";
  const std::size_t pos = text.find("不超过");
  auto m = grammar_->parse_at(text, pos);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(dump(*m), "pct 3 % at_most");
  EXPECT_FALSE(grammar_->parse_at(text, 0).has_value());
  auto n = grammar_->parse_at(text, text.find("2000"));
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(dump(*n), "amt 2000 户 point");
}

TEST_F(ScanTest, ChineseNumeralFlagIsSet) {
  const auto ms = grammar_->scan("两万人和20000人");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_TRUE(ms[0].quantity->chinese_numerals);
  EXPECT_FALSE(ms[1].quantity->chinese_numerals);
}

TEST_F(ScanTest, OddInputNeverLeavesDigitsUnclassified) {
  const std::vector<std::string> inputs = {"1.2.3",
                                           "5-",
                                           "-5",
                                           "1,23",
                                           "...12...",
                                           "第",
                                           "百分之",
                                           "\xff\xfe"
                                           "12",
                                           "12:",
                                           "3·",
                                           "“7",
                                           "万亿亿万"};
  for (const std::string& s : inputs) {
    const auto ms = grammar_->scan(s);
    std::vector<bool> covered(s.size(), false);
    for (const Mention& m : ms) {
      EXPECT_TRUE(m.quantity.has_value() != (m.non_quantity != NonQuantity::kNone)) << s;
      for (std::size_t i = m.span.begin; i < m.span.end && i < s.size(); ++i) covered[i] = true;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] >= '0' && s[i] <= '9') {
        EXPECT_TRUE(covered[i]) << s << " @" << i;
      }
    }
  }
}

TEST(ComparatorNames, AreStable) {
  EXPECT_STREQ(comparator_name(Comparator::kAtLeast), "at_least");
  EXPECT_STREQ(kind_name(Kind::kPercentPoint), "percent_point");
  EXPECT_STREQ(non_quantity_name(NonQuantity::kPlanOrdinal), "plan_ordinal");
}

}  // namespace
}  // namespace gwr::quantity
