// gwr/store/tokenizer.h — the "gwr" FTS5 tokenizer: Chinese character bigrams and ASCII words.
//
//   store::Tokenizer tok = store::Tokenizer::create().value();
//   for (const store::Token& t : tok.tokenize("推动经济发展2023年GDP",
//   store::TokenMode::kDocument))
//     print(t.text, t.begin, t.end, t.colocated);
//   // 推动 动经 经济 济发 发展 2023 年 gdp
//
// What the tokenizer emits, for a run of Han characters (Unicode script Han): one bigram per pair
// of adjacent characters, each at its own position, so a query of two or more characters is a
// phrase of bigrams and matches wherever those characters are adjacent; a run of one character is
// a one-character token. Documents and queries get the same stream (TokenMode says which FTS5
// asks for: a document's stream may come from a Pretokenized store). Until 2026-12 documents
// also got ICU dictionary words of three or more characters as colocated tokens; no query ever
// produced such a token, so they only made the index larger (about a tenth) and ingest slower. An
// index built then still answers every query the same (FTS5 counts no colocated token in a
// document's length, so BM25 scores are equal too); Token::colocated stays for that format.
// Runs of other letters and digits (ASCII words, numbers with a decimal point such as 7.5) are one
// token each, lower-cased. Everything else (punctuation, spaces, symbols) separates tokens.
// Tokens longer than kMaxTokenBytes are cut to that length (offsets still cover the whole run).
//
// Offsets are half-open byte ranges [begin, end) into the tokenized string. Invalid UTF-8 bytes
// are separators. A Tokenizer holds no state and is cheap to create; FTS5 creates one per table
// and connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "common/result.h"

struct sqlite3;

namespace gwr::store {

inline constexpr std::size_t kMaxTokenBytes = 128;

enum class TokenMode { kDocument, kQuery };

struct Token {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool colocated = false;  // same position as the previous token
};

class Tokenizer {
 public:
  static Result<Tokenizer> create();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Calls emit(text, begin, end, colocated) for each token; stops early and returns false when
  // emit returns false.
  template <class F>
  bool each(std::string_view text, TokenMode mode, F&& emit);
  std::vector<Token> tokenize(std::string_view text, TokenMode mode);

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  using EmitFn = bool (*)(void* ctx, std::string_view tok, std::size_t b, std::size_t e,
                          bool coloc);
  bool run(std::string_view text, TokenMode mode, void* ctx, EmitFn fn);
  std::unique_ptr<Impl> impl_;
};

template <class F>
bool Tokenizer::each(std::string_view text, TokenMode mode, F&& emit) {
  return run(
      text, mode, &emit, [](void* ctx, std::string_view t, std::size_t b, std::size_t e, bool c) {
        return static_cast<bool>((*static_cast<std::remove_reference_t<F>*>(ctx))(t, b, e, c));
      });
}

// Document-mode token streams computed ahead of time, keyed by the exact text. `gwr ingest`
// tokenizes paragraphs on its worker threads and hands the result to the writer thread, whose
// FTS5 inserts then replay the stored stream instead of segmenting again (see
// PretokenizedScope). Replayed and freshly computed streams are identical by construction: both
// come from Tokenizer::each in kDocument mode. Immutable once built; safe to read concurrently.
class Pretokenized {
 public:
  // Tokenizes `text` (kDocument) with `tok` unless it is already held.
  void add(std::string_view text, Tokenizer& tok);
  bool empty() const { return streams_.empty(); }
  std::size_t size() const { return streams_.size(); }

  // Replays the stream of `text` through emit(text, begin, end, colocated); returns false when
  // `text` is not held (nothing emitted) or when emit stopped early.
  template <class F>
  bool replay(std::string_view text, F&& emit) const;

 private:
  struct Tok {
    std::uint32_t begin, end;
    std::uint32_t alt_begin, alt_len;  // token text in alt_ when it is not text[begin, end)
    bool colocated;
  };
  struct Stream {
    std::vector<Tok> toks;
    std::string alt;
  };
  // Looked up by string_view without copying the text (heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Stream, Hash, std::equal_to<>> streams_;
};

template <class F>
bool Pretokenized::replay(std::string_view text, F&& emit) const {
  const auto it = streams_.find(text);
  if (it == streams_.end()) return false;
  const Stream& s = it->second;
  for (const Tok& t : s.toks) {
    const std::string_view tok = t.alt_len > 0
                                     ? std::string_view(s.alt).substr(t.alt_begin, t.alt_len)
                                     : text.substr(t.begin, t.end - t.begin);
    if (!emit(tok, std::size_t{t.begin}, std::size_t{t.end}, t.colocated)) return false;
  }
  return true;
}

// While alive, FTS5 document tokenization on this thread replays the streams `p` holds (texts
// it does not hold are tokenized as usual). Scopes do not nest; `p` must outlive the scope.
class PretokenizedScope {
 public:
  explicit PretokenizedScope(const Pretokenized* p);
  ~PretokenizedScope();
  PretokenizedScope(const PretokenizedScope&) = delete;
  PretokenizedScope& operator=(const PretokenizedScope&) = delete;

 private:
  const Pretokenized* previous_;
};

// Registers the tokenizer as "gwr" with the FTS5 module of `db`.
Status register_tokenizer(sqlite3* db);

}  // namespace gwr::store
