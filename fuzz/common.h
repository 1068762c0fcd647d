// gwr/fuzz/common.h — shared helpers of the libFuzzer targets in fuzz/ (see fuzz/README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "pipeline/pipeline.h"

namespace gwr::fuzz {

// The pipeline's resources, loaded once per fuzzing process (they are immutable).
inline const pipeline::Resources& resources() {
  static const std::shared_ptr<const pipeline::Resources> kRes = [] {
    auto r = pipeline::Resources::load();
    if (!r) __builtin_trap();
    return r.value();
  }();
  return *kRes;
}

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input as valid UTF-8 (each invalid byte becomes U+FFFD), as every stage after text::decode
// receives it.
inline std::string valid_utf8(std::string_view in) {
  if (utf8::valid(in)) return std::string(in);
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const std::size_t n = utf8::char_len(in, i);
    const std::string_view c = in.substr(i, n == 0 ? 1 : n);
    if (n > 0 && utf8::valid(c)) {
      out.append(c);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace gwr::fuzz
