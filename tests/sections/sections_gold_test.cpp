// Compares the level-1, non-appended section titles of the 14 seed reports with gold
// `top_sections` (shared/gold/seeds.json). Documents come from ingest::read_file; when ingest
// cannot give the report (error, fewer reports, or a body that does not start as gold says), the
// test falls back to a plain document over the gold body span and says so.
#include <gtest/gtest.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "sections/sections.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::sections {
namespace {

using nlohmann::json;

std::vector<std::string> top_titles(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections)
    if (s.level == 1 && !s.appended) out.push_back(s.title);
  return out;
}

// The gold body as a plain document: from body_starts_with to the first following body_ends_with.
std::optional<Document> plain_from_gold(const std::string& file, const json& rec) {
  const std::string start = rec["body_starts_with"], last = rec["body_ends_with"];
  const std::size_t from = file.find(start);
  if (from == std::string::npos) return std::nullopt;
  const std::size_t e = file.find(last, from);
  if (e == std::string::npos) return std::nullopt;
  return make_plain_document(file.substr(from, e + last.size() - from));
}

TEST(SectionsGold, TopLevelTitlesMatchGoldForSeedReports) {
  const auto shared = testing::shared_dir();
  if (!std::filesystem::exists(shared / "gold" / "seeds.json"))
    GTEST_SKIP() << "shared data not found at " << shared;
  const json gold = json::parse(testing::read_file(shared / "gold" / "seeds.json"));
  int exact = 0, via_ingest = 0;
  for (const json& rec : gold) {
    const std::string name = rec["source_file"];
    const auto path = shared / "corpus" / name;
    const int index = rec["index_in_file"];
    std::optional<Document> doc;
    const std::string start = rec["body_starts_with"];
    if (auto r = ingest::read_file(path, testing::resources().ingest);
        r && static_cast<int>(r->size()) > index) {
      Document& d = r.value()[static_cast<std::size_t>(index)];
      // Only a document whose body is the gold report tests this stage.
      if (d.original_of(d.body).starts_with(start)) {
        doc = std::move(d);
        ++via_ingest;
      }
    }
    if (!doc) {
      doc = plain_from_gold(testing::read_file(path), rec);
    }
    ASSERT_TRUE(doc.has_value()) << name << " #" << index << ": body not found";
    annotate(*doc, testing::resources().sections);
    const auto want = rec["top_sections"].get<std::vector<std::string>>();
    const auto got = top_titles(*doc);
    EXPECT_EQ(got, want) << name << " #" << index << " (" << rec["region"].get<std::string>()
                         << ")";
    if (got == want) ++exact;
  }
  std::cout << "sections: " << exact << "/" << gold.size() << " reports exact (" << via_ingest
            << " via ingest::read_file)\n";
}

}  // namespace
}  // namespace gwr::sections
