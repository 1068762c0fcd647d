// gwr/analysis/glossary.h — what a term means, from the 名词解释 (glossary) of any report.
//
//   std::vector<std::pair<std::string, std::int64_t>> wanted = {{"智造强基", 42}};
//   Result<std::vector<TermDefinition>> d = analysis::term_definitions(db, wanted);
//   // d->front().definition: the text of the best glossary entry, or nullopt
//
// A glossary entry explains a text when its term is that text or holds it between “ and ” (the
// entry "“智造强基”行动" explains 智造强基). Of the entries explaining a text, the one of the
// preferred report wins, then the one of the latest plan year (entries of reports without one
// last), then the first stored. term_definitions answers many texts with one pass over the
// glossary, in the order asked. Reads only; errors are the query's (store/query.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/query.h"

namespace gwr::analysis {

struct TermDefinition {
  std::string text;  // as asked
  // The winning entry: its definition, and its report's region, plan year and id. All empty
  // when no report defines the text.
  std::optional<std::string> definition, region;
  std::optional<std::int64_t> plan_year, report_id;
};

// One answer per (text, preferred report id) pair, in order.
Result<std::vector<TermDefinition>> term_definitions(
    const store::Reader& db, const std::vector<std::pair<std::string, std::int64_t>>& wanted);

// A glossary term without its quotation marks and trailing programme words: "“智造强基”行动" →
// "智造强基". Used to match slogans to definitions.
std::string bare_term(const std::string& term);

}  // namespace gwr::analysis
