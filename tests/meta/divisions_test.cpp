// Divisions: table loading, rule-derived aliases, parents, context disambiguation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "meta/meta.h"

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

std::string dump(const std::optional<Divisions::Entry>& e) {
  if (!e) return "none";
  return e->code + " " + e->name + " " + level_name(e->level) + " parent=" + e->parent_code;
}

TEST(Divisions, LoadsTheWholeCountry) {
  EXPECT_GT(table().size(), 3000u);
  ASSERT_NE(table().by_code("620702"), nullptr);
  EXPECT_EQ(table().by_code("620702")->name, "甘州区");
  EXPECT_EQ(table().by_code("999999"), nullptr);
}

struct Case {
  const char* name;
  const char* context;
  const char* want;
};

TEST(Divisions, ResolvesFullAndShortNames) {
  const std::vector<Case> cases = {
      {"庆阳市", "", "621000 庆阳市 prefecture parent=620000"},
      {"庆阳", "", "621000 庆阳市 prefecture parent=620000"},
      {"新疆", "", "650000 新疆维吾尔自治区 province parent="},
      {"内蒙古", "", "150000 内蒙古自治区 province parent="},
      {"广西", "", "450000 广西壮族自治区 province parent="},
      {"恩施", "", "422800 恩施土家族苗族自治州 prefecture parent=420000"},
      {"恩施州", "", "422800 恩施土家族苗族自治州 prefecture parent=420000"},
      {"黔南州", "", "522700 黔南布依族苗族自治州 prefecture parent=520000"},
      {"石柱县", "", "500240 石柱土家族自治县 county parent=500000"},
      {"阿克苏", "", "652900 阿克苏地区 prefecture parent=650000"},
      {"锡林郭勒", "", "152500 锡林郭勒盟 prefecture parent=150000"},
      {"浦东", "", "310115 浦东新区 county parent=310000"},
      {"甘州区", "", "620702 甘州区 county parent=620700"},
      {"海淀区", "", "110108 海淀区 county parent=110000"},  // 直辖市 district: parent is the city
      {"济源市", "", "419001 济源市 county parent=410000"},  // county-level city under the province
      {"吉林市", "",
       "220200 吉林市 prefecture parent=220000"},      // exact name beats the alias of 吉林省
      {"吉林", "", "220000 吉林省 province parent="},  // tie between aliases: higher level
      {"不存在县", "", "none"},
      {"", "", "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(dump(table().resolve(c.name, c.context)), c.want) << c.name;
}

TEST(Divisions, ContextPicksAmongNamesakes) {
  const std::vector<Case> cases = {
      {"朝阳区", "长春市委、市政府的坚强领导下，长春新区", "220104 朝阳区 county parent=220100"},
      {"朝阳区", "北京市委、市政府，首都功能", "110105 朝阳区 county parent=110000"},
      {"鼓楼区", "福州市，福建省，台江区、仓山区", "350102 鼓楼区 county parent=350100"},
      {"鼓楼区", "南京市，江苏省，玄武区、秦淮区", "320106 鼓楼区 county parent=320100"},
      {"鼓楼区", "开封市，河南省", "410204 鼓楼区 county parent=410200"},
  };
  for (const Case& c : cases)
    EXPECT_EQ(dump(table().resolve(c.name, c.context)), c.want) << c.context;
}

TEST(Divisions, LookupListsEveryNamesake) {
  EXPECT_EQ(table().lookup("鼓楼区").size(), 4u);
  EXPECT_TRUE(table().lookup("不存在县").empty());
}

}  // namespace
}  // namespace gwr::meta
