#include "sections/lexicon.h"

#include <algorithm>
#include <array>

#include "common/data.h"
#include "common/utf8.h"
#include "text/numerals.h"

namespace gwr::sections {
namespace {

// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space compare as their ASCII forms.
char32_t fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  if (c == 0x3000) return U' ';
  return c;
}

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::optional<SectionType> type_from_name(std::string_view name) {
  constexpr std::array kAll = {SectionType::kReview,       SectionType::kFiveYearReview,
                               SectionType::kFypGoals,     SectionType::kPlanTasks,
                               SectionType::kSelfBuilding, SectionType::kGlossary,
                               SectionType::kLivelihood,   SectionType::kOther};
  for (SectionType t : kAll)
    if (name == section_type_name(t)) return t;
  return std::nullopt;
}

std::optional<Role> role_from_name(std::string_view name) {
  if (name == "part") return Role::kPart;
  if (name == "list") return Role::kList;
  if (name == "appendix") return Role::kAppendix;
  if (name == "classify") return Role::kClassify;
  if (name == "reject") return Role::kReject;
  return std::nullopt;
}

Result<std::vector<Pattern>> load_list(std::string_view file) {
  auto table = data::load_table(file, 1, 1);
  if (!table) return table.error();
  std::vector<Pattern> out;
  for (const auto& row : table->rows) out.push_back(compile(row.fields[0]));
  return out;
}

}  // namespace

Pattern compile(std::string_view pattern) {
  Pattern p;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern.substr(i, 3) == "<Y>") {
      p.atoms.push_back(Pattern::kYear);
      i += 3;
    } else if (pattern.substr(i, 3) == "<H>") {
      p.atoms.push_back(Pattern::kHanDigit);
      i += 3;
    } else {
      p.atoms.push_back(fold(utf8::next(pattern, i)));
    }
  }
  if (p.atoms.find(Pattern::kYear) == std::u32string::npos &&
      p.atoms.find(Pattern::kHanDigit) == std::u32string::npos)
    p.literal = utf8::from_u32(p.atoms);
  return p;
}

bool match_at(std::string_view text, std::size_t pos, const Pattern& p, std::size_t& end) {
  std::size_t i = pos;
  for (char32_t a : p.atoms) {
    if (i >= text.size()) return false;
    if (a == Pattern::kYear) {
      std::size_t j = i;
      const char32_t first = utf8::next(text, j);
      const bool ascii = is_ascii_digit(first);
      if (!ascii && !(first == U'〇' || first == U'零' || first == U'一' || first == U'二'))
        return false;
      j = i;
      for (int k = 0; k < 4; ++k) {
        if (j >= text.size()) return false;
        const char32_t c = utf8::next(text, j);
        const bool ok = ascii ? is_ascii_digit(c) : (text::is_cn_digit(c) && c != U'两');
        if (!ok) return false;
      }
      if (j < text.size() && is_ascii_digit(utf8::at(text, j))) return false;
      i = j;
    } else if (a == Pattern::kHanDigit) {
      if (!text::is_small_numeral(utf8::next(text, i))) return false;
    } else {
      if (fold(utf8::next(text, i)) != a) return false;
    }
  }
  end = i;
  return true;
}

bool contains(std::string_view text, const Pattern& p) {
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size(); i += utf8::char_len(text, i))
    if (match_at(text, i, p, end)) return true;
  return false;
}

void EdgeIndex::build(const std::vector<Pattern>& patterns, bool by_last) {
  by_char_.clear();
  always_.clear();
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    const std::u32string& a = patterns[k].atoms;
    const auto idx = static_cast<std::uint16_t>(k);
    if (a.empty()) {
      always_.push_back(idx);
      continue;
    }
    const char32_t edge = by_last ? a.back() : a.front();
    if (edge == Pattern::kYear || edge == Pattern::kHanDigit) {
      always_.push_back(idx);
      continue;
    }
    auto it = std::lower_bound(by_char_.begin(), by_char_.end(), edge,
                               [](const auto& e, char32_t c) { return e.first < c; });
    if (it == by_char_.end() || it->first != edge) it = by_char_.insert(it, {edge, {}});
    it->second.push_back(idx);
  }
}

const std::vector<std::uint16_t>& EdgeIndex::at(char32_t c) const {
  auto it = std::lower_bound(by_char_.begin(), by_char_.end(), c,
                             [](const auto& e, char32_t x) { return e.first < x; });
  return it != by_char_.end() && it->first == c ? it->second : none_;
}

Result<Lexicon> Lexicon::load() {
  Lexicon lx;
  auto table = data::load_table("sections_types.tsv", 3, 3);
  if (!table) return table.error();
  for (const auto& row : table->rows) {
    const auto role = role_from_name(row.fields[2]);
    const auto type =
        row.fields[0] == "-" ? std::optional(SectionType::kOther) : type_from_name(row.fields[0]);
    if (!role || !type) {
      return make_error(ErrorCode::kInvalidData, "bad type or role",
                        "sections_types.tsv:" + std::to_string(row.line));
    }
    TypeRule rule{*type, *role, {}};
    std::string_view pat = row.fields[1];
    while (!pat.empty()) {
      const std::size_t plus = pat.find('+');
      rule.all_of.push_back(compile(pat.substr(0, plus)));
      pat = plus == std::string_view::npos ? std::string_view() : pat.substr(plus + 1);
    }
    lx.types.push_back(std::move(rule));
  }
  auto openers = load_list("sections_openers.tsv");
  if (!openers) return openers.error();
  lx.openers = std::move(openers).value();
  auto words = data::Vocabulary::load("sections_heading_ends.tsv", {"heading_end", "connective"});
  if (!words) return words.error();
  lx.words = std::move(words).value();
  for (const std::string& w : lx.words.list("heading_end").in_file_order()) {
    lx.heading_ends.push_back(compile(w));
  }
  lx.opener_first.build(lx.openers, false);
  lx.end_first.build(lx.heading_ends, false);
  lx.end_last.build(lx.heading_ends, true);
  return lx;
}

std::optional<TypeRule> Lexicon::classify(std::string_view heading) const {
  for (const TypeRule& rule : types) {
    bool all = true;
    for (const Pattern& p : rule.all_of) all = all && contains(heading, p);
    if (all) return rule;
  }
  return std::nullopt;
}

namespace {

// True when one of `patterns` listed by `index` for the character at text[pos] matches there.
bool any_at(const std::vector<Pattern>& patterns, const EdgeIndex& index, std::string_view text,
            std::size_t pos) {
  if (pos >= text.size()) return false;
  std::size_t end = 0;
  for (std::uint16_t k : index.at(fold(utf8::at(text, pos))))
    if (match_at(text, pos, patterns[k], end)) return true;
  for (std::uint16_t k : index.always())
    if (match_at(text, pos, patterns[k], end)) return true;
  return false;
}

}  // namespace

bool Lexicon::opener_at(std::string_view text, std::size_t pos) const {
  return any_at(openers, opener_first, text, pos);
}

bool Lexicon::heading_end_at(std::string_view text, std::size_t pos) const {
  return any_at(heading_ends, end_first, text, pos);
}

bool Lexicon::heading_end_before(std::string_view text, std::size_t begin, std::size_t pos) const {
  if (pos <= begin) return false;
  std::size_t end = 0;
  std::size_t q = pos;
  const char32_t last = fold(utf8::prev(text, q));
  auto try_one = [&](std::uint16_t k) {
    // Heading-end words are plain words, so their byte length is fixed.
    const std::size_t n = heading_ends[k].literal.size();
    return n != 0 && n <= pos - begin && match_at(text, pos - n, heading_ends[k], end) &&
           end == pos;
  };
  for (std::uint16_t k : end_last.at(last))
    if (try_one(k)) return true;
  for (std::uint16_t k : end_last.always())
    if (try_one(k)) return true;
  return false;
}

}  // namespace gwr::sections
