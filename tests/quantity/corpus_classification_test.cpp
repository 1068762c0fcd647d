// Runs Grammar::scan() over the shared seed corpus (real reports, read at run time) and checks
// the whole-text contract: every number is classified, years are never quantities, and the
// classes come out in sensible proportions. Prints counts per class and kind.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "common/data.h"
#include "common/utf8.h"
#include "quantity/quantity.h"
#include "support/paths.h"
#include "text/numerals.h"

namespace gwr::quantity {
namespace {

using text::is_cn_numeral;

struct Corpus {
  std::vector<std::pair<std::string, std::string>> files;  // name, text
};

Corpus read_corpus() {
  Corpus c;
  const auto dir = gwr::testing::shared_dir() / "corpus";
  if (!std::filesystem::is_directory(dir)) return c;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths)
    c.files.emplace_back(p.filename().string(), gwr::testing::read_file(p));
  return c;
}

// Bytes covered by any occurrence of an idiom word: a slow, obvious reference for the scanner's
// rule that numerals inside idioms give no mention.
std::vector<bool> idiom_bytes(const std::string& text, const std::vector<std::string>& idioms) {
  std::vector<bool> in(text.size(), false);
  for (const std::string& w : idioms) {
    for (std::size_t p = text.find(w); p != std::string::npos; p = text.find(w, p + 1)) {
      for (std::size_t k = p; k < p + w.size(); ++k) in[k] = true;
    }
  }
  return in;
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = read_corpus();
    if (corpus_.files.empty()) GTEST_SKIP() << "shared corpus not found";
    auto g = Grammar::load();
    ASSERT_TRUE(g.ok()) << g.error().describe();
    grammar_.emplace(std::move(g).value());
  }
  Corpus corpus_;
  std::optional<Grammar> grammar_;
};

TEST_F(CorpusTest, EveryNumberIsClassifiedExactlyOnce) {
  auto table = data::load_table("quantity_idioms.tsv", 1, 2);
  ASSERT_TRUE(table.ok());
  std::vector<std::string> idioms;
  for (const auto& r : table->rows) idioms.push_back(r.fields[0]);

  std::map<std::string, int> counts;
  std::size_t mentions = 0, quantities = 0, bytes = 0;
  double seconds = 0;
  for (const auto& [name, text] : corpus_.files) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<Mention> ms = grammar_->scan(text);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += text.size();
    mentions += ms.size();
    std::vector<bool> covered(text.size(), false);
    std::size_t last_end = 0;
    for (const Mention& m : ms) {
      ASSERT_TRUE(m.quantity.has_value() != (m.non_quantity != NonQuantity::kNone))
          << name << " @" << m.span.begin << " neither or both";
      ASSERT_LE(last_end, m.span.begin) << name << ": mentions overlap or go backwards";
      ASSERT_LT(m.span.begin, m.span.end);
      last_end = m.span.end;
      for (std::size_t k = m.span.begin; k < m.span.end; ++k) covered[k] = true;
      if (m.quantity) {
        ++quantities;
        ++counts[std::string("quantity/") + kind_name(m.quantity->kind)];
      } else {
        ++counts[std::string("non/") + non_quantity_name(m.non_quantity)];
      }
    }
    const std::vector<bool> idiom = idiom_bytes(text, idioms);
    int unclassified = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      const char32_t c = utf8::next(text, i);
      const bool numeral = utf8::is_ascii_digit(c) || is_cn_numeral(c);
      if (numeral && !covered[at] && !idiom[at]) {
        if (++unclassified <= 5) {
          ADD_FAILURE() << name << " @" << at << ": unclassified numeral in '"
                        << text.substr(at >= 12 ? at - 12 : 0, 30) << "'";
        }
      }
    }
    EXPECT_EQ(unclassified, 0) << name;
  }
  std::cout << "[corpus] " << corpus_.files.size() << " files, " << bytes << " bytes, " << mentions
            << " mentions, " << quantities << " quantities, "
            << (seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0) << " MB/s\n";
  for (const auto& [k, n] : counts) std::cout << "[corpus]   " << k << " " << n << "\n";
  // Sanity: real reports are full of percentages, money and plan ordinals.
  EXPECT_GT(counts["quantity/percent"], 300);
  EXPECT_GT(counts["quantity/amount"], 1000);
  EXPECT_GT(counts["non/plan_ordinal"], 50);
  EXPECT_GT(counts["non/year"], 100);
}

TEST_F(CorpusTest, NoYearIsEverAQuantity) {
  for (const auto& [name, text] : corpus_.files) {
    const std::vector<Mention> ms = grammar_->scan(text);
    std::size_t k = 0;
    // Every "YYYY年" (1949..2100, not inside a longer digit run) must sit in a year/date mention.
    for (std::size_t p = text.find("年"); p != std::string::npos; p = text.find("年", p + 1)) {
      if (p < 4) continue;
      const std::size_t b = p - 4;
      bool digits = true;
      for (std::size_t j = b; j < p; ++j) digits = digits && text[j] >= '0' && text[j] <= '9';
      if (!digits || (b > 0 && text[b - 1] >= '0' && text[b - 1] <= '9')) continue;
      const int year = std::stoi(text.substr(b, 4));
      if (year < 1949 || year > 2100) continue;
      while (k < ms.size() && ms[k].span.end <= b) ++k;
      ASSERT_LT(k, ms.size()) << name << " @" << b;
      const Mention& m = ms[k];
      EXPECT_FALSE(m.quantity.has_value()) << name << " @" << b << ": year taken as a quantity";
      EXPECT_TRUE(m.non_quantity == NonQuantity::kYear || m.non_quantity == NonQuantity::kDate)
          << name << " @" << b << ": " << non_quantity_name(m.non_quantity) << " in '"
          << text.substr(b, 20) << "'";
    }
  }
}

TEST_F(CorpusTest, PlanOrdinalsInQuotesAreNeverQuantities) {
  int seen = 0;
  for (const auto& [name, text] : corpus_.files) {
    const std::vector<Mention> ms = grammar_->scan(text);
    for (const Mention& m : ms) {
      const std::string_view s = std::string_view(text).substr(m.span.begin, m.span.size());
      if (s == "十四五" || s == "十三五" || s == "十五五") {
        ++seen;
        EXPECT_EQ(m.non_quantity, NonQuantity::kPlanOrdinal) << name;
      }
      if (m.quantity) {
        EXPECT_EQ(s.find("十四五"), std::string_view::npos) << name << ": " << s;
      }
    }
  }
  EXPECT_GT(seen, 50);
}

}  // namespace
}  // namespace gwr::quantity
