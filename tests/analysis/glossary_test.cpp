// Tests of analysis::term_definitions and bare_term (src/analysis/glossary.cpp): which glossary
// entry explains a term, over examples/clean_prefecture_report.txt and a copy of it whose entry
// for “智造强基”行动 is worded differently.
#include "analysis/glossary.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/pipeline.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::analysis {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Report 1: the example; report 2: the same speech with its first glossary entry reworded.
store::Store two_glossaries() {
  auto st = store::Store::open(testing::temp_dir("glossary_db") / "c.db");
  EXPECT_TRUE(st.ok()) << st.error().describe();
  auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok());
  const std::string text = read(testing::repo_dir() / "examples/clean_prefecture_report.txt");
  std::string copy = text;
  const std::string from = "专项行动。";
  const auto at = copy.find(from);
  EXPECT_NE(at, std::string::npos);
  copy.replace(at, from.size(), "专项行动(转载)。");
  for (const auto& [body, name] : {std::pair{text, "a.txt"}, std::pair{copy, "b.txt"}}) {
    auto xs = pipeline::extract_bytes(body, name, **res);
    EXPECT_TRUE(xs.ok() && xs->size() == 1u);
    for (const auto& x : *xs) EXPECT_TRUE(st->add(x).ok());
  }
  return std::move(st).value();
}

TEST(Glossary, TheEntryOfThePreferredReportWinsThenTheFirstStored) {
  auto st = two_glossaries();
  auto d = term_definitions(st.reader(),
                            {{"智造强基", 2}, {"智造强基", 0}, {"未来乡村", 0}, {"无此词", 1}});
  ASSERT_TRUE(d.ok()) << d.error().describe();
  ASSERT_EQ(d->size(), 4u);
  const auto& preferred = (*d)[0];
  EXPECT_EQ(preferred.text, "智造强基");
  ASSERT_TRUE(preferred.definition);
  EXPECT_NE(preferred.definition->find("(转载)"), std::string::npos) << *preferred.definition;
  EXPECT_EQ(preferred.report_id, 2);
  EXPECT_EQ(preferred.region, "绍兴市");
  EXPECT_EQ(preferred.plan_year, 2024);
  const auto& first = (*d)[1];
  ASSERT_TRUE(first.definition);
  EXPECT_EQ(first.definition->find("(转载)"), std::string::npos) << *first.definition;
  EXPECT_EQ(first.report_id, 1);
  EXPECT_EQ((*d)[2].report_id, 1) << "a whole term explains itself";
  const auto& none = (*d)[3];
  EXPECT_EQ(none.text, "无此词");
  EXPECT_FALSE(none.definition || none.region || none.plan_year || none.report_id);
}

TEST(Glossary, BareTermDropsQuotesAndProgrammeWords) {
  EXPECT_EQ(bare_term("“智造强基”行动"), "智造强基");
  EXPECT_EQ(bare_term("未来乡村"), "未来乡村");
  EXPECT_EQ(bare_term("\"城市书房\""), "城市书房");
}

}  // namespace
}  // namespace gwr::analysis
