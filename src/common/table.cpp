#include "common/table.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace gwr {

std::size_t Table::column(std::string_view col) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == col) return i;
  }
  return npos;
}

bool is_null(const Cell& c) { return std::holds_alternative<std::monostate>(c); }

std::string to_text(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&c)) {
    if (!std::isfinite(*d)) return "";
    std::string s = fmt::format("{:.6f}", *d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
  }
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return "";
}

double to_number(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&c)) return *d;
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace gwr
