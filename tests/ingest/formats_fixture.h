// Shared by the format tests (docx_test, webprint_test, repeats_test, scrub_test): one invented
// county report in report style, as clean text, and a field-by-field comparison of the pipeline's
// result on another format of the same report with its result on the clean text.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace gwr::ingest::fixture {

// The report's paragraphs (one line each in the clean text).
inline const std::vector<std::string>& paragraphs() {
  static const std::vector<std::string> kParagraphs = {
      "政府工作报告",
      "——2024年1月10日在安吉县第十七届人民代表大会第三次会议上",
      "县长 李某某",
      "各位代表:",
      "现在,我代表县人民政府作工作报告,提请本次会议审议,也请列席同志一并指正。",
      "一、2023年工作回顾",
      "过去一年,全县上下埋头苦干,地区生产总值增长6.1%,新建乡村公路120公里,城乡面貌持续改善,"
      "群众获得感不断增强,各项事业取得了新的进展。",
      "乡镇\t新建公路(公里)",
      "东城镇\t40",
      "西山乡\t80",
      "二、2024年工作安排",
      "今年全县发展的主要预期目标是:城镇新增就业3500人以上,全县生产总值增长6%左右,"
      "城镇、农村居民收入分别增长6%、7%。",
      "重点抓好以下工作:",
      "1.扎实推进乡村振兴,加快农业现代化步伐。",
      "2.持续优化营商环境,进一步激发市场活力。",
      "三、加强政府自身建设",
      "本届政府将依法履职,主动接受人大监督和社会评议,锤炼作风,做群众信得过的政府。",
      "各位代表,让我们携手并进,为建设更加美好的安吉县而不懈奋斗!",
  };
  return kParagraphs;
}

inline std::string clean_text() {
  std::string s;
  for (const std::string& p : paragraphs()) s += p + "\n";
  return s;
}

inline std::shared_ptr<const pipeline::Resources> resources() {
  static const auto kRes = pipeline::Resources::load();
  return kRes ? kRes.value() : nullptr;
}

inline std::vector<std::string> top_sections(const Document& d) {
  std::vector<std::string> out;
  for (const Section& s : d.sections) {
    if (s.level == 1 && !s.appended) out.push_back(s.title);
  }
  return out;
}

inline extraction::Extraction extract_one(std::string_view bytes, std::string_view name) {
  auto r = pipeline::extract_bytes(bytes, name, *resources());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  if (!r.ok() || r->empty()) return {};
  EXPECT_EQ(r->size(), 1u) << name;
  return std::move(r.value().front());
}

// The same metadata, top-level sections and targets as the clean text gives.
inline void expect_same_as_clean(const extraction::Extraction& x) {
  const extraction::Extraction c = extract_one(clean_text(), "clean.txt");
  const Metadata &a = x.doc.meta, &b = c.doc.meta;
  EXPECT_EQ(a.region, b.region);
  EXPECT_EQ(a.level, b.level);
  EXPECT_EQ(a.delivered, b.delivered);
  EXPECT_EQ(a.session, b.session);
  EXPECT_EQ(a.speaker, b.speaker);
  EXPECT_EQ(a.speaker_title, b.speaker_title);
  EXPECT_EQ(a.review_year, b.review_year);
  EXPECT_EQ(a.plan_year, b.plan_year);
  EXPECT_EQ(b.region, std::optional<std::string>("安吉县")) << "the clean text itself is read";
  EXPECT_EQ(top_sections(x.doc), top_sections(c.doc));
  EXPECT_EQ(top_sections(c.doc).size(), 3u);
  ASSERT_EQ(x.targets.targets.size(), c.targets.targets.size());
  EXPECT_EQ(c.targets.targets.size(), 4u);
  for (std::size_t i = 0; i < c.targets.targets.size(); ++i) {
    const auto &t = x.targets.targets[i], &u = c.targets.targets[i];
    EXPECT_EQ(t.indicator, u.indicator);
    EXPECT_EQ(t.canonical, u.canonical);
    EXPECT_EQ(t.value, u.value);
    EXPECT_EQ(t.modifier, u.modifier);
    EXPECT_EQ(x.doc.original_of(t.verbatim), c.doc.original_of(u.verbatim));
  }
  EXPECT_FALSE(x.doc.partial);
}

}  // namespace gwr::ingest::fixture
