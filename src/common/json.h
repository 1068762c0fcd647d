// gwr/common/json.h — printing JSON for output, the one serializer every command uses.
//
//   std::cout << gwr::dump_json(extraction::to_json(x), 2) << "\n";
//
// Invalid UTF-8 in a string (a bug upstream, or bytes a scraper mangled) becomes U+FFFD instead
// of an exception, so one bad field never loses a whole result. `indent` < 0 prints one line.
// In common/ because the extractor (JSON of a report), the analysis tables and the commands that
// only read a corpus all print JSON, and those must not link the extractor to do so. Pure; safe
// for concurrent use.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace gwr {

std::string dump_json(const nlohmann::json& j, int indent = -1);

}  // namespace gwr
