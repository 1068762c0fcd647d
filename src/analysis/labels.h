// gwr/analysis/labels.h — the Chinese labels of gwr's ids, codes and column names
// (data/labels_zh.tsv, the one table the web workbench is built from too).
//
//   auto labels = analysis::Labels::load();                 // Result<Labels>
//   Table zh = labels->localize(std::move(table));          // headers and coded values in Chinese
//   labels->label("level", "county") == "县级";
//
// localize() renames each column by its `column` label (a wide panel's indicator columns by their
// `indicator` label) and, in the columns a `column_values` row names, replaces each value by the
// label of its kind (0/1 flags by 否/是); an id without a label is kept as it is, so nothing is
// lost. The table's name becomes its `table` label. load() fails with kInvalidData naming the
// file and line of a bad row, as every data file does. Immutable; safe for concurrent use.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "common/table.h"

namespace gwr::analysis {

class Labels {
 public:
  static Result<Labels> load();

  // The label of `id` of `kind`, or nullopt.
  std::optional<std::string> label(std::string_view kind, std::string_view id) const;
  Table localize(Table t) const;

 private:
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> labels_;
  std::map<std::string, std::string, std::less<>> value_kind_;  // column → kind of its values
};

}  // namespace gwr::analysis
