// annotate(): reads the report header (title, `——在…会议上` subtitle, speaker line), scraper
// header blocks, the body and the page metadata into Document::meta. The pieces live in
// header.cpp, dates.cpp and region.cpp (meta/internal.h); this file puts them in order.
#include "meta/meta.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "meta/internal.h"
#include "text/numerals.h"
#include "text/punctuation.h"

namespace gwr::meta {

namespace detail {

bool starts_at(U32View s, std::size_t i, U32View w) {
  return i <= s.size() && s.substr(i, w.size()) == w;
}
bool is_num_char(char32_t c) { return utf8::is_ascii_digit(c) || text::is_small_numeral(c); }
bool is_name_char(char32_t c) { return utf8::is_han(c) || c == U'·' || c == U'•'; }
std::string to_utf8(U32View s) { return utf8::from_u32(s); }

std::size_t line_begin(U32View s, std::size_t i) {
  std::size_t p = s.rfind(U'\n', i == 0 ? 0 : i - 1);
  return (p == U32View::npos || i == 0) ? 0 : p + 1;
}
std::size_t line_end(U32View s, std::size_t i) {
  std::size_t p = s.find(U'\n', i);
  return p == U32View::npos ? s.size() : p;
}

std::optional<int> parse_number(U32View s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  if (std::all_of(s.begin(), s.end(), [](char32_t c) { return utf8::is_ascii_digit(c); })) {
    int v = 0;
    for (char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
    return v;
  }
  const auto v = text::parse_chinese(s);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<int> read_number(U32View s, std::size_t& i) {
  std::size_t j = i;
  while (j < s.size() && is_num_char(s[j])) ++j;
  auto v = parse_number(s.substr(i, j - i));
  if (v) i = j;
  return v;
}

}  // namespace detail

using namespace detail;  // NOLINT(google-build-using-namespace): this file assembles detail

namespace {

constexpr std::size_t kLookbackLines = 3;  // header lines tolerated before the body start
constexpr std::size_t kLookbackBytes = 800;
constexpr std::size_t kHeaderBytes = 3000;  // header zone after the body start

// The region named by the header: the session line, the speaker line, the title, a scraper's
// header block or page metadata naming the government. A full name in the session line
// ("在滨江县第十八届…") is the most reliable source: a place found elsewhere is taken only when it
// is part of that name; otherwise the name is reported as written (annotate()).
std::optional<Found> region_from_header(const Document& doc, U32View h, std::size_t body_at,
                                        std::string_view body8,
                                        const std::optional<Session>& session,
                                        const std::optional<Speaker>& speaker, const Divisions& div,
                                        const Lexicon& lx) {
  std::vector<std::pair<U32, RegionSource>> places;
  if (session) places.emplace_back(session->region, RegionSource::kSession);
  if (speaker)
    places.emplace_back(last_place(speaker->before, div, lx), RegionSource::kSpeakerLine);
  for (U32& t : title_places(h.substr(body_at), lx))
    places.emplace_back(std::move(t), RegionSource::kTitle);
  for (U32& t : title_places(h.substr(0, body_at), lx))
    places.emplace_back(std::move(t), RegionSource::kTitle);
  for (const PageMetaField& f : doc.page_meta) {
    const std::string* gov = nullptr;
    for (const std::string& g : lx.list("gov").phrases()) {
      if (f.value.find(g) != std::string::npos) {
        gov = &g;
        break;
      }
    }
    if (gov != nullptr) {
      places.emplace_back(utf8::to_u32(std::string_view(f.value).substr(0, f.value.find(*gov))),
                          RegionSource::kHeaderBlock);
    } else if (lx.list("region_key").is(f.key)) {
      places.emplace_back(utf8::to_u32(f.value), RegionSource::kHeaderBlock);
    }
  }
  const bool session_named = session && session->region.size() >= 3 &&
                             (level_from_suffix(to_utf8(session->region), lx) != Level::kUnknown ||
                              session->region.back() == U'市');
  for (const auto& [p, source] : places) {
    if (auto found = region_in(p, div, body8, lx)) {
      if (session_named && session->region.find(utf8::to_u32(found->written)) == U32::npos)
        continue;
      found->source = source;
      return found;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<Lexicon> Lexicon::load() {
  auto words = data::Vocabulary::load("meta_header.tsv", {"post",
                                                          "post_before",
                                                          "chair_post",
                                                          "chair_before",
                                                          "title_prefix",
                                                          "premier_org",
                                                          "premier",
                                                          "speech_verb",
                                                          "not_name",
                                                          "address",
                                                          "congress",
                                                          "national_mark",
                                                          "meeting",
                                                          "report_title",
                                                          "gov",
                                                          "self_reference",
                                                          "national_self",
                                                          "scope_prefix",
                                                          "list_mark",
                                                          "level_char",
                                                          "province_suffix",
                                                          "prefecture_suffix",
                                                          "county_suffix",
                                                          "acting_post_start",
                                                          "review_heading",
                                                          "plan_heading",
                                                          "range_mark",
                                                          "date_frame",
                                                          "publish_key",
                                                          "source_key",
                                                          "region_key",
                                                          "speaker_key",
                                                          "year_is",
                                                          "this_year"});
  if (!words) return words.error();
  return Lexicon{std::move(words).value()};
}

namespace {

// Where the header is: the report's analysis text, its body and the header zone — a few lines
// before the body (tolerating a misplaced start) up to 各位代表 — as code points, with the body
// start inside it.
struct Zones {
  std::string_view text;
  Span body;
  std::string_view body8;   // the body, UTF-8
  U32 h;                    // the header zone
  std::size_t body_at = 0;  // where the body starts in h
  U32 body32;
};

Zones zones_of(const Document& doc, const Lexicon& lx) {
  Zones z;
  z.text = doc.text.text;
  const std::string_view text = z.text;
  Span body = doc.body.empty() ? Span{0, text.size()} : doc.body;
  body.end = std::min(body.end, text.size());
  body.begin = std::min(body.begin, body.end);
  z.body = body;
  z.body8 = text.substr(body.begin, body.end - body.begin);
  std::size_t zb = body.begin;
  for (std::size_t lines = 0;
       zb > 0 && lines <= kLookbackLines && body.begin - zb < kLookbackBytes;) {
    if (text[--zb] == '\n') ++lines;
  }
  while (zb < body.begin && (text[zb] & 0xC0) == 0x80) ++zb;
  std::size_t ze = std::min(body.end, body.begin + kHeaderBytes);
  const std::string& address = lx.list("address").phrases().front();
  if (std::size_t p = text.find(address, body.begin); p != std::string_view::npos && p < ze)
    ze = p + address.size();
  while (ze < text.size() && (text[ze] & 0xC0) == 0x80) ++ze;
  z.h = utf8::to_u32(text.substr(zb, ze - zb));
  z.body_at = utf8::length(text.substr(zb, body.begin - zb));
  z.body32 = utf8::to_u32(z.body8);
  return z;
}

// Speaker, post and acting: the titled speaker line, else a name alone after the subtitle, else a
// scraper's header block (报告人: 王伟).
void speaker_fields(Metadata& m, const Document& doc, const Zones& z,
                    const std::optional<Session>& session, const std::optional<Speaker>& speaker,
                    const Lexicon& lx) {
  if (speaker) {
    m.speaker = speaker->name;
    m.speaker_title = speaker->title;
    m.acting = !lx.list("acting_post_start").match_at(speaker->title, 0).empty();
  } else if (session) {
    // Name alone after the subtitle: `…会议上 毛伟明 各位代表`.
    std::size_t i = session->end;
    if (starts_at(z.h, i, U"上")) ++i;
    while (i < z.h.size() && text::is_closing_mark(z.h[i])) ++i;
    if (auto name = name_at(z.h, i, lx)) m.speaker = *name;
  }
  if (!m.speaker) {
    for (const PageMetaField& f : doc.page_meta) {
      if (!lx.list("speaker_key").is(f.key)) continue;
      if (auto name = name_at(utf8::to_u32(f.value), 0, lx)) m.speaker = *name;
    }
  }
}

// A national report: the session of the 全国人民代表大会, the premier's title, the State Council
// speaking (我代表国务院), or a news-style mention (国务院总理李强在政府工作报告中…), which also
// gives the speaker. Nullopt for a local report; else where the evidence was.
std::optional<RegionSource> national_evidence(Metadata& m, const Zones& z,
                                              const std::optional<Session>& session,
                                              const std::optional<Speaker>& speaker,
                                              const Lexicon& lx) {
  if (session && session->national) return RegionSource::kSession;
  if (m.speaker_title && lx.list("premier_org").contains_in(*m.speaker_title))
    return RegionSource::kSpeakerLine;
  if (!speaker) {
    const U32& premier = lx.list("premier").phrases32().front();
    const U32& title = lx.list("report_title").phrases32().front();
    std::size_t p = z.body32.find(premier);
    if (p != U32::npos && z.body32.find(title) != U32::npos) {
      if (auto name = name_at(z.body32, p + premier.size(), lx)) {
        m.speaker = *name;
        m.speaker_title = to_utf8(premier);
        return RegionSource::kBody;
      }
    }
  }
  if (national_from_body(z.body32, lx)) return RegionSource::kBody;
  return std::nullopt;
}

// Region: the names the header gives, in order of reliability; then the body; then the file name
// (with a warning); else the session's name as written, when the division table lacks it.
void region_fields(Metadata& m, Document& doc, const Zones& z,
                   const std::optional<Session>& session, const std::optional<Speaker>& speaker,
                   std::optional<RegionSource> national, const Divisions& div, const Lexicon& lx) {
  if (national) {
    m.region = "全国";
    m.region_code = "100000";
    m.level = Level::kNational;
    m.region_source = *national;
    return;
  }
  std::optional<Found> found =
      region_from_header(doc, z.h, z.body_at, z.body8, session, speaker, div, lx);
  if (!found) {
    found = region_from_body(z.body32, div, lx);
    if (!found) found = region_from_file_name(doc.source, div);
    if (found) {
      doc.warn("meta_region_inferred",
               std::string("region inferred from the ") +
                   (found->source == RegionSource::kBody ? "report body" : "file name") + ": " +
                   found->entry.name);
    }
  }
  if (found) {
    const Divisions::Entry& e = found->entry;
    m.region = e.name;
    m.region_code = e.code;
    m.level = e.level;
    m.region_source = found->source;
    if (const auto* p = div.by_code(e.province_code)) m.province = p->name;
    if (e.level == Level::kCounty) {
      if (const auto* p = div.by_code(e.parent_code)) m.parent = p->name;
    }
  } else if (session && session->region.size() >= 2) {
    m.region = to_utf8(session->region);
    m.level = level_from_suffix(*m.region, lx);
    m.region_source = RegionSource::kSession;
    doc.warn("meta_unknown_region", "region '" + *m.region + "' is not in the division table");
  }
}

// Dates and years: the delivery date (before `在…会议上`, in parentheses, alone on a header line);
// the plan year from it (Nov/Dec → next year), else from headings, else from the title year; the
// page's publish date from the text before the body.
void date_fields(Metadata& m, const Document& doc, const Zones& z, bool national,
                 const Lexicon& lx) {
  const std::optional<Date> delivered = delivery_date(z.h, z.body_at, z.body32, national, lx);
  if (delivered) m.delivered = delivered->str();
  if (delivered) m.plan_year = delivered->month >= 10 ? delivered->year + 1 : delivered->year;
  if (!m.plan_year) {
    if (auto y = plan_year_from_headings(z.body32, lx)) m.plan_year = *y;
  }
  if (!m.plan_year) {
    if (auto y = plan_year_from_year_sentences(z.body32, lx)) m.plan_year = *y;
  }
  if (m.plan_year) m.review_year = *m.plan_year - 1;

  const std::size_t begin = z.body.begin;
  std::size_t pb = begin > kHeaderBytes ? begin - kHeaderBytes : 0;
  while (pb < begin && (z.text[pb] & 0xC0) == 0x80) ++pb;
  m.published = published_from(doc, utf8::to_u32(z.text.substr(pb, begin - pb)), lx);
}

void warn_missing(Document& doc) {
  const Metadata& r = doc.meta;
  auto warn_null = [&](bool missing, const char* field) {
    if (missing)
      doc.warn(std::string("meta_no_") + field,
               std::string("could not determine ") + field + " from the report text");
  };
  warn_null(!r.region, "region");
  warn_null(!r.delivered, "delivered");
  warn_null(!r.session, "session");
  warn_null(!r.speaker, "speaker");
  warn_null(!r.speaker_title, "speaker_title");
  warn_null(!r.plan_year, "plan_year");
}

}  // namespace

void annotate(Document& doc, const Divisions& div, const Lexicon& lx) {
  const Zones z = zones_of(doc, lx);
  const std::optional<Session> session = find_session(z.h, z.body_at, lx);
  const std::optional<Speaker> speaker = find_titled_speaker(z.h, z.body_at, lx);
  Metadata m;
  if (session) m.session = session->text;
  speaker_fields(m, doc, z, session, speaker, lx);
  const std::optional<RegionSource> national = national_evidence(m, z, session, speaker, lx);
  region_fields(m, doc, z, session, speaker, national, div, lx);
  date_fields(m, doc, z, national.has_value(), lx);
  doc.meta = std::move(m);
  warn_missing(doc);
}

}  // namespace gwr::meta
