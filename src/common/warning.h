// gwr/common/warning.h — doubtful or repaired input, kept with the document and shown to the user.
//
//   doc.warnings.push_back({"stray_semicolon", "removed ';' left over from &nbsp;", 1234});
//
// `raw_offset` is a byte offset into the original input file (the same convention as every
// other offset in gwr, see doc/document.h); kNoOffset when the warning is about the whole file.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

namespace gwr {

struct Warning {
  static constexpr std::size_t kNoOffset = std::numeric_limits<std::size_t>::max();

  std::string code;     // stable machine-readable id, e.g. "stray_semicolon", "no_delivery_date"
  std::string message;  // plain-language explanation for the user
  std::size_t raw_offset = kNoOffset;
};

}  // namespace gwr
