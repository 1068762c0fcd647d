// Shared by the analysis tests: a corpus database built through store::Store from the four
// invented reports in tests/analysis/fixtures (湖州市 and 嘉兴市, plan years 2022 and 2023; the
// 2022 reports state targets, the 2023 reports' reviews give the realised 2022 figures). Report ids
// follow file order: 1 湖州市 2022, 2 湖州市 2023, 3 嘉兴市 2022, 4 嘉兴市 2023.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "common/table.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "support/paths.h"

namespace gwr::testing {

inline store::Store fixture_store() {
  const auto dir = temp_dir("analysis_db");
  auto st = store::Store::open(dir / "corpus.db");
  EXPECT_TRUE(st.ok()) << st.error().describe();
  auto res = pipeline::Resources::load();
  EXPECT_TRUE(res.ok());
  for (const char* f :
       {"huzhou_2022.txt", "huzhou_2023.txt", "jiaxing_2022.txt", "jiaxing_2023.txt"}) {
    auto xs = pipeline::extract_file(repo_dir() / "tests/analysis/fixtures" / f, **res);
    EXPECT_TRUE(xs.ok()) << f;
    for (const auto& x : *xs) {
      auto a = st->add(x);
      EXPECT_TRUE(a.ok()) << a.error().describe();
    }
  }
  return std::move(st).value();
}

// Cell of `t` at row r, column `col`, as text ("" for null).
inline std::string cell(const Table& t, std::size_t r, const std::string& col) {
  const auto c = t.column(col);
  EXPECT_NE(c, Table::npos) << col;
  if (c == Table::npos || r >= t.rows.size()) return "<none>";
  return to_text(t.rows[r][c]);
}

}  // namespace gwr::testing
