// gwr/facts/target_clause.h — INTERNAL to the facts stage: turns the clauses of a targets passage
// into Target values (see targets.h for the rules). Not part of the public surface.
//
//   detail::ClauseParser p(doc, grammar, lexicon);
//   std::vector<Target> ts = p.parse(begin, end, detail::Mode::kPlan);
//
// The parser borrows doc, grammar and lexicon; they must outlive it. Offsets are into doc.text.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "facts/lexicon.h"
#include "facts/targets.h"
#include "quantity/quantity.h"

namespace gwr::facts::detail {

enum class Mode { kPlan, kFyp };

class ClauseParser {
 public:
  ClauseParser(const Document& doc, const quantity::Grammar& grammar, const Lexicon& lex)
      : doc_(doc), grammar_(grammar), lex_(lex) {}

  // Targets stated in doc.text[begin, end), clause by clause. In kFyp mode qualitative clauses
  // give nothing and every target carries `horizon`.
  std::vector<Target> parse(std::size_t begin, std::size_t end, Mode mode,
                            std::optional<int> horizon = std::nullopt) const;

  // The single qualitative entry of a passage that states no target clause by clause: the
  // indicator is the lead-in's noun phrase before the trigger (经济社会发展主要目标).
  Target headline_entry(std::size_t sentence_start, std::size_t trigger, std::size_t end) const;

  const Lexicon& lexicon() const { return lex_; }

 private:
  struct Part {
    std::size_t begin, end;      // indicator text
    const Indicator* indicator;  // nullptr: unknown but indicator-like
  };
  struct Context {
    std::optional<Part> last;  // the previous clause's single indicator
    std::size_t last_verbatim_begin = 0;
    bool last_growth = false;  // the previous clause stated growth (增长6%, 力争7%)
    bool any = false;
  };

  std::vector<Target> parse_clause(std::size_t begin, std::size_t end, Mode mode,
                                   std::optional<int> horizon, Context& ctx) const;
  std::size_t skip_list_mark(std::size_t p, std::size_t end) const;
  std::size_t strip_lead(std::size_t p, std::size_t end, bool* aspiration, bool* average) const;
  std::vector<Part> split_subject(std::size_t begin, std::size_t end) const;
  bool indicator_like(std::string_view s) const;
  std::size_t strip_tail(std::size_t begin, std::size_t end) const;
  Target make(const Part& part, std::size_t verbatim_begin, std::size_t verbatim_end) const;

  const Document& doc_;
  const quantity::Grammar& grammar_;
  const Lexicon& lex_;
};

}  // namespace gwr::facts::detail
