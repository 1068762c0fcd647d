#include "store/tokenizer.h"

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdint>
#include <new>

#include "store/sqlite.h"

namespace gwr::store {

namespace {

struct Cp {
  char32_t c = 0;
  std::size_t begin = 0;  // byte offsets into the input
  std::size_t end = 0;
};

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes UTF-8 leniently: each invalid byte becomes one kInvalid code point (a separator).
std::vector<Cp> decode(std::string_view s) {
  std::vector<Cp> out;
  out.reserve(s.size() / 2 + 1);
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t c = 0;
    if (b0 < 0x80) {
      len = 1, c = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      len = 2, c = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
      len = 3, c = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
      len = 4, c = b0 & 0x07;
    }
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (b & 0x3F);
    }
    if (!ok) {
      out.push_back({kInvalid, i, i + 1});
      ++i;
      continue;
    }
    out.push_back({c, i, i + len});
    i += len;
  }
  return out;
}

bool is_han(char32_t c) {
  if (c == kInvalid) return false;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN && U_SUCCESS(err) &&
         u_isalpha(static_cast<UChar32>(c));
}

bool is_word(char32_t c) {
  return c != kInvalid && u_isalnum(static_cast<UChar32>(c)) && !is_han(c);
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string_view clip(std::string_view t) {
  if (t.size() <= kMaxTokenBytes) return t;
  std::size_t n = kMaxTokenBytes;
  while (n > 0 && (static_cast<unsigned char>(t[n]) & 0xC0) == 0x80) --n;  // code point boundary
  return t.substr(0, n);
}

}  // namespace

struct Tokenizer::Impl {};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::create() { return Tokenizer(std::make_unique<Impl>()); }

std::vector<Token> Tokenizer::tokenize(std::string_view text, TokenMode mode) {
  std::vector<Token> out;
  each(text, mode, [&](std::string_view t, std::size_t b, std::size_t e, bool c) {
    out.push_back(Token{std::string(t), b, e, c});
    return true;
  });
  return out;
}

bool Tokenizer::run(std::string_view text, TokenMode /*mode: the same stream*/, void* ctx,
                    EmitFn fn) {
  const std::vector<Cp> cps = decode(text);
  std::string buf;
  std::size_t i = 0;
  while (i < cps.size()) {
    const char32_t c = cps[i].c;
    if (is_han(c)) {
      std::size_t j = i;
      while (j < cps.size() && is_han(cps[j].c)) ++j;
      const std::size_t n = j - i;
      if (n == 1) {
        if (!fn(ctx, text.substr(cps[i].begin, cps[i].end - cps[i].begin), cps[i].begin, cps[i].end,
                false))
          return false;
        i = j;
        continue;
      }
      for (std::size_t k = 0; k + 1 < n; ++k) {
        const Cp& a = cps[i + k];
        const Cp& z = cps[i + k + 1];
        if (!fn(ctx, text.substr(a.begin, z.end - a.begin), a.begin, z.end, false)) return false;
      }
      i = j;
    } else if (is_word(c)) {
      buf.clear();
      std::size_t j = i;
      while (j < cps.size()) {
        const char32_t d = cps[j].c;
        if (is_word(d)) {
          append_utf8(buf, static_cast<char32_t>(u_tolower(static_cast<UChar32>(d))));
        } else if (d == '.' && j > i && is_digit(cps[j - 1].c) && j + 1 < cps.size() &&
                   is_digit(cps[j + 1].c)) {
          buf += '.';
        } else {
          break;
        }
        ++j;
      }
      if (!fn(ctx, clip(buf), cps[i].begin, cps[j - 1].end, false)) return false;
      i = j;
    } else {
      ++i;
    }
  }
  return true;
}

// ---- token streams computed ahead of time ------------------------------------------------------

void Pretokenized::add(std::string_view text, Tokenizer& tok) {
  if (streams_.find(text) != streams_.end()) return;
  Stream s;
  tok.each(text, TokenMode::kDocument,
           [&](std::string_view t, std::size_t b, std::size_t e, bool c) {
             Tok x{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0, 0, c};
             if (t != text.substr(b, e - b)) {
               x.alt_begin = static_cast<std::uint32_t>(s.alt.size());
               x.alt_len = static_cast<std::uint32_t>(t.size());
               s.alt.append(t);
             }
             s.toks.push_back(x);
             return true;
           });
  streams_.emplace(std::string(text), std::move(s));
}

namespace {
thread_local const Pretokenized* t_pretokenized = nullptr;
}  // namespace

PretokenizedScope::PretokenizedScope(const Pretokenized* p) : previous_(t_pretokenized) {
  t_pretokenized = p;
}
PretokenizedScope::~PretokenizedScope() { t_pretokenized = previous_; }

// ---- FTS5 glue --------------------------------------------------------------------------------

namespace {

struct FtsTokenizer {
  Tokenizer tok;
};

int fts_create(void*, const char**, int, Fts5Tokenizer** out) {
  try {
    auto t = Tokenizer::create();
    if (!t) return SQLITE_ERROR;
    auto owned = std::make_unique<FtsTokenizer>(FtsTokenizer{std::move(t).value()});
    *out = reinterpret_cast<Fts5Tokenizer*>(owned.release());  // owned by FTS5 until fts_delete
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void fts_delete(Fts5Tokenizer* p) {
  std::unique_ptr<FtsTokenizer> owned(reinterpret_cast<FtsTokenizer*>(p));
}

using XToken = int (*)(void*, int, const char*, int, int, int);

int fts_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n, XToken x_token) {
  try {
    auto* t = reinterpret_cast<FtsTokenizer*>(p);
    if (n < 0 || text == nullptr) return SQLITE_OK;
    const TokenMode mode =
        (flags & FTS5_TOKENIZE_DOCUMENT) ? TokenMode::kDocument : TokenMode::kQuery;
    int rc = SQLITE_OK;
    auto emit = [&](std::string_view tok, std::size_t b, std::size_t e, bool coloc) {
      rc = x_token(ctx, coloc ? FTS5_TOKEN_COLOCATED : 0, tok.data(), static_cast<int>(tok.size()),
                   static_cast<int>(b), static_cast<int>(e));
      return rc == SQLITE_OK;
    };
    const std::string_view s(text, static_cast<std::size_t>(n));
    // A held stream is replayed only when nothing was emitted yet, so a miss costs nothing.
    if (mode == TokenMode::kDocument && t_pretokenized != nullptr &&
        t_pretokenized->replay(s, emit))
      return rc;
    if (rc != SQLITE_OK) return rc;
    t->tok.each(s, mode, emit);
    return rc;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

Status register_tokenizer(sqlite3* db) {
  auto s = Stmt::prepare(db, "SELECT fts5(?1)");
  if (!s) return s.error();
  fts5_api* api = nullptr;
  sqlite3_bind_pointer(s->get(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  auto r = s->step();
  if (!r) return r.error();
  if (api == nullptr || api->iVersion < 2) {
    return make_error(ErrorCode::kInternal, "SQLite was built without FTS5");
  }
  fts5_tokenizer t{fts_create, fts_delete, fts_tokenize};
  if (api->xCreateTokenizer(api, "gwr", nullptr, &t, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "registering the gwr tokenizer");
  }
  return Ok{};
}

}  // namespace gwr::store
