#include "cli/jsonl.h"

#include <array>
#include <exception>
#include <utility>

namespace gwr::cli {

// True when the JSON text opens more than `limit` arrays/objects at once (brackets inside
// strings ignored). Linear, no allocation; runs before the parser.
bool nested_deeper_than(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// Reads one line of at most `max` bytes into `line` (without the '\n'). A longer line is read to
// its end but not kept: `too_long` is set and memory stays bounded by `max`. False at end of input.
bool read_bounded_line(std::FILE* in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  for (;;) {
    const int c = getc_unlocked(in);
    if (c == EOF) return any;
    any = true;
    if (c == '\n') return true;
    if (line.size() < max) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
}

// Standard base64 (RFC 4648, padding optional, whitespace ignored); nullopt on other characters.
std::optional<std::string> decode_base64(std::string_view in) {
  std::array<int, 256> val{};
  val.fill(-1);
  const std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    val[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
  }
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || c == '\n' || c == '\r' || c == ' ') continue;
    const int v = val[static_cast<unsigned char>(c)];
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  return out;
}

// One input line → one output object: {"id", "reports": [...]} or {"id", "error": {code, message}}.
nlohmann::json extract_line(const std::string& line, const pipeline::Resources& res,
                            bool with_text) {
  nlohmann::json out = nlohmann::json::object();
  out["id"] = nullptr;
  auto error = [&out](ErrorCode code, const std::string& message) {
    out["error"] = {{"code", error_code_name(code)}, {"message", message}};
    return out;
  };
  if (line.size() > kMaxLineBytes) return error(ErrorCode::kTooLarge, "input line over 88 MiB");
  if (nested_deeper_than(line, kMaxJsonDepth)) {
    return error(ErrorCode::kUsage, "line nests arrays or objects more than 64 levels deep");
  }
  const auto in = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (in.is_discarded() || !in.is_object()) {
    return error(ErrorCode::kUsage, "line is not a JSON object");
  }
  if (in.contains("id")) out["id"] = in["id"];
  std::string name = "document.txt";
  if (in.contains("name") && in["name"].is_string()) name = in["name"].get<std::string>();
  std::string bytes;
  if (in.contains("text") && in["text"].is_string()) {
    bytes = in["text"].get<std::string>();
  } else if (in.contains("base64") && in["base64"].is_string()) {
    auto b = decode_base64(in["base64"].get_ref<const std::string&>());
    if (!b) return error(ErrorCode::kUsage, "\"base64\" is not valid base64");
    bytes = std::move(*b);
  } else {
    return error(ErrorCode::kUsage, "the object has neither \"text\" nor \"base64\"");
  }
  try {  // one document must never end the whole map task
    auto r = pipeline::extract_bytes(bytes, name, res);
    if (!r) return error(r.error().code, r.error().message);
    out["reports"] = nlohmann::json::array();
    for (const auto& x : *r) out["reports"].push_back(pipeline::to_json(x, with_text));
  } catch (const std::exception& e) {
    return error(ErrorCode::kInternal, e.what());
  }
  return out;
}

}  // namespace gwr::cli
