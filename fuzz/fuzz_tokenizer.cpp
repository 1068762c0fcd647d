// Fuzz target: the FTS5 tokenizer (store/tokenizer.h), document and query modes.
#include "fuzz/common.h"
#include "store/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gwr;
  static store::Tokenizer tok = [] {
    auto t = store::Tokenizer::create();
    if (!t) __builtin_trap();
    return std::move(t).value();
  }();
  const std::string_view in = fuzz::bytes(data, size);
  for (auto mode : {store::TokenMode::kDocument, store::TokenMode::kQuery}) {
    for (const store::Token& t : tok.tokenize(in, mode)) {
      if (t.begin > t.end || t.end > in.size() || t.text.size() > store::kMaxTokenBytes)
        __builtin_trap();
    }
  }
  return 0;
}
