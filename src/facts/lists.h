// gwr/facts/lists.h — the report's enumerated lists: the livelihood commitments (民生实事),
// the glossary appendix (名词解释) and the quoted slogans and programme names.
//
//   Document doc = ...;                                   // after ingest (sections optional)
//   if (auto l = facts::extract_livelihood(doc)) {        // the plan year's 民生实事 list
//     print(l->label, l->declared_count, l->items.size());
//   }
//   for (const facts::GlossaryEntry& g : facts::extract_glossary(doc)) print(g.term, g.definition);
//   for (const facts::Slogan& s : facts::extract_slogans(doc)) print(s.text, s.count);
//
// What holds:
// * Spans are half-open byte ranges into doc.text (the analysis text), inside doc.body; strings
//   are slices of doc.original (as written, e.g. traditional characters in a traditional
//   report), obtained with doc.original_of(span). The results own their strings.
// * The vocabulary (list names, review cues, duty lines, glossary headings, plan suffixes)
//   comes from data/livelihood_triggers.tsv. `ListLexicon::load()` validates it; the overloads
//   without a lexicon use the embedded default, built once (immutable, safe for concurrent use).
//   If that default fails to load, extract_livelihood warns "lexicon_unavailable" and returns
//   nullopt, extract_glossary returns its structural results only and extract_slogans skips
//   bare plan ordinals only.
// * Functions taking `const Document&` are safe for concurrent use on the same document;
//   extract_livelihood appends warnings to doc.warnings and changes nothing else.
// * No input makes these functions throw or abort; work is linear in the body length times a
//   small constant (each enumerator search is bounded).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "doc/document.h"

namespace gwr::facts {

struct LivelihoodItem {
  Span span;         // the item text in doc.text
  std::string text;  // exact text as written, enumerator and final 。/; removed
};

struct Livelihood {
  std::optional<int> declared_count;  // 12件 / 十件 / 10项 as announced; nullopt when not stated
  std::vector<LivelihoodItem> items;  // empty when the report gives only the count
  Span span;                          // the list passage: from the count/name to the last item
  std::string label;  // the list's name as written: 民生实事, 为民实事, 实事 …
};

// The loaded vocabulary of data/livelihood_triggers.tsv. Immutable after load().
struct ListLexicon {
  std::vector<std::string> labels;          // names with or without a count
  std::vector<std::string> counted_labels;  // names only valid after a count (实事 in 十件实事)
  std::vector<std::string> review_before;
  std::vector<std::string> review_after;
  std::vector<std::string> plan_cues;
  std::vector<std::string> duty_lines;
  std::vector<std::string> glossary_headings;
  std::vector<std::string> plan_suffixes;  // 规划, 时期 … after a quoted plan ordinal

  // Parses data/livelihood_triggers.tsv (GWR_DATA_DIR override honoured). kInvalidData names
  // the file and line of an unknown kind or an empty phrase, or a kind with no entries.
  static Result<ListLexicon> load();
  // The embedded default, loaded on first use; nullptr when it fails to load.
  static const ListLexicon* default_lexicon();
};

// The plan year's enumerated livelihood-commitment list (民生实事/为民实事/惠民实事/十件实事/
// 民生工程 …), or nullopt when the report neither gives a count nor enumerates items.
// Lists reviewing a past year (`…十件实事落实有力`, `圆满完成12件民生实事`, anchors inside a
// section typed kReview/kFiveYearReview) are ignored. Items may be enumerated with (1) / 1. /
// 1、/ 一是 / 一、/ ①, in one paragraph or on separate lines, or in an annex with title,
// description and 责任单位 lines (the duty lines are dropped); a counted list written as one
// sentence of ;-separated clauses is accepted when the clause count equals the declared count.
// Warns "livelihood_count_mismatch" when the items found differ from the declared count.
std::optional<Livelihood> extract_livelihood(Document& doc, const ListLexicon& lex);
std::optional<Livelihood> extract_livelihood(Document& doc);

struct GlossaryEntry {
  std::string term;        // as written, quotes kept: “三化”改造
  std::string definition;  // as written, final 。 removed
  Span span;               // the whole entry (term to end of definition) in doc.text
};

// 名词解释 appendix entries (numbered `1.` / `(1)` / `1、` entries, or unnumbered
// `term:definition` lines under the heading) and inline `“X”是指…` / `“X”指…` definitions
// outside the appendix (term = X without its quotes; definition up to the end of the clause).
// In document order.
std::vector<GlossaryEntry> extract_glossary(const Document& doc, const ListLexicon& lex);
std::vector<GlossaryEntry> extract_glossary(const Document& doc);

struct Slogan {
  std::string text;  // inside the quotes, as written
  int count = 0;     // occurrences in the body
  Span first;        // the text inside the quotes at its first occurrence
};

// Quoted slogans and programme names (“三化”改造 → 三化, “1+10”平台 → 1+10), counted per
// report and grouped by their analysis text, in order of first occurrence. Skipped: quotations
// longer than 20 characters, quotes holding sentence punctuation (, 。 ; : ! ?), bare numbers
// (hotlines such as “12345”) and plan ordinals (十四五, 十三五规划: bare or followed by one of
// lex.plan_suffixes). Accepts “…”, 「…」 and 『…』.
std::vector<Slogan> extract_slogans(const Document& doc, const ListLexicon& lex);
std::vector<Slogan> extract_slogans(const Document& doc);

}  // namespace gwr::facts
