// Test helper for the quantity tests: a compact, readable dump of scan() results.
//   "增长6.5%左右" → "pct 6.5 % around";  "2023年" → "non year";  several mentions joined by " | ".
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "quantity/quantity.h"

namespace gwr::quantity::testing {

inline std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

inline const char* kind_short(Kind k) {
  switch (k) {
    case Kind::kAmount:
      return "amt";
    case Kind::kPercent:
      return "pct";
    case Kind::kPermille:
      return "pml";
    case Kind::kPercentPoint:
      return "pp";
    case Kind::kMultiple:
      return "mul";
    case Kind::kFraction:
      return "frac";
    case Kind::kRank:
      return "rank";
    case Kind::kRatio:
      return "ratio";
  }
  return "?";
}

inline std::string dump(const Mention& m) {
  if (!m.quantity) return std::string("non ") + non_quantity_name(m.non_quantity);
  const Quantity& q = *m.quantity;
  std::string s = kind_short(q.kind);
  s += " " + num(q.value);
  if (q.value_hi) s += "-" + num(*q.value_hi);
  if (q.kind == Kind::kRatio) {
    s += " [";
    for (std::size_t i = 0; i < q.parts.size(); ++i) s += (i ? ":" : "") + num(q.parts[i]);
    s += "]";
  }
  s += " " + (q.unit.empty() ? std::string("-") : q.unit);
  s += std::string(" ") + comparator_name(q.comparator);
  if (q.approx == Approx::kMoreThan) s += " ~more";
  if (q.approx == Approx::kNearly) s += " ~nearly";
  if (q.approx == Approx::kAbout) s += " ~about";
  return s;
}

inline std::string dump(const std::vector<Mention>& ms) {
  std::string s;
  for (const Mention& m : ms) s += (s.empty() ? "" : " | ") + dump(m);
  return s;
}

}  // namespace gwr::quantity::testing
