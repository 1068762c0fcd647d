#include "facts/lexicon.h"

#include <algorithm>

#include "common/data.h"
#include "common/utf8.h"

namespace gwr::facts {

// Every kind of data/target_vocab.tsv (its header documents them).
const std::vector<std::string> kTargetVocabKinds = {"trigger",
                                                    "plan_marker",
                                                    "fyp_marker",
                                                    "doubling",
                                                    "quadrupling",
                                                    "base_year_lead",
                                                    "cumulative",
                                                    "fact_sub_area",
                                                    "fact_company",
                                                    "fact_national",
                                                    "fact_province",
                                                    "fact_estimate",
                                                    "fact_growth_lead",
                                                    "fact_urban_rural",
                                                    "fact_urban_income",
                                                    "fact_rural_income",
                                                    "fact_change",
                                                    "fact_list_joiner",
                                                    "fact_horizon",
                                                    "fact_span",
                                                    "fact_future",
                                                    "fact_division_suffix",
                                                    "fact_scope_head",
                                                    "fact_last_year",
                                                    "fact_decline",
                                                    "stop",
                                                    "lead",
                                                    "scope",
                                                    "num_pred",
                                                    "qual_pred",
                                                    "growth_pred",
                                                    "tail",
                                                    "head",
                                                    "aspiration",
                                                    "review_marker",
                                                    "heading_trigger",
                                                    "trigger_noun",
                                                    "trigger_qualifier",
                                                    "trigger_verb",
                                                    "around_after",
                                                    "at_least_after",
                                                    "at_most_after",
                                                    "at_least_before",
                                                    "at_most_before",
                                                    "time_lead",
                                                    "year_end",
                                                    "average",
                                                    "joiner",
                                                    "respective",
                                                    "rank_scope",
                                                    "rank_noun",
                                                    "create_verb",
                                                    "count_unit",
                                                    "task_cue",
                                                    "object_intro",
                                                    "lead_verb",
                                                    "double_digit",
                                                    "relative_comparator",
                                                    "reference_province",
                                                    "reference_nation",
                                                    "reference_prefecture",
                                                    "reference_tail",
                                                    "parity",
                                                    "stretch_floor",
                                                    "stretch_goal",
                                                    "three_sectors",
                                                    "gdp_absent",
                                                    "gdp_absent_object",
                                                    "share_marker",
                                                    "share_head",
                                                    "index_indicator"};

Result<Lexicon> Lexicon::load() {
  Lexicon lex;
  auto ind = data::load_table("indicators.tsv", 4, 4);
  if (!ind) return ind.error();
  for (const auto& row : ind->rows) {
    Indicator e;
    e.alias = row.fields[0];
    e.id = row.fields[1];
    const std::string& m = row.fields[2];
    if (m == "growth")
      e.measure = Measure::kGrowth;
    else if (m == "level")
      e.measure = Measure::kLevel;
    else if (m == "rate")
      e.measure = Measure::kRate;
    else if (m == "intensity")
      e.measure = Measure::kIntensity;
    else
      return make_error(ErrorCode::kInvalidData, "unknown measure '" + m + "'",
                        "indicators.tsv:" + std::to_string(row.line));
    std::string_view c = row.fields[3];
    while (!c.empty()) {
      const std::size_t bar = c.find('|');
      e.canonical.emplace_back(c.substr(0, bar));
      if (bar == std::string_view::npos) break;
      c.remove_prefix(bar + 1);
    }
    if (e.alias.empty() || e.id.empty() || e.canonical.empty()) {
      return make_error(ErrorCode::kInvalidData, "empty field",
                        "indicators.tsv:" + std::to_string(row.line));
    }
    lex.entries_.push_back(std::move(e));
  }
  for (std::size_t i = 0; i < lex.entries_.size(); ++i)
    lex.aliases_.add(lex.entries_[i].alias, static_cast<std::uint32_t>(i));
  lex.aliases_.build();
  auto voc = data::Vocabulary::load("target_vocab.tsv", kTargetVocabKinds);
  if (!voc) return voc.error();
  lex.vocab_ = std::move(voc).value();
  return lex;
}

const Indicator* Lexicon::match_at(std::string_view s, std::size_t pos, std::size_t* len) const {
  std::uint32_t id = 0;
  const std::size_t n = aliases_.longest_at(s, pos, &id);
  if (n == 0) return nullptr;
  if (len != nullptr) *len = n;
  return &entries_[id];
}

std::vector<Lexicon::Hit> Lexicon::find_all(std::string_view s) const {
  std::vector<Hit> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    if (const Indicator* e = match_at(s, i, &len)) {
      out.push_back({i, i + len, e});
      i += len;
    } else {
      i += std::max<std::size_t>(1, utf8::char_len(s, i));
    }
  }
  return out;
}

const Indicator* Lexicon::exact(std::string_view alias) const {
  std::size_t len = 0;
  const Indicator* e = match_at(alias, 0, &len);
  return (e != nullptr && len == alias.size()) ? e : nullptr;
}

const Indicator* Lexicon::by_id(std::string_view id) const {
  for (const Indicator& e : entries_) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

}  // namespace gwr::facts
