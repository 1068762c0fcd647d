// gwr/doc/document.h — the document model every stage after ingest reads and annotates.
//
//   std::vector<Document> docs = ingest::read_file("report.html").value();
//   Document& d = docs[0];
//   std::string_view body = d.text_of(d.body);          // analysis text of the report body
//   Span raw = d.raw(d.body);                             // the same span in the input file's
//   bytes std::string cited = d.original_of(d.sections[0].heading);  // heading as written
//
// OFFSETS. Inside the pipeline every Span is a half-open byte range [begin, end) into
// Document::text.text, the analysis text. At the edges (JSON output, the store) spans are
// converted with raw() into half-open byte ranges into the original input file, the only
// offsets users ever see. Character offsets are never used.
//
// TWO TEXTS. `original` is the visible text in the characters the source used (tags stripped,
// entities decoded, decoded to UTF-8); its map points into the raw file bytes. `text` is what
// the analysis runs on: simplified characters (OpenCC t2s for traditional reports), full-width
// ASCII folded to half-width, scraping artifacts repaired; its map points into `original`.
// Quotes shown to users (verbatim, headings) are slices of `original`, so they read exactly as
// the source does.
//
// A Document owns all its strings; spans stay valid as long as the Document. Not thread-safe
// for writes; const access is safe for concurrent use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/warning.h"
#include "text/offset_map.h"

namespace gwr {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class Level { kUnknown, kNational, kProvince, kPrefecture, kCounty };
const char* level_name(Level l);  // "national", "province", "prefecture", "county", or "unknown"

enum class SectionType {
  kReview,          // review of the past year (工作回顾)
  kFiveYearReview,  // review of the past five-year period (过去五年 / “十三五”回顾)
  kFypGoals,        // five-year plan goals (“十四五”时期主要目标)
  kPlanTasks,       // the plan year's targets and tasks (2023年工作安排 / 主要任务)
  kSelfBuilding,    // government self-building (加强政府自身建设)
  kGlossary,        // 名词解释 appendix
  kLivelihood,      // 民生实事 list (section or appendix)
  kOther,
};
const char* section_type_name(SectionType t);  // "review", "five_year_review", ...

// A key/value field found in web page chrome (索引号, 发布日期, 来源, 发布机构 …).
struct PageMetaField {
  std::string key;    // as written, e.g. "发布日期"
  std::string value;  // as written, trimmed
  Span span;          // the whole field in `text`
};

// Where the region of a report was read: its title, the session line, the speaker line, a
// scraper's header block (发文单位: …) or page metadata, inferred from the body (全市 and the
// divisions it names), or guessed from the file name. Body and file-name answers carry a warning.
enum class RegionSource { kNone, kTitle, kSession, kSpeakerLine, kHeaderBlock, kBody, kFileName };
// "title", "session", "speaker_line", "header_block", "body", "file_name", or "none".
const char* region_source_name(RegionSource s);

struct Metadata {
  std::optional<std::string> region;  // as named in the report, simplified: "庆阳市", "全国"
  std::optional<std::string> region_code;  // GB/T 2260 six-digit code, "100000" for 全国
  Level level = Level::kUnknown;
  RegionSource region_source = RegionSource::kNone;
  std::optional<std::string> province;   // full name, e.g. "甘肃省"; null for 全国
  std::optional<std::string> parent;     // prefecture-level parent of a county-level region
  std::optional<std::string> delivered;  // "YYYY-MM-DD" or "YYYY-MM", from the report header
  std::optional<std::string> session;    // "第X届人民代表大会第Y次会议"
  std::optional<std::string> speaker;
  std::optional<std::string> speaker_title;  // government post only, e.g. "市长", "代理区长"
  bool acting = false;
  std::optional<int> review_year;
  std::optional<int> plan_year;
  std::optional<std::string> published;  // page publish date from page_meta, "YYYY-MM-DD"
};

struct Section {
  std::string title;  // exact heading text as written (slice of `original`), trimmed
  int level = 1;      // 1 = top-level part of the speech, 2 = its numbered items, ...
  SectionType type = SectionType::kOther;
  Span heading;           // the heading text
  Span extent;            // from the heading to the start of the next section of level <= this one
  bool appended = false;  // material after the speech (glossary, annexed lists): not a part of it
};

// A heading marked up by the source format itself (a Word heading style, an outline level or a
// list numbering in .docx), as opposed to one inferred from the words. Strong evidence for the
// sections stage; formats without markup (txt, html, pdf) leave the list empty.
struct StyleHeading {
  Span span;              // the heading paragraph in `text`, trimmed
  int level = 1;          // 1 = Heading 1 / 标题 1 / outline level 0 / list level 0, ...
  bool numbered = false;  // only a list numbering (w:numPr), no heading style: weaker evidence
};

struct Paragraph {
  Span span;
  std::vector<Span> sentences;  // split at 。!?; and line ends, quotes kept balanced
};

struct Document {
  std::string source;        // input path as given
  int index_in_file = 0;     // 0-based position among the reports of one file
  std::string format;        // "txt", "html", "pdf", "docx"
  std::string encoding;      // detected source encoding, e.g. "UTF-8", "GB18030", "Big5"
  bool traditional = false;  // source written in traditional characters

  MappedText original;    // visible text as written; map -> raw input bytes
  MappedText text;        // analysis text; map -> original
  OffsetMap text_to_raw;  // compose(text.map, original.map), kept for speed

  Span body;  // the report itself, boilerplate excluded (in `text`)
  std::vector<PageMetaField> page_meta;
  std::vector<StyleHeading> style_headings;  // from the format's markup (.docx), in text order
  Metadata meta;
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
  bool partial = false;  // an excerpt, a cut-off page, a news article quoting a report
  std::vector<Warning> warnings;

  std::string_view text_of(Span s) const;
  // The span as written in the source characters.
  std::string original_of(Span s) const;
  // Byte range in the raw input file.
  Span raw(Span s) const;
  std::size_t raw_offset(std::size_t text_pos) const { return text_to_raw.start(text_pos); }

  void warn(std::string code, std::string message, std::size_t text_pos);
  void warn(std::string code, std::string message);  // about the whole document
};

}  // namespace gwr

namespace gwr {
// A Document over plain UTF-8 text that needs no decoding or cleaning: `original` and `text`
// are both `utf8` with identity maps, the body is the whole text. For tests and for callers
// that already hold clean text.
Document make_plain_document(std::string utf8, std::string source = "<memory>");
}  // namespace gwr
