#include "text/chinese_script.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/data.h"
#include "common/utf8.h"

namespace gwr::text {
namespace {

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
  return out;
}

// data/t2s_chars.tsv as its header defines it, from the installed OpenCC's t2s dictionaries.
std::set<char32_t> opencc_change_chars() {
  opencc::Config config;
  std::set<char32_t> converted, kept;          // characters whose own entry converts / keeps them
  std::vector<std::vector<char32_t>> phrases;  // phrase entries that convert
  for (const auto& conversion :
       config.NewFromFile("t2s.json")->GetConversionChain()->GetConversions()) {
    const auto lexicon = conversion->GetDict()->GetLexicon();
    for (std::size_t i = 0; i < lexicon->Length(); ++i) {
      const opencc::DictEntry* e = lexicon->At(i);
      const auto key = code_points(e->Key());
      const bool same = e->GetDefault() == e->Key();
      if (key.size() == 1) {
        (same ? kept : converted).insert(key[0]);
      } else if (!same) {
        phrases.push_back(key);
      }
    }
  }
  std::set<char32_t> out = converted;
  for (const auto& p : phrases) {
    if (std::any_of(p.begin(), p.end(), [&](char32_t c) { return converted.count(c) > 0; })) {
      continue;
    }
    auto k = std::find_if(p.begin(), p.end(), [&](char32_t c) { return kept.count(c) > 0; });
    out.insert(k != p.end() ? *k : p.front());
  }
  return out;
}

std::set<char32_t> listed_chars() {
  std::set<char32_t> out;
  auto t = data::load_table("t2s_chars.tsv", 1, 1);
  EXPECT_TRUE(t) << t.error().describe();
  if (!t) return out;
  for (const auto& row : t->rows) {
    for (std::size_t i = 0; i < row.fields[0].size();) out.insert(utf8::next(row.fields[0], i));
  }
  return out;
}

// The file's comment header, then the characters 50 per line.
void write_list(const std::string& path, const std::set<char32_t>& chars) {
  auto old = data::read("t2s_chars.tsv");
  std::ofstream out(path, std::ios::binary);
  for (std::size_t a = 0; old && a < old->size();) {
    const std::size_t b = old->find('\n', a);
    if ((*old)[a] != '#' || b == std::string::npos) break;
    out << old->substr(a, b + 1 - a);
    a = b + 1;
  }
  std::string line;
  int n = 0;
  for (char32_t c : chars) {
    utf8::append(line, c);
    if (++n % 50 == 0) {
      out << line << "\n";
      line.clear();
    }
  }
  if (!line.empty()) out << line << "\n";
}

TEST(ChineseScriptTest, T2sCharsListWhatTheInstalledOpenCCChanges) {
  if (!ScriptConverter::instance().available()) GTEST_SKIP() << "OpenCC not available";
  const auto want = opencc_change_chars();
  if (const char* out = std::getenv("GWR_T2S_OUT"); out != nullptr && *out != '\0') {
    write_list(out, want);
  }
  const auto got = listed_chars();
  std::string missing, extra;
  for (char32_t c : want) {
    if (!got.count(c)) utf8::append(missing, c);
  }
  for (char32_t c : got) {
    if (!want.count(c)) utf8::append(extra, c);
  }
  EXPECT_EQ(missing, "") << "data/t2s_chars.tsv lacks them; regenerate it with "
                            "GWR_T2S_OUT=data/t2s_chars.tsv";
  EXPECT_EQ(extra, "") << "data/t2s_chars.tsv has them, the installed OpenCC does not";
}

TEST(ChineseScriptTest, MayChangeOnlyTextThatHoldsAConvertibleCharacter) {
  struct Case {
    const char* text;
    bool may_change;
  };
  const Case cases[] = {
      {"", false},    {"GDP 7.5%", false},      {"鸭嘴兽", false},   {"推动高质量发展", false},
      {"經濟", true}, {"推动高质量發展", true}, {"\xff\xfe", false},  // invalid UTF-8: OpenCC would
                                                                      // leave it too
  };
  for (const auto& c : cases)
    EXPECT_EQ(ScriptConverter::may_change(c.text), c.may_change) << c.text;
}

TEST(ChineseScriptTest, TextThatCannotChangeConvertsToItself) {
  const auto& conv = ScriptConverter::instance();
  if (!conv.available()) GTEST_SKIP() << "OpenCC not available";
  for (const char* s : {"鸭嘴兽", "推动高质量发展，加快建设现代化产业体系", "GDP 7.5%"}) {
    ASSERT_FALSE(ScriptConverter::may_change(s)) << s;
    EXPECT_EQ(conv.to_simplified(s), s);
  }
  EXPECT_EQ(conv.to_simplified("經濟發展"), "经济发展");
}

}  // namespace
}  // namespace gwr::text
