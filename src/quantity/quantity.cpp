#include "quantity/quantity.h"

#include "quantity/lexicon.h"
#include "quantity/scanner.h"

namespace gwr::quantity {

const char* comparator_name(Comparator c) {
  switch (c) {
    case Comparator::kPoint:
      return "point";
    case Comparator::kAround:
      return "around";
    case Comparator::kAtLeast:
      return "at_least";
    case Comparator::kAtMost:
      return "at_most";
    case Comparator::kRange:
      return "range";
  }
  return "point";
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kAmount:
      return "amount";
    case Kind::kPercent:
      return "percent";
    case Kind::kPermille:
      return "permille";
    case Kind::kPercentPoint:
      return "percent_point";
    case Kind::kMultiple:
      return "multiple";
    case Kind::kFraction:
      return "fraction";
    case Kind::kRank:
      return "rank";
    case Kind::kRatio:
      return "ratio";
  }
  return "amount";
}

const char* non_quantity_name(NonQuantity n) {
  switch (n) {
    case NonQuantity::kNone:
      return "none";
    case NonQuantity::kYear:
      return "year";
    case NonQuantity::kDate:
      return "date";
    case NonQuantity::kPlanOrdinal:
      return "plan_ordinal";
    case NonQuantity::kSessionOrdinal:
      return "session_ordinal";
    case NonQuantity::kEnumerator:
      return "enumerator";
    case NonQuantity::kCode:
      return "code";
    case NonQuantity::kPhone:
      return "phone";
    case NonQuantity::kPollutant:
      return "pollutant";
    case NonQuantity::kGrade:
      return "grade";
    case NonQuantity::kEventLabel:
      return "event_label";
    case NonQuantity::kTime:
      return "time";
    case NonQuantity::kName:
      return "name";
  }
  return "none";
}

Result<Grammar> Grammar::load() {
  auto lex = load_lexicon();
  if (!lex) return lex.error();
  Grammar g;
  g.lex_ = std::move(lex).value();
  for (const auto* e : g.lex_->units.all()) {
    if (e->second.role != UnitRole::kQuantity) continue;
    g.units_.push_back(Unit{e->first, e->second.base, e->second.factor, e->second.kind});
  }
  return g;
}

std::vector<Mention> Grammar::scan(std::string_view text) const {
  if (!lex_) return {};  // a default-constructed Grammar knows no words
  std::vector<Mention> ms = scan_text(*lex_, text, 0, false);
  propagate_list_units(*lex_, text, ms);
  return ms;
}

std::optional<Mention> Grammar::parse_at(std::string_view text, std::size_t pos) const {
  if (!lex_ || pos >= text.size()) return std::nullopt;
  std::vector<Mention> ms = scan_text(*lex_, text, pos, true);
  if (ms.empty()) return std::nullopt;
  Mention& m = ms.front();
  const bool here = m.span.begin == pos || (m.quantity && m.quantity->number.begin == pos);
  if (!here) return std::nullopt;
  return std::move(m);
}

}  // namespace gwr::quantity
