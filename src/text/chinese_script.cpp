#include "text/chinese_script.h"

#include <exception>
#include <opencc/SimpleConverter.hpp>

#include "common/utf8.h"

namespace gwr::text {

namespace {

constexpr const char* kConfig = "t2s.json";

// Used only when OpenCC cannot load: very frequent characters of government prose whose
// traditional form differs from the simplified one. A closed list, enough to tell the scripts
// apart, not to convert.
constexpr std::u32string_view kTraditionalOnly =
    U"這個們為發經濟國業會產與進區縣實現機關點對從時長過還開於來後說電動問應該導總報務聯黨設體";

}  // namespace

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
  // Han characters one per line, so that OpenCC converts each on its own and the output lines
  // align with the input characters.
  std::string sample;
  std::size_t han = 0, fallback_hits = 0;
  for (std::size_t i = 0; i < utf8.size() && han < max_han;) {
    const char32_t c = utf8::next(utf8, i);
    if (!utf8::is_han(c) || c == U'〇') continue;
    ++han;
    if (kTraditionalOnly.find(c) != std::u32string_view::npos) ++fallback_hits;
    utf8::append(sample, c);
    sample.push_back('\n');
  }
  if (han == 0) return 0.0;
  if (!converter_) return static_cast<double>(fallback_hits) / static_cast<double>(han);
  const std::string converted = to_simplified(sample);
  std::size_t changed = 0, a = 0, b = 0;
  while (a < sample.size() && b < converted.size()) {
    const std::size_t ea = sample.find('\n', a), eb = converted.find('\n', b);
    if (ea == std::string::npos || eb == std::string::npos) break;
    if (std::string_view(sample).substr(a, ea - a) != std::string_view(converted).substr(b, eb - b)) {
      ++changed;
    }
    a = ea + 1;
    b = eb + 1;
  }
  return static_cast<double>(changed) / static_cast<double>(han);
}

}  // namespace gwr::text
