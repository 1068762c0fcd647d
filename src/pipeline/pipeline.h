// gwr/pipeline/pipeline.h — runs every stage on a file: ingest → meta → sections → facts.
//
//   auto res = pipeline::Resources::load();               // Result<Resources>, once per process
//   auto r = pipeline::extract_file("report.html", *res); // Result<std::vector<Extraction>>
//   for (const auto& x : *r) std::cout << dump_json(extraction::to_json(x)) << "\n";
//
// The result type, extraction::Extraction, and its renderings (rows for the store, the JSON of
// docs/schema.md) are in extraction/: this folder only runs the stages.
//
// Resources (division table, number grammar, lexicons) are immutable after load() and safe to
// share between threads; extract_file() is then safe for concurrent use on different files.
// On error the Result holds the first stage's Error (see common/result.h for codes); a file
// that yields documents always yields all of them.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "doc/document.h"
#include "extraction/extraction.h"
#include "facts/lexicon.h"
#include "facts/lists.h"
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

// Runs meta, sections and facts on documents ingest produced.
extraction::Extraction extract_document(Document doc, const Resources& res);
Result<std::vector<extraction::Extraction>> extract_file(const std::filesystem::path& path,
                                                         const Resources& res);
Result<std::vector<extraction::Extraction>> extract_bytes(std::string_view bytes,
                                                          std::string_view name,
                                                          const Resources& res);

}  // namespace gwr::pipeline
