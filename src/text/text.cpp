// decode(): bytes → UTF-8 with a map to the raw bytes. See text.h for the contract.
//
// Order of decisions: size budget, empty input, byte-order mark, binary sniffing, strict UTF-8,
// the container's declared charset, UTF-8 with a few bad bytes, then uchardet's guess checked
// against GB18030 and Big5 by decoding a sample with each and preferring the one that yields
// common Chinese characters (Big5 bytes decode as valid but meaningless GBK, and uchardet is
// unreliable on short or mixed texts).
#include "text/text.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>

#include "common/utf8.h"
#include "text/chinese_script.h"

namespace gwr::text {

namespace {

constexpr std::size_t kChunkBytes = 1u << 20;     // ICU converts this much source per call
constexpr std::size_t kSampleBytes = 64u << 10;   // enough to judge an encoding
constexpr std::size_t kDetectBytes = 256u << 10;  // fed to uchardet
constexpr std::size_t kMaxByteWarnings = 10;      // individual bad-byte warnings before a summary

// Very frequent characters of Chinese official prose, in both scripts. A correct decoding of a
// Chinese text has many of them; a wrong CJK decoding yields rare characters instead.
constexpr std::u32string_view kCommonHan =
    U"的一是在不了有和人中大上年发展经济国业工作产会设建进行新全加强推动区县市省民生政府"
    U"發經濟國業產會設進強動區縣們為這個與對實現";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct Encoding {
  std::string label;     // name reported in Decoded::encoding
  std::string icu;       // converter name for ICU; empty for our own UTF-8 path
  std::size_t unit = 1;  // code unit size: 1 (ASCII-compatible), 2 (UTF-16), 4 (UTF-32)
};

// Maps a charset name from a container, uchardet or a BOM to the converter gwr uses. GB2312 and
// GBK are subsets of GB18030; Big5 goes to ICU's Big5 (= windows-950, the usual superset).
std::optional<Encoding> encoding_for(std::string_view name) {
  const std::string n = lower(utf8::trim(name));
  if (n.empty() || n == "ascii" || n == "us-ascii") return std::nullopt;
  if (n == "utf-8" || n == "utf8") return Encoding{"UTF-8", "", 1};
  if (n == "gb2312" || n == "gbk" || n == "gb18030" || n == "cp936" || n == "x-gbk" ||
      n == "euc-cn" || n == "windows-936" || n == "gb_2312-80" || n == "x-euc-cn") {
    return Encoding{"GB18030", "GB18030", 1};
  }
  if (n == "big5" || n == "cp950" || n == "windows-950" || n == "x-x-big5" || n == "big-5") {
    return Encoding{"Big5", "Big5", 1};
  }
  if (n == "big5-hkscs" || n == "big5hkscs") return Encoding{"Big5-HKSCS", "Big5-HKSCS", 1};
  if (n == "utf-16le") return Encoding{"UTF-16LE", "UTF-16LE", 2};
  if (n == "utf-16be") return Encoding{"UTF-16BE", "UTF-16BE", 2};
  if (n == "utf-16") return Encoding{"UTF-16LE", "UTF-16LE", 2};
  if (n == "utf-32le") return Encoding{"UTF-32LE", "UTF-32LE", 4};
  if (n == "utf-32be") return Encoding{"UTF-32BE", "UTF-32BE", 4};
  UErrorCode st = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(n.c_str(), &st);
  if (U_FAILURE(st) || probe == nullptr) return std::nullopt;
  const int8_t min_char = ucnv_getMinCharSize(probe);
  ucnv_close(probe);
  if (min_char != 1) return std::nullopt;  // other wide encodings arrive with a BOM or not at all
  return Encoding{std::string(utf8::trim(name)), n, 1};
}

// Output of one conversion attempt.
struct Conversion {
  MappedText text;
  std::size_t errors = 0;     // characters that came out as U+FFFD
  std::size_t pua = 0;        // private-use characters: rare in real text, common in misdecodings
  std::size_t non_ascii = 0;  // output characters >= U+0080
  std::size_t han = 0;
  std::size_t common = 0;                  // Han characters in kCommonHan
  std::vector<std::size_t> error_offsets;  // raw offsets of the first kMaxByteWarnings errors

  double error_rate() const {
    return static_cast<double>(errors + pua) /
           static_cast<double>(std::max<std::size_t>(1, non_ascii));
  }
  double common_share() const {
    return static_cast<double>(common) / static_cast<double>(std::max<std::size_t>(1, han));
  }
};

// Appends pieces, merging adjacent copies and adjacent replacements of the same source range.
class PieceWriter {
 public:
  void reserve(std::size_t out_bytes, std::size_t pieces) {
    out_.reserve(out_bytes);
    pieces_.reserve(pieces);
  }
  void add(std::size_t src_begin, std::size_t src_len, std::string_view utf8_bytes, bool copied) {
    const std::size_t out_begin = out_.size();
    out_.append(utf8_bytes);
    if (!pieces_.empty()) {
      auto& l = pieces_.back();
      if (copied && l.copied && l.src_begin + l.src_len == src_begin) {
        l.out_len += utf8_bytes.size();
        l.src_len += src_len;
        return;
      }
      if (!copied && !l.copied && l.src_begin == src_begin && l.src_len == src_len) {
        l.out_len += utf8_bytes.size();
        return;
      }
    }
    pieces_.push_back({out_begin, utf8_bytes.size(), src_begin, src_len, copied});
  }
  MappedText finish() && { return MappedText{std::move(out_), OffsetMap(std::move(pieces_))}; }

 private:
  std::string out_;
  std::vector<OffsetMap::Piece> pieces_;
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// End of the chunk starting at `begin`: about kChunkBytes later, just after a line feed code
// unit so that no character is split between two ICU calls.
std::size_t chunk_end(std::string_view raw, std::size_t begin, std::size_t limit, std::size_t unit,
                      bool big_endian) {
  if (limit - begin <= kChunkBytes) return limit;
  std::size_t pos = begin + kChunkBytes;
  pos -= (pos - begin) % unit;
  for (; pos + unit <= limit; pos += unit) {
    const std::size_t lf = big_endian ? pos + unit - 1 : pos;
    bool is_lf = raw[lf] == '\n';
    for (std::size_t k = 0; k < unit && is_lf; ++k) {
      if (pos + k != lf && raw[pos + k] != '\0') is_lf = false;
    }
    if (is_lf) return pos + unit;
  }
  return limit;
}

// Converts raw[begin, limit) with ICU, recording each output character's raw byte range.
// nullopt when ICU has no such converter.
std::optional<Conversion> convert_icu(std::string_view raw, std::size_t begin, std::size_t limit,
                                      const Encoding& enc) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(enc.icu.c_str(), &st));
  if (U_FAILURE(st) || !cnv) return std::nullopt;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &st);
  if (U_FAILURE(st)) return std::nullopt;
  const bool big_endian = enc.label.size() > 2 && enc.label.substr(enc.label.size() - 2) == "BE";

  Conversion conv;
  PieceWriter writer;
  writer.reserve((limit - begin) * 3 / 2 + 16, (limit - begin) / 3 + 16);
  std::vector<UChar> buf;
  std::vector<int32_t> offs;
  std::string utf8_char;
  std::size_t prev_start = begin;
  for (std::size_t cb = begin; cb < limit;) {
    const std::size_t ce = chunk_end(raw, cb, limit, enc.unit, big_endian);
    const bool flush = ce == limit;
    buf.resize(ce - cb + 16);
    offs.resize(buf.size());
    const char* src = raw.data() + cb;
    const char* const src_end = raw.data() + ce;
    std::size_t produced = 0;
    while (true) {
      UChar* tgt = buf.data() + produced;
      const char* const call_src = src;
      st = U_ZERO_ERROR;
      ucnv_toUnicode(cnv.get(), &tgt, buf.data() + buf.size(), &src, src_end,
                     offs.data() + produced, flush, &st);
      const auto call_base = static_cast<int32_t>(call_src - raw.data());
      const std::size_t now = static_cast<std::size_t>(tgt - buf.data());
      for (std::size_t k = produced; k < now; ++k) offs[k] = offs[k] < 0 ? -1 : offs[k] + call_base;
      produced = now;
      if (st != U_BUFFER_OVERFLOW_ERROR) break;
      buf.resize(buf.size() * 2);
      offs.resize(buf.size());
    }
    if (U_FAILURE(st)) return std::nullopt;

    // Each code point spans from its own source offset to the next larger one.
    std::size_t k = 0;
    while (k < produced) {
      const std::size_t first = k;
      UChar32 cp = 0;
      U16_NEXT(buf.data(), k, produced, cp);
      std::size_t start = offs[first] < 0 ? prev_start : static_cast<std::size_t>(offs[first]);
      start = std::max(start, prev_start);
      std::size_t end = ce;
      for (std::size_t j = k; j < produced; ++j) {
        if (offs[j] >= 0 && static_cast<std::size_t>(offs[j]) > start) {
          end = static_cast<std::size_t>(offs[j]);
          break;
        }
        if (j > k + 8) break;  // a run of unknown offsets: keep the chunk end
      }
      prev_start = start;
      const auto c = static_cast<char32_t>(cp);
      utf8_char.clear();
      utf8::append(utf8_char, c);
      const bool same = c < 0x80 && end == start + 1 && static_cast<unsigned char>(raw[start]) == c;
      writer.add(start, end - start, utf8_char, same);
      if (c >= 0x80) ++conv.non_ascii;
      if (c == utf8::kReplacement || (c == 0x1A && raw[start] != 0x1A)) {
        ++conv.errors;
        if (conv.error_offsets.size() < kMaxByteWarnings) conv.error_offsets.push_back(start);
      }
      if (c >= 0xE000 && c <= 0xF8FF) ++conv.pua;
      if (utf8::is_han(c)) {
        ++conv.han;
        if (kCommonHan.find(c) != std::u32string_view::npos) ++conv.common;
      }
    }
    cb = ce;
  }
  conv.text = std::move(writer).finish();
  return conv;
}

// Walks raw[begin..] sequence by sequence: `valid()` for each well-formed non-ASCII sequence (an
// encoded U+FFFD, 3 bytes, counts as valid), `invalid(before, after)` for each ill-formed one.
template <class Valid, class Invalid>
void each_non_ascii(std::string_view raw, std::size_t begin, Valid&& valid, Invalid&& invalid) {
  for (std::size_t i = begin; i < raw.size();) {
    if (static_cast<unsigned char>(raw[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t before = i;
    const char32_t c = utf8::next(raw, i);
    if (c != utf8::kReplacement || i - before == 3)
      valid();
    else
      invalid(before, i);
  }
}

// UTF-8 with invalid bytes replaced by U+FFFD; valid stretches are copied (one piece each).
Conversion convert_utf8(std::string_view raw, std::size_t begin) {
  Conversion conv;
  MappedTextBuilder b(raw);
  std::size_t run = begin;
  each_non_ascii(
      raw, begin, [&] { ++conv.non_ascii; },
      [&](std::size_t before, std::size_t i) {
        b.copy(run, before);
        b.replace(before, i, "\xEF\xBF\xBD");
        run = i;
        ++conv.errors;
        ++conv.non_ascii;
        if (conv.error_offsets.size() < kMaxByteWarnings) conv.error_offsets.push_back(before);
      });
  b.copy(run, raw.size());
  conv.text = std::move(b).finish();
  return conv;
}

// True when raw[begin..] is UTF-8 apart from a truncated tail or a few bad bytes.
bool mostly_utf8(std::string_view raw, std::size_t begin) {
  std::size_t multibyte = 0, invalid = 0, first_invalid = raw.size();
  each_non_ascii(
      raw, begin, [&] { ++multibyte; },
      [&](std::size_t before, std::size_t) {
        ++invalid;
        first_invalid = std::min(first_invalid, before);
      });
  if (invalid == 0) return true;
  if (multibyte > 0 && first_invalid + 3 >= raw.size()) return true;  // cut in the middle of a char
  return multibyte >= 8 * invalid && invalid <= std::max<std::size_t>(4, multibyte / 50);
}

// Control bytes other than the usual white space; NULs count double.
bool looks_binary(std::string_view raw) {
  std::size_t bad = 0, nul = 0;
  for (unsigned char c : raw) {
    if (c == 0)
      ++nul;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
             c != 0x1A && c != 0x1B)
      ++bad;
  }
  return nul > 16 || (nul + bad) * 200 > raw.size();
}

// UTF-16 without a BOM shows up as NULs in every other byte of its ASCII characters.
std::optional<Encoding> sniff_utf16(std::string_view raw) {
  const std::size_t n = std::min<std::size_t>(raw.size(), 4096) & ~std::size_t{1};
  if (n < 4) return std::nullopt;
  std::size_t even = 0, odd = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (raw[i] == '\0') (i % 2 == 0 ? even : odd)++;
  }
  const std::size_t units = n / 2;
  if (odd * 10 >= units * 3 && even * 20 < units) return Encoding{"UTF-16LE", "UTF-16LE", 2};
  if (even * 10 >= units * 3 && odd * 20 < units) return Encoding{"UTF-16BE", "UTF-16BE", 2};
  return std::nullopt;
}

std::string detect_charset(std::string_view raw) {
  uchardet_t ud = uchardet_new();
  if (ud == nullptr) return {};
  const std::size_t n = std::min(raw.size(), kDetectBytes);
  std::string name;
  if (uchardet_handle_data(ud, raw.data(), n) == 0) {
    uchardet_data_end(ud);
    if (const char* cs = uchardet_get_charset(ud); cs != nullptr) name = cs;
  }
  uchardet_delete(ud);
  return name;
}

// The end of a sample of ASCII-compatible text: about kSampleBytes, cut after a line feed.
std::size_t sample_end(std::string_view raw, std::size_t begin) {
  if (raw.size() - begin <= kSampleBytes) return raw.size();
  const std::size_t lf = raw.find('\n', begin + kSampleBytes);
  return lf == std::string_view::npos || lf - begin > 2 * kSampleBytes ? raw.size() : lf + 1;
}

void add_byte_warnings(const Conversion& conv, const std::string& code, const std::string& enc,
                       std::vector<Warning>& warnings) {
  for (std::size_t off : conv.error_offsets) {
    warnings.push_back({code,
                        "bytes at offset " + std::to_string(off) + " are not valid " + enc +
                            "; replaced by U+FFFD",
                        off});
  }
  if (conv.errors > conv.error_offsets.size()) {
    warnings.push_back({code,
                        std::to_string(conv.errors) + " undecodable characters in all were "
                                                      "replaced by U+FFFD",
                        Warning::kNoOffset});
  }
}

Result<Decoded> finish_icu(std::string_view raw, std::size_t begin, const Encoding& enc,
                           std::vector<Warning>& warnings) {
  auto conv = convert_icu(raw, begin, raw.size(), enc);
  if (!conv) {
    return make_error(ErrorCode::kBadEncoding, "no converter for detected charset " + enc.label);
  }
  if (conv->non_ascii > 0 && conv->error_rate() > 0.10) {
    return make_error(ErrorCode::kBadEncoding,
                      "text does not decode as " + enc.label +
                          " (detected charset): " + std::to_string(conv->errors) + " of " +
                          std::to_string(conv->non_ascii) + " characters undecodable");
  }
  add_byte_warnings(*conv, "undecodable_bytes", enc.label, warnings);
  return Decoded{std::move(conv->text), enc.label};
}

Decoded finish_utf8(std::string_view raw, std::size_t begin, std::vector<Warning>& warnings) {
  Conversion conv = convert_utf8(raw, begin);
  add_byte_warnings(conv, "invalid_utf8", "UTF-8", warnings);
  return Decoded{std::move(conv.text), "UTF-8"};
}

}  // namespace

Result<Decoded> decode(std::string_view bytes, std::string_view declared,
                       std::vector<Warning>& warnings) {
  if (bytes.size() > kMaxInputBytes) {
    return make_error(ErrorCode::kTooLarge, "input is " + std::to_string(bytes.size()) +
                                                " bytes; the limit is " +
                                                std::to_string(kMaxInputBytes) + " bytes");
  }
  auto starts_with = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  std::optional<Encoding> bom_enc;
  std::size_t begin = 0;
  if (starts_with("\xEF\xBB\xBF")) {
    bom_enc = Encoding{"UTF-8", "", 1};
    begin = 3;
  } else if (starts_with(std::string_view("\xFF\xFE\0\0", 4))) {
    bom_enc = Encoding{"UTF-32LE", "UTF-32LE", 4};
    begin = 4;
  } else if (starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    bom_enc = Encoding{"UTF-32BE", "UTF-32BE", 4};
    begin = 4;
  } else if (starts_with("\xFF\xFE")) {
    bom_enc = Encoding{"UTF-16LE", "UTF-16LE", 2};
    begin = 2;
  } else if (starts_with("\xFE\xFF")) {
    bom_enc = Encoding{"UTF-16BE", "UTF-16BE", 2};
    begin = 2;
  }
  if (bytes.size() == begin) return make_error(ErrorCode::kNotAReport, "empty file");

  if (bom_enc && bom_enc->icu.empty()) {
    if (looks_binary(bytes.substr(begin))) {
      return make_error(ErrorCode::kUnsupportedFormat, "binary data, not text");
    }
    return finish_utf8(bytes, begin, warnings);
  }
  if (bom_enc) return finish_icu(bytes, begin, *bom_enc, warnings);
  if (auto wide = sniff_utf16(bytes)) return finish_icu(bytes, 0, *wide, warnings);
  if (looks_binary(bytes)) {
    return make_error(ErrorCode::kUnsupportedFormat,
                      "binary data (NUL or control bytes), not text");
  }
  if (utf8::valid(bytes))
    return Decoded{MappedText{std::string(bytes), OffsetMap::identity(bytes.size())}, "UTF-8"};

  const std::size_t sample = sample_end(bytes, 0);
  std::optional<Encoding> declared_enc = encoding_for(declared);
  if (declared_enc && !declared_enc->icu.empty() && declared_enc->unit == 1) {
    auto conv = convert_icu(bytes, 0, sample, *declared_enc);
    // A wrong CJK declaration (GBK bytes labelled Big5) decodes without errors into rare
    // characters; such a declaration is ignored.
    if (conv && conv->error_rate() <= 0.01 && (conv->han < 20 || conv->common_share() >= 0.05)) {
      return finish_icu(bytes, 0, *declared_enc, warnings);
    }
  }
  if (mostly_utf8(bytes, 0)) return finish_utf8(bytes, 0, warnings);

  // uchardet's guess, checked against the two Chinese encodings.
  const std::string detected = detect_charset(bytes);
  std::vector<Encoding> candidates;
  if (auto e = encoding_for(detected); e && !e->icu.empty() && e->unit == 1)
    candidates.push_back(*e);
  for (const char* n : {"GB18030", "Big5"}) {
    if (std::none_of(candidates.begin(), candidates.end(),
                     [&](const Encoding& c) { return c.label == n; })) {
      candidates.push_back(*encoding_for(n));
    }
  }
  const Encoding* best = nullptr;
  double best_score = -1;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    auto conv = convert_icu(bytes, 0, sample, candidates[i]);
    if (!conv || conv->error_rate() > 0.02) continue;
    // uchardet's own guess wins ties; a CJK decoding must find some common characters.
    const double score = conv->common_share() + (i == 0 && !detected.empty() ? 0.02 : 0.0);
    if (score > best_score) {
      best_score = score;
      best = &candidates[i];
    }
  }
  if (best == nullptr) {
    return make_error(ErrorCode::kBadEncoding,
                      "bytes do not decode as UTF-8, GB18030 or Big5 (detected charset: " +
                          (detected.empty() ? std::string("unknown") : detected) + ")");
  }
  return finish_icu(bytes, 0, *best, warnings);
}

bool looks_traditional(std::string_view utf8) {
  return ScriptConverter::instance().traditional_share(utf8) >= 0.12;
}

std::string to_simplified(std::string_view utf8) {
  if (!ScriptConverter::may_change(utf8)) return std::string(utf8);
  return ScriptConverter::instance().to_simplified(utf8);
}

}  // namespace gwr::text
