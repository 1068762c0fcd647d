// The indicator lexicon and targets vocabulary (facts/lexicon.cpp): loading, longest match,
// find_all, and validation errors naming file:line.
#include "facts/lexicon.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "common/data.h"
#include "support/paths.h"

namespace gwr::facts {
namespace {

const Lexicon& lexicon() {
  static const auto lex = Lexicon::load();
  EXPECT_TRUE(lex.ok()) << (lex.ok() ? "" : lex.error().describe());
  return *lex;
}

// Every alias of the shipped data loads, and its canonical class is one of the gold vocabulary.
TEST(Lexicon, ShippedDataLoadsWithGoldCanonicalClasses) {
  static const std::string kGold =
      " gdp_growth fixed_asset_investment_growth retail_sales_growth public_budget_revenue_growth "
      "fiscal_revenue_growth urban_income_growth rural_income_growth resident_income_growth cpi "
      "urban_new_jobs "
      "urban_surveyed_unemployment urban_registered_unemployment industrial_value_added_growth "
      "primary_industry_growth secondary_industry_growth tertiary_industry_growth "
      "construction_growth "
      "trade_growth energy_intensity grain_output deposit_growth loan_growth urbanization_rate "
      "other ";
  auto table = data::load_table("indicators.tsv", 4, 4);
  ASSERT_TRUE(table.ok());
  ASSERT_GT(table->rows.size(), 100u);
  for (const auto& row : table->rows) {
    const Indicator* e = lexicon().exact(row.fields[0]);
    ASSERT_NE(e, nullptr) << row.fields[0];
    for (const std::string& c : e->canonical) {
      EXPECT_NE(kGold.find(" " + c + " "), std::string::npos)
          << "indicators.tsv:" << row.line << " " << c;
    }
  }
}

struct MatchCase {
  const char* text;
  std::size_t pos;
  const char* want;  // "id alias" or "none"
};

std::string match(const std::string& s, std::size_t pos) {
  std::size_t len = 0;
  const Indicator* e = lexicon().match_at(s, pos, &len);
  if (e == nullptr) return "none";
  return e->id + " " + s.substr(pos, len);
}

TEST(Lexicon, MatchAtTakesTheLongestAlias) {
  const MatchCase cases[] = {
      {"规模以上工业增加值增长8%", 0, "industrial_above_scale_value_added 规模以上工业增加值"},
      {"工业增加值增长8%", 0, "industrial_value_added 工业增加值"},
      {"人均地区生产总值突破8万元", 0, "gdp_per_capita 人均地区生产总值"},
      {"地区生产总值增长6%", 0, "gdp 地区生产总值"},
      {"城乡居民人均可支配收入分别提高", 0, "urban_rural_income 城乡居民人均可支配收入"},
      {"单位地区生产总值能耗下降3%", 0, "energy_intensity 单位地区生产总值能耗"},
      {"常住人口城镇化率达到60%", 0, "urbanization_rate 常住人口城镇化率"},
      {"存贷款余额分别增长", 0, "deposit_loan 存贷款余额"},
      {"全市地区生产总值", 0, "none"},
      {"全市地区生产总值", 6, "gdp 地区生产总值"},
      {"", 0, "none"},
  };
  for (const auto& c : cases) EXPECT_EQ(match(c.text, c.pos), c.want) << c.text;
}

std::string find_all(const std::string& s) {
  std::string out;
  for (const auto& h : lexicon().find_all(s)) {
    out += (out.empty() ? "" : "|") + h.indicator->id + ":" + s.substr(h.begin, h.end - h.begin);
  }
  return out;
}

TEST(Lexicon, FindAllIsLeftmostLongestAndNonOverlapping) {
  EXPECT_EQ(find_all("社会消费品零售总额、固定资产投资和规上工业增加值均增长8%"),
            "retail_sales:社会消费品零售总额|fixed_asset_investment:固定资产投资|"
            "industrial_above_scale_value_added:规上工业增加值");
  EXPECT_EQ(find_all("单位地区生产总值能耗下降3%,地区生产总值增长6%"),
            "energy_intensity:单位地区生产总值能耗|gdp:地区生产总值");
  EXPECT_EQ(find_all("全社会固定资产投资增长7%"), "fixed_asset_investment:全社会固定资产投资");
  EXPECT_EQ(find_all("深入推进改革开放"), "");
}

TEST(Lexicon, ExactNeedsTheWholeAlias) {
  ASSERT_NE(lexicon().exact("城镇调查失业率"), nullptr);
  EXPECT_EQ(lexicon().exact("城镇调查失业率")->id, "urban_surveyed_unemployment");
  EXPECT_EQ(lexicon().exact("城镇调查失业"), nullptr);
  EXPECT_EQ(lexicon().exact("城镇调查失业率高"), nullptr);
  const Indicator* pair = lexicon().exact("城乡居民收入");
  ASSERT_NE(pair, nullptr);
  ASSERT_EQ(pair->canonical.size(), 2u);
  EXPECT_EQ(pair->canonical[0], "urban_income_growth");
  EXPECT_EQ(pair->canonical[1], "rural_income_growth");
}

TEST(Lexicon, VocabKindsAndPhraseListLookups) {
  const PhraseList& triggers = lexicon().vocab("trigger");
  EXPECT_FALSE(triggers.phrases().empty());
  EXPECT_THROW(lexicon().vocab("no_such_kind"), std::exception);  // an undeclared kind is a bug
  // Longest first at the same offset: 主要预期目标建议为 beats 预期目标建议为 and 主要预期目标.
  const std::string s = "全市主要预期目标建议为:";
  std::size_t len = 0;
  EXPECT_EQ(triggers.find(s, 0, &len), std::string("全市").size());
  EXPECT_EQ(s.substr(std::string("全市").size(), len), "主要预期目标建议为");
  EXPECT_EQ(triggers.find("没有触发词的句子"), std::string_view::npos);
  EXPECT_EQ(lexicon().vocab("tail").match_before("地区生产总值同比增长",
                                                 std::string("地区生产总值同比增长").size()),
            "增长");
  EXPECT_EQ(lexicon().vocab("num_pred").match_at("年均增长6%", 0), "年均增长");
  EXPECT_TRUE(lexicon().vocab("stop").contains_in("为实现上述目标,我们要"));
}

class DataDir : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("GWR_DATA_DIR");
    saved_ = old != nullptr ? std::optional<std::string>(old) : std::nullopt;
  }
  void TearDown() override {
    if (saved_)
      setenv("GWR_DATA_DIR", saved_->c_str(), 1);
    else
      unsetenv("GWR_DATA_DIR");
  }
  void use(const std::string& name, const std::string& file, const std::string& content) {
    const auto dir = testing::temp_dir(name);
    testing::write_file(dir / file, content);
    setenv("GWR_DATA_DIR", dir.c_str(), 1);
  }
  std::optional<std::string> saved_;
};

TEST_F(DataDir, UnknownMeasureNamesFileAndLine) {
  use("lexicon_bad_measure", "indicators.tsv",
      "# test "
      "lexicon\n地区生产总值\tgdp\tgrowth\tgdp_growth\n\n城镇化率\turbanization_"
      "rate\tratio\turbanization_rate\n");
  auto lex = Lexicon::load();
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.error().code, ErrorCode::kInvalidData);
  EXPECT_EQ(lex.error().where, "indicators.tsv:4");
  EXPECT_NE(lex.error().message.find("ratio"), std::string::npos);
}

TEST_F(DataDir, MissingColumnNamesFileAndLine) {
  use("lexicon_bad_columns", "indicators.tsv", "# test lexicon\n地区生产总值\tgdp\tgrowth\n");
  auto lex = Lexicon::load();
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.error().code, ErrorCode::kInvalidData);
  EXPECT_NE(lex.error().describe().find("indicators.tsv"), std::string::npos);
  EXPECT_NE(lex.error().describe().find(":2"), std::string::npos);
}

TEST_F(DataDir, MalformedVocabRowNamesFileAndLine) {
  use("lexicon_bad_vocab", "target_vocab.tsv",
      "# test vocabulary\ntrigger\t主要预期目标是\nstop\n");
  auto lex = Lexicon::load();
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.error().code, ErrorCode::kInvalidData);
  EXPECT_NE(lex.error().describe().find("target_vocab.tsv"), std::string::npos);
  EXPECT_NE(lex.error().describe().find(":3"), std::string::npos);
}

TEST_F(DataDir, OverrideReplacesTheEmbeddedTable) {
  use("lexicon_small", "indicators.tsv", "# test lexicon\n经济总量\tgdp\tgrowth\tgdp_growth\n");
  auto lex = Lexicon::load();
  ASSERT_TRUE(lex.ok()) << lex.error().describe();
  EXPECT_NE(lex->exact("经济总量"), nullptr);
  EXPECT_EQ(lex->exact("地区生产总值"), nullptr);
}

TEST(DataTable, ParseTableNamesTheLineOfAShortRow) {
  auto t = data::parse_table("x.tsv", "# header\na\tb\n\nc\n", 2, 2);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidData);
  EXPECT_NE(t.error().describe().find("x.tsv:4"), std::string::npos) << t.error().describe();
}

}  // namespace
}  // namespace gwr::facts
