// gwr/meta/internal.h — INTERNAL to the meta stage: the pieces annotate() (meta.cpp) puts
// together, one file each: header.cpp (session line, speaker line, title), dates.cpp (dates,
// delivery date, years, publish date), region.cpp (which government: header sources, body
// inference, file-name hint). All work on UTF-32 copies of short zones of the analysis text
// (character arithmetic stays simple); nothing here keeps offsets into the document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "meta/meta.h"

namespace gwr::meta::detail {

using U32 = std::u32string;
using U32View = std::u32string_view;

bool starts_at(U32View s, std::size_t i, U32View w);
bool is_num_char(char32_t c);  // ASCII digit or small Chinese numeral
bool is_name_char(char32_t c);
std::string to_utf8(U32View s);
std::size_t line_begin(U32View s, std::size_t i);
std::size_t line_end(U32View s, std::size_t i);
// "2021", "二〇二一", "十二", "14" → value; nullopt when malformed (text/numerals.h underneath).
std::optional<int> parse_number(U32View s);
// Reads a numeral run starting at i; returns its value and advances i past it.
std::optional<int> read_number(U32View s, std::size_t& i);
Level level_from_suffix(std::string_view name, const Lexicon& lx);

// ---- dates.cpp
struct Date {
  int year = 0, month = 0, day = 0;  // day 0: month only; year 0: year not written
  std::size_t begin = 0, end = 0;
  std::string str() const;
};
// Dates `YYYY年M月[D日]` (Arabic or Chinese numerals, spaces tolerated); with allow_no_year
// also `M月D日`.
std::vector<Date> find_dates(U32View s, bool allow_no_year = false);
// The delivery date in the header zone h (before `在…会议上`, in brackets, alone on a line, or
// followed by the session phrase); for a national news text, a date near the report's title.
std::optional<Date> delivery_date(U32View h, std::size_t body_at, U32View body, bool national,
                                  const Lexicon& lx);
// Year named by a heading like `2022年工作回顾` (→ 2023) or `2023年工作安排` (→ 2023).
std::optional<int> plan_year_from_headings(U32View body, const Lexicon& lx);
// The plan year from sentences that open a year (`2023年是…`, `2024年是…`): the later of two
// consecutive years; one year alone is the review year when it comes early in the speech.
std::optional<int> plan_year_from_year_sentences(U32View body, const Lexicon& lx);
// The page's publish date: page metadata, else a dated line before the body with a time/source.
std::optional<std::string> published_from(const Document& doc, U32View before_body,
                                          const Lexicon& lx);

// ---- header.cpp
struct Session {
  std::string text;       // canonical form
  bool national = false;  // 全国人民代表大会
  U32 region;  // written between 在 and the term number: "张掖市甘州区", "区", ""
  std::size_t begin = 0, end = 0;
};
std::optional<Session> find_session(U32View h, std::size_t body_at, const Lexicon& lx);

struct Speaker {
  std::string name, title;
  U32 before;  // text on the line before the title (place name, 人民政府, party posts)
  std::size_t begin = 0;
};
// A personal name starting at i (after separators): 2-4 characters, or longer with '·'.
std::optional<std::string> name_at(U32View h, std::size_t i, const Lexicon& lx);
std::optional<Speaker> find_titled_speaker(U32View h, std::size_t body_at, const Lexicon& lx);
// Place names written before 政府工作报告 in title lines: "2021年某某县政府工作报告" → 某某县.
std::vector<U32> title_places(U32View h, const Lexicon& lx);

// ---- region.cpp
struct Found {
  Divisions::Entry entry;
  std::string written;
  RegionSource source = RegionSource::kNone;
};
// The longest suffix of `s` that names a division; the rest of `s` (张掖市 in 张掖市甘州区)
// disambiguates first, then the body text.
std::optional<Found> region_in(U32View s, const Divisions& div, std::string_view body,
                               const Lexicon& lx);
// The last division name in `s` and what precedes it: "兰州市城关区区委副书记、" → "兰州市城关区".
U32 last_place(U32View s, const Divisions& div, const Lexicon& lx);
// The reporting government read from the body alone: how it names itself (我代表市人民政府,
// 全市 …) gives the level; the division of that level whose own name and whose subdivisions the
// body mentions most is the region (a city report lists its districts and counties).
std::optional<Found> region_from_body(U32View body, const Divisions& div, const Lexicon& lx);
// True when the body says the State Council delivers the report (我代表国务院).
bool national_from_body(U32View body, const Lexicon& lx);
// The division a file name names (三亚.docx, 2024年三亚市政府工作报告.txt), or nullopt.
std::optional<Found> region_from_file_name(std::string_view source, const Divisions& div);

}  // namespace gwr::meta::detail
