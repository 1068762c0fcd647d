// pipeline::dump on its own: the commands that only read a corpus (gwr search, targets, …) print
// JSON with it, and a static link of this file alone does not pull the extractor or its libraries.
#include <nlohmann/json.hpp>
#include <string>

namespace gwr::pipeline {

std::string dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gwr::pipeline
