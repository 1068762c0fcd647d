// Tests of the "gwr" FTS5 tokenizer (src/store/tokenizer.cpp): bigrams, ICU words, ASCII and
// number tokens, byte offsets.
#include "store/tokenizer.h"

#include <gtest/gtest.h>

#include <string>

namespace gwr::store {
namespace {

// "text@begin-end" per token, "+" before colocated tokens, space separated.
std::string dump(std::string_view s, TokenMode mode = TokenMode::kQuery) {
  auto tok = Tokenizer::create();
  EXPECT_TRUE(tok.ok());
  std::string out;
  for (const Token& t : tok.value().tokenize(s, mode)) {
    if (!out.empty()) out += ' ';
    out += (t.colocated ? "+" : "") + t.text + "@" + std::to_string(t.begin) + "-" +
           std::to_string(t.end);
  }
  return out;
}

TEST(Tokenizer, HanRunsBecomeOverlappingBigramsWithByteOffsets) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"经济发展", "经济@0-6 济发@3-9 发展@6-12"}, {"教育", "教育@0-6"},   {"年", "年@0-3"},
      {"经济,发展", "经济@0-6 发展@7-13"},         {"“三农”", "三农@3-9"},
  };
  for (const auto& c : cases) EXPECT_EQ(dump(c.in), c.want) << c.in;
}

TEST(Tokenizer, AsciiWordsAndNumbersStayWholeAndLowerCase) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"GDP增长7.5%,5G基站", "gdp@0-3 增长@3-9 7.5@9-12 5g@14-16 基站@16-22"},
      {"2023年", "2023@0-4 年@4-7"},
      {"PM2.5 and CPI", "pm2.5@0-5 and@6-9 cpi@10-13"},
      {"3.", "3@0-1"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(dump(c.in), c.want) << c.in;
}

TEST(Tokenizer, DocumentsAndQueriesGetTheSameBigramsAndNoColocatedWords) {
  auto tok = Tokenizer::create();
  ASSERT_TRUE(tok.ok());
  const std::string s = "中华人民共和国成立";
  const auto doc = tok.value().tokenize(s, TokenMode::kDocument);
  const auto query = tok.value().tokenize(s, TokenMode::kQuery);
  ASSERT_EQ(doc.size(), 8u);  // one bigram per adjacent pair of the 9 characters
  ASSERT_EQ(query.size(), doc.size());
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const Token& t = doc[i];
    EXPECT_EQ(t.text, s.substr(t.begin, t.end - t.begin));  // Han tokens are slices of the input
    EXPECT_EQ(t.end - t.begin, 6u);                         // two characters
    EXPECT_FALSE(t.colocated);
    EXPECT_EQ(query[i].text, t.text);
    EXPECT_EQ(query[i].begin, t.begin);
  }
}

TEST(Tokenizer, InvalidUtf8BytesSeparateTokens) {
  EXPECT_EQ(dump(std::string("ab\xff"
                             "cd")),
            "ab@0-2 cd@3-5");
  EXPECT_EQ(dump(std::string("\xe6\x95")), "");  // truncated character
}

TEST(Tokenizer, OverlongTokensAreCutToTheBudget) {
  const std::string s(300, 'a');
  auto tok = Tokenizer::create();
  const auto t = tok.value().tokenize(s, TokenMode::kDocument);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text.size(), kMaxTokenBytes);
  EXPECT_EQ(t[0].end, 300u);
}

TEST(Pretokenized, ReplaysExactlyTheDocumentStreamOfTheTextsItHolds) {
  auto tok = Tokenizer::create();
  ASSERT_TRUE(tok.ok());
  const std::string texts[] = {
      "全市地区生产总值增长6.5%,GDP突破3000亿元,城乡居民人均可支配收入稳步提高。",
      "Made in China 2025 与“一带一路”建设",  // upper-case ASCII: token text differs from the span
      std::string(300, 'x') + "经济发展",     // a token cut to the budget
      "年",
  };
  Pretokenized pre;
  for (const auto& t : texts) pre.add(t, tok.value());
  pre.add(texts[0], tok.value());  // held once
  EXPECT_EQ(pre.size(), 4u);
  for (const auto& t : texts) {
    std::vector<Token> replayed;
    ASSERT_TRUE(pre.replay(t, [&](std::string_view s, std::size_t b, std::size_t e, bool c) {
      replayed.push_back(Token{std::string(s), b, e, c});
      return true;
    })) << t;
    const auto fresh = tok.value().tokenize(t, TokenMode::kDocument);
    ASSERT_FALSE(fresh.empty());
    ASSERT_EQ(replayed.size(), fresh.size()) << t;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      EXPECT_EQ(replayed[i].text, fresh[i].text) << t << " #" << i;
      EXPECT_EQ(replayed[i].begin, fresh[i].begin);
      EXPECT_EQ(replayed[i].end, fresh[i].end);
      EXPECT_EQ(replayed[i].colocated, fresh[i].colocated);
    }
  }
  int emitted = 0;
  EXPECT_FALSE(pre.replay("不在其中的文字", [&](auto, auto, auto, auto) { return ++emitted > 0; }));
  EXPECT_EQ(emitted, 0);
  // An emitter that stops early stops the replay.
  EXPECT_FALSE(pre.replay(texts[0], [&](auto, auto, auto, auto) { return ++emitted < 3; }));
  EXPECT_EQ(emitted, 3);
}

}  // namespace
}  // namespace gwr::store
