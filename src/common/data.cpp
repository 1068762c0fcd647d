#include "common/data.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gwr::data {

Result<std::string> read(std::string_view name) {
  if (const char* dir = std::getenv("GWR_DATA_DIR"); dir != nullptr && *dir != '\0') {
    const std::filesystem::path p = std::filesystem::path(dir) / std::string(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in.good() && !in.eof()) {
        return make_error(ErrorCode::kInvalidData, "cannot read data file", p.string());
      }
      return ss.str();
    }
  }
  if (auto e = embedded(name)) return std::string(*e);
  return make_error(ErrorCode::kInvalidData, "no such data file", std::string(name));
}

Result<Table> parse_table(std::string_view name, std::string_view content, std::size_t min_cols,
                          std::size_t max_cols) {
  Table t;
  t.name = std::string(name);
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') {
      if (nl == content.size()) break;
      continue;
    }
    Row r;
    r.line = line_no;
    std::size_t f = 0;
    while (true) {
      std::size_t tab = line.find('\t', f);
      r.fields.emplace_back(
          line.substr(f, tab == std::string_view::npos ? line.size() - f : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    if (r.fields.size() < min_cols || r.fields.size() > max_cols) {
      return make_error(ErrorCode::kInvalidData,
                        "expected " + std::to_string(min_cols) + ".." + std::to_string(max_cols) +
                            " tab-separated fields, found " + std::to_string(r.fields.size()),
                        std::string(name) + ":" + std::to_string(line_no));
    }
    t.rows.push_back(std::move(r));
    if (nl == content.size()) break;
  }
  return t;
}

Result<Table> load_table(std::string_view name, std::size_t min_cols, std::size_t max_cols) {
  auto content = read(name);
  if (!content) return content.error();
  return parse_table(name, *content, min_cols, max_cols);
}

}  // namespace gwr::data
