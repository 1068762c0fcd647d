#include "analysis/attention.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "common/data.h"
#include "common/utf8.h"
#include "store/query.h"

namespace gwr::analysis {

namespace {

constexpr std::string_view kPrefix = "theme_";
constexpr std::string_view kSuffix = ".tsv";

bool is_theme_file(std::string_view n) {
  return n.size() > kPrefix.size() + kSuffix.size() && n.substr(0, kPrefix.size()) == kPrefix &&
         n.substr(n.size() - kSuffix.size()) == kSuffix;
}

std::string theme_name(std::string_view file) {
  return std::string(file.substr(kPrefix.size(), file.size() - kPrefix.size() - kSuffix.size()));
}

}  // namespace

Result<Themes> Themes::from(std::vector<Theme> themes) {
  for (auto& t : themes) {
    if (t.terms.empty()) {
      return make_error(ErrorCode::kInvalidData, "theme has no terms", "theme_" + t.name + ".tsv");
    }
    for (const auto& term : t.terms) {
      if (utf8::length(term) < 2 || !utf8::valid(term)) {
        return make_error(ErrorCode::kInvalidData,
                          "term '" + term + "' is shorter than two characters",
                          "theme_" + t.name + ".tsv");
      }
    }
    std::sort(t.terms.begin(), t.terms.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    t.terms.erase(std::unique(t.terms.begin(), t.terms.end()), t.terms.end());
  }
  std::sort(themes.begin(), themes.end(),
            [](const Theme& a, const Theme& b) { return a.name < b.name; });
  Themes out;
  out.themes_ = std::move(themes);
  return out;
}

Result<Themes> Themes::load() {
  std::set<std::string> files;
  for (auto n : data::embedded_names()) {
    if (is_theme_file(n)) files.insert(std::string(n));
  }
  if (const char* dir = std::getenv("GWR_DATA_DIR"); dir != nullptr && *dir != '\0') {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      const std::string n = e.path().filename().string();
      if (is_theme_file(n) && e.is_regular_file(ec)) files.insert(n);
    }
  }
  std::vector<Theme> themes;
  for (const auto& f : files) {
    auto t = data::load_table(f, 1, 1);
    if (!t) return t.error();
    Theme th;
    th.name = theme_name(f);
    for (const auto& row : t->rows) {
      const std::string_view term = utf8::trim(row.fields[0]);
      if (utf8::length(term) < 2) {
        return make_error(ErrorCode::kInvalidData, "term shorter than two characters",
                          f + ":" + std::to_string(row.line));
      }
      th.terms.emplace_back(term);
    }
    themes.push_back(std::move(th));
  }
  return from(std::move(themes));
}

std::vector<std::size_t> Themes::count(std::string_view text) const {
  std::vector<std::size_t> hits(themes_.size(), 0);
  for (std::size_t k = 0; k < themes_.size(); ++k) {
    const auto& terms = themes_[k].terms;  // longest first: the first match is the longest
    for (std::size_t i = 0; i < text.size();) {
      std::size_t matched = 0;
      for (const auto& term : terms) {
        if (text.compare(i, term.size(), term) == 0) {
          matched = term.size();
          break;
        }
      }
      if (matched > 0) {
        ++hits[k];
        i += matched;
      } else {
        i += std::max<std::size_t>(1, utf8::char_len(text, i));
      }
    }
  }
  return hits;
}

Result<Table> attention(const store::Reader& db, const Themes& themes, AttentionBy by,
                        const std::vector<std::int64_t>& report_ids) {
  auto st = store::Statement::prepare(db, R"(
SELECT r.report_id, r.region, r.level, r.plan_year, COALESCE(p.section_type, 'none'),
       COALESCE(p.text_simplified, p.text)
FROM paragraphs p JOIN report_rows r ON r.report_id = p.report_id
JOIN report_versions v ON v.report_id = r.report_id
WHERE ?1 = 1 OR v.version_rank = 1
ORDER BY r.report_id, p.ord)");
  if (!st) return st.error();
  // Reports named by id are read whatever their version; otherwise each report once, canonical.
  st->bind(1, Cell{std::int64_t{report_ids.empty() ? 0 : 1}});
  const std::set<std::int64_t> wanted(report_ids.begin(), report_ids.end());
  struct Acc {
    std::vector<Cell> key;
    std::size_t chars = 0;
    std::vector<std::size_t> hits;
  };
  std::vector<Acc> accs;
  std::map<std::pair<std::int64_t, std::string>, std::size_t> index;
  for (;;) {
    auto has = st->step();
    if (!has) return has.error();
    if (!*has) break;
    const auto id = std::get<std::int64_t>(st->cell(0));
    if (!wanted.empty() && wanted.count(id) == 0) continue;
    const Cell section = st->cell(4);
    const std::string sec = by == AttentionBy::kSection ? to_text(section) : std::string();
    auto [it, fresh] = index.emplace(std::make_pair(id, sec), accs.size());
    if (fresh) {
      Acc a;
      a.key = {Cell{id}, st->cell(1), st->cell(2), st->cell(3)};
      if (by == AttentionBy::kSection) a.key.push_back(section);
      a.hits.assign(themes.themes().size(), 0);
      accs.push_back(std::move(a));
    }
    Acc& a = accs[it->second];
    const std::string text = to_text(st->cell(5));
    a.chars += utf8::length(text);
    const auto h = themes.count(text);
    for (std::size_t k = 0; k < h.size(); ++k) a.hits[k] += h[k];
  }
  Table t;
  t.name = "attention";
  t.columns = {"report_id", "region", "level", "plan_year"};
  if (by == AttentionBy::kSection) t.columns.emplace_back("section_type");
  for (const char* c : {"chars", "theme", "hits", "per_10k"}) t.columns.emplace_back(c);
  for (const auto& a : accs) {
    for (std::size_t k = 0; k < a.hits.size(); ++k) {
      std::vector<Cell> row = a.key;
      row.emplace_back(static_cast<std::int64_t>(a.chars));
      row.emplace_back(themes.themes()[k].name);
      row.emplace_back(static_cast<std::int64_t>(a.hits[k]));
      row.emplace_back();
      if (a.chars > 0) {
        row.back() = static_cast<double>(a.hits[k]) * 10000.0 / static_cast<double>(a.chars);
      }
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

}  // namespace gwr::analysis
