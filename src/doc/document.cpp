#include "doc/document.h"

#include <algorithm>

namespace gwr {

const char* level_name(Level l) {
  switch (l) {
    case Level::kNational:
      return "national";
    case Level::kProvince:
      return "province";
    case Level::kPrefecture:
      return "prefecture";
    case Level::kCounty:
      return "county";
    case Level::kUnknown:
      break;
  }
  return "unknown";
}

const char* region_source_name(RegionSource s) {
  switch (s) {
    case RegionSource::kTitle:
      return "title";
    case RegionSource::kSession:
      return "session";
    case RegionSource::kSpeakerLine:
      return "speaker_line";
    case RegionSource::kHeaderBlock:
      return "header_block";
    case RegionSource::kBody:
      return "body";
    case RegionSource::kFileName:
      return "file_name";
    case RegionSource::kNone:
      break;
  }
  return "none";
}

const char* section_type_name(SectionType t) {
  switch (t) {
    case SectionType::kReview:
      return "review";
    case SectionType::kFiveYearReview:
      return "five_year_review";
    case SectionType::kFypGoals:
      return "fyp_goals";
    case SectionType::kPlanTasks:
      return "plan_tasks";
    case SectionType::kSelfBuilding:
      return "self_building";
    case SectionType::kGlossary:
      return "glossary";
    case SectionType::kLivelihood:
      return "livelihood";
    case SectionType::kOther:
      break;
  }
  return "other";
}

std::string_view Document::text_of(Span s) const {
  const std::size_t b = std::min(s.begin, text.text.size());
  const std::size_t e = std::clamp(s.end, b, text.text.size());
  return std::string_view(text.text).substr(b, e - b);
}

std::string Document::original_of(Span s) const {
  const std::size_t b = std::min(text.map.start(s.begin), original.text.size());
  const std::size_t e = std::clamp(text.map.end(s.end), b, original.text.size());
  return original.text.substr(b, e - b);
}

Span Document::raw(Span s) const {
  const std::size_t b = text_to_raw.start(s.begin);
  return Span{b, std::max(b, text_to_raw.end(s.end))};
}

void Document::warn(std::string code, std::string message, std::size_t text_pos) {
  warnings.push_back(Warning{std::move(code), std::move(message), raw_offset(text_pos)});
}

void Document::warn(std::string code, std::string message) {
  warnings.push_back(Warning{std::move(code), std::move(message), Warning::kNoOffset});
}

}  // namespace gwr

namespace gwr {
Document make_plain_document(std::string utf8, std::string source) {
  Document d;
  d.source = std::move(source);
  d.format = "txt";
  d.encoding = "UTF-8";
  const std::size_t n = utf8.size();
  d.original = MappedText{utf8, OffsetMap::identity(n)};
  d.text = MappedText{std::move(utf8), OffsetMap::identity(n)};
  d.text_to_raw = OffsetMap::identity(n);
  d.body = Span{0, n};
  return d;
}
}  // namespace gwr
