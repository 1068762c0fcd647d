// gwr/extraction/extraction.h — what the pipeline finds in one report, the record every later
// stage reads.
//
//   auto r = pipeline::extract_file("report.html", *res);   // Result<std::vector<Extraction>>
//   for (const extraction::Extraction& x : *r) {
//     std::cout << dump_json(extraction::to_json(x)) << "\n";  // extraction/json.h
//     st.add(x);                          // store/store.h writes extraction::rows_of(x)
//   }
//
// WHY A STAGE OF ITS OWN. The data flows raw bytes → text → document → facts → store → queries,
// API, UI. An Extraction is the document with everything the facts stage found in it: it is made
// by pipeline/ (which runs ingest, meta, sections, quantity and facts) and read by store/ (which
// writes it) and by the JSON writer, so it sits between facts/ and those readers. Not in doc/
// (facts/ headers include doc/document.h, so doc/ cannot name facts::Target), not in pipeline/
// (the store would then depend on the runner and every library the runner links). Its two
// renderings live beside it: extraction/rows.h (the rows the corpus database stores) and
// extraction/json.h (the JSON object of docs/schema.md), built from the same row projection.
//
// An Extraction owns everything it holds; spans are half-open byte ranges into doc.text (the
// analysis text) and become raw-file offsets only in the renderings. Plain data: const access is
// safe for concurrent use.
#pragma once

#include <optional>
#include <vector>

#include "doc/document.h"
#include "facts/facts.h"
#include "facts/lists.h"
#include "facts/targets.h"
#include "quantity/quantity.h"

namespace gwr::extraction {

struct Extraction {
  Document doc;
  facts::Targets targets;
  std::vector<facts::Fact> facts;
  std::optional<facts::Livelihood> livelihood;
  std::vector<facts::GlossaryEntry> glossary;
  std::vector<facts::Slogan> slogans;
  std::vector<quantity::Mention> quantities;  // quantity mentions of the body; spans in doc.text
};

}  // namespace gwr::extraction
