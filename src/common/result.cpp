#include "common/result.h"

namespace gwr {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal:
      return 1;
    case ErrorCode::kUsage:
      return 2;
    case ErrorCode::kUnreadable:
      return 3;
    case ErrorCode::kUnsupportedFormat:
      return 4;
    case ErrorCode::kNotAReport:
      return 5;
    case ErrorCode::kTooLarge:
      return 6;
    case ErrorCode::kBadEncoding:
      return 7;
    case ErrorCode::kInvalidData:
      return 8;
  }
  return 1;
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kUnreadable:
      return "unreadable";
    case ErrorCode::kUnsupportedFormat:
      return "unsupported_format";
    case ErrorCode::kNotAReport:
      return "not_a_report";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kBadEncoding:
      return "bad_encoding";
    case ErrorCode::kInvalidData:
      return "invalid_data";
  }
  return "internal";
}

}  // namespace gwr
