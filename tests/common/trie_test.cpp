#include "common/trie.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gwr::data {
namespace {

// The plain answers the trie must give: what starts_with / find / comparisons give per word.
struct Naive {
  std::vector<std::string> words;  // ids are indices
  std::size_t longest_at(std::string_view s, std::size_t pos, std::uint32_t* id) const {
    std::size_t best = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[k];
      if (!w.empty() && pos < s.size() && s.substr(pos).starts_with(w) && w.size() > best) {
        best = w.size();
        *id = static_cast<std::uint32_t>(k);
      }
    }
    return best;
  }
  std::pair<std::size_t, std::size_t> find(std::string_view s, std::size_t from) const {
    std::size_t at = std::string_view::npos, len = 0;
    for (const std::string& w : words) {
      if (w.empty()) continue;
      const std::size_t a = s.find(w, from);
      if (a == std::string_view::npos) continue;
      if (a < at || (a == at && w.size() > len)) at = a, len = w.size();
    }
    return {at, len};
  }
  std::size_t longest_ending_at(std::string_view s, std::size_t end, std::size_t floor) const {
    std::size_t best = 0;
    for (const std::string& w : words) {
      if (w.empty() || w.size() > end || end > s.size() || end - w.size() < floor) continue;
      if (s.substr(end - w.size(), w.size()) == w) best = std::max(best, w.size());
    }
    return best;
  }
};

TEST(ByteTrie, LongestAtPrefersTheLongerWordAndKeepsTheFirstIdOfARepeatedWord) {
  ByteTrie t;
  t.add("预期目标", 0);
  t.add("主要预期目标", 1);
  t.add("预期目标", 2);  // repeated: id 0 answers
  t.build();
  std::uint32_t id = 99;
  const std::string s = "今年主要预期目标是";
  EXPECT_EQ(t.longest_at(s, 6, &id), std::string("主要预期目标").size());
  EXPECT_EQ(id, 1u);
  EXPECT_EQ(t.longest_at(s, 12, &id), std::string("预期目标").size());
  EXPECT_EQ(id, 0u);
  EXPECT_EQ(t.longest_at(s, 0, &id), 0u);
  EXPECT_EQ(t.longest_at(s, s.size(), &id), 0u);
  std::vector<std::uint32_t> all;
  t.each_at(s, 12, [&](std::size_t, const std::vector<std::uint32_t>& ids) { all = ids; });
  EXPECT_EQ(all, (std::vector<std::uint32_t>{0, 2}));
}

TEST(ByteTrie, FindGivesTheLeftmostThenLongestOccurrence) {
  ByteTrie t;
  t.add("目标", 0);
  t.add("增长", 1);
  t.add("增长目标", 2);
  t.build();
  const std::string s = "经济增长目标和就业目标";
  std::uint32_t id = 0;
  auto [at, len] = t.find(s, 0, &id);
  EXPECT_EQ(at, std::string("经济").size());
  EXPECT_EQ(len, std::string("增长目标").size());
  EXPECT_EQ(id, 2u);
  auto [at2, len2] = t.find(s, at + len);
  EXPECT_EQ(at2, s.rfind("目标"));
  EXPECT_EQ(len2, std::string("目标").size());
  EXPECT_EQ(t.find(s, s.size()).first, std::string_view::npos);
  EXPECT_EQ(t.find("", 0).first, std::string_view::npos);
}

TEST(ByteTrie, ReversedTrieMatchesWordsEndingAtAnOffsetAboveTheFloor) {
  ByteTrie r(ByteTrie::kReversed);
  r.add("工作", 0);
  r.add("重点工作", 1);
  r.build();
  const std::string s = "今年重点工作";
  std::uint32_t id = 0;
  EXPECT_EQ(r.longest_ending_at(s, s.size(), 0, &id), std::string("重点工作").size());
  EXPECT_EQ(id, 1u);
  // A floor inside 重点 leaves only 工作.
  EXPECT_EQ(r.longest_ending_at(s, s.size(), std::string("今年重").size(), &id),
            std::string("工作").size());
  EXPECT_EQ(id, 0u);
  EXPECT_EQ(r.longest_ending_at(s, s.size(), s.size()), 0u);
  EXPECT_EQ(r.longest_ending_at(s, 3), 0u);
}

TEST(ByteTrie, EmptyWordsAreIgnoredAndAnEmptyTrieMatchesNothing) {
  ByteTrie t;
  t.add("", 0);
  t.build();
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.longest_at("abc", 0), 0u);
  EXPECT_EQ(t.find("abc").first, std::string_view::npos);
}

// Random words over a small alphabet (ASCII and two Han characters, so prefixes, overlaps and
// multi-byte sequences are common) against the naive answers at every offset.
TEST(ByteTrie, AgreesWithPlainStringSearchOnRandomWordsAndTexts) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"a", "b", "目", "标", "\xE6"};
  auto random_string = [&](int max_chars) {
    std::string s;
    const int n = std::uniform_int_distribution<int>(0, max_chars)(rng);
    for (int k = 0; k < n; ++k)
      s += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    Naive naive;
    ByteTrie fwd, back(ByteTrie::kReversed);
    const int n_words = std::uniform_int_distribution<int>(0, 12)(rng);
    for (int k = 0; k < n_words; ++k) {
      naive.words.push_back(random_string(4));
      fwd.add(naive.words.back(), static_cast<std::uint32_t>(k));
      back.add(naive.words.back(), static_cast<std::uint32_t>(k));
    }
    fwd.build();
    back.build();
    const std::string text = random_string(30);
    for (std::size_t pos = 0; pos <= text.size(); ++pos) {
      std::uint32_t want_id = 0, got_id = 0;
      const std::size_t want = naive.longest_at(text, pos, &want_id);
      ASSERT_EQ(fwd.longest_at(text, pos, &got_id), want) << "round " << round << " pos " << pos;
      // Among equal words the first id answers; the naive loop keeps the first strictly longer.
      if (want != 0) {
        EXPECT_EQ(naive.words[got_id], naive.words[want_id]);
      }
      ASSERT_EQ(fwd.find(text, pos), naive.find(text, pos)) << "round " << round << " pos " << pos;
      for (std::size_t floor = 0; floor <= pos; floor += 3)
        ASSERT_EQ(back.longest_ending_at(text, pos, floor),
                  naive.longest_ending_at(text, pos, floor))
            << "round " << round << " end " << pos << " floor " << floor;
    }
  }
}

}  // namespace
}  // namespace gwr::data
