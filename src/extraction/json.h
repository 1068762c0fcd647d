// gwr/extraction/json.h — an extraction as the JSON object of docs/schema.md.
//
//   for (const extraction::Extraction& x : *pipeline::extract_file(path, *res))
//     std::cout << gwr::dump_json(extraction::to_json(x), 2) << "\n";   // common/json.h
//
// Offsets in the object are half-open byte ranges into the report's raw input file; strings are
// as written (doc.original). Pure; safe for concurrent use.
#pragma once

#include <nlohmann/json.hpp>

#include "extraction/extraction.h"

namespace gwr::extraction {

// The JSON object of docs/schema.md. `with_text` adds the body text.
nlohmann::json to_json(const Extraction& x, bool with_text = false);

}  // namespace gwr::extraction
