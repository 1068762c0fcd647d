#include "analysis/output.h"

#include <algorithm>

#include "common/json.h"
#include "common/utf8.h"

namespace gwr::analysis {

namespace {
nlohmann::json cell_json(const Cell& c) {
  if (const auto* i = std::get_if<std::int64_t>(&c)) return *i;
  if (const auto* d = std::get_if<double>(&c)) return *d;
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return nullptr;
}

// Display columns of a UTF-8 string in a terminal: wide (CJK, full-width) characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

// Text cells are shown on one line in the aligned table.
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}
}  // namespace

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv(std::ostream& out, const Table& t, bool bom) {
  if (bom) out << kUtf8Bom;
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    out << (i ? "," : "") << csv_field(t.columns[i]);
  out << "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i ? "," : "") << csv_field(to_text(row[i]));
    out << "\r\n";
  }
}

nlohmann::json row_json(const Table& t, std::size_t row) {
  nlohmann::json o = nlohmann::json::object();
  for (std::size_t i = 0; i < t.columns.size() && i < t.rows[row].size(); ++i) {
    o[t.columns[i]] = cell_json(t.rows[row][i]);
  }
  return o;
}

void write_jsonl(std::ostream& out, const Table& t) {
  for (std::size_t r = 0; r < t.rows.size(); ++r) out << dump_json(row_json(t, r)) << "\n";
}

void write_json(std::ostream& out, const Table& t) {
  nlohmann::json a = nlohmann::json::array();
  for (std::size_t r = 0; r < t.rows.size(); ++r) a.push_back(row_json(t, r));
  out << dump_json(a, 2) << "\n";
}

void write_text(std::ostream& out, const Table& t) {
  std::vector<std::size_t> width(t.columns.size(), 0);
  std::vector<std::vector<std::string>> cells;
  cells.reserve(t.rows.size());
  for (std::size_t i = 0; i < t.columns.size(); ++i) width[i] = display_width(t.columns[i]);
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (std::size_t i = 0; i < row.size(); ++i) {
      r.push_back(one_line(to_text(row[i])));
      width[i] = std::max(width[i], display_width(r.back()));
    }
    cells.push_back(std::move(r));
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (std::size_t i = 0; i < r.size(); ++i) {
      s += r[i];
      if (i + 1 < r.size()) s += std::string(width[i] - display_width(r[i]) + 2, ' ');
    }
    out << s << "\n";
  };
  line(t.columns);
  for (const auto& r : cells) line(r);
}

Status print(std::ostream& out, const Table& t, std::string_view format) {
  if (format == "csv") {
    write_csv(out, t, false);
  } else if (format == "json") {
    write_json(out, t);
  } else if (format == "jsonl") {
    write_jsonl(out, t);
  } else if (format == "table") {
    write_text(out, t);
  } else {
    return make_error(ErrorCode::kUsage, "unknown format '" + std::string(format) + "'");
  }
  if (!out) return make_error(ErrorCode::kUnreadable, "write failed");
  return Ok{};
}

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> rec;
  std::string field;
  bool quoted = false, in_quotes = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    any = true;
    if (c == '"') {
      if (!field.empty() || quoted) {
        return make_error(ErrorCode::kInvalidData, "quote inside an unquoted CSV field");
      }
      quoted = in_quotes = true;
    } else if (c == ',') {
      rec.push_back(std::move(field));
      field.clear();
      quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rec.push_back(std::move(field));
      field.clear();
      quoted = false;
      records.push_back(std::move(rec));
      rec.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (in_quotes) return make_error(ErrorCode::kInvalidData, "unterminated quoted CSV field");
  if (any) {
    rec.push_back(std::move(field));
    records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace gwr::analysis
