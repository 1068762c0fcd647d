// gwr/meta/meta.h — stage 3: who delivered which report, where and when (Document::meta).
//
//   Result<meta::Divisions> div = meta::Divisions::load();      // once per process; pass it around
//   Result<meta::Lexicon> lex = meta::Lexicon::load();           // kInvalidData: bad data file
//   meta::annotate(doc, *div, *lex);
//   doc.meta.region == "甘州区"; doc.meta.parent == "张掖市"; doc.meta.plan_year == 2026;
//
//   auto e = div->resolve("朝阳区", "长春市…");   // context picks 长春's 朝阳区 over 北京's
//
// Divisions: the administrative-division table data/divisions.tsv (codes, names, levels, parents)
// plus short-name aliases derived by rule at load time (庆阳 → 庆阳市, 新疆 → 新疆维吾尔自治区,
// 恩施 / 恩施州 → 恩施土家族苗族自治州; ethnic names from data/meta_ethnic.tsv). Counties directly
// under a 直辖市 (北京市朝阳区) or a province (济源市) have that 直辖市 / province as parent.
// Immutable after load(); safe for concurrent use. Entry pointers live as long as the Divisions.
//
// annotate(): fills doc.meta from doc.text, reading the report header (title, `——在…会议上`
// subtitle, speaker line) found in doc.body and in the few lines just before it (so slightly
// misplaced body starts still work), scraper header blocks and page metadata (发文单位, 报告人,
// 发布日期), the body for years, and — when no header names the government — the body for the
// region: how it names itself (我代表市人民政府, 全市) and the divisions it lists (a city names
// its districts and counties). A report by the State Council (我代表国务院) is national whatever
// the file is called. The file name is a last hint only. region_source says which was used;
// body and file-name answers carry a `meta_region_inferred` warning. Field conventions follow
// shared/gold/README.md "Header fields":
//   region        as named in the report (full name when the table knows it), "全国" for national
//   level/region_code/province/parent  from the table ("100000" and no province for 全国)
//   delivered     header date only, "YYYY-MM-DD" or "YYYY-MM" (Chinese numerals accepted)
//   session       "第X届人民代表大会第Y次会议" (Arabic numerals become Chinese ones)
//   speaker, speaker_title (post only, e.g. "代理区长"), acting (代/代理)
//   review_year, plan_year (= review_year + 1), published (page meta, "YYYY-MM-DD")
// Every field it cannot establish stays null and gets a doc.warn("meta_no_<field>", …) warning.
// Never throws; fields already set in doc.meta are overwritten.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/vocabulary.h"
#include "doc/document.h"

namespace gwr::meta {

class Divisions {
 public:
  struct Entry {
    std::string code;  // six digits, e.g. "620702"
    std::string name;  // full name, e.g. "甘州区"
    Level level = Level::kUnknown;
    std::string parent_code;    // empty for provinces
    std::string province_code;  // own code for provinces
  };

  // Loads data/divisions.tsv and data/meta_ethnic.tsv (embedded, GWR_DATA_DIR may override).
  // kInvalidData when a row is malformed or a parent code is unknown.
  static Result<Divisions> load();

  // Resolves a region name as written (full or short name, simplified characters). When several
  // entries match, exact full names win over aliases, then the entry whose province, parent and
  // sibling names occur most in `context`, then the higher level. nullopt when nothing matches.
  std::optional<Entry> resolve(std::string_view name, std::string_view context = {}) const;
  // Every entry the name (full or alias) can denote, exact full-name matches first.
  std::vector<const Entry*> lookup(std::string_view name) const;
  const Entry* by_code(std::string_view code) const;
  // The divisions directly under `e` (a city's districts and counties, a province's cities).
  std::vector<const Entry*> children(const Entry& e) const;
  // How strongly `context` points at `e`: mentions of its province, parent and siblings.
  int context_score(const Entry& e, std::string_view context) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> full_;      // full name → entries
  std::unordered_map<std::string, std::vector<std::size_t>> alias_;     // short name → entries
  std::unordered_map<std::string, std::size_t> code_;                   // code → entry
  std::unordered_map<std::string, std::vector<std::size_t>> children_;  // parent code → entries
  std::unordered_map<std::string, std::vector<std::string>> short_;     // code → its aliases
};

// The stage's vocabulary (data/meta_header.tsv): posts, speech verbs, congress words, plan
// headings, date and header-block keys. Immutable after load(); kInvalidData for a bad row.
struct Lexicon {
  data::Vocabulary words;
  static Result<Lexicon> load();
  const data::PhraseList& list(std::string_view kind) const { return words.list(kind); }
  bool has_char(std::string_view kind, char32_t c) const { return words.has_char(kind, c); }
};

// Fills doc.meta (see above). `divisions` and `lexicon` are only read.
void annotate(Document& doc, const Divisions& divisions, const Lexicon& lexicon);

}  // namespace gwr::meta
