// gwr/facts/target_clause.h — INTERNAL to the facts stage: turns the clauses of a targets passage
// into Target values (see targets.h for the rules). Not part of the public surface.
//
//   detail::ClauseParser p(doc, grammar, lexicon);
//   std::vector<Target> ts = p.parse(begin, end, detail::Mode::kPlan);
//
// The parser borrows doc, grammar and lexicon; they must outlive it. Offsets are into doc.text.
// Every word it looks for comes from the lexicon (data/target_vocab.tsv, data/indicators.tsv).
#pragma once

#include <optional>
#include <string>
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

  // Targets stated in doc.text[begin, end), clause by clause. Clauses end at , ; 。 and at a 、
  // that closes a complete item (…增长7%、一般公共预算收入增长2%). A clause that only raises the
  // previous one (…增长7%，力争8%) sets its stretch_value instead of adding a target. In kFyp mode
  // qualitative clauses give nothing and every target carries `horizon`.
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
  };
  // One clause after its lead words, with the numbers it holds.
  struct Clause {
    std::size_t b = 0, p = 0, e = 0;  // start, after lead words, end
    bool aspiration = false, average = false;
    std::vector<quantity::Mention> qs;  // usable numbers, in order
    std::optional<double> stretch;      // 保8争9: the 9
    std::optional<int> base_year;       // 比2010年翻一番: 2010
  };
  struct Result {
    std::vector<Target> targets;
    bool raises_previous = false;  // a subjectless 力争… clause: a stretch of the previous one
  };

  Result parse_clause(std::size_t begin, std::size_t end, Mode mode, std::optional<int> horizon,
                      Context& ctx) const;
  // The usable numbers of [p, e) (with 两位数 and 保8争9); numbers without unit go to *bare.
  // 比2010年翻一番: a synthetic "2 倍" mention at the doubling word, and the base year.
  void doubling(std::size_t p, std::size_t e, std::vector<quantity::Mention>* qs,
                std::optional<int>* base_year) const;
  std::vector<quantity::Mention> numbers(std::size_t p, std::size_t e,
                                         std::optional<double>* stretch,
                                         std::vector<quantity::Mention>* bare) const;
  Result numeric(const Clause& c, Mode mode, std::optional<int> horizon, Context& ctx) const;
  std::vector<Target> qualitative(const Clause& c) const;
  std::vector<Target> rank_target(const Clause& c, std::optional<int> horizon) const;
  std::vector<Target> counted_targets(const Clause& c, std::optional<int> horizon) const;
  std::size_t subject_end(const Clause& c, std::size_t search_from) const;
  // The reference a relative number is stated against ([高于][全省][平均水平] right before
  // byte `at`, not before `floor`) and where that phrase begins, or nullopt.
  struct Reference {
    std::string reference;  // "province", "nation", "prefecture"
    std::size_t begin;      // the comparator's first byte
  };
  std::optional<Reference> reference_before(std::size_t floor, std::size_t at) const;
  // The reference a qualitative predicate names: {reference, relative?} or nullopt.
  std::optional<std::pair<std::string, bool>> reference_in(std::size_t b, std::size_t e) const;
  bool item_boundary(std::size_t clause, std::size_t at, std::size_t end) const;

  std::size_t skip_list_mark(std::size_t p, std::size_t end) const;
  std::size_t strip_lead(std::size_t p, std::size_t end, bool* aspiration, bool* average) const;
  std::vector<Part> split_subject(std::size_t begin, std::size_t end) const;
  bool indicator_like(std::string_view s) const;
  // Bytes of the longest prefix (three characters or more) ending in a head noun, or 0.
  std::size_t head_prefix(std::string_view s) const;
  // 占…比重: the share of one indicator in another.
  bool is_share(std::string_view s) const;
  std::size_t strip_tail(std::size_t begin, std::size_t end) const;
  Target make(const Part& part, std::size_t verbatim_begin, std::size_t verbatim_end) const;
  Modifier modifier_of(const quantity::Mention& m, bool use_before = true) const;
  std::size_t mention_end(const quantity::Mention& m) const;

  const Document& doc_;
  const quantity::Grammar& grammar_;
  const Lexicon& lex_;
};

}  // namespace gwr::facts::detail
