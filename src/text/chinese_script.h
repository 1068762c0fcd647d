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

  // Share (0..1) of Han characters in `utf8` that read as traditional, judged on at most
  // `max_han` Han characters. 0 when there are none.
  double traditional_share(std::string_view utf8, std::size_t max_han = 20000) const;

  ScriptConverter(const ScriptConverter&) = delete;
  ScriptConverter& operator=(const ScriptConverter&) = delete;
  ~ScriptConverter();

 private:
  ScriptConverter();
  std::unique_ptr<opencc::SimpleConverter> converter_;
  std::string load_error_;
};

}  // namespace gwr::text
