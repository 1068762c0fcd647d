// annotate(): header fields from invented report headers, one table row per behaviour.
// Every fixture is written for this test in the style of the reports; none is quoted from one.
#include "meta/meta.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/resources.h"

namespace gwr::meta {
namespace {

const Divisions& table() {
  static const Divisions d = [] {
    auto r = Divisions::load();
    EXPECT_TRUE(r) << r.error().describe();
    return r ? std::move(r).value() : Divisions{};
  }();
  return d;
}

std::map<std::string, std::string> fields(const Metadata& m) {
  auto o = [](const auto& v) -> std::string {
    if (!v) return "null";
    if constexpr (std::is_same_v<std::decay_t<decltype(*v)>, int>)
      return std::to_string(*v);
    else
      return *v;
  };
  return {{"region", o(m.region)},        {"code", o(m.region_code)},
          {"level", level_name(m.level)}, {"province", o(m.province)},
          {"parent", o(m.parent)},        {"delivered", o(m.delivered)},
          {"session", o(m.session)},      {"speaker", o(m.speaker)},
          {"title", o(m.speaker_title)},  {"acting", m.acting ? "true" : "false"},
          {"review", o(m.review_year)},   {"plan", o(m.plan_year)},
          {"published", o(m.published)}};
}

// Checks the "field=value field=value" expectations against what annotate() found.
void expect_fields(const Metadata& m, const std::string& want, const std::string& label) {
  auto got = fields(m);
  std::istringstream in(want);
  std::string item;
  while (in >> item) {
    auto eq = item.find('=');
    ASSERT_NE(eq, std::string::npos) << item;
    std::string key = item.substr(0, eq);
    ASSERT_TRUE(got.count(key)) << "unknown field " << key;
    EXPECT_EQ(got[key], item.substr(eq + 1)) << label << ": field " << key;
  }
}

struct Case {
  const char* label;
  const char* text;
  const char* want;
};

const std::vector<Case> kCases = {
    {"prefecture with dated line under the speaker",
     "政府工作报告\n——在天水市第八届人民代表大会第三次会议上\n天水市市长 "
     "李明远\n(2023年1月10日)\n各位代表:\n现在向大会报告工作。",
     "region=天水市 code=620500 level=prefecture province=甘肃省 parent=null delivered=2023-01-10 "
     "session=第八届人民代表大会第三次会议 speaker=李明远 title=市长 acting=false review=2022 "
     "plan=2023"},
    {"date before 在 and an acting mayor; December means next plan year",
     "政府工作报告\n——2023年12月28日在绵阳市第八届人民代表大会第四次会议上\n绵阳市代市长 "
     "王建华\n各位代表:",
     "region=绵阳市 delivered=2023-12-28 title=代市长 acting=true speaker=王建华 review=2023 "
     "plan=2024"},
    {"Chinese-numeral date before 在",
     "——二〇二一年一月十二日在宜昌市第七届人民代表大会第六次会议上\n宜昌市市长 周海\n各位代表:",
     "delivered=2021-01-12 session=第七届人民代表大会第六次会议 plan=2021 review=2020"},
    {"Chinese-numeral date in parentheses with 二十六",
     "政府工作报告\n(二〇二二年十二月二十六日)"
     "\n——在铜仁市第三届人民代表大会第三次会议上\n铜仁市市长 田野\n各位代表:",
     "delivered=2022-12-26 plan=2023 region=铜仁市 province=贵州省"},
    {"month-only date",
     "2020年1月在白银区第十八届人民代表大会第五次会议上 白银区区长 何清 各位代表:",
     "delivered=2020-01 region=白银区 parent=白银市 level=county plan=2020"},
    {"abbreviated session without region, county from the speaker line",
     "——2022年2月20日在县十八届人大二次会议上\n临泽县人民政府县长 马晓东\n各位代表:",
     "session=第十八届人民代表大会第二次会议 region=临泽县 parent=张掖市 province=甘肃省 "
     "level=county "
     "title=县长 speaker=马晓东"},
    {"Arabic numerals in the session become Chinese numerals",
     "——在遵义市第4届人民代表大会第12次会议上\n遵义市市长 杨帆\n各位代表:",
     "session=第四届人民代表大会第十二次会议 region=遵义市"},
    {"session split over two lines, acting 代理区长 with place and 人民政府 stripped",
     "政 府 工 作 报 "
     "告\n——2024年1月9日在酒泉市肃州区第十九届\n人民代表大会第四次会议上\n肃州区人民政府代理区长 "
     "刘海\n各位代表:",
     "session=第十九届人民代表大会第四次会议 region=肃州区 parent=酒泉市 title=代理区长 "
     "acting=true "
     "speaker=刘海 delivered=2024-01-09"},
    {"party post before the government post is dropped",
     "——2021年1月6日在城关区第十八届人民代表大会第六次会议上\n兰州市城关区区委副书记、区长 "
     "孙伟\n各位代表:",
     "title=区长 speaker=孙伟 acting=false region=城关区 parent=兰州市"},
    {"semicolon separator and the name running into 各位代表",
     "2021年3月2日在静宁县第十八届人民代表大会第六次会议上县委副书记、县人民政府县长;"
     "周小平各位代表:现在",
     "speaker=周小平 title=县长 region=静宁县 parent=平凉市"},
    {"name written straight after the title",
     "政府工作报告\n——2023年1月5日在安顺市第四届人民代表大会第三次会议上\n安顺市市长王强\n各位代表"
     ":",
     "speaker=王强 title=市长"},
    {"name without a title after the subtitle",
     "2021年1月20日在江西省第十三届人民代表大会第五次会议上 李子明 各位代表: 现在",
     "region=江西省 level=province province=江西省 parent=null speaker=李子明 title=null "
     "acting=false"},
    {"provincial governor",
     "——2023年1月12日在四川省第十四届人民代表大会第一次会议上\n四川省省长 陈建国\n各位代表:",
     "region=四川省 code=510000 level=province title=省长 speaker=陈建国"},
    {"autonomous region chairman",
     "——2023年1月13日在广西壮族自治区第十四届人民代表大会第一次会议上\n广西壮族自治区人民政府主席 "
     "韦明\n各位代表:",
     "region=广西壮族自治区 level=province province=广西壮族自治区 title=主席 speaker=韦明"},
    {"district of a 直辖市 has the 直辖市 as parent",
     "——2023年1月6日在北京市海淀区第十七届人民代表大会第三次会议上\n海淀区区长 张华\n各位代表:",
     "region=海淀区 level=county parent=北京市 province=北京市 code=110108"},
    {"直辖市 itself is province level",
     "——2024年1月22日在重庆市第六届人民代表大会第二次会议上\n重庆市市长 赵刚\n各位代表:",
     "region=重庆市 level=province province=重庆市 parent=null"},
    {"national report",
     "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 "
     "李明\n各位代表:",
     "region=全国 code=100000 level=national province=null parent=null "
     "session=第十四届人民代表大会第二次会议 "
     "speaker=李明 title=国务院总理 delivered=2024-03-05 plan=2024 review=2023"},
    {"partial news article quoting the national report",
     "2025年3月5日，国务院总理王华在政府工作报告中提出，今年全国发展主要预期目标为国内生产总值增长5"
     "%"
     "左右。",
     "region=全国 level=national speaker=王华 title=国务院总理 delivered=2025-03-05 plan=2025 "
     "session=null"},
    {"namesake district resolved by other place names (福州)",
     "——2022年1月8日在鼓楼区第十八届人民代表大会第二次会议上\n鼓楼区区长 林峰\n各位代表:\n"
     "过去一年，在福州市委和区委的领导下，全区与台江区、仓山区协同推进，福州新区建设提速。",
     "region=鼓楼区 parent=福州市 province=福建省 code=350102"},
    {"namesake district resolved by other place names (南京)",
     "——2022年1月8日在鼓楼区第十八届人民代表大会第二次会议上\n鼓楼区区长 林峰\n各位代表:\n"
     "过去一年，全区紧扣南京市委部署，与玄武区、秦淮区携手推进老城更新，江苏省级项目落地。",
     "region=鼓楼区 parent=南京市 province=江苏省 code=320106"},
    {"namesake resolved by the city written before it in the subtitle",
     "——2022年1月10日在长春市朝阳区第十六届人民代表大会第四次会议上\n朝阳区区长 高远\n各位代表:\n"
     "我们学习北京的经验。",
     "region=朝阳区 parent=长春市 province=吉林省 code=220104"},
    {"no header: title line with year gives region and years",
     "2022年临泽县政府工作报告各位代表:下面我代表县人民政府向大会汇报工作。一、2021年工作回顾 "
     "全县经济稳中有进。",
     "region=临泽县 parent=张掖市 delivered=null session=null speaker=null title=null review=2021 "
     "plan=2022"},
    {"no header at all: region from 全县 and the most named county, years from headings",
     "各位代表:"
     "\n一、2023年工作回顾\n一年来，民勤县上下团结奋斗，全县经济平稳。民勤县沙产业加快发展，全县就"
     "业稳定。\n"
     "二、2024年工作安排\n民勤县将继续推进节水。",
     "region=民勤县 parent=武威市 level=county review=2023 plan=2024 delivered=null"},
    {"November delivery means the next plan year",
     "政府工作报告\n(2023年11月28日)\n——在嘉峪关市第十届人民代表大会第三次会议上\n嘉峪关市市长 "
     "吕方\n各位代表:",
     "delivered=2023-11-28 plan=2024 review=2023 region=嘉峪关市 level=prefecture"},
    {"short form of an autonomous prefecture",
     "——2023年1月8日在恩施州第九届人民代表大会第二次会议上\n州长 覃刚\n各位代表:",
     "region=恩施土家族苗族自治州 level=prefecture province=湖北省 title=州长 speaker=覃刚"},
    {"county-level city has its prefecture as parent",
     "——2022年12月30日在玉门市第十九届人民代表大会第三次会议上\n玉门市人民政府市长 宋涛\n各位代表:",
     "region=玉门市 level=county parent=酒泉市 plan=2023"},
    {"banner with 旗长",
     "——2023年1月4日在鄂托克旗第十八届人民代表大会第二次会议上\n鄂托克旗人民政府旗长 "
     "巴图\n各位代表:",
     "region=鄂托克旗 level=county parent=鄂尔多斯市 province=内蒙古自治区 title=旗长 "
     "speaker=巴图"},
    {"name with a middle dot",
     "——2023年1月6日在伊犁哈萨克自治州第十五届人民代表大会第三次会议上\n伊犁哈萨克自治州州长 "
     "艾力·买买提\n各位代表:",
     "region=伊犁哈萨克自治州 level=prefecture speaker=艾力·买买提 title=州长"},
    {"autonomous prefecture name in full, parent of its county",
     "——2021年2月1日在瓮安县第十八届人民代表大会第六次会议上\n瓮安县人民政府县长 罗斌\n各位代表:",
     "region=瓮安县 parent=黔南布依族苗族自治州 province=贵州省"},
    {"previous session named in the body is not the current one",
     "2021年和县政府工作报告各位代表:"
     "下面我代表县人民政府报告工作。县十七届人大四次会议以来，全县上下开拓进取。",
     "session=null"},
    {"letter-spaced PDF header with spaces inside the date and the session",
     "政 府 工 作 报 告\n—— 2023 年 2 月 8 日在武都区第十九届人 民 代 表 大 "
     "会第三次会议上\n武都区人民政府区长 杜林\n各位代表:",
     "delivered=2023-02-08 session=第十九届人民代表大会第三次会议 region=武都区 parent=陇南市"},
    {"place written before a party post on the speaker line; session without a place",
     "——2023年1月3日在区十八届人大三次会议上\n兰州市七里河区区委副书记、区长 钱宁\n各位代表:",
     "region=七里河区 parent=兰州市 title=区长 speaker=钱宁 "
     "session=第十八届人民代表大会第三次会议"},
    {"page title with the year after the place",
     "张掖市2023年政府工作报告\n各位代表:\n一、2022年工作回顾\n全市经济恢复向好。",
     "region=张掖市 level=prefecture review=2022 plan=2023 speaker=null"},
    {"vice mayor delivering is not acting",
     "——2022年1月5日在金昌市第十届人民代表大会第一次会议上\n金昌市人民政府常务副市长 "
     "邵东\n各位代表:",
     "title=副市长 acting=false speaker=邵东 region=金昌市"},
    {"an acting county head (代县长) is a title, not the county 代县; the session names the county",
     "政府工作报告\n——2023年1月8日在滨江县第十八届人大三次会议上\n代县长  赵六\n各位代表:",
     "region=滨江县 level=county code=null delivered=2023-01-08 title=代县长 acting=true "
     "speaker=赵六 plan=2023"},
    {"the real 代县 still resolves, with its own head",
     "政府工作报告\n——2023年1月6日在代县第十六届人民代表大会第七次会议上\n代县县长 钱九\n各位代表:",
     "region=代县 level=county province=山西省 parent=忻州市 title=县长 acting=false speaker=钱九"},
    {"date then session then 通过, in parentheses; a short name followed by 市 is not its 区",
     "2024年南山市人民政府工作报告\n(2024年2月20日南山市第十届人民代表大会第四次会议通过)"
     "\n南山市人民政府市长 孙七\n各位代表:",
     "region=南山市 code=null delivered=2024-02-20 session=第十届人民代表大会第四次会议 plan=2024 "
     "title=市长"},
    {"深圳's 南山区 from the session line and the speaker line",
     "政府工作报告\n——2023年1月5日在南山区第八届人民代表大会第三次会议上\n深圳市南山区区长 "
     "吴十\n各位代表:",
     "region=南山区 level=county province=广东省 parent=深圳市 delivered=2023-01-05 title=区长"},
    {"a county name that ends in another county's name (义县 inside 嘉义县) is not that county",
     "政府工作报告\n——2023年1月15日在嘉义县第十届人民代表大会第三次会议上\n嘉义县县长 "
     "某某\n各位代表:",
     "region=嘉义县 code=null level=county delivered=2023-01-15 title=县长"},
    {"no date: the years come from headings written in Chinese numerals",
     "政府工作报告\n泾县人民政府县长 "
     "某某\n各位代表:\n现在,我代表县政府向大会报告一年来的工作。\n一、二〇二二年工作回顾\n"
     "过去一年,全县经济稳中有进。\n二、二〇二三年工作安排\n今年全县预期目标是:全县生产总值增长7%"
     "左右。",
     "region=泾县 delivered=null review=2022 plan=2023"},
    {"a two-character name letter-spaced to align with longer names",
     "政府工作报告\n——2023年1月10日在宣城市第五届人民代表大会第三次会议上\n宣城市人民政府市长  王  "
     "伟\n各位代表:",
     "speaker=王伟 title=市长 region=宣城市 acting=false"},
};

TEST(Annotate, HeaderFieldsFromInventedHeaders) {
  for (const Case& c : kCases) {
    Document d = make_plain_document(c.text);
    annotate(d, table(), testing::resources().meta);
    expect_fields(d.meta, c.want, c.label);
  }
}

TEST(Annotate, WebDateIsPublishedNotDelivered) {
  std::string text =
      "天水市政府工作报告\n2023年02月17日 10:02   来源:天水日报\n"
      "——在天水市第八届人民代表大会第三次会议上\n天水市市长 李明远\n(2023年1月10日)\n各位代表:\n";
  Document d = make_plain_document(text);
  d.body.begin = text.find("——");
  annotate(d, table(), testing::resources().meta);
  expect_fields(d.meta, "delivered=2023-01-10 published=2023-02-17 region=天水市", "web page");
}

TEST(Annotate, PublishedFromPageMeta) {
  Document d = make_plain_document(
      "政府工作报告\n——2021年12月7日在陇南市第六届人民代表大会第三次会议上\n陇南市市长 "
      "赵伟\n各位代表:");
  d.page_meta.push_back({"发布日期", "2022-01-30 17:09", {}});
  annotate(d, table(), testing::resources().meta);
  expect_fields(d.meta, "published=2022-01-30 delivered=2021-12-07 plan=2022", "page meta");
}

TEST(Annotate, HeaderFoundJustBeforeAMisplacedBodyStart) {
  std::string text =
      "——2023年1月5日在平凉市第七届人民代表大会第四次会议上\n平凉市市长 "
      "马强\n各位代表:\n现在报告工作。";
  Document d = make_plain_document(text);
  d.body.begin = text.find("各位代表");
  annotate(d, table(), testing::resources().meta);
  expect_fields(
      d.meta,
      "region=平凉市 speaker=马强 delivered=2023-01-05 session=第七届人民代表大会第四次会议",
      "lookback");
}

TEST(Annotate, MissingFieldsAreNullWithWarnings) {
  Document d = make_plain_document("各位代表:现在报告工作。过去一年，我们攻坚克难。");
  annotate(d, table(), testing::resources().meta);
  expect_fields(d.meta, "region=null delivered=null session=null speaker=null plan=null", "bare");
  std::vector<std::string> codes;
  for (const Warning& w : d.warnings) codes.push_back(w.code);
  for (const char* want : {"meta_no_region", "meta_no_delivered", "meta_no_session",
                           "meta_no_speaker", "meta_no_plan_year"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), want), codes.end()) << want;
  }
}

TEST(Annotate, MetaTableHasEnoughCases) { EXPECT_GE(kCases.size(), 30u); }

}  // namespace
}  // namespace gwr::meta
