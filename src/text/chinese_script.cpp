#include "text/chinese_script.h"

#include <algorithm>
#include <exception>
#include <opencc/SimpleConverter.hpp>
#include <optional>
#include <vector>

#include "common/data.h"
#include "common/utf8.h"

namespace gwr::text {

namespace {

constexpr const char* kConfig = "t2s.json";

// Used only when OpenCC cannot load: very frequent characters of government prose whose
// traditional form differs from the simplified one. A closed list, enough to tell the scripts
// apart, not to convert.
constexpr std::u32string_view kTraditionalOnly =
    U"這個們為發經濟國業會產與進區縣實現機關點對從時長過還開於來後說電動問應該導總報務聯黨設體";

// The characters of data/t2s_chars.tsv (in code point order there), sorted; nullopt when the file
// cannot be read. Parsed by hand: a query pays for this load, and a table of rows costs more.
std::optional<std::vector<char32_t>> load_t2s_chars() {
  auto text = data::read("t2s_chars.tsv");
  if (!text) return std::nullopt;
  const std::string_view t = *text;
  std::vector<char32_t> out;
  out.reserve(t.size() / 3);
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '#') {  // a comment line
      const std::size_t end = t.find('\n', i);
      i = end == std::string_view::npos ? t.size() : end + 1;
      continue;
    }
    const char32_t c = utf8::next(t, i);
    if (c != U'\n' && c != U'\r') out.push_back(c);
  }
  if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

bool ScriptConverter::may_change(std::string_view utf8) {
  static const std::optional<std::vector<char32_t>> chars = load_t2s_chars();
  if (!chars) return true;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = utf8::next(utf8, i);
    if (c >= 0x80 && std::binary_search(chars->begin(), chars->end(), c)) return true;
  }
  return false;
}

ScriptConverter::ScriptConverter() {
  try {
    converter_ = std::make_unique<opencc::SimpleConverter>(kConfig);
  } catch (const std::exception& e) {
    load_error_ = std::string("cannot load OpenCC ") + kConfig + ": " + e.what();
  } catch (...) {
    load_error_ = std::string("cannot load OpenCC ") + kConfig;
  }
}

ScriptConverter::~ScriptConverter() = default;

const ScriptConverter& ScriptConverter::instance() {
  static const ScriptConverter converter;
  return converter;
}

std::string ScriptConverter::to_simplified(std::string_view utf8) const {
  if (!converter_ || utf8.empty()) return std::string(utf8);
  try {
    return converter_->Convert(utf8.data(), utf8.size());
  } catch (...) {
    return std::string(utf8);
  }
}

double ScriptConverter::traditional_share(std::string_view utf8, std::size_t max_han) const {
  std::u32string sample;
  for (std::size_t i = 0; i < utf8.size() && sample.size() < max_han;) {
    const char32_t c = utf8::next(utf8, i);
    if (!utf8::is_han(c) || c == U'〇') continue;
    sample.push_back(c);
  }
  if (sample.empty()) return 0.0;
  const auto han = static_cast<double>(sample.size());
  if (!converter_) {
    std::size_t fallback_hits = 0;
    for (char32_t c : sample)
      if (kTraditionalOnly.find(c) != std::u32string_view::npos) ++fallback_hits;
    return static_cast<double>(fallback_hits) / han;
  }

  auto memo = [&](char32_t c) -> std::atomic<std::uint8_t>* {
    return c >= kMemoFirst && c <= kMemoLast ? &memo_[c - kMemoFirst] : nullptr;
  };
  // Characters without a verdict yet, each once, converted one per line in a single call so that
  // the output lines align with them.
  std::u32string unknown;
  for (char32_t c : sample) {
    auto* m = memo(c);
    if ((m == nullptr || m->load(std::memory_order_relaxed) == 0) &&
        unknown.find(c) == std::u32string::npos) {
      unknown.push_back(c);
    }
  }
  std::u32string changed_outside_memo;  // verdicts for characters the table does not cover
  if (!unknown.empty()) {
    std::string lines;
    for (char32_t c : unknown) {
      utf8::append(lines, c);
      lines.push_back('\n');
    }
    const std::string converted = to_simplified(lines);
    std::size_t a = 0, b = 0;
    for (char32_t c : unknown) {
      const std::size_t ea = lines.find('\n', a), eb = converted.find('\n', b);
      if (ea == std::string::npos || eb == std::string::npos) break;
      const bool changed = std::string_view(lines).substr(a, ea - a) !=
                           std::string_view(converted).substr(b, eb - b);
      if (auto* m = memo(c)) {
        m->store(changed ? 2 : 1, std::memory_order_relaxed);
      } else if (changed) {
        changed_outside_memo.push_back(c);
      }
      a = ea + 1;
      b = eb + 1;
    }
  }
  std::size_t changed = 0;
  for (char32_t c : sample) {
    if (auto* m = memo(c)) {
      changed += m->load(std::memory_order_relaxed) == 2 ? 1 : 0;
    } else {
      changed += changed_outside_memo.find(c) != std::u32string::npos ? 1 : 0;
    }
  }
  return static_cast<double>(changed) / han;
}

}  // namespace gwr::text
