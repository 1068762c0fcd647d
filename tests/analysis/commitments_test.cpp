// Tests of analysis::commitments (src/analysis/commitments.cpp): a 2023 report's 民生实事 read in
// the same city's 2024 review. Both reports are invented here; every expected status follows
// from the rules in commitments.h applied by hand to these texts.
#include "analysis/commitments.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "analysis/fixture_db.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::analysis {
namespace {

using testing::cell;

const char* const kPlan2023 =
    "政府工作报告\n——2023年1月12日在丽水市第五届人民代表大会第三次会议上\n丽水市市长 "
    "王五\n各位代表:\n"
    "一、2022年工作回顾\n过去一年,全市经济稳步回升,地区生产总值增长4.0%。\n"
    "二、2023年工作安排\n今年全市发展的主要预期目标为:生产总值增长6%左右。\n"
    "今年将集中力量办好以下四件民生实事:\n1.新建社区老年食堂15家。\n2.改造老旧小区40个。\n"
    "3.建设城市体育公园3个。\n4.新增普惠性托育托位800个。\n各位代表,让我们携手奋进!\n";
// Item 1 is reported finished (投入使用, no progress word), item 2 under way (加快推进), item 3
// is not mentioned, item 4's key phrase appears with 完成.
const char* const kReview2024 =
    "政府工作报告\n——2024年1月15日在丽水市第五届人民代表大会第四次会议上\n丽水市市长 "
    "王五\n各位代表:\n"
    "一、2023年工作回顾\n过去一年,全市经济持续向好,地区生产总值增长6.1%。新建社区老年食堂15家,"
    "全部投入使用;"
    "老旧小区改造正在加快推进,已开工32个。全年新增普惠性托育托位860个,超额完成目标。\n"
    "二、2024年工作安排\n今年全市发展的主要预期目标为:生产总值增长5.5%左右。\n各位代表,"
    "让我们携手奋进!\n";

class Commitments : public ::testing::Test {
 protected:
  void SetUp() override {
    auto st = store::Store::open(gwr::testing::temp_dir("commitments") / "c.db");
    ASSERT_TRUE(st.ok());
    auto res = pipeline::Resources::load();
    ASSERT_TRUE(res.ok());
    for (const auto& [text, name] :
         {std::pair{kPlan2023, "lishui_2023.txt"}, std::pair{kReview2024, "lishui_2024.txt"}}) {
      auto xs = pipeline::extract_bytes(text, name, **res);
      ASSERT_TRUE(xs.ok() && xs->size() == 1u) << name;
      ASSERT_TRUE(st->add(xs->front()).ok());
    }
    store_.emplace(std::move(st).value());
    auto seg = Segmenter::load();
    auto words = CommitmentWords::load();
    ASSERT_TRUE(seg.ok() && words.ok());
    seg_.emplace(std::move(seg).value());
    words_.emplace(std::move(words).value());
  }
  std::optional<store::Store> store_;
  std::optional<Segmenter> seg_;
  std::optional<CommitmentWords> words_;
};

TEST_F(Commitments, EachItemIsDoneUnderWayOrNotMentionedInTheNextReview) {
  auto t = commitments(store_->reader(), *seg_, *words_, 1);
  ASSERT_TRUE(t.ok()) << t.error().describe();
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(cell(*t, 0, "region"), "丽水市");
  EXPECT_EQ(cell(*t, 0, "declared_count"), "4");
  EXPECT_EQ(cell(*t, 0, "item"), "新建社区老年食堂15家");
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(cell(*t, r, "next_report_id"), "2");
    EXPECT_EQ(cell(*t, r, "next_plan_year"), "2024");
  }
  EXPECT_EQ(cell(*t, 0, "status"), "done");
  EXPECT_EQ(cell(*t, 0, "evidence"), "新建社区老年食堂15家,全部投入使用;");
  EXPECT_EQ(cell(*t, 0, "score"), "1");
  EXPECT_NE(cell(*t, 0, "key_phrases").find("食堂"), std::string::npos);
  EXPECT_EQ(cell(*t, 1, "status"), "in_progress");
  EXPECT_EQ(cell(*t, 1, "evidence"), "老旧小区改造正在加快推进,已开工32个。");
  EXPECT_EQ(cell(*t, 2, "status"), "not_mentioned");
  EXPECT_EQ(cell(*t, 2, "evidence"), "");
  EXPECT_EQ(cell(*t, 2, "evidence_paragraph"), "");
  EXPECT_EQ(cell(*t, 3, "status"), "done");
  // The evidence paragraph is the review paragraph of the 2024 report that holds the clause.
  EXPECT_EQ(cell(*t, 0, "evidence_paragraph"), cell(*t, 1, "evidence_paragraph"));
  EXPECT_NE(cell(*t, 0, "evidence_paragraph"), "");
}

TEST_F(Commitments, TheLatestReportHasNoNextReportAndAReportWithoutItemsGivesNoRows) {
  // Report 2 lists no items; remove the next report of report 1 to see no_next_report.
  auto none = commitments(store_->reader(), *seg_, *words_, 2);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->rows.empty());
  EXPECT_EQ(none->columns.size(), 14u);
  ASSERT_EQ(sqlite3_exec(store_->handle(), "DELETE FROM reports WHERE report_id = 2", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  auto alone = commitments(store_->reader(), *seg_, *words_, 1);
  ASSERT_TRUE(alone.ok());
  ASSERT_EQ(alone->rows.size(), 4u);
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(cell(*alone, r, "status"), "no_next_report");
    EXPECT_EQ(cell(*alone, r, "next_report_id"), "");
  }
  auto missing = commitments(store_->reader(), *seg_, *words_, 99);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUsage);
}

TEST(CommitmentWordsFile, ABadKindNamesFileAndLine) {
  const char* old = std::getenv("GWR_DATA_DIR");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  const auto dir = gwr::testing::temp_dir("commitment_words");
  gwr::testing::write_file(dir / "commitment_words.tsv", "# test\ndone\t完成\nfinished\t建成\n");
  setenv("GWR_DATA_DIR", dir.c_str(), 1);
  auto w = CommitmentWords::load();
  if (saved)
    setenv("GWR_DATA_DIR", saved->c_str(), 1);
  else
    unsetenv("GWR_DATA_DIR");
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, ErrorCode::kInvalidData);
  EXPECT_EQ(w.error().where, "commitment_words.tsv:3");
  auto good = CommitmentWords::load();
  ASSERT_TRUE(good.ok());
  EXPECT_FALSE(good->done.empty());
  EXPECT_FALSE(good->progress.empty());
}

}  // namespace
}  // namespace gwr::analysis
