// Reads the five seed files of the shared corpus at run time and checks the report bodies against
// the hand-checked gold (shared/gold/seeds.json, README "Body boundaries").
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/ingest.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::ingest {
namespace {

// First / last `n` code points of a trimmed line.
std::string first_chars(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < n && i < s.size(); ++k) utf8::next(s, i);
  return std::string(s.substr(0, i));
}
std::string last_chars(std::string_view s, std::size_t n) {
  std::size_t i = s.size();
  for (std::size_t k = 0; k < n && i > 0; ++k) utf8::prev(s, i);
  return std::string(s.substr(i));
}

struct Edges {
  std::string starts, ends;
};

// The gold convention: 20 characters of the body's first and last line, trimmed, a stray ';'
// after the last sentence excluded.
Edges body_edges(const Document& d) {
  const std::string body = d.original_of(d.body);
  const std::string_view b(body);
  const std::string_view first = utf8::trim(b.substr(0, b.find('\n')));
  const std::size_t nl = b.rfind('\n');
  std::string_view last = utf8::trim(nl == std::string_view::npos ? b : b.substr(nl + 1));
  for (std::string_view semi : {";", ";"}) {
    if (last.size() > semi.size() && last.substr(last.size() - semi.size()) == semi) {
      last = utf8::trim(last.substr(0, last.size() - semi.size()));
    }
  }
  return {first_chars(first, 20), last_chars(last, 20)};
}

TEST(IngestGold, BodiesOfAllSeedReportsMatchGold) {
  const auto shared = testing::shared_dir();
  if (!std::filesystem::exists(shared / "gold" / "seeds.json")) GTEST_SKIP() << "no shared corpus";
  const auto gold = nlohmann::json::parse(testing::read_file(shared / "gold" / "seeds.json"));
  std::map<std::string, std::vector<Document>> files;
  int matched = 0, total = 0;
  for (const auto& rec : gold) {
    const std::string file = rec.at("source_file");
    if (!files.count(file)) {
      auto r = read_file(shared / "corpus" / file, testing::resources().ingest);
      ASSERT_TRUE(r.ok()) << r.error().describe();
      files[file] = std::move(r).value();
    }
    const auto& docs = files[file];
    const std::size_t index = rec.at("index_in_file");
    ++total;
    ASSERT_LT(index, docs.size()) << file;
    const Document& d = docs[index];
    const Edges e = body_edges(d);
    const bool ok = e.starts == rec.at("body_starts_with").get<std::string>() &&
                    e.ends == rec.at("body_ends_with").get<std::string>();
    matched += ok ? 1 : 0;
    EXPECT_EQ(e.starts, rec.at("body_starts_with").get<std::string>()) << file << " #" << index;
    EXPECT_EQ(e.ends, rec.at("body_ends_with").get<std::string>()) << file << " #" << index;
    EXPECT_FALSE(d.partial) << file << " #" << index << " flagged partial";
    EXPECT_EQ(d.index_in_file, static_cast<int>(index));
  }
  std::printf("ingest: body boundaries %d/%d\n", matched, total);
  for (const auto& [file, docs] : files) {
    const std::size_t expected = file.rfind("003_", 0) == 0 ? 10 : 1;
    EXPECT_EQ(docs.size(), expected) << file;
  }
}

TEST(IngestGold, MetadataBlocksOfSeedPagesBecomePageMeta) {
  const auto shared = testing::shared_dir();
  if (!std::filesystem::exists(shared / "corpus")) GTEST_SKIP() << "no shared corpus";
  struct Case {
    std::string prefix, key, value;
  };
  const std::vector<Case> cases = {
      {"001_", "发布机构", "市政府办"}, {"001_", "发布日期", "2022-01-30 17:09"},
      {"004_", "发布机构", "政府办"},   {"004_", "生成日期", "2026-02-04 09:30:48"},
      {"000_", "来源", "陇东报"},
  };
  for (const auto& c : cases) {
    std::filesystem::path path;
    for (const auto& e : std::filesystem::directory_iterator(shared / "corpus")) {
      if (e.path().filename().string().rfind(c.prefix, 0) == 0) path = e.path();
    }
    auto r = read_file(path, testing::resources().ingest);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    bool found = false;
    for (const auto& f : r->front().page_meta)
      found = found || (f.key == c.key && f.value == c.value);
    EXPECT_TRUE(found) << c.prefix << " " << c.key << "=" << c.value;
  }
}

}  // namespace
}  // namespace gwr::ingest
