// Livelihood lists of the 14 seed reports against shared/gold/seeds.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doc/document.h"
#include "facts/lists.h"
#include "ingest/ingest.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::facts {
namespace {

namespace fs = std::filesystem;

// The reports of one seed file: ingest's documents when ingest finds the expected number of
// reports, else plain documents (003: one per long line), so this test does not hinge on
// another stage being finished.
std::vector<Document> reports_of(const fs::path& path, std::size_t expected) {
  if (auto r = ingest::read_file(path, testing::resources().ingest); r && r->size() == expected)
    return std::move(r).value();
  std::string text = gwr::testing::read_file(path);
  std::vector<Document> docs;
  if (expected == 1) {
    docs.push_back(make_plain_document(std::move(text), path.string()));
    return docs;
  }
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    if (e - b > 5000) docs.push_back(make_plain_document(text.substr(b, e - b), path.string()));
    b = e + 1;
  }
  return docs;
}

TEST(LivelihoodGold, SeedReportsMatchGoldItemsAndDeclaredCounts) {
  const fs::path shared = gwr::testing::shared_dir();
  if (!fs::exists(shared / "gold" / "seeds.json")) GTEST_SKIP() << "no shared gold at " << shared;
  const auto gold = nlohmann::json::parse(gwr::testing::read_file(shared / "gold" / "seeds.json"));
  std::map<std::string, std::size_t> per_file;
  for (const auto& g : gold) ++per_file[g["source_file"].get<std::string>()];

  std::map<std::string, std::vector<Document>> docs;
  for (const auto& [file, n] : per_file) docs[file] = reports_of(shared / "corpus" / file, n);

  int items_found = 0, items_total = 0, counts_ok = 0, reports = 0;
  for (const auto& g : gold) {
    const std::string file = g["source_file"].get<std::string>();
    const auto idx = g["index_in_file"].get<std::size_t>();
    ASSERT_LT(idx, docs[file].size()) << file;
    Document& doc = docs[file][idx];
    const std::string who = g["region"].get<std::string>();
    ++reports;
    const auto got = extract_livelihood(doc);
    const auto& want = g["livelihood"];
    if (want.is_null()) {
      EXPECT_FALSE(got.has_value()) << who << ": expected no list, got label " << got->label;
      if (!got) ++counts_ok;
      continue;
    }
    ASSERT_TRUE(got.has_value()) << who << ": list not found";
    const std::optional<int> want_count =
        want["declared_count"].is_null() ? std::nullopt
                                         : std::optional<int>(want["declared_count"].get<int>());
    EXPECT_EQ(got->declared_count, want_count) << who;
    if (got->declared_count == want_count) ++counts_ok;
    std::vector<std::string> got_items;
    for (const auto& it : got->items) got_items.push_back(it.text);
    const auto want_items = want["items"].get<std::vector<std::string>>();
    items_total += static_cast<int>(want_items.size());
    for (const auto& w : want_items) {
      if (std::find(got_items.begin(), got_items.end(), w) != got_items.end()) ++items_found;
    }
    EXPECT_EQ(got_items, want_items) << who;
  }
  std::cout << "livelihood: items found " << items_found << "/" << items_total
            << ", declared counts " << counts_ok << "/" << reports << "\n";
  EXPECT_EQ(reports, 14);
  EXPECT_EQ(items_found, items_total);
}

// The two seed reports with a 名词解释 appendix (README: 普洱 and 甘州区): every numbered entry
// is found, in order, and nothing from the web-page footer after it.
TEST(GlossaryGold, SeedAppendicesGiveEveryNumberedEntry) {
  const fs::path shared = gwr::testing::shared_dir();
  if (!fs::exists(shared / "corpus")) GTEST_SKIP() << "no shared corpus at " << shared;
  struct Want {
    const char* file;
    std::size_t reports, index, entries;
    const char* first_term;
    const char* last_term;
  };
  const Want wants[] = {
      {"003_000a05b7aea940ce.txt", 10, 1, 20, "四条防线", "七种能力"},
      {"004_eaa62b75e648be68.txt", 1, 0, 26, "“七地一屏一通道”", "“四进”"},
  };
  for (const Want& w : wants) {
    auto docs = reports_of(shared / "corpus" / w.file, w.reports);
    ASSERT_GT(docs.size(), w.index) << w.file;
    const auto g = extract_glossary(docs[w.index]);
    ASSERT_EQ(g.size(), w.entries) << w.file;
    EXPECT_EQ(g.front().term, w.first_term) << w.file;
    EXPECT_EQ(g.back().term, w.last_term) << w.file;
    EXPECT_EQ(g.back().definition.find("扫一扫"), std::string::npos) << w.file;
  }
}

}  // namespace
}  // namespace gwr::facts
