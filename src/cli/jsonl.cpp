#include "cli/jsonl.h"

#include <array>
#include <exception>
#include <utility>

#include "extraction/json.h"

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
  out["map_version"] = kMapVersion;
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
  out["name"] = name;
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
  out["size"] = bytes.size();
  try {  // one document must never end the whole map task
    auto r = pipeline::extract_bytes(bytes, name, res);
    if (!r) return error(r.error().code, r.error().message);
    out["reports"] = nlohmann::json::array();
    out["rows"] = nlohmann::json::array();
    for (const auto& x : *r) {
      out["reports"].push_back(extraction::to_json(x, with_text));
      out["rows"].push_back(extraction::rows_json(extraction::rows_of(x)));
    }
  } catch (const std::exception& e) {
    return error(ErrorCode::kInternal, e.what());
  }
  return out;
}

nlohmann::json too_long_line() {
  nlohmann::json out = {{"map_version", kMapVersion}, {"id", nullptr}};
  out["error"] = {{"code", error_code_name(ErrorCode::kTooLarge)},
                  {"message", "input line over 88 MiB"}};
  return out;
}

namespace {

std::optional<ErrorCode> error_code_named(std::string_view name) {
  for (ErrorCode c : {ErrorCode::kInternal, ErrorCode::kUsage, ErrorCode::kUnreadable,
                      ErrorCode::kUnsupportedFormat, ErrorCode::kNotAReport, ErrorCode::kTooLarge,
                      ErrorCode::kBadEncoding, ErrorCode::kInvalidData}) {
    if (name == error_code_name(c)) return c;
  }
  return std::nullopt;
}

Error bad(std::string message) { return make_error(ErrorCode::kInvalidData, std::move(message)); }

}  // namespace

Result<MapResult> read_result_line(std::string_view line) {
  if (nested_deeper_than(line, kMaxJsonDepth)) {
    return bad("the line nests arrays or objects more than 64 levels deep");
  }
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return bad("not a JSON object");
  const std::string expected = "; this gwr reads map_version " + std::to_string(kMapVersion) +
                               " (run the map again with this gwr)";
  if (!j.contains("map_version")) {
    return bad("no \"map_version\": not a result line of gwr extract --stdin-jsonl" + expected);
  }
  if (!j["map_version"].is_number_integer() ||
      j["map_version"].get<std::int64_t>() != kMapVersion) {
    return bad("a result line of map_version " + j["map_version"].dump() + expected);
  }
  MapResult out;
  if (j.contains("name")) {
    if (!j["name"].is_string()) return bad("\"name\" must be a string");
    out.name = j["name"].get<std::string>();
  }
  if (j.contains("size")) {
    if (!j["size"].is_number_unsigned()) return bad("\"size\" must be a byte count");
    out.size = static_cast<std::int64_t>(j["size"].get<std::uint64_t>());
  }
  if (j.contains("error")) {
    const auto& e = j["error"];
    if (!e.is_object() || !e.contains("code") || !e["code"].is_string() || !e.contains("message") ||
        !e["message"].is_string()) {
      return bad("\"error\" must be an object with a \"code\" and a \"message\"");
    }
    const auto code = error_code_named(e["code"].get<std::string>());
    if (!code) return bad("unknown error code " + e["code"].dump());
    out.error = make_error(*code, e["message"].get<std::string>(), out.name.value_or(""));
    return out;
  }
  if (!out.name) return bad("no \"name\"");
  if (!j.contains("size")) return bad("no \"size\"");
  if (!j.contains("rows") || !j["rows"].is_array()) return bad("no \"rows\" array");
  out.rows.reserve(j["rows"].size());
  for (std::size_t i = 0; i < j["rows"].size(); ++i) {
    auto r = extraction::rows_from_json(j["rows"][i]);
    if (!r) return bad("report " + std::to_string(i) + ": " + r.error().message);
    out.rows.push_back(std::move(r).value());
  }
  return out;
}

}  // namespace gwr::cli
