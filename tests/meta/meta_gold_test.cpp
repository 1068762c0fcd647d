// Compares every header field annotate() finds in the 14 seed reports with shared/gold/seeds.json.
// Documents come from ingest::read_file; when ingest cannot split a file the way the gold does,
// the test falls back to plain documents (003: one per long report line) so that meta is still
// measured, and says so.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "doc/document.h"
#include "ingest/ingest.h"
#include "meta/meta.h"
#include "support/paths.h"
#include "support/resources.h"

namespace gwr::meta {
namespace {

using nlohmann::json;

std::vector<Document> plain_documents(const std::filesystem::path& path) {
  std::string content = testing::read_file(path);
  std::vector<Document> out;
  if (path.filename().string().rfind("003_", 0) != 0) {
    out.push_back(make_plain_document(content, path.string()));
    return out;
  }
  std::istringstream in(content);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 20000) continue;  // report lines are tens of kilobytes long
    Document d = make_plain_document(line, path.string());
    d.index_in_file = static_cast<int>(out.size());
    out.push_back(std::move(d));
  }
  return out;
}

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

TEST(MetaGold, HeaderFieldsMatchGoldForSeedReports) {
  std::filesystem::path shared = testing::shared_dir();
  if (!std::filesystem::exists(shared / "gold" / "seeds.json")) GTEST_SKIP() << "no shared/ folder";
  json gold = json::parse(testing::read_file(shared / "gold" / "seeds.json"));
  auto divisions = Divisions::load();
  ASSERT_TRUE(divisions) << divisions.error().describe();

  std::map<std::string, std::size_t> expected_count;
  for (const json& g : gold) ++expected_count[g["source_file"].get<std::string>()];
  std::map<std::string, std::vector<Document>> docs;
  for (const auto& [file, count] : expected_count) {
    std::filesystem::path path = shared / "corpus" / file;
    auto r = ingest::read_file(path, testing::resources().ingest);
    if (r && r->size() == count) {
      docs[file] = std::move(r).value();
    } else {
      std::cout << "meta gold: ingest gave "
                << (r ? std::to_string(r->size()) + " documents" : r.error().describe()) << " for "
                << file << "; using plain documents\n";
      docs[file] = plain_documents(path);
    }
    ASSERT_EQ(docs[file].size(), count) << file;
    for (Document& d : docs[file]) annotate(d, *divisions, testing::resources().meta);
  }

  int matched = 0, total = 0;
  for (const json& g : gold) {
    const Document& d = docs[g["source_file"]][g["index_in_file"].get<std::size_t>()];
    const Metadata& m = d.meta;
    const std::vector<std::pair<std::string, json>> got = {
        {"region", opt(m.region)},
        {"level", level_name(m.level)},
        {"province", opt(m.province)},
        {"parent", opt(m.parent)},
        {"delivered", opt(m.delivered)},
        {"session", opt(m.session)},
        {"speaker", opt(m.speaker)},
        {"speaker_title", opt(m.speaker_title)},
        {"acting", m.acting},
        {"review_year", opt(m.review_year)},
        {"plan_year", opt(m.plan_year)},
    };
    for (const auto& [field, value] : got) {
      ++total;
      if (value == g[field]) {
        ++matched;
      } else {
        ADD_FAILURE() << g["source_file"].get<std::string>() << "#" << g["index_in_file"] << " "
                      << field << ": got " << value.dump() << ", gold " << g[field].dump();
      }
    }
  }
  std::cout << "meta: " << matched << "/" << total << " fields\n";
}

}  // namespace
}  // namespace gwr::meta
