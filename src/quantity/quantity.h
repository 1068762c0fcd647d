// gwr/quantity/quantity.h — the number grammar: every number mention in a text becomes either a
// typed Quantity or a named non-quantity class. Nothing is left unclassified.
//
//   auto g = quantity::Grammar::load();              // Result<Grammar>; reads data/units.tsv
//   for (const quantity::Mention& m : g->scan(text)) {
//     if (m.quantity) use(m.quantity->value, m.quantity->unit, m.quantity->comparator);
//     else count(m.non_quantity);                    // e.g. NonQuantity::kPlanOrdinal for 十四五
//   }
//
// Input is analysis text (simplified, half-width ASCII: see doc/document.h). Spans are byte
// offsets into the string passed to scan(), half-open. The Grammar is immutable after load()
// and safe for concurrent use (copies share the same immutable lexicon). scan() is linear in
// the text length and never fails: odd input gives odd mentions, not errors.
//
// WHAT IS A MENTION. Every maximal run of ASCII digits and every run of Chinese numeral
// characters (〇零一二两三四五六七八九十百千万亿) lies inside exactly one Mention, except numerals
// inside a word of data/quantity_idioms.tsv (统一, 进一步, 一带一路, 三农, 四川 …): those produce
// no mention at all. Connected digit runs form one mention (2022-12-12, 1+3+N, 23.9:42.8:33.3).
//
// DECISIONS worth knowing:
//   * A Chinese numeral without a unit or measure word (四 in “四化同步”, 两 in 两岸) is
//     NonQuantity::kName; so is a Chinese numeral opening a short quoted slogan (“六稳”, “三个一”),
//     a numeral + 号 (2号线), and a bare multiplier (万元GDP, 千亿级) unless a cue such as
//     近/逾/上/ 突破 makes it a number (近万人, 突破百亿元). An Arabic number without a unit is a
//     kAmount quantity with an empty unit, unless a non-quantity rule below claims it.
//   * Ordinals: 第N届 / N届 / N次会议 / N中全会 / 二十大 → kSessionOrdinal; 第N位/名, 全省第N,
//     排名第N, 前进N位, N强 (at_most), 前N名 (at_most) → kRank quantities; any other 第N is
//     kEnumerator (it labels, it does not count).
//   * 4-digit 1949..2100 + 年 (or standing alone, or 2021-2025, or the glued 20212035年) → kYear;
//     with a month it becomes kDate (2022年12月12日 is one mention). N月 (1..12), N日 (1..31),
//     1-11月, N季度 → kDate. 15:02 → kTime, as are N小时 / N分钟.
//   * A digit run touching ASCII letters or joined by +, / is a kCode (5G, S10, 330KV, 1+3+N),
//     PM2.5 is kPollutant, 4A/5A级/N级/三甲/五星级 are kGrade, 7·15 is kEventLabel, 5+ digit
//     integers without a unit are kPhone (12345热线), Arabic numbers in quotes without a unit are
//     kCode.
//   * A unit written once after the last member of a list (5.8万亿、4.9万亿元; 6、7%) is given
//     to the earlier members joined by 、和与及或.
//   * Comparators of lists (分别增长8%和9%左右) are NOT distributed here; each mention carries only
//     its own cue words.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "doc/document.h"

namespace gwr::quantity {

enum class Comparator {
  kPoint,    // bare number, 达X, 保持X, 稳定在X
  kAround,   // 左右, 约 when it qualifies a target
  kAtLeast,  // 以上, 不低于, 超过, 突破, 不少于, 力争…以上
  kAtMost,   // 以内, 以下, 不超过, 控制在…以内
  kRange,    // X-Y, X至Y, X到Y, X~Y
};
const char* comparator_name(Comparator c);  // "point", "around", "at_least", "at_most", "range"

// Approximation words attached to the number itself (not a comparator of a target).
enum class Approx { kNone, kMoreThan /*余, 多*/, kNearly /*近*/, kAbout /*约*/ };

enum class Kind {
  kAmount,        // number with a measure unit (亿元, 万人, 公里, 户 …) or none
  kPercent,       // % or 百分之X
  kPermille,      // ‰
  kPercentPoint,  // 个百分点
  kMultiple,      // X倍 (growth by X times, or X times a base)
  kFraction,      // 三分之一 (value is the ratio, 0.333…)
  kRank,          // 第5位, 全省第一, 前进38位 (value is the rank or the number of places)
  kRatio,         // 23.9:42.8:33.3 (value is the first term; parts in `parts`)
};
const char* kind_name(Kind k);

enum class NonQuantity {
  kNone,
  kYear,            // 2023年, 二〇三五年 as a date/period
  kDate,            // 12月12日, 2022-12-12, 7月
  kPlanOrdinal,     // 十四五, “十三五”
  kSessionOrdinal,  // 第十三届, 五次会议, 十九届四中全会
  kEnumerator,      // 一、 (三) 1. 一是 第一
  kCode,            // slogans and codes: “1+10”, 8+N, 12338, 5G, S10, G341, 330KV
  kPhone,           // hotlines and phone numbers
  kPollutant,       // PM2.5, PM10
  kGrade,           // 5A级, Ⅱ类, 三甲, 4星
  kEventLabel,      // 7·15, 7.20
  kTime,            // 24小时, 15分钟 as a service promise (still a duration; kept apart)
  kName,  // number inside a proper name or idiom: 一带一路, 三农, 一网通办, 十件实事 as a title
};
const char* non_quantity_name(NonQuantity n);

struct Quantity {
  double value = 0;                // as written, in the written unit (1.2万人 → 1.2)
  std::optional<double> value_hi;  // upper end of a range
  std::string unit;       // as written (simplified): "亿元", "%", "个百分点", "万人", ""
  double base_value = 0;  // in the base unit: 1.2万人 → 12000 人, 6% → 6 %
  std::optional<double> base_value_hi;
  std::string base_unit;  // "元", "人", "%", "吨", "平方米" … (from data/units.tsv)
  Kind kind = Kind::kAmount;
  Comparator comparator = Comparator::kPoint;
  Approx approx = Approx::kNone;
  bool chinese_numerals = false;  // written with 一二三/两/万 rather than digits
  std::vector<double> parts;      // ratio terms
  Span number;                    // the numeral(s) and unit
};

struct Mention {
  Span span;  // the whole mention incl. comparator words (不低于 … 以上)
  std::optional<Quantity> quantity;               // set iff this is a quantity
  NonQuantity non_quantity = NonQuantity::kNone;  // set iff it is not
};

struct Lexicon;  // internal (src/quantity/lexicon.h): units, idioms and cue words, compiled

class Grammar {
 public:
  static Result<Grammar> load();  // from data/units.tsv (see common/data.h)

  // Every number mention in `text`, in order, non-overlapping.
  std::vector<Mention> scan(std::string_view text) const;
  // The quantity starting exactly at byte `pos` (prefix comparators may start there), if any.
  std::optional<Mention> parse_at(std::string_view text, std::size_t pos) const;

  // Parses a Chinese or Arabic numeral string alone: "两万" → 20000, "三分之一" → 0.333…,
  // "二〇三五" → 2035, "1.5" → 1.5. nullopt when it is not a numeral.
  static std::optional<double> parse_numeral(std::string_view s);

 private:
  struct Unit {
    std::string written;  // e.g. "亿元"
    std::string base;     // e.g. "元"
    double factor = 1;    // written × factor = base
    Kind kind = Kind::kAmount;
  };
  std::vector<Unit> units_;  // longest first
  friend class GrammarImpl;
  // The compiled lexicons (units, idioms, cue words); immutable, shared by copies.
  std::shared_ptr<const Lexicon> lex_;
};

}  // namespace gwr::quantity
