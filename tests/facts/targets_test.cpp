// Plan-year and five-year targets on invented report passages, run through the whole pipeline
// (ingest → meta → sections → facts). The passages imitate the wording of national, provincial,
// prefecture and county reports; none is copied from a real report.
#include "facts/targets.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>
#include <string>

#include "pipeline/pipeline.h"

namespace gwr::facts {
namespace {

const pipeline::Resources& resources() {
  static const auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok());
  return **res;
}

// A minimal report around `body`, delivered in January of `year` (so `year` is the plan year).
std::string wrap(const std::string& body, int year) {
  return "政府工作报告\n——" + std::to_string(year) +
         "年1月12日在青溪市第八届人民代表大会第三次会议上\n市长 周某某\n各位代表:\n"
         "下面,我代表市人民政府,向大会汇报工作,请予审阅。\n" +
         body + "\n各位代表!让我们团结一心,为建设更加美好的家园而努力奋斗!\n";
}

Targets run(const std::string& body, int year) {
  auto r = pipeline::extract_bytes(wrap(body, year), "x.txt", resources());
  EXPECT_TRUE(r.ok());
  if (!r.ok() || r->empty()) return {};
  EXPECT_EQ(r->size(), 1u);
  return r->front().targets;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "canonical value unit modifier basis", value "lo-hi" for ranges, "-" for null.
std::string dump(const Target& x) {
  std::string v = x.value ? num(*x.value) : "-";
  if (x.value_hi) v += "-" + num(*x.value_hi);
  std::string out = x.canonical + " " + v + " " + (x.unit ? *x.unit : "-") + " " +
                    modifier_name(x.modifier) + " " + basis_name(x.basis);
  if (x.reference) {
    out += " ref=" + *x.reference;
    if (x.relative_modifier) out += "/" + std::string(modifier_name(*x.relative_modifier));
  }
  if (x.stretch_value) out += " stretch=" + num(*x.stretch_value);
  if (x.base_year) out += " base=" + std::to_string(*x.base_year);
  return out;
}

std::string dump(const std::vector<Target>& ts) {
  std::string out;
  for (const Target& x : ts) out += (out.empty() ? "" : "; ") + dump(x);
  return out;
}

std::string dump_fyp(const Targets& t) {
  if (t.fyp_targets.empty()) return "";
  return "@" + (t.fyp_horizon ? std::to_string(*t.fyp_horizon) : std::string("?")) + " " +
         dump(t.fyp_targets);
}

struct Case;
void PrintTo(const Case& c, std::ostream* os);

struct Case {
  const char* name;
  const char* body;
  const char* plan;           // dump of targets
  const char* fyp = "";       // "@horizon " + dump of fyp_targets, "" for none
  const char* gdp = nullptr;  // gdp_status_name, unchecked when null
  int year = 2024;
};

const Case kCases[] = {
    // --- wording of different levels of government -------------------------------------------
    {"NationalStyleWithSemicolonsAndFullWidth",
     "二、2024年经济社会发展的总体要求和政策取向\n今年发展的主要预期目标确定为：国内生产总值增长5%"
     "左右；"
     "城镇调查失业率5.5%左右，新增城镇就业1100万人以上；居民收入增长和经济增长同步；"
     "全国居民消费价格涨幅3%左右；单位国内生产总值能耗降低2.5%左右。",
     "gdp_growth 5 % around annual; urban_surveyed_unemployment 5.5 % around annual; "
     "urban_new_jobs 1100 万人 at_least annual; resident_income_growth - - qualitative annual; "
     "cpi 3 % around annual; energy_intensity 2.5 % around annual",
     "", "stated"},
    {"ProvinceStyle",
     "综合各方面因素,今年全省经济社会发展主要预期目标为:全省生产总值增长6%以上,"
     "全省一般公共预算收入同比增长5%,"
     "社会消费品零售总额增长7%,全社会固定资产投资增长8%,居民消费价格涨幅控制在3%左右,"
     "全省城镇调查失业率控制在5.5%以内,城镇新增就业65万人。",
     "gdp_growth 6 % at_least annual; public_budget_revenue_growth 5 % point annual; "
     "retail_sales_growth 7 % point annual; fixed_asset_investment_growth 8 % point annual; "
     "cpi 3 % around annual; urban_surveyed_unemployment 5.5 % at_most annual; urban_new_jobs 65 "
     "万人 point annual"},
    {"CountyStyle",
     "今年全县经济社会发展的主要预期目标为:全县生产总值增长7%左右;"
     "全县农村常住居民人均可支配收入增长8."
     "5%;"
     "固定资产投资增长10%;全县规上工业增加值增长9%;粮食总产量稳定在25万吨以上;"
     "完成市下达的节能减排任务。",
     "gdp_growth 7 % around annual; rural_income_growth 8.5 % point annual; "
     "fixed_asset_investment_growth 10 % point annual; industrial_value_added_growth 9 % point "
     "annual; "
     "grain_output 25 万吨 at_least annual; energy_intensity - - qualitative annual"},
    {"PrefectureWithGdpParenthesis",
     "今年全市主要预期目标安排为:全市生产总值(GDP)增长6.5%左右,进出口总额增长5%,"
     "城镇登记失业率控制在4%"
     "以内。",
     "gdp_growth 6.5 % around annual; trade_growth 5 % point annual; urban_registered_unemployment "
     "4 % at_most annual"},
    {"FullWidthDigitsAndPercent",
     "今年主要预期目标定为：全市生产总值增长６．５％左右，居民消费价格涨幅３％左右，一般公共预算收"
     "入"
     "增长６％。",
     "gdp_growth 6.5 % around annual; cpi 3 % around annual; public_budget_revenue_growth 6 % "
     "point annual"},
    {"TraditionalCharacters",
     "今年經濟社會發展的主要預期目標是：地區生產總值增長6%左右，規模以上工業增加值增長7%，"
     "居民消費價格漲幅3%左右。",
     "gdp_growth 6 % around annual; industrial_value_added_growth 7 % point annual; cpi 3 % around "
     "annual"},
    // --- trigger wordings ------------------------------------------------------------------------
    {"TriggerJianYiWei",
     "2024年青溪市经济社会发展的主要预期目标建议为:全市生产总值增长5.5%,社会消费品零售总额增长6%。",
     "gdp_growth 5.5 % point annual; retail_sales_growth 6 % point annual"},
    {"TriggerYuQiMuBiaoHeYueShuXingZhiBiao",
     "今年全省发展的预期目标和约束性指标是:全省地区生产总值增长6%左右,城镇登记失业率4.5%以内。",
     "gdp_growth 6 % around annual; urban_registered_unemployment 4.5 % at_most annual"},
    {"TriggerColonOnly", "今年政府工作的主要预期目标:全市生产总值增长6%,固定资产投资增长7%。",
     "gdp_growth 6 % point annual; fixed_asset_investment_growth 7 % point annual"},
    {"TriggerZhuYaoZhiBiaoYuQi",
     "今年全区主要指标预期为:全区生产总值增长6%左右,全区一般公共预算收入增长4%。",
     "gdp_growth 6 % around annual; public_budget_revenue_growth 4 % point annual"},
    {"TriggerFaZhanMuBiao", "今年经济社会发展目标是:全区生产总值增长6.5%,城镇新增就业8000人以上。",
     "gdp_growth 6.5 % point annual; urban_new_jobs 8000 人 at_least annual"},
    // --- modifiers and ranges ------------------------------------------------------------------
    {"RangeWithHyphen", "今年主要预期目标是:全市生产总值增长6%-6.5%,固定资产投资增长8%左右。",
     "gdp_growth 6-6.5 % range annual; fixed_asset_investment_growth 8 % around annual"},
    {"RangeWithZhi", "今年主要预期目标是:全市生产总值增长6%至7%,社会消费品零售总额增长7%至8%。",
     "gdp_growth 6-7 % range annual; retail_sales_growth 7-8 % range annual"},
    {"BuDiYuAndBuChaoGuo",
     "今年主要预期目标是:全市生产总值增长不低于6%,居民消费价格涨幅不超过3%,一般公共预算收入增长5%"
     "以上。",
     "gdp_growth 6 % at_least annual; cpi 3 % at_most annual; public_budget_revenue_growth 5 % "
     "at_least annual"},
    {"TuPoIsAtLeastAndLevelIsOther",
     "今年主要预期目标是:全市生产总值突破800亿元,同比增长6%左右;固定资产投资完成350亿元以上。",
     "other 800 亿元 at_least annual; gdp_growth 6 % around annual; other 350 亿元 at_least "
     "annual"},
    {"LiZhengKeepsTheNumber",
     "今年主要预期目标是:全市生产总值增长6%,力争达到7%;城镇新增就业1.2万人。",
     "gdp_growth 6 % point annual stretch=7; urban_new_jobs 1.2 万人 point annual"},
    {"PercentagePointsAndPermille",
     "今年主要预期目标是:常住人口城镇化率提高1个百分点,人口自然增长率控制在5‰以内。",
     "urbanization_rate 1 个百分点 point annual; other 5 ‰ at_most annual"},
    // --- 分别, trailing comparators, 均 --------------------------------------------------------
    {"FenBieChengXiang", "今年主要预期目标是:城乡居民人均可支配收入分别增长6%、8%。",
     "urban_income_growth 6 % point annual; rural_income_growth 8 % point annual"},
    {"FenBieChengZhenHeNongCun", "今年主要预期目标是:城镇和农村居民收入分别增长5.5%和7%。",
     "urban_income_growth 5.5 % point annual; rural_income_growth 7 % point annual"},
    {"FenBieCunDaiKuan",
     "今年主要预期目标是:全市生产总值增长6%,金融机构存、贷款余额分别增长9%和11%。",
     "gdp_growth 6 % point annual; deposit_growth 9 % point annual; loan_growth 11 % point annual"},
    {"FenBieCunDaiKuanWithoutComma",
     "今年主要预期目标是:全市生产总值增长6%,存贷款余额分别增长8%和10%。",
     "gdp_growth 6 % point annual; deposit_growth 8 % point annual; loan_growth 10 % point annual"},
    {"UnlistedIndicatorsWithAHeadNounAreOther",
     "今年主要预期目标是:全县生产总值增长6.5%;研究与试验发展经费投入增长12%;规上工业企业利润增长8%;"
     "接待游客人次增长15%以上。",
     "gdp_growth 6.5 % point annual; other 12 % point annual; other 8 % point annual; other 15 % "
     "at_least annual"},
    {"NumberedListWithRangesAndAQualitativeComparison",
     "2024年全区经济社会发展主要预期目标:\n1.全区生产总值增长6%—7%;\n2.固定资产投资增长5.5%至6%;\n"
     "3.社会消费品零售总额增长不低于全市平均水平;\n4.城镇登记失业率控制在4.5%以内。\n实现上述目标,"
     "必须坚持稳中求进。",
     "gdp_growth 6-7 % range annual; fixed_asset_investment_growth 5.5-6 % range annual; "
     "retail_sales_growth - - qualitative annual; urban_registered_unemployment 4.5 % at_most "
     "annual"},
    {"TrailingZuoYouAppliesToEveryMember", "今年主要预期目标是:城乡居民收入分别增长7%和8%左右。",
     "urban_income_growth 7 % around annual; rural_income_growth 8 % around annual"},
    {"TrailingYiShangAppliesToEveryMember", "今年主要预期目标是:城乡居民收入分别增长8%、9%以上。",
     "urban_income_growth 8 % at_least annual; rural_income_growth 9 % at_least annual"},
    {"JunOverSeveralSubjects",
     "今年主要预期目标是:全市生产总值增长6%,"
     "全市规模以上工业增加值、固定资产投资和社会消费品零售总额均增长8%。",
     "gdp_growth 6 % point annual; industrial_value_added_growth 8 % point annual; "
     "fixed_asset_investment_growth 8 % point annual; retail_sales_growth 8 % point annual"},
    // --- qualitative targets -------------------------------------------------------------------
    {"QualitativeListSplitOnDunHeJi",
     "今年主要预期目标设定为:全市生产总值增长6%左右,居民收入增长与经济增长同步,"
     "城镇登记失业率、居民消费价格指数和节能减排指标控制在省下达范围内。",
     "gdp_growth 6 % around annual; resident_income_growth - - qualitative annual; "
     "urban_registered_unemployment - - qualitative annual; cpi - - qualitative annual; "
     "energy_intensity - - qualitative annual"},
    {"QualitativeChengXiangGivesUrbanAndRural",
     "今年主要预期目标是:全市生产总值增长6%,城乡居民人均可支配收入稳步增长,粮食总产量保持稳定。",
     "gdp_growth 6 % point annual; urban_income_growth - - qualitative annual; "
     "rural_income_growth - - qualitative annual; grain_output - - qualitative annual"},
    {"QualitativeGdpTargetIsStatedNotAbsent",
     "今年主要预期目标是:全市生产总值增长与全省保持同步,一般公共预算收入增长5%,"
     "城镇新增就业3000人。",
     "gdp_growth - - qualitative annual ref=province; public_budget_revenue_growth 5 % point "
     "annual; "
     "urban_new_jobs 3000 人 point annual",
     "", "stated"},
    // --- passage boundaries --------------------------------------------------------------------
    {"ContinuationSentences",
     "今年主要预期目标拟定为:全市生产总值增长6%左右,社会消费品零售总额比上年增长7%"
     "。全年城镇新增就业2.5万人,"
     "固定资产投资增长8%。实现上述目标,全市需要完成投资500亿元。",
     "gdp_growth 6 % around annual; retail_sales_growth 7 % point annual; "
     "urban_new_jobs 2.5 万人 point annual; fixed_asset_investment_growth 8 % point annual"},
    {"StopSentenceEndsPassage",
     "今年主要预期目标是:全市生产总值增长6%。为确保完成这些目标,全年固定资产投资增长10%以上。",
     "gdp_growth 6 % point annual"},
    {"TaskParagraphAfterPassageIsNotATarget",
     "今年主要预期目标是:全市生产总值增长6%。\n(一)扩大有效投资。全年固定资产投资增长10%,"
     "新建5G基站800个。",
     "gdp_growth 6 % point annual"},
    {"ReviewFiguresBeforeThePassageAreIgnored",
     "一、2023年工作回顾\n过去一年,全市生产总值增长5.2%,城镇新增就业1.1万人,一般公共预算收入增长6."
     "1%。\n"
     "二、2024年工作安排\n今年主要预期目标确定为:全市生产总值增长5.5%左右,当年城镇新增就业1万人。",
     "gdp_growth 5.5 % around annual; urban_new_jobs 1 万人 point annual", "", "stated"},
    // --- negative cases ------------------------------------------------------------------------
    {"NoTriggerNothingExtracted",
     "一、2023年工作回顾\n过去一年,固定资产投资增长8.3%,地区生产总值增长5.2%。\n"
     "二、2024年工作安排\n全年固定资产投资增长10%,新增高新技术企业30家。",
     "", "", "not_found"},
    {"ReviewOfLastYearsTargetsIsNotAPassage",
     "过去一年,地区生产总值增长5.2%,居民消费价格上涨0.4%,圆满完成年初确定的各项目标任务。", "", "",
     "not_found"},
    // --- five-year plans -----------------------------------------------------------------------
    {"FypStructuredThenPlanYear",
     "二、“十四五”时期发展的主要目标\n“十四五”时期全市发展的主要目标是:一般公共预算收入年均增长6%,"
     "地区生产总值年均增长6.5%,城乡居民收入年均增长7%,到2025年常住人口城镇化率达到60%。\n"
     "三、2021年工作安排\n今年主要预期目标安排为:全市生产总值增长7%左右,新增城镇就业1.5万人。",
     "gdp_growth 7 % around annual; urban_new_jobs 1.5 万人 point annual",
     "@2025 public_budget_revenue_growth 6 % point annual_average; gdp_growth 6.5 % point "
     "annual_average; "
     "urban_income_growth 7 % point annual_average; rural_income_growth 7 % point annual_average; "
     "urbanization_rate 60 % point annual",
     "stated", 2021},
    {"PlanYearThenFyp",
     "今年主要预期目标定为:全市生产总值增长6%左右,财政一般公共预算收入增长5%。\n"
     "展望未来,“十五五”时期全县发展的主要目标是:规上工业增加值年均增长7%,全县生产总值年均增长5.5%,"
     "到2030年森林覆盖率达到45%。",
     "gdp_growth 6 % around annual; public_budget_revenue_growth 5 % point annual",
     "@2030 industrial_value_added_growth 7 % point annual_average; gdp_growth 5.5 % point "
     "annual_average; "
     "other 45 % point annual",
     "stated", 2026},
    {"FypNarrativeGoalParagraphs",
     "今后五年,我们要努力实现以下目标:\n经济实力跃上新台阶。地区生产总值年均增长7%左右,"
     "到2025年突破900亿元。\n"
     "创新能力显著增强。研发经费投入强度达到2.5%。\n民生福祉持续增进。居民人均可支配收入年均增长8%"
     "。\n"
     "二、2021年工作安排\n今年主要预期目标是:全市生产总值增长7.5%。",
     "gdp_growth 7.5 % point annual",
     "@2025 gdp_growth 7 % around annual_average; other 900 亿元 at_least annual; other 2.5 % "
     "point annual; "
     "resident_income_growth 8 % point annual_average",
     "stated", 2021},
    {"ShiSanWuHorizonIs2020",
     "“十三五”时期的主要目标是:城乡居民人均可支配收入年均增长9%,地区生产总值年均增长8%。\n"
     "今年主要预期目标设定为:全市生产总值增长8.5%左右。",
     "gdp_growth 8.5 % around annual",
     "@2020 urban_income_growth 9 % point annual_average; rural_income_growth 9 % point "
     "annual_average; "
     "gdp_growth 8 % point annual_average",
     "stated", 2016},
    {"FypOnlyReportHasNoPlanPassage",
     "“十四五”时期的主要目标是:地区生产总值年均增长6%,城镇新增就业累计5万人。", "",
     "@2025 gdp_growth 6 % point annual_average; urban_new_jobs 5 万人 point cumulative",
     "not_found", 2021},
    {"FypQualitativeGoalsGiveNothing",
     "“十四五”时期发展的主要目标是:经济保持平稳健康发展,生态环境持续改善,人民生活水平不断提高。\n"
     "今年主要预期目标是:全市生产总值增长6%。",
     "gdp_growth 6 % point annual", "", "stated", 2021},
    {"NationalOlderStyleWithTradeAndPollutants",
     "今年主要预期目标拟定为:国内生产总值增长7%左右;居民消费价格涨幅3%左右;"
     "新增城镇就业1000万人以上,"
     "城镇登记失业率4.5%以内;进出口增长6%左右;居民收入增长和经济增长基本同步;"
     "单位国内生产总值能耗下降3.1%以上,主要污染物排放量继续减少。",
     "gdp_growth 7 % around annual; cpi 3 % around annual; urban_new_jobs 1000 万人 at_least "
     "annual; "
     "urban_registered_unemployment 4.5 % at_most annual; trade_growth 6 % around annual; "
     "resident_income_growth - - qualitative annual; energy_intensity 3.1 % at_least annual"},
    {"TraditionalFenBieWithTrailingZuoYou",
     "今年經濟社會發展的主要預期目標是：地區生產總值增長6%左右，城鄉居民人均可支配收入分別增長6%"
     "和8%左右，"
     "城鎮登記失業率控制在4.5%以內。",
     "gdp_growth 6 % around annual; urban_income_growth 6 % around annual; rural_income_growth 8 % "
     "around annual; "
     "urban_registered_unemployment 4.5 % at_most annual"},
    {"ListOnePerLineWithDashes",
     "今年主要预期目标如下:\n——全市生产总值增长6%左右;\n——新增城镇就业1万人;\n——居民消费价格涨幅3%"
     "左右。\n"
     "全年固定资产投资增长10%,新建标准厂房50万平方米。",
     "gdp_growth 6 % around annual; urban_new_jobs 1 万人 point annual; cpi 3 % around annual", "",
     "stated"},
    {"ListOnePerLineNumbered",
     "今年主要预期目标确定为:\n1.全市生产总值增长6%左右。\n2.城乡居民收入分别增长6%和7%。\n"
     "3.存贷款余额分别增长8%和9%。\n全年固定资产投资增长10%。",
     "gdp_growth 6 % around annual; urban_income_growth 6 % point annual; rural_income_growth 7 % "
     "point annual; "
     "deposit_growth 8 % point annual; loan_growth 9 % point annual"},
    {"HeadingNamesThePassage",
     "(一)主要预期目标\n地区生产总值同比增长6%左右,城镇新增就业1万人,一般公共预算收入增长5%。\n"
     "(二)重点任务\n固定资产投资增长10%。",
     "gdp_growth 6 % around annual; urban_new_jobs 1 万人 point annual; "
     "public_budget_revenue_growth "
     "5 % point annual"},
    {"BiShangNianAndTongBiStayOutOfTheIndicator",
     "今年全市主要预期目标是:地区生产总值比上年增长6.5%以上,力争7%;一般公共预算收入同比增长5%。",
     "gdp_growth 6.5 % at_least annual stretch=7; public_budget_revenue_growth 5 % point annual"},
    {"LastYearsTargetsRecalledInTheReviewAreSkipped",
     "一、2023年工作回顾\n过去一年,我们确定的主要预期目标是:本市生产总值增长6%,实际完成5.2%。\n"
     "二、2024年工作安排\n今年主要预期目标安排为:全市生产总值增长5.5%左右。",
     "gdp_growth 5.5 % around annual", "", "stated"},
    {"ReviewYearFiveYearAveragesAreNotGoals",
     "过去五年,城乡居民人均可支配收入年均增长8.2%,地区生产总值年均增长6.8%。\n"
     "今年主要预期目标是:固定资产投资增长8%,全市生产总值增长7%左右。",
     "fixed_asset_investment_growth 8 % point annual; gdp_growth 7 % around annual", "", "stated",
     2021},
    {"FypLevelThenAverageGrowthAndDoublingIsTwoTimes",
     "“十四五”时期的奋斗目标是:经济实力大幅跃升,到2025年地区生产总值力争突破2000亿元,年均增长7%"
     "以上;"
     "人均地区生产总值比2020年翻一番;城镇化率达到65%。",
     "",
     "@2025 other 2000 亿元 at_least annual; gdp_growth 7 % at_least annual_average; "
     "other 2 倍 point annual base=2020; urbanization_rate 65 % point annual",
     "not_found", 2021},
    {"FypSectionHeadingWithoutTrigger",
     "二、“十五五”时期的主要目标\n到2030年,地区生产总值年均增长5.5%左右,"
     "居民人均可支配收入年均增长6%,"
     "研发经费投入强度达到3%。\n三、2026年工作安排\n今年主要预期目标定为:全市生产总值增长5.5%"
     "左右。",
     "gdp_growth 5.5 % around annual",
     "@2030 gdp_growth 5.5 % around annual_average; resident_income_growth 6 % point "
     "annual_average; other 3 % point annual",
     "stated", 2026},
    // --- forms of local reports (issue 10): relative, stretch, items, sectors, units ----------
    {"RelativeToTheProvinceWithAnOffset",
     "今年全市发展的主要预期目标安排为:本市生产总值增长高于全省2个百分点左右,"
     "一般公共预算收入增长6%。",
     "gdp_growth 2 个百分点 relative annual ref=province/around; public_budget_revenue_growth 6 % "
     "point annual",
     "", "stated"},
    {"RelativeToThePrefectureWithoutOffset",
     "今年全县主要预期目标是:全县生产总值增速高于全市平均水平,城镇新增就业4000人以上。",
     "gdp_growth - - relative annual ref=prefecture; urban_new_jobs 4000 人 at_least annual", "",
     "stated"},
    {"RelativeToTheNation",
     "今年全省发展的主要预期目标是:全省生产总值增长快于全国平均水平,城镇新增就业40万人。",
     "gdp_growth - - relative annual ref=nation; urban_new_jobs 40 万人 point annual", "",
     "stated"},
    {"RelativeAndAbsoluteInOneClauseGiveBoth",
     "今年主要目标任务是:地区生产总值增长高于省平0.5个百分点、6.5%左右,"
     "规模以上工业增加值增长7%。",
     "gdp_growth 0.5 个百分点 relative annual ref=province/point; gdp_growth 6.5 % around annual; "
     "industrial_value_added_growth 7 % point annual",
     "", "stated"},
    {"StretchAfterACommaOnABareEconomicGrowth",
     "今年主要预期目标:经济增长7%,力争8%;城镇调查失业率控制在5.5%以内。",
     "gdp_growth 7 % point annual stretch=8; urban_surveyed_unemployment 5.5 % at_most annual", "",
     "stated"},
    {"StretchAfterADunWithQueBao",
     "今年的主要预期目标是:全市生产总值确保增长6%、力争6.5%,一般公共预算收入增长3%。",
     "gdp_growth 6 % point annual stretch=6.5; public_budget_revenue_growth 3 % point annual", "",
     "stated"},
    {"BaoXZhengYWithoutAGrowthWord", "今年主要预期目标是:全县生产总值保7争8,城镇新增就业3500人。",
     "gdp_growth 7 % at_least annual stretch=8; urban_new_jobs 3500 人 point annual", "", "stated"},
    {"StretchWithoutANumberAddsNothing",
     "今年主要预期目标是:全市生产总值增长5%以上、力争更好,居民消费价格涨幅3%左右。",
     "gdp_growth 5 % at_least annual; cpi 3 % around annual", "", "stated"},
    {"EconomicGrowthRateIsTheGdpTargetAndDunItems",
     "今年经济社会发展的主要目标:经济增速5%左右;城镇新增就业1.8万人左右、"
     "城镇调查失业率5.5%左右。",
     "gdp_growth 5 % around annual; urban_new_jobs 1.8 万人 around annual; "
     "urban_surveyed_unemployment 5.5 % around annual",
     "", "stated"},
    {"OrdinalSectorsRespectivelyAreThree",
     "今年主要预期目标是:GDP增长6%左右,第一、二、三产业增加值分别增长3%、7%和6%。",
     "gdp_growth 6 % around annual; primary_industry_growth 3 % point annual; "
     "secondary_industry_growth 7 % point annual; tertiary_industry_growth 6 % point annual",
     "", "stated"},
    {"ShortSectorsRespectivelyAreThree",
     "今年主要预期目标是:全市生产总值增长6%,一、二、三产业增加值分别增长4%、6.5%、6%。",
     "gdp_growth 6 % point annual; primary_industry_growth 4 % point annual; "
     "secondary_industry_growth 6.5 % point annual; tertiary_industry_growth 6 % point annual",
     "", "stated"},
    {"FinancialNumeralsAreRead",
     "今年主要预期目标设定为:全市生产总值增长6%左右,城镇新增就业壹万贰仟人,"
     "粮食产量稳定在贰佰零伍万吨。",
     "gdp_growth 6 % around annual; urban_new_jobs 12000 人 point annual; grain_output 205 万吨 "
     "point annual",
     "", "stated"},
    {"UnitsPerHeadJinPermilleAndPoints",
     "今年主要预期目标是:全县生产总值增长6%,粮食产量稳定在42亿斤以上,"
     "人口自然增长率控制在4‰以内,常住人口城镇化率提高1.5个百分点。",
     "gdp_growth 6 % point annual; grain_output 42 亿斤 at_least annual; other 4 ‰ at_most annual; "
     "urbanization_rate 1.5 个百分点 point annual",
     "", "stated"},
    {"HeadingZhuYaoMuBiaoRenWuIntroducesTheList",
     "三、主要目标任务\n(一)地区生产总值增长6%左右;\n(二)城镇新增就业2万人。",
     "gdp_growth 6 % around annual; urban_new_jobs 2 万人 point annual", "", "stated"},
    {"HeadingJingJiSheHuiFaZhanDeZhuYaoMuBiao",
     "经济社会发展的主要目标\n全县生产总值同比增长5.5%,一般公共预算收入增长4%。",
     "gdp_growth 5.5 % point annual; public_budget_revenue_growth 4 % point annual", "", "stated"},
    {"NoGdpInThePassageIsNotFoundNotAbsent",
     "今年主要预期目标是:城镇新增就业2万人,全市城镇调查失业率5.5%左右。",
     "urban_new_jobs 2 万人 point annual; urban_surveyed_unemployment 5.5 % around annual", "",
     "not_found"},
    {"NoGdpTargetSetIsExplicitlyAbsent",
     "今年不再设定地区生产总值增速目标,更加注重发展质量。今年主要预期目标是:"
     "一般公共预算收入增长5%。",
     "public_budget_revenue_growth 5 % point annual", "", "explicitly_absent"},
    // --- five-year targets of every plan ------------------------------------------------------
    {"ShiYiWuDoublingFromABaseYear",
     "“十一五”时期的主要目标是:人均国内生产总值比2000年翻一番,"
     "单位国内生产总值能源消耗降低20%左右。\n今年主要预期目标设定为:国内生产总值增长8%左右。",
     "gdp_growth 8 % around annual",
     "@2010 other 2 倍 point annual base=2000; energy_intensity 20 % around annual", "stated",
     2006},
    {"ShiErWuAverageGrowthAndLevel",
     "“十二五”规划的主要目标:地区生产总值年均增长9%,到2015年人均地区生产总值达到6万元。\n"
     "今年主要预期目标确定为:地区生产总值增长9%左右。",
     "gdp_growth 9 % around annual",
     "@2015 gdp_growth 9 % point annual_average; other 6 万元 point annual", "stated", 2011},
    {"ShiSanWuDashBulletsWithQuadruplingAndCumulative",
     "二、“十三五”时期的主要目标任务\n——经济保持中高速增长。到2020年地区生产总值比2010年翻两番。\n"
     "——生态环境质量总体改善。单位地区生产总值能耗累计下降16%。\n三、2016年工作重点\n"
     "今年主要预期目标是:全市生产总值增长7%—7.5%。",
     "gdp_growth 7-7.5 % range annual",
     "@2020 other 4 倍 point annual base=2010; energy_intensity 16 % "
     "point cumulative",
     "stated", 2016},
    {"LastYearOfThePlanStaysPlanYear",
     "今年是“十四五”规划的收官之年,经济社会发展的主要预期目标为:全市生产总值增长5%左右,"
     "到2025年常住人口城镇化率达到58%。",
     "gdp_growth 5 % around annual; urbanization_rate 58 % point annual", "", "stated", 2025},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class TargetCases : public ::testing::TestWithParam<Case> {};

TEST_P(TargetCases, ExtractsExpectedTargets) {
  const Case& c = GetParam();
  const Targets t = run(c.body, c.year);
  EXPECT_EQ(dump(t.targets), c.plan) << c.name;
  EXPECT_EQ(dump_fyp(t), c.fyp) << c.name;
  if (c.gdp != nullptr) {
    EXPECT_EQ(gdp_status_name(t.gdp_status), std::string(c.gdp)) << c.name;
  }
}

// 年均 before 分别: the indicator stops before 年均, both members are annual averages.
TEST(Targets, AnnualAverageBeforeFenBieIsNotPartOfTheIndicator) {
  const Targets t =
      run("“十四五”时期的主要目标是:城乡居民收入年均分别增长7%和9%,"
          "常住人口城镇化率达到60%。\n今年主要预期目标是:全市生产总值增长6%。",
          2021);
  ASSERT_EQ(t.fyp_targets.size(), 3u) << dump(t.fyp_targets);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(t.fyp_targets[i].indicator, "城乡居民收入");
    EXPECT_EQ(basis_name(t.fyp_targets[i].basis), std::string("annual_average"));
  }
  EXPECT_EQ(
      dump(t.fyp_targets),
      "urban_income_growth 7 % point annual_average; rural_income_growth 9 % point annual_average; "
      "urbanization_rate 60 % point annual");
}

// A qualitative target in a numbered list: the indicator stops before 增长不低于, and the
// verbatim starts at the indicator, not at the enumerator.
TEST(Targets, QualitativeListItemQuotesFromItsIndicator) {
  auto r = pipeline::extract_bytes(
      wrap("今年主要预期目标:\n1.地区生产总值增长6%;\n2.社会消费品零售总额增长不低于全市平均水平。",
           2024),
      "x.txt", resources());
  ASSERT_TRUE(r.ok() && r->size() == 1u);
  const auto& x = r->front();
  ASSERT_EQ(x.targets.targets.size(), 2u) << dump(x.targets.targets);
  EXPECT_EQ(x.targets.targets[1].indicator, "社会消费品零售总额");
  EXPECT_EQ(x.doc.original_of(x.targets.targets[1].verbatim),
            "社会消费品零售总额增长不低于全市平均水平");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TargetCases, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& i) {
                           return std::string(i.param.name);
                         });

// The same kind of county report, encoded in Big5 (traditional characters): decoded, converted
// to simplified for analysis, quoted as written.
TEST(Targets, Big5ReportIsDecodedAndParsed) {
  const std::string big5 =
      "\xac"
      "F\xa9\xb2\xa4u\xa7@\xb3\xf8\xa7i\n\xa1X\xa1X2024\xa6~1\xa4\xeb"
      "12\xa4\xe9\xa6"
      "b\xab"
      "C\xb7\xcb\xbf\xa4\xb2\xc4\xa4K\xa9\xa1\xa4H\xa5\xc1\xa5N\xaa\xed\xa4j\xb7|\xb2\xc4\xa4T\xa6"
      "\xb8\xb7|\xc4\xb3\xa4W\n\xbf\xa4\xaa\xf8 \xa9P\xacY\xacY\n\xa6U\xa6\xec\xa5N\xaa\xed:\n\xb2"
      "{\xa6"
      "b,\xa7\xda\xa5N\xaa\xed\xbf\xa4\xa4H\xa5\xc1\xac"
      "F\xa9\xb2,\xa6V\xa4j\xb7|\xb3\xf8\xa7i\xa4u\xa7@,\xbd\xd0\xa4\xa9\xbc"
      "f\xc4\xb3\xa1"
      "C\n\xa4\xb5\xa6~\xa5\xfe\xbf\xa4\xa5"
      "D\xadn\xb9w\xb4\xc1\xa5\xd8\xbc\xd0\xacO:\xa6"
      "a\xb0\xcf\xa5\xcd\xb2\xa3\xc1`\xad\xc8\xbcW\xaa\xf8"
      "6%\xa5\xaa\xa5k,\xab\xb0\xb6m\xa9~"
      "\xa5\xc1\xa4H\xa7\xa1\xa5i\xa4\xe4\xb0t\xa6\xac\xa4J\xa4\xc0"
      "\xa7O\xbcW\xaa\xf8"
      "6%\xa9M7%,\xa9~\xa5\xc1\xae\xf8\xb6O\xbb\xf9\xae\xe6\xba\xa6\xb4T3%\xa5\xaa\xa5k\xa1"
      "C\n\xa6U\xa6\xec\xa5N\xaa\xed!\xc5\xfd\xa7\xda\xad\xcc\xb9\xce\xb5\xb2\xa4@\xa4\xdf,\xac\xb0"
      "\xab\xd8\xb3]\xa7\xf3\xa5[\xac\xfc\xa6n\xaa\xba\xae"
      "a\xb6\xe9\xa6\xd3\xa7V\xa4O\xbe\xc4\xb0\xab!\n";
  auto r = pipeline::extract_bytes(big5, "big5.txt", resources());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  const Targets& t = r->front().targets;
  EXPECT_EQ(dump(t.targets),
            "gdp_growth 6 % around annual; urban_income_growth 6 % point annual; "
            "rural_income_growth 7 % point annual; "
            "cpi 3 % around annual");
  ASSERT_FALSE(t.targets.empty());
  EXPECT_EQ(t.targets[0].indicator, "地區生產總值");
}

// Indicator wording and verbatim clause are exact slices of the text as written.
TEST(Targets, IndicatorAndVerbatimAreExactSlices) {
  auto r = pipeline::extract_bytes(wrap("今年全市主要预期目标是:全市地区生产总值比上年增长6%左右,"
                                        "规上工业增加值、固定资产投资均增长8%,"
                                        "城乡居民收入分别增长6%和7%。",
                                        2024),
                                   "x.txt", resources());
  ASSERT_TRUE(r.ok());
  const Targets& t = r->front().targets;
  std::string got;
  for (const Target& x : t.targets) got += x.indicator + "|";
  EXPECT_EQ(got, "全市地区生产总值|规上工业增加值|固定资产投资|城乡居民收入|城乡居民收入|");
  ASSERT_EQ(t.targets.size(), 5u);
  const auto& doc = r->front().doc;
  EXPECT_EQ(doc.original_of(t.targets[0].verbatim), "全市地区生产总值比上年增长6%左右");
  EXPECT_EQ(doc.original_of(t.targets[3].verbatim), "城乡居民收入分别增长6%和7%");
  ASSERT_TRUE(t.passage.has_value());
  EXPECT_TRUE(doc.original_of(*t.passage).starts_with("今年全市主要预期目标是:"));
}

}  // namespace
}  // namespace gwr::facts
