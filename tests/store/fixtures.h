// Invented report texts for the store tests, run through the real pipeline.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace gwr::testing {

// Resources loaded once per test binary (tests only; the library keeps no such cache).
inline const pipeline::Resources& resources() {
  static const std::shared_ptr<const pipeline::Resources> res = [] {
    auto r = pipeline::Resources::load();
    if (!r) throw std::runtime_error(r.error().describe());
    return r.value();
  }();
  return *res;
}

// A short prefecture-level report: `city` like 湖州市, review and plan paragraphs one per line.
inline std::string report_text(const std::string& city, int year,
                               const std::vector<std::string>& review,
                               const std::vector<std::string>& plan) {
  std::string t = "政府工作报告\n——" + std::to_string(year) + "年1月10日在" + city +
                  "第九届人民代表大会第四次会议上\n" + city +
                  "市长 张三\n各位代表:\n下面,我代表市人民政府,"
                  "向大会汇报工作,请予审阅。\n一、" +
                  std::to_string(year - 1) + "年工作回顾\n";
  for (const auto& p : review) t += p + "\n";
  t += "二、" + std::to_string(year) + "年工作安排\n";
  for (const auto& p : plan) t += p + "\n";
  return t;
}

inline std::vector<extraction::Extraction> extract(const std::string& text,
                                                   const std::string& name) {
  auto r = pipeline::extract_bytes(text, name, resources());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  if (!r) return {};
  return std::move(r).value();
}

}  // namespace gwr::testing
