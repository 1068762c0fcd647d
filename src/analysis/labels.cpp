#include "analysis/labels.h"

#include <algorithm>
#include <variant>

#include "common/data.h"

namespace gwr::analysis {

Result<Labels> Labels::load() {
  auto t = data::load_table("labels_zh.tsv", 3, 3);
  if (!t) return t.error();
  Labels l;
  for (const auto& row : t->rows) {
    const std::string& kind = row.fields[0];
    if (kind == "column_values") {
      l.value_kind_[row.fields[1]] = row.fields[2];
    } else {
      l.labels_[{kind, row.fields[1]}] = row.fields[2];
    }
  }
  for (const auto& entry : l.value_kind_) {
    const std::string& kind = entry.second;
    const bool known = std::any_of(l.labels_.begin(), l.labels_.end(),
                                   [&](const auto& e) { return e.first.first == kind; });
    if (!known) {
      std::string message = "column_values names kind '";
      message += kind;
      message += "' for column '";
      message += entry.first;
      message += "', but no label has that kind";
      return make_error(ErrorCode::kInvalidData, message, "labels_zh.tsv");
    }
  }
  return l;
}

std::optional<std::string> Labels::label(std::string_view kind, std::string_view id) const {
  const auto it = labels_.find(std::make_pair(std::string(kind), std::string(id)));
  if (it == labels_.end()) return std::nullopt;
  return it->second;
}

Table Labels::localize(Table t) const {
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const std::string id = t.columns[c];
    if (const auto k = value_kind_.find(id); k != value_kind_.end()) {
      for (auto& row : t.rows) {
        Cell& cell = row[c];
        std::string key;
        if (const auto* s = std::get_if<std::string>(&cell)) {
          key = *s;
        } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
          key = std::to_string(*i);
        } else {
          continue;
        }
        if (auto l = label(k->second, key)) cell = std::move(*l);
      }
    }
    if (auto l = label("column", id)) {
      t.columns[c] = std::move(*l);
    } else if (auto ind = label("indicator", id)) {
      t.columns[c] = std::move(*ind);
    }
  }
  if (auto n = label("table", t.name)) t.name = std::move(*n);
  return t;
}

}  // namespace gwr::analysis
