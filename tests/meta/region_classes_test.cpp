// The reporting government of real-report classes seen on files without a title block (issue
// 10), run through the whole pipeline: a city report that lists its districts and counties, an
// autonomous prefecture written by its short name, a province, the national report under a city's
// file name, a scraper header block, a district of a municipality, a county-level city governed
// by its province, speakers written with spaces. Every text is invented for this test; the place
// names are those of the division table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/resources.h"

namespace gwr::meta {
namespace {

struct Case {
  const char* name;
  const char* file;
  const char* text;
  const char* want;  // "region code level province parent source"
  bool inferred_warning = false;
};

const Case kCases[] = {
    {"CityListingItsDistrictsAndCounties", "report.txt",
     "各位代表:\n现在,我代表市人民政府向本次大会报告工作。\n一、2023年工作回顾\n"
     "一年来,全市上下齐心协力。涪城区、游仙区、安州区、江油市、三台县、盐亭县、梓潼县、"
     "北川羌族自治县、平武县都办成了一批大事。全市地区生产总值增长6%。\n"
     "二、2024年工作安排\n今年主要预期目标确定为:全市生产总值增长6%左右。\n",
     "绵阳市 510700 prefecture 四川省 - body", true},
    {"AutonomousPrefectureByItsShortName", "2024.txt",
     "各位代表:\n现在,我代表州人民政府向本次大会报告工作。\n过去一年,在省委、省政府和州委的领导下,"
     "全州经济回升向好,黔东南州地区生产总值增长5%,凯里市、黄平县、施秉县、三穗县、镇远县"
     "协调发展,全州城乡面貌持续改善。\n今年主要预期目标是:全州生产总值增长5.5%左右。\n",
     "黔东南苗族侗族自治州 522600 prefecture 贵州省 - body", true},
    {"ProvinceNamingItsCities", "gov.txt",
     "各位代表:\n现在,我代表省人民政府向本次大会报告工作。\n过去一年,全省上下在省委领导下,"
     "南昌、九江、赣州、吉安、上饶等设区市经济稳中有进,全省地区生产总值增长4.5%。\n"
     "今年主要预期目标是:全省生产总值增长5%左右。\n",
     "江西省 360000 province 江西省 - body", true},
    {"NationalReportUnderACityFileName", "郑州.txt",
     "各位代表:\n现在,我代表国务院,向本次大会报告政府工作,请予审议。\n一、过去一年工作回顾\n"
     "国内生产总值增长5.2%。\n今年发展主要预期目标确定为:国内生产总值增长5%左右。\n",
     "全国 100000 national - - body"},
    {"ScraperHeaderBlock", "page.txt",
     "标题:2024年政府工作报告\n发文单位:眉山市人民政府\n发文时间:2024-01-20\n"
     "报告人:市长 李 某\n来源URL:http://example.invalid/a.html\n各位代表:\n"
     "现在,我代表市人民政府向本次大会报告工作。\n今年主要预期目标确定为:全市生产总值增长6%左右。\n",
     "眉山市 511400 prefecture 四川省 - header_block"},
    {"DistrictOfAMunicipality", "pd.txt",
     "政府工作报告\n——2024年1月6日在上海市浦东新区第七届人民代表大会第五次会议上\n"
     "各位代表:\n今年主要预期目标是:全区生产总值增长5.5%左右。\n",
     "浦东新区 310115 county 上海市 上海市 session"},
    {"DistrictOfAMunicipalityFromItsBody", "qu.txt",
     "各位代表:\n现在,我代表区人民政府向本次大会报告工作。\n过去一年,浦东新区经济总量稳步提升,"
     "浦东新区开放水平不断提高,浦东新区民生持续改善。\n"
     "今年主要预期目标是:全区生产总值增长5%左右。\n",
     "浦东新区 310115 county 上海市 上海市 body", true},
    {"MunicipalityIsProvinceLevel", "cq.txt",
     "政府工作报告\n——2024年1月21日在重庆市第六届人民代表大会第二次会议上\n各位代表:\n"
     "今年主要预期目标定为:全市地区生产总值增长6%左右。\n",
     "重庆市 500000 province 重庆市 - session"},
    {"CountyLevelCityGovernedByItsProvince", "xt.txt",
     "政府工作报告\n——2024年1月9日在仙桃市第十届人民代表大会第四次会议上\n各位代表:\n"
     "今年主要预期目标定为:全市生产总值增长6.5%左右。\n",
     "仙桃市 429004 county 湖北省 湖北省 session"},
};

std::string field(const std::optional<std::string>& s) { return s ? *s : "-"; }

class RegionClasses : public ::testing::TestWithParam<Case> {};

TEST_P(RegionClasses, FindsTheReportingGovernment) {
  const Case& c = GetParam();
  auto r = pipeline::extract_bytes(c.text, c.file, gwr::testing::resources());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->size(), 1u) << c.name;  // one report per file
  const Document& d = r->front().doc;
  const Metadata& m = d.meta;
  const std::string got = field(m.region) + " " + field(m.region_code) + " " + level_name(m.level) +
                          " " + field(m.province) + " " + field(m.parent) + " " +
                          region_source_name(m.region_source);
  EXPECT_EQ(got, c.want) << c.name;
  bool warned = false;
  for (const auto& w : d.warnings) warned = warned || w.code == "meta_region_inferred";
  EXPECT_EQ(warned, c.inferred_warning) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RegionClasses, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });

// Speakers written with spaces of any width between the parts of the name.
TEST(Speaker, SpacesOfAnyWidthInsideTheName) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"市长  王   某某", "王某某"},
      {"市长 王 小 明", "王小明"},
      {"市长\u3000李\u3000某", "李某"},
      {"县长 陈某某", "陈某某"},
  };
  for (const auto& [line, want] : cases) {
    const std::string text =
        "政府工作报告\n——2024年1月9日在仙桃市第十届人民代表大会第四次会议上\n" + line +
        "\n各位代表:\n今年主要预期目标确定为:全市生产总值增长6%左右。\n";
    auto r = pipeline::extract_bytes(text, "s.txt", gwr::testing::resources());
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ(field(r->front().doc.meta.speaker), want) << line;
  }
}

}  // namespace
}  // namespace gwr::meta

namespace gwr::meta {
namespace {

// A traditional repost (variant forms 爲, 於, 裏 included) reads like the simplified text; acting
// only from an acting title, not from 代理 elsewhere in the text.
TEST(TraditionalRepost, ReadsLikeTheSimplifiedText) {
  const std::string head = "政府工作報告\n——2024年1月10日在青溪市第八屆人民代表大會第二次會議上\n";
  const std::string body =
      "各位代表：\n現在，我代表市人民政府，向大會報告工作，請予審議。\n一、2023年工作回顧\n"
      "過去一年，全市地區生產總值增長5.1%，我們始終把群眾放在心裏，代理記賬等服務業發展於全市。\n"
      "二、2024年工作安排\n今年經濟社會發展的主要預期目標是：地區生產總值增長6%左右，"
      "一般公共預算收入增長5%，城鎮新增就業爲1萬人以上，居民收入增長與經濟增長基本同步。\n"
      "各位代表！讓我們團結一心，爲建設美好家園而努力奮鬥！\n";
  for (const auto& [speaker, acting] : std::vector<std::pair<std::string, bool>>{
           {"代理市長　王　某", true}, {"市長　王　某", false}}) {
    auto r =
        pipeline::extract_bytes(head + speaker + "\n" + body, "t.txt", gwr::testing::resources());
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 1u);
    const auto& x = r->front();
    EXPECT_TRUE(x.doc.traditional);
    EXPECT_EQ(field(x.doc.meta.speaker), "王某");
    EXPECT_EQ(x.doc.meta.acting, acting) << speaker;
    EXPECT_EQ(field(x.doc.meta.region), "青溪市");
    ASSERT_EQ(x.targets.targets.size(), 4u);
    EXPECT_EQ(x.targets.targets[0].canonical, "gdp_growth");
    EXPECT_EQ(x.targets.targets[0].value, 6);
    EXPECT_EQ(x.targets.targets[2].canonical, "urban_new_jobs");
    EXPECT_EQ(x.targets.targets[2].value, 1);
    EXPECT_EQ(x.targets.targets[2].indicator, "城鎮新增就業");
    EXPECT_EQ(x.targets.targets[3].modifier, facts::Modifier::kQualitative);
  }
}

}  // namespace
}  // namespace gwr::meta
