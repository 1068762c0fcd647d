// gwr/text/chinese_script.h — INTERNAL to the text stage: traditional → simplified conversion.
//
//   const ScriptConverter& c = ScriptConverter::instance();
//   if (c.available()) simplified = c.to_simplified(paragraph);
//
// Wraps OpenCC's t2s configuration (found by OpenCC in its package data folder). The converter
// is loaded once per process behind a thread-safe static initialiser and is immutable afterwards,
// so every member is safe for concurrent use. Loading never throws and never aborts: when OpenCC
// cannot load its dictionaries, available() is false, to_simplified() is the identity and
// traditional_share() falls back to a short list of traditional-only characters.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace opencc {
class SimpleConverter;
}

namespace gwr::text {

class ScriptConverter {
 public:
  // The process-wide converter for OpenCC "t2s.json".
  static const ScriptConverter& instance();

  bool available() const { return converter_ != nullptr; }
  // Why loading failed (empty when available()).
  const std::string& load_error() const { return load_error_; }

  // Simplified form; identity when unavailable or on any conversion failure.
  std::string to_simplified(std::string_view utf8) const;

  // False when to_simplified() would return `utf8` unchanged because no character of it is in
  // data/t2s_chars.tsv (every t2s dictionary entry that converts holds one of them; a test keeps
  // the list equal to what the installed OpenCC gives). Needs no instance(): loading OpenCC costs
  // about 4 ms, more than a whole `gwr search`, and most queries are simplified already.
  // True when the list cannot be read. Safe for concurrent use (the list loads once).
  static bool may_change(std::string_view utf8);

  // Share (0..1) of Han characters in `utf8` that read as traditional (OpenCC changes the
  // character when it is converted on its own), judged on at most `max_han` Han characters.
  // 0 when there are none. Each distinct character of the CJK blocks U+3400..U+9FFF is converted
  // once per process and remembered (a lock-free table), so the cost is a table look-up.
  double traditional_share(std::string_view utf8, std::size_t max_han = 20000) const;

  ScriptConverter(const ScriptConverter&) = delete;
  ScriptConverter& operator=(const ScriptConverter&) = delete;
  ~ScriptConverter();

 private:
  ScriptConverter();
  std::unique_ptr<opencc::SimpleConverter> converter_;
  std::string load_error_;
  // Per-character verdicts for U+3400..U+9FFF: 0 not known yet, 1 unchanged, 2 changed by t2s.
  static constexpr char32_t kMemoFirst = 0x3400, kMemoLast = 0x9FFF;
  mutable std::array<std::atomic<std::uint8_t>, kMemoLast - kMemoFirst + 1> memo_{};
};

}  // namespace gwr::text
