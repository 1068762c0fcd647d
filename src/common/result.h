// gwr/common/result.h — the error values that cross stage boundaries.
//
//   Result<Document> r = ingest::read_file(path);
//   if (!r) { std::cerr << r.error().describe() << "\n"; return exit_code_for(r.error().code); }
//   Document doc = std::move(r).value();
//
// A Result holds either a value or an Error, never both and never neither. Stages return
// Result<T> at their boundaries; exceptions, if any, stay inside a stage. Calling value() on
// an error (or error() on a value) is a programmer error and asserts.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace gwr {

// Each code maps to one documented exit code of the `gwr` command (see docs/cli.md).
enum class ErrorCode {
  kInternal,           // a bug: exit 1
  kUsage,              // bad command line: exit 2
  kUnreadable,         // missing path, directory, permission, I/O error: exit 3
  kUnsupportedFormat,  // unknown extension, binary data, corrupt PDF: exit 4
  kNotAReport,         // readable text that is not about a government work report: exit 5
  kTooLarge,           // input over a documented budget: exit 6
  kBadEncoding,        // bytes that no supported encoding decodes: exit 7
  kInvalidData,        // a data file (lexicon, gold file) that fails validation: exit 8
};

int exit_code_for(ErrorCode code);
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // what went wrong, in plain words
  std::string where;    // file name, and offset or line when known

  // "where: message" or just the message when `where` is empty.
  std::string describe() const { return where.empty() ? message : where + ": " + message; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// For operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message, std::string where = {}) {
  return Error{code, std::move(message), std::move(where)};
}

}  // namespace gwr
