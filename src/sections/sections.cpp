#include "sections/sections.h"

#include <algorithm>
#include <array>
#include <string>

#include "common/utf8.h"
#include "sections/headings.h"
#include "sections/lexicon.h"
#include "sections/paragraphs.h"
#include "text/punctuation.h"

namespace gwr::sections {
namespace {

int rank(Kind k) { return static_cast<int>(k); }

bool is_part_vocab(const Candidate& c) { return c.kind == Kind::kVocab && c.role == Role::kPart; }

// The kind of the top-level parts of the speech.
//  - 第X部分 when present;
//  - unnumbered part headings when they are not nested under `一、` parts: at least two with
//    the first before the first `一、`, or any when the `一、` numbering restarts;
//  - else the highest numbered kind present.
std::optional<Kind> top_kind(const std::vector<Candidate>& cands, std::size_t appended_from) {
  std::array<int, kKindCount> count{};
  int han_restarts = 0;
  std::size_t first_han = SIZE_MAX;
  std::size_t first_part_vocab = SIZE_MAX;
  int part_vocab = 0;
  for (std::size_t i = 0; i < appended_from; ++i) {
    const Candidate& c = cands[i];
    ++count[static_cast<std::size_t>(rank(c.kind))];
    if (c.kind == Kind::kHan) {
      first_han = std::min(first_han, c.span.begin);
      if (c.number == 1) ++han_restarts;
    }
    if (is_part_vocab(c)) {
      ++part_vocab;
      first_part_vocab = std::min(first_part_vocab, c.span.begin);
    }
  }
  if (count[static_cast<std::size_t>(rank(Kind::kPart))] > 0) return Kind::kPart;
  if ((part_vocab >= 2 && first_part_vocab < first_han) || (part_vocab >= 1 && han_restarts >= 2))
    return Kind::kVocab;
  for (int k = rank(Kind::kHan); k < kKindCount; ++k)
    if (count[static_cast<std::size_t>(k)] > 0) return static_cast<Kind>(k);
  if (part_vocab >= 1) return Kind::kVocab;
  return std::nullopt;
}

// First candidate of material appended after the speech: a glossary/annex heading, or an
// unnumbered list heading (10件惠民实事) right after the closing exhortation.
std::size_t find_appended(const std::vector<Candidate>& cands) {
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (c.kind != Kind::kVocab) continue;
    if (c.role == Role::kAppendix) return i;
    if (c.role == Role::kList && c.after_exclamation) return i;
  }
  return cands.size();
}

struct Placed {
  Candidate cand;
  int level = 0;
  bool appended = false;
};

std::vector<Placed> place(Document& doc, const std::vector<Candidate>& cands) {
  std::vector<Placed> out;
  const std::size_t appended_from = find_appended(cands);
  const auto top = top_kind(cands, appended_from);
  if (!top) {
    if (appended_from == cands.size()) return out;
  }
  // Levels: the top kind is 1, every lower kind present below it gets the next level.
  std::array<int, kKindCount> level{};
  {
    std::array<bool, kKindCount> present{};
    for (const Candidate& c : cands) present[static_cast<std::size_t>(rank(c.kind))] = true;
    int next = 1;
    for (int k = top ? rank(*top) : rank(Kind::kVocab); k < kKindCount; ++k) {
      if (present[static_cast<std::size_t>(k)]) level[static_cast<std::size_t>(k)] = next++;
    }
  }
  std::array<int, kKindCount + 1> expected{};  // next number per level (1-based levels)
  bool seen_top = false;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    Placed p{c, level[static_cast<std::size_t>(rank(c.kind))], i >= appended_from};
    if (p.level > 1 && c.lead) {
      p.cand.span = *c.lead;
      p.cand.run_in = true;
    }
    if (p.appended && c.kind == Kind::kVocab) p.level = 1;
    if (p.level == 0) continue;  // a kind ranked above the top: not a heading here
    // An unnumbered 民生实事 line inside the speech introduces a list; it is not a part.
    if (c.kind == Kind::kVocab && c.role == Role::kList && !p.appended) continue;
    if (p.level > 1 && !seen_top && !p.appended) continue;  // preamble (title block, greeting)
    const auto lv = static_cast<std::size_t>(p.level);
    if (c.number > 0) {
      const int want = std::max(expected[lv], 1);
      const bool restart_ok = p.level > 1 && c.number == 1;
      if (c.number < want && !restart_ok) {
        doc.warn("enumerator_out_of_sequence",
                 "numbering " + std::to_string(c.number) + " after " + std::to_string(want - 1) +
                     " is not taken as a heading",
                 c.span.begin);
        continue;
      }
      if (c.number > want && p.level == 1)
        doc.warn("enumerator_out_of_sequence",
                 "top-level numbering skips from " + std::to_string(want - 1) + " to " +
                     std::to_string(c.number),
                 c.span.begin);
      expected[lv] = c.number + 1;
    }
    for (std::size_t deeper = lv + 1; deeper < expected.size(); ++deeper) expected[deeper] = 0;
    if (p.level == 1) seen_top = true;
    if (c.uncertain_end && p.level == 1)
      doc.warn("heading_end_uncertain", "heading end not found; cut at the length limit",
               c.span.begin);
    out.push_back(p);
  }
  return out;
}

// Word's "Heading 1" paragraphs (.docx, Document::style_headings) that the text rules missed —
// unnumbered part headings outside the vocabulary — become part candidates. Only after the
// opening address (the title block is styled too), never inside another candidate, at most
// kMaxLineHeading characters and without a sentence end inside. A list numbering alone
// (numbered) is not enough evidence.
std::vector<Candidate> with_style_headings(const Document& doc, Span body, const Lexicon& lx,
                                           std::vector<Candidate> cands) {
  if (doc.style_headings.empty()) return cands;
  const std::string_view text = doc.text.text;
  const std::size_t address = text.substr(0, body.end).find("各位代表", body.begin);
  const std::size_t from = address == std::string_view::npos ? body.begin : address;
  bool added = false;
  for (const StyleHeading& h : doc.style_headings) {
    if (h.numbered || h.level != 1 || h.span.begin < from || h.span.end > body.end ||
        h.span.empty())
      continue;
    const std::string_view title = utf8::trim(text.substr(h.span.begin, h.span.size()));
    const std::size_t chars = utf8::length(title);
    if (chars < 2 || chars > kMaxLineHeading) continue;
    bool sentence = false;
    for (std::size_t i = 0; i < title.size();) {
      const char32_t c = utf8::next(title, i);
      if (text::is_sentence_end(c) && i < title.size()) sentence = true;
    }
    if (sentence) continue;
    const bool overlaps = std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
      return c.span.begin < h.span.end && h.span.begin < c.span.end;
    });
    if (overlaps) continue;
    Candidate c;
    c.span = h.span;
    c.kind = Kind::kVocab;
    c.role = Role::kPart;
    if (auto rule = lx.classify(title)) c.type = rule->type;
    cands.push_back(c);
    added = true;
  }
  if (added) {
    std::sort(cands.begin(), cands.end(),
              [](const Candidate& a, const Candidate& b) { return a.span.begin < b.span.begin; });
  }
  return cands;
}

}  // namespace

void annotate(Document& doc, const Lexicon& lx) {
  doc.sections.clear();
  doc.paragraphs.clear();
  const std::string_view text = doc.text.text;
  Span body{std::min(doc.body.begin, text.size()), std::min(doc.body.end, text.size())};
  if (body.end < body.begin) body.end = body.begin;

  const std::vector<Placed> placed =
      place(doc, with_style_headings(doc, body, lx, find_candidates(text, body, lx)));
  std::size_t appended_begin = body.end;
  for (const Placed& p : placed)
    if (p.appended) {
      appended_begin = p.cand.span.begin;
      break;
    }

  std::vector<std::size_t> breaks;
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const Placed& p = placed[i];
    Section s;
    s.level = p.level;
    s.type = p.cand.type;
    s.heading = p.cand.span;
    s.appended = p.appended;
    s.title = std::string(utf8::trim(doc.original_of(p.cand.span)));
    std::size_t end = p.appended ? body.end : appended_begin;
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      if (placed[j].level <= p.level || (placed[j].appended && !p.appended)) {
        end = placed[j].cand.span.begin;
        break;
      }
    }
    s.extent = {p.cand.span.begin, std::max(end, p.cand.span.end)};
    doc.sections.push_back(std::move(s));
    if (p.cand.glued) breaks.push_back(p.cand.span.begin);
    if (p.cand.glued && !p.cand.run_in) breaks.push_back(p.cand.span.end);
  }
  if (std::none_of(placed.begin(), placed.end(), [](const Placed& p) { return p.level == 1; }))
    doc.warn("no_sections", "no top-level section heading found");
  std::sort(breaks.begin(), breaks.end());
  doc.paragraphs = split_paragraphs(text, body, breaks);
}

}  // namespace gwr::sections
