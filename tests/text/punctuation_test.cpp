// text/punctuation.h: one definition of sentence and clause ends.
#include "text/punctuation.h"

#include <gtest/gtest.h>

namespace gwr::text {
namespace {

TEST(Punctuation, FullWidthAndAsciiFormsAreTheSame) {
  for (char32_t c : {U'。', U'！', U'？', U'!', U'?'}) EXPECT_TRUE(is_sentence_end(c));
  for (char32_t c : {U'，', U'；', U'：', U'、', U'…'}) EXPECT_FALSE(is_sentence_end(c));
  for (char32_t c : {U'，', U',', U'；', U';', U'：', U':', U'\n', U'！'})
    EXPECT_TRUE(is_clause_end(c));
  EXPECT_FALSE(is_clause_end(U'、'));
  for (char32_t c : {U'”', U'’', U'」', U'』', U'）', U')'}) EXPECT_TRUE(is_closing_mark(c));
}

TEST(Punctuation, SentenceEndAtGivesTheMarkLength) {
  const std::string t = "好。对！\n是?";
  EXPECT_EQ(sentence_end_at(t, 3), 3u);   // 。
  EXPECT_EQ(sentence_end_at(t, 9), 3u);   // ！
  EXPECT_EQ(sentence_end_at(t, 12), 1u);  // line break
  EXPECT_EQ(sentence_end_at(t, 16), 1u);  // ?
  EXPECT_EQ(sentence_end_at(t, 0), 0u);
  EXPECT_EQ(sentence_end_at(t, 99), 0u);
}

TEST(Punctuation, LineEndsSentenceSkipsClosingMarks) {
  EXPECT_TRUE(line_ends_sentence("我们一定能够做到！"));
  EXPECT_TRUE(line_ends_sentence("他说：“要实干。”"));
  EXPECT_TRUE(line_ends_sentence("（以上数据为初步统计。）"));
  EXPECT_TRUE(line_ends_sentence("是这样吗？"));
  EXPECT_TRUE(line_ends_sentence("未完待续……"));
  EXPECT_FALSE(line_ends_sentence("地区生产总值增长"));
  EXPECT_FALSE(line_ends_sentence("主要目标是："));
  EXPECT_FALSE(line_ends_sentence(""));
}

}  // namespace
}  // namespace gwr::text
