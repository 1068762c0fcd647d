#include "facts/targets.h"

#include <algorithm>
#include <cmath>

#include "common/utf8.h"
#include "facts/lists_text.h"
#include "facts/target_clause.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::facts {

const char* modifier_name(Modifier m) {
  switch (m) {
    case Modifier::kPoint:
      return "point";
    case Modifier::kAround:
      return "around";
    case Modifier::kAtLeast:
      return "at_least";
    case Modifier::kAtMost:
      return "at_most";
    case Modifier::kRange:
      return "range";
    case Modifier::kQualitative:
      return "qualitative";
    case Modifier::kRelative:
      return "relative";
  }
  return "point";
}

const char* basis_name(Basis b) {
  switch (b) {
    case Basis::kAnnualAverage:
      return "annual_average";
    case Basis::kCumulative:
      return "cumulative";
    case Basis::kAnnual:
      break;
  }
  return "annual";
}

const char* gdp_status_name(GdpTargetStatus s) {
  switch (s) {
    case GdpTargetStatus::kStated:
      return "stated";
    case GdpTargetStatus::kExplicitlyAbsent:
      return "explicitly_absent";
    case GdpTargetStatus::kNotFound:
      return "not_found";
  }
  return "not_found";
}

namespace {

using detail::ClauseParser;
using detail::Mode;

// A sentence end (text/punctuation.h) or a line break at byte i; *len is its byte length.
bool is_sentence_end(std::string_view t, std::size_t i, std::size_t* len) {
  *len = text::sentence_end_at(t, i);
  return *len > 0;
}

// A budget for one sentence scan: sentence_start / sentence_end look at most this far from their
// position. Real sentences are far shorter; a line of megabytes without 。 would otherwise be
// walked once per trigger in it (quadratic).
constexpr std::size_t kMaxSentenceScan = 4096;

// Start of the sentence holding `pos` (after the previous 。!? or line break), not before `floor`
// nor more than kMaxSentenceScan bytes before `pos`.
std::size_t sentence_start(std::string_view t, std::size_t pos, std::size_t floor) {
  std::size_t i = pos;
  if (pos > kMaxSentenceScan) floor = std::max(floor, pos - kMaxSentenceScan);
  while (i > floor) {
    std::size_t j = i;
    utf8::prev(t, j);
    std::size_t len = 0;
    if (is_sentence_end(t, j, &len)) break;
    i = j;
  }
  while (i < pos && utf8::is_space(utf8::at(t, i))) i += utf8::char_len(t, i);
  return i;
}

// End of the sentence holding `pos`: one past its 。 (or at the line break / limit, or
// kMaxSentenceScan bytes after `pos`).
std::size_t sentence_end(std::string_view t, std::size_t pos, std::size_t limit) {
  std::size_t i = pos;
  const std::size_t cap = std::min(limit, pos + kMaxSentenceScan);
  while (i < cap) {
    std::size_t len = 0;
    if (is_sentence_end(t, i, &len)) return t[i] == '\n' ? i : i + len;
    i += std::max<std::size_t>(1, utf8::char_len(t, i));
  }
  return cap == limit ? limit : std::min(i, limit);  // a character boundary past the budget
}

std::size_t line_end_at(std::string_view t, std::size_t from, std::size_t limit) {
  const std::size_t nl = t.find('\n', from);
  return nl == std::string_view::npos ? limit : std::min(nl, limit);
}

bool has_plan_marker(std::string_view s, const Lexicon& lex, std::optional<int> plan_year) {
  if (lex.vocab("plan_marker").contains_in(s)) return true;
  if (plan_year) {
    const std::string y = std::to_string(*plan_year) + "年";
    const std::size_t at = s.find(y);
    // "2021年" but not "到2025年" style horizons or "2021年至2025年" spans.
    if (at != std::string_view::npos && !(at >= 3 && s.substr(at - 3, 3) == "到")) return true;
  }
  return false;
}

// The horizon of the latest five-year plan a phrase names by its ordinal (十一五 → 2010 …
// 十五五 → 2030, text/numerals.h).
std::optional<int> plan_ordinal_horizon(std::string_view s) {
  std::optional<int> best;
  const std::u32string u = utf8::to_u32(s);
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (u[i] != U'五') continue;
    for (std::size_t len : {3, 2}) {
      if (i + 1 < len) continue;
      if (auto n = text::five_year_plan_ordinal(std::u32string_view(u).substr(i + 1 - len, len))) {
        const int h = text::five_year_plan_horizon(*n);
        if (h >= 2005 && (!best || h > *best)) best = h;
        break;
      }
    }
  }
  return best;
}

// The horizon year a phrase names: the plan it names by ordinal, else a year ending a plan period
// (到2025年, not 2035's vision).
std::optional<int> horizon_in(std::string_view s) {
  if (auto h = plan_ordinal_horizon(s)) return h;
  for (std::size_t at = s.find("到20"); at != std::string_view::npos; at = s.find("到20", at + 1)) {
    const std::string_view y = s.substr(at + 3, 4);
    if (y.size() == 4 &&
        std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        s.substr(at + 7).starts_with("年")) {
      const int v = std::stoi(std::string(y));
      if (v % 5 == 0 && v >= 2005 && v <= 2050 && v != 2035) return v;
    }
  }
  return std::nullopt;
}

// Does a phrase name a five-year plan (a marker of target_vocab.tsv or any 十X五 ordinal)?
bool names_fyp(std::string_view s, const Lexicon& lex) {
  return lex.vocab("fyp_marker").contains_in(s) || plan_ordinal_horizon(s).has_value();
}

// The title of the closest heading before `pos`.
std::string heading_before(const Document& doc, std::size_t pos) {
  std::string best;
  std::size_t best_at = 0;
  for (const auto& s : doc.sections) {
    if (s.heading.begin <= pos && s.heading.begin >= best_at) {
      best = std::string(doc.text_of(s.heading));
      best_at = s.heading.begin;
    }
  }
  return best;
}

bool in_review_section(const Document& doc, std::size_t pos) {
  return std::any_of(doc.sections.begin(), doc.sections.end(), [pos](const Section& s) {
    return s.level == 1 &&
           (s.type == SectionType::kReview || s.type == SectionType::kFiveYearReview) &&
           s.extent.begin <= pos && pos < s.extent.end;
  });
}

// End of the level-1 section holding pos, or `limit`.
std::size_t top_section_end(const Document& doc, std::size_t pos, std::size_t limit) {
  std::size_t end = limit;
  for (const auto& s : doc.sections) {
    if (s.level == 1 && s.heading.begin > pos) end = std::min(end, s.heading.begin);
  }
  return end;
}

struct Candidate {
  std::size_t trigger = 0;  // trigger offset
  std::size_t after = 0;    // just after the trigger (and its colon)
  std::size_t start = 0;    // sentence start
  Mode mode = Mode::kPlan;
  std::optional<int> horizon;
  bool heading = false;  // a heading line names the passage ((一)主要预期目标⏎…)
};

std::size_t skip_colon(std::string_view t, std::size_t i) {
  if (t.substr(i).starts_with(":")) return i + 1;
  if (t.substr(i).starts_with("：")) return i + 3;
  return i;
}

bool counts_as_fyp_by_content(std::string_view t, std::size_t after, std::size_t end,
                              const Lexicon& lex) {
  // Mostly 年均 growth in the first sentence after the trigger: five-year goals.
  const std::string_view s = t.substr(after, end - after);
  std::size_t n = 0;
  for (const std::string& w : lex.vocab("average").phrases()) {
    for (std::size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + 1)) ++n;
  }
  return n >= 2;
}

// Trigger positions: phrases of `trigger` anywhere, and lines that are only a heading naming the
// targets ((一)2024年主要预期目标) with the passage on the following lines.
struct TriggerHit {
  std::size_t at, len;
  bool heading;
};

std::vector<TriggerHit> find_triggers(std::string_view t, std::size_t b, std::size_t e,
                                      const Lexicon& lex) {
  constexpr std::size_t kMaxHeadingBytes = 60;
  std::vector<TriggerHit> out;
  // PhraseList::find runs the compiled trie forward from `from`, so the loops below are linear.
  const data::PhraseList& triggers = lex.vocab("trigger");
  const std::string_view upto = t.substr(0, e);
  for (std::size_t from = b; from < e;) {
    std::size_t len = 0;
    const std::size_t at = triggers.find(upto, from, &len);
    if (at == std::string_view::npos) break;
    out.push_back({at, len, false});
    from = at + len;
  }
  // The trigger grammar: a trigger noun, an optional qualifier, a verb or colon (主要预期目标 +
  // 建议 + :, 主要目标 + 拟定 + 为) — phrasings the list above does not hold.
  const data::PhraseList& nouns = lex.vocab("trigger_noun");
  for (std::size_t from = b; from < e;) {
    std::size_t len = 0;
    const std::size_t at = nouns.find(upto, from, &len);
    if (at == std::string_view::npos) break;
    from = at + len;
    std::size_t z = at + len;
    z += lex.vocab("trigger_qualifier").match_at(t.substr(0, e), z).size();
    const std::size_t verb = lex.vocab("trigger_verb").match_at(t.substr(0, e), z).size();
    if (verb == 0) continue;
    z += verb;
    const bool covered = std::any_of(out.begin(), out.end(), [&](const TriggerHit& x) {
      return !x.heading && x.at <= at + len && at < x.at + x.len;
    });
    if (!covered) out.push_back({at, z - at, false});
  }
  const auto& heads = lex.vocab("heading_trigger");
  for (std::size_t ls = b; ls < e;) {
    const std::size_t le = line_end_at(t, ls, e);
    std::size_t a = ls;
    while (a < le && utf8::is_space(utf8::at(t, a))) a += utf8::char_len(t, a);
    if (auto en = lists_detail::enumerator_at(t.substr(0, le), a)) a += en->len;
    std::string_view line = utf8::trim(t.substr(a, le - a));
    if (line.ends_with(":")) line.remove_suffix(1);
    const std::string_view h = heads.match_before(line, line.size());
    const bool plain = line.find_first_of(",;") == std::string_view::npos &&
                       line.find("。") == std::string_view::npos;
    const bool has_trigger = std::any_of(
        out.begin(), out.end(), [&](const TriggerHit& x) { return x.at >= ls && x.at < le; });
    if (!h.empty() && plain && line.size() <= kMaxHeadingBytes && !has_trigger) {
      const std::size_t at =
          static_cast<std::size_t>(line.data() - t.data()) + line.size() - h.size();
      out.push_back({at, le - at, true});
    }
    ls = le + 1;
  }
  std::sort(out.begin(), out.end(),
            [](const TriggerHit& x, const TriggerHit& y) { return x.at < y.at; });
  return out;
}

std::vector<Candidate> find_candidates(const Document& doc, const Lexicon& lex) {
  const std::string_view t = doc.text.text;
  const std::size_t b = doc.body.begin, e = std::min(doc.body.end, t.size());
  std::vector<Candidate> out;
  for (const TriggerHit& hit : find_triggers(t, b, e, lex)) {
    const std::size_t at = hit.at, len = hit.len;
    Candidate c;
    c.trigger = at;
    c.heading = hit.heading;
    c.after = skip_colon(t, at + len);
    c.start = sentence_start(t, at, b);
    const std::string_view lead = t.substr(c.start, at - c.start);
    const std::size_t first_end = sentence_end(t, c.after, e);
    const std::string_view first =
        t.substr(c.after, std::min<std::size_t>(first_end - c.after, 40));
    const std::size_t prev_start = c.start > b ? sentence_start(t, c.start - 1, b) : c.start;
    const std::string_view prev = t.substr(prev_start, c.start - prev_start);
    const std::string title = heading_before(doc, at);
    // Last year's targets recalled in the review (过去一年,我们确定的主要预期目标是…).
    if (!has_plan_marker(lead, lex, doc.meta.plan_year) &&
        (lex.vocab("review_marker").contains_in(lead) || in_review_section(doc, at))) {
      continue;
    }
    if (has_plan_marker(lead, lex, doc.meta.plan_year)) {
      c.mode = Mode::kPlan;
    } else if (names_fyp(lead, lex) || horizon_in(first)) {
      c.mode = Mode::kFyp;
    } else if (has_plan_marker(prev, lex, doc.meta.plan_year)) {
      c.mode = Mode::kPlan;
    } else if (names_fyp(prev, lex) || counts_as_fyp_by_content(t, c.after, first_end, lex) ||
               (names_fyp(title, lex) && !has_plan_marker(title, lex, doc.meta.plan_year))) {
      c.mode = Mode::kFyp;
    } else {
      c.mode = Mode::kPlan;
    }
    if (c.mode == Mode::kFyp) {
      c.horizon = horizon_in(lead);
      if (!c.horizon) c.horizon = horizon_in(first);
      if (!c.horizon) c.horizon = horizon_in(prev);
      if (!c.horizon) c.horizon = horizon_in(title);
      if (!c.horizon && doc.meta.plan_year) {
        c.horizon = ((*doc.meta.plan_year - 1) / 5 + 1) * 5;
      }
    }
    out.push_back(c);
  }
  return out;
}

// Does sentence [a, z) still state targets (continuation of a passage)?
bool continues_targets(std::string_view t, std::size_t a, std::size_t z, const Lexicon& lex) {
  const std::string_view s = t.substr(a, z - a);
  if (s.empty() || lex.vocab("stop").contains_in(s)) return false;
  if (lex.find_all(s).empty()) return false;
  return true;
}

struct Parsed {
  Span passage;
  std::vector<Target> targets;
};

// A top-level heading starts at pos. (Numbered sub-headings may be list items of targets.)
bool is_part_heading_at(const Document& doc, std::size_t pos) {
  return std::any_of(doc.sections.begin(), doc.sections.end(),
                     [pos](const Section& s) { return s.level == 1 && s.heading.begin == pos; });
}

// Parses the sentences of [from, limit) that still state targets into `out`; the first one
// unconditionally when `first`. Returns the end of the last sentence taken (`from` if none).
std::size_t parse_sentences(std::string_view t, std::size_t from, std::size_t limit, bool first,
                            const ClauseParser& parser, std::vector<Target>& out) {
  std::size_t end = from;
  for (std::size_t a = from; a < limit;) {
    while (a < limit && utf8::is_space(utf8::at(t, a))) a += utf8::char_len(t, a);
    const std::size_t z = sentence_end(t, a, limit);
    if (z <= a) break;
    if (!first && !continues_targets(t, a, z, parser.lexicon())) break;
    auto more = parser.parse(a, z, Mode::kPlan);
    if (more.empty() && !first) break;
    out.insert(out.end(), more.begin(), more.end());
    end = z;
    first = false;
    a = z;
  }
  return end;
}

// A passage laid out one target per line: the trigger ends its line (主要预期目标是:⏎) or the
// line ends in a list semicolon (——<indicator>增长6%左右;⏎).
bool continues_on_next_line(std::string_view t, std::size_t after, std::size_t line_end) {
  std::string_view rest = utf8::trim(t.substr(after, line_end - after));
  return rest.empty() || rest.ends_with(";") || rest.ends_with("；") || rest.ends_with(",");
}

bool starts_with_list_mark(std::string_view t, std::size_t a) {
  const char32_t c = utf8::at(t, a);
  return c == U'—' || c == U'-' || c == U'·' || lists_detail::enumerator_at(t, a).has_value();
}

Parsed parse_plan(const Document& doc, const Candidate& c, const ClauseParser& parser) {
  constexpr int kMaxListLines = 30;
  const std::string_view t = doc.text.text;
  const std::size_t e = std::min(doc.body.end, t.size());
  std::size_t line_end = line_end_at(t, c.after, e);
  Parsed p;
  std::size_t end = parse_sentences(t, c.after, line_end, !c.heading, parser, p.targets);
  // Later lines while the passage is laid out as a list: the previous line asks for more (ends
  // with the trigger, ; or ,) or both lines carry a list mark (——, (1), 1.).
  bool more = c.heading || continues_on_next_line(t, c.after, line_end);
  bool marked = false;
  for (int n = 0; n < kMaxListLines && line_end < e; ++n) {
    std::size_t a = line_end;
    while (a < e && utf8::is_space(utf8::at(t, a))) a += utf8::char_len(t, a);
    if (a >= e) break;
    const bool mark = starts_with_list_mark(t, a);
    if (!more && !(marked && mark)) break;
    // A numbered line may be taken for a part heading when the list is all the text there is.
    if (!mark && is_part_heading_at(doc, a)) break;
    const std::size_t z = line_end_at(t, a, e);
    const std::size_t got = parse_sentences(t, a, z, false, parser, p.targets);
    if (got == a) break;
    end = got;
    line_end = z;
    more = got == z && continues_on_next_line(t, a, z);
    marked = mark;
  }
  p.passage = Span{c.start, end};
  if (p.targets.empty() && !c.heading) {
    // A passage that names its targets only in words (甘州区 2026: 完成“十五五”年均增长目标 …): one
    // qualitative entry for the headline target, worded as the lead-in names it.
    p.targets.push_back(parser.headline_entry(c.start, c.trigger, end));
  }
  return p;
}

Parsed parse_fyp(const Document& doc, const Candidate& c, const ClauseParser& parser) {
  const std::string_view t = doc.text.text;
  const std::size_t e = std::min(doc.body.end, t.size());
  const std::size_t limit = std::min({e, top_section_end(doc, c.after, e), c.after + 6000});
  Parsed p;
  std::size_t end = sentence_end(t, c.after, limit);
  p.targets = parser.parse(c.after, end, Mode::kFyp, c.horizon);
  const bool structured = p.targets.size() >= 2;
  std::size_t a = end;
  while (a < limit) {
    while (a < limit && utf8::is_space(utf8::at(t, a))) a += utf8::char_len(t, a);
    if (a >= limit) break;
    const std::size_t z = sentence_end(t, a, limit);
    if (z <= a) break;
    const std::string_view s = t.substr(a, z - a);
    if (parser.lexicon().vocab("stop").contains_in(s) ||
        parser.lexicon().vocab("trigger").contains_in(s))
      break;
    auto more = parser.parse(a, z, Mode::kFyp, c.horizon);
    if (structured && more.empty()) break;
    p.targets.insert(p.targets.end(), more.begin(), more.end());
    if (!more.empty()) end = z;
    a = z;
  }
  p.passage = Span{c.start, end};
  return p;
}

// Five-year goals stated without a trigger (力争到2025年…年均增长…) inside a section whose title
// names the plan period.
Parsed parse_fyp_untriggered(const Document& doc, const ClauseParser& parser, const Lexicon& lex) {
  Parsed p;
  const std::string_view t = doc.text.text;
  for (const auto& s : doc.sections) {
    const std::string_view title = doc.text_of(s.heading);
    if (!names_fyp(title, lex) || s.appended) continue;
    const auto horizon = horizon_in(title);
    const std::size_t z = std::min(s.extent.end, t.size());
    for (std::size_t at = t.find("到20", s.heading.end); at != std::string_view::npos && at < z;
         at = t.find("到20", at + 1)) {
      const std::size_t a = sentence_start(t, at, s.heading.end);
      const std::size_t b = sentence_end(t, at, z);
      const std::string_view sent = t.substr(a, b - a);
      if (!lex.vocab("average").contains_in(sent)) continue;
      auto got = parser.parse(a, b, Mode::kFyp, horizon ? horizon : horizon_in(sent));
      if (got.empty()) continue;
      p.passage = Span{a, b};
      p.targets = std::move(got);
      return p;
    }
  }
  return p;
}

// A plan-year passage without a trigger phrase (综合考虑各方面因素，今年全县生产总值增长6%左右，…):
// the first sentence outside the review that states a GDP growth target for the plan year and,
// with the sentences that follow it, at least three numeric targets.
std::optional<Parsed> parse_plan_untriggered(const Document& doc, const ClauseParser& parser,
                                             const Lexicon& lex) {
  constexpr std::size_t kMinTargets = 3;
  const std::string_view t = doc.text.text;
  const std::size_t b = doc.body.begin, e = std::min(doc.body.end, t.size());
  for (const auto& hit : lex.find_all(t.substr(b, e - b))) {
    if (hit.indicator->id != "gdp") continue;
    const std::size_t at = b + hit.begin;
    if (in_review_section(doc, at)) continue;
    // A growth predicate and a percentage close after the alias.
    const std::string_view near = t.substr(at, std::min<std::size_t>(60, e - at));
    if (!lex.vocab("growth_pred").contains_in(near) || near.find('%') == std::string_view::npos)
      continue;
    const std::size_t start = sentence_start(t, at, b);
    std::size_t prev =
        start;  // up to three sentences back: …做好今年工作。总体要求是…。⏎地区生产总值…
    for (int k = 0; k < 3 && prev > b; ++k) {
      std::size_t q = prev;  // back over the white space and the end mark of the sentence before
      while (q > b && utf8::is_space(utf8::at(t, q - 1))) --q;
      if (q > b) utf8::prev(t, q);
      prev = sentence_start(t, q, b);
    }
    const std::string_view lead = t.substr(prev, at - prev);
    if (!has_plan_marker(lead, lex, doc.meta.plan_year) &&
        !has_plan_marker(t.substr(start, at - start), lex, doc.meta.plan_year))
      continue;
    if (lex.vocab("review_marker").contains_in(t.substr(start, at - start))) continue;
    Candidate c;
    c.trigger = start;
    c.after = start;
    c.start = start;
    c.mode = Mode::kPlan;
    Parsed p = parse_plan(doc, c, parser);
    const auto numeric = std::count_if(p.targets.begin(), p.targets.end(),
                                       [](const Target& x) { return x.value.has_value(); });
    const bool has_gdp = std::any_of(p.targets.begin(), p.targets.end(),
                                     [](const Target& x) { return x.canonical == "gdp_growth"; });
    if (has_gdp && static_cast<std::size_t>(numeric) >= kMinTargets) return p;
  }
  return std::nullopt;
}

// The sentence saying the report sets no GDP growth target (不再设定…增速目标), or nullopt.
std::optional<Span> gdp_absent_sentence(const Document& doc, const Lexicon& lex) {
  const std::string_view t = doc.text.text;
  const std::size_t b = doc.body.begin, e = std::min(doc.body.end, t.size());
  const auto& absent = lex.vocab("gdp_absent");
  for (std::size_t from = b; from < e;) {
    std::size_t len = 0;
    const std::size_t at = absent.find(t.substr(0, e), from, &len);
    if (at == std::string_view::npos) break;
    from = at + len;
    const std::size_t z = sentence_end(t, at, e);
    const std::size_t a = sentence_start(t, at, b);
    if (lex.vocab("gdp_absent_object").contains_in(t.substr(at, z - at)) &&
        !in_review_section(doc, at))
      return Span{a, z};
  }
  return std::nullopt;
}

}  // namespace

Targets extract_targets(const Document& doc, const quantity::Grammar& grammar, const Lexicon& lex) {
  Targets out;
  const ClauseParser parser(doc, grammar, lex);
  const auto cands = find_candidates(doc, lex);
  for (const auto& c : cands) {
    if (c.mode == Mode::kPlan && !out.passage) {
      Parsed p = parse_plan(doc, c, parser);
      if (p.targets.empty()) continue;  // a heading that announces nothing it can be read from
      const bool numeric = std::any_of(p.targets.begin(), p.targets.end(),
                                       [](const Target& x) { return x.value.has_value(); });
      // A trigger whose passage yields nothing numeric is kept only when no better one follows.
      if (!numeric) {
        const bool later = std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) {
          return o.mode == Mode::kPlan && o.trigger > c.trigger;
        });
        if (later && p.targets.size() == 1 && p.targets[0].modifier == Modifier::kQualitative &&
            p.targets[0].indicator_id.empty()) {
          bool later_numeric = false;
          for (const auto& o : cands) {
            if (o.mode != Mode::kPlan || o.trigger <= c.trigger) continue;
            Parsed q = parse_plan(doc, o, parser);
            later_numeric = std::any_of(q.targets.begin(), q.targets.end(),
                                        [](const Target& x) { return x.value.has_value(); });
            break;
          }
          if (later_numeric) continue;
        }
      }
      out.passage = p.passage;
      out.targets = std::move(p.targets);
    } else if (c.mode == Mode::kFyp && !out.fyp_passage) {
      Parsed p = parse_fyp(doc, c, parser);
      if (p.targets.empty()) continue;
      out.fyp_passage = p.passage;
      out.fyp_targets = std::move(p.targets);
      out.fyp_horizon = c.horizon;
    }
  }
  if (!out.fyp_passage) {
    Parsed p = parse_fyp_untriggered(doc, parser, lex);
    if (!p.targets.empty()) {
      out.fyp_passage = p.passage;
      out.fyp_horizon = p.targets.front().horizon;
      out.fyp_targets = std::move(p.targets);
    }
  }
  if (!out.passage) {
    if (auto p = parse_plan_untriggered(doc, parser, lex)) {
      out.passage = p->passage;
      out.targets = std::move(p->targets);
    }
  }
  const bool gdp = std::any_of(out.targets.begin(), out.targets.end(),
                               [](const Target& x) { return x.canonical == "gdp_growth"; });
  if (gdp) {
    out.gdp_status = GdpTargetStatus::kStated;
  } else if (auto absent = gdp_absent_sentence(doc, lex)) {
    out.gdp_status = GdpTargetStatus::kExplicitlyAbsent;
    out.gdp_absent_sentence = absent;
  } else {
    out.gdp_status = GdpTargetStatus::kNotFound;
  }
  return out;
}

}  // namespace gwr::facts
