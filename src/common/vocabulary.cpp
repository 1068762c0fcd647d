#include "common/vocabulary.h"

#include <algorithm>
#include <stdexcept>

#include "common/data.h"
#include "common/utf8.h"

namespace gwr::data {

void PhraseList::add(std::string phrase) { phrases_.push_back(std::move(phrase)); }

void PhraseList::finish() {
  file_order_ = phrases_;
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  phrases32_.clear();
  for (const std::string& p : phrases_) phrases32_.push_back(utf8::to_u32(p));
  std::stable_sort(
      phrases32_.begin(), phrases32_.end(),
      [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
  forward_ = ByteTrie();
  backward_ = ByteTrie(ByteTrie::kReversed);
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    forward_.add(phrases_[i], static_cast<std::uint32_t>(i));
    backward_.add(phrases_[i], static_cast<std::uint32_t>(i));
  }
  forward_.build();
  backward_.build();
}

std::size_t PhraseList::find(std::string_view s, std::size_t from, std::size_t* len) const {
  const auto [at, n] = forward_.find(s, from);
  if (len != nullptr) *len = n;
  return at;
}

std::string_view PhraseList::match_at(std::string_view s, std::size_t pos) const {
  std::uint32_t id = 0;
  if (forward_.longest_at(s, pos, &id) == 0) return {};
  return phrases_[id];
}

std::u32string_view PhraseList::match_at(std::u32string_view s, std::size_t pos) const {
  if (pos > s.size()) return {};
  for (const auto& p : phrases32_) {
    if (s.substr(pos).starts_with(p)) return p;
  }
  return {};
}

std::string_view PhraseList::match_before(std::string_view s, std::size_t end) const {
  std::uint32_t id = 0;
  if (backward_.longest_ending_at(s, end, 0, &id) == 0) return {};
  return phrases_[id];
}

bool PhraseList::is(std::string_view s) const {
  return std::any_of(phrases_.begin(), phrases_.end(),
                     [&](const std::string& p) { return p == s; });
}

bool PhraseList::has_char(char32_t c) const {
  return std::any_of(phrases32_.begin(), phrases32_.end(),
                     [c](const std::u32string& p) { return p.size() == 1 && p[0] == c; });
}

Result<Vocabulary> Vocabulary::parse(std::string_view file, std::string_view content,
                                     const std::vector<std::string>& kinds) {
  auto table = parse_table(file, content, 2, 2);
  if (!table) return table.error();
  Vocabulary v;
  v.file_ = std::string(file);
  for (const std::string& k : kinds) v.lists_[k];
  for (const Row& row : table->rows) {
    const auto it = v.lists_.find(row.fields[0]);
    const std::string where = std::string(file) + ":" + std::to_string(row.line);
    if (it == v.lists_.end()) {
      return make_error(ErrorCode::kInvalidData, "unknown kind '" + row.fields[0] + "'", where);
    }
    if (row.fields[1].empty()) return make_error(ErrorCode::kInvalidData, "empty phrase", where);
    it->second.add(row.fields[1]);
  }
  for (auto& [kind, list] : v.lists_) {
    if (list.empty()) {
      return make_error(ErrorCode::kInvalidData, "no phrase of kind '" + kind + "'",
                        std::string(file));
    }
    list.finish();
  }
  return v;
}

Result<Vocabulary> Vocabulary::load(std::string_view file, const std::vector<std::string>& kinds) {
  auto content = read(file);
  if (!content) return content.error();
  return parse(file, *content, kinds);
}

const PhraseList& Vocabulary::list(std::string_view kind) const {
  const auto it = lists_.find(kind);
  if (it == lists_.end()) {
    throw std::logic_error("vocabulary " + file_ + " has no kind '" + std::string(kind) + "'");
  }
  return it->second;
}

}  // namespace gwr::data
