// gwr/pipeline/pipeline.h — runs every stage on a file: ingest → meta → sections → facts.
//
//   auto res = pipeline::Resources::load();               // Result<Resources>, once per process
//   auto r = pipeline::extract_file("report.html", *res); // Result<std::vector<Extraction>>
//   for (const auto& x : *r) std::cout << pipeline::to_json(x).dump() << "\n";
//
// Resources (division table, number grammar, lexicons) are immutable after load() and safe to
// share between threads; extract_file() is then safe for concurrent use on different files.
// On error the Result holds the first stage's Error (see common/result.h for codes); a file
// that yields documents always yields all of them.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "doc/document.h"
#include "facts/facts.h"
#include "facts/lexicon.h"
#include "facts/lists.h"
#include "facts/targets.h"
#include "ingest/ingest.h"
#include "meta/meta.h"
#include "quantity/quantity.h"
#include "sections/sections.h"

namespace gwr::pipeline {

struct Resources {
  ingest::Lexicon ingest;
  meta::Divisions divisions;
  meta::Lexicon meta;
  sections::Lexicon sections;
  quantity::Grammar grammar;
  facts::Lexicon lexicon;
  facts::ListLexicon lists;
  static Result<std::shared_ptr<const Resources>> load();
};

struct Extraction {
  Document doc;
  facts::Targets targets;
  std::vector<facts::Fact> facts;
  std::optional<facts::Livelihood> livelihood;
  std::vector<facts::GlossaryEntry> glossary;
  std::vector<facts::Slogan> slogans;
  std::vector<quantity::Mention> quantities;  // quantity mentions of the body; spans in doc.text
};

// Runs meta, sections and facts on documents ingest produced.
Extraction extract_document(Document doc, const Resources& res);
Result<std::vector<Extraction>> extract_file(const std::filesystem::path& path,
                                             const Resources& res);
Result<std::vector<Extraction>> extract_bytes(std::string_view bytes, std::string_view name,
                                              const Resources& res);

// The JSON object of docs/schema.md. `with_text` adds the body text.
nlohmann::json to_json(const Extraction& x, bool with_text = false);

// Serialises JSON for output. Invalid UTF-8 in a string (a bug upstream, or bytes a scraper
// mangled) becomes U+FFFD instead of an exception, so one bad field never loses a whole result.
std::string dump(const nlohmann::json& j, int indent = -1);

}  // namespace gwr::pipeline
