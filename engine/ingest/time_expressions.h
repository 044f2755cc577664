// Time expressions in a sentence, with the bounds they name as ISO 8601
// dates (possibly partial: "2013", "2013-07"), from the rules file's `time`
// section:
//
//   [preposition] core
//   core := period            "the Cold War", "World War II" (time.periods)
//         | month [day] [,] year | day month year | year [(to|and|-) year]
//         | "the" decade        "the 1990s"
//         | relative phrase     "this week", "last year" (text only, no bounds)
//         | month [day]         after a preposition: "in April" (text only)
//
// The preposition's role (time.prepositions) turns the core's [start, end]
// into the expression's bounds: at ("in", "during") keeps both, from ("since",
// "dating back to") keeps the start, after ("post-") starts at the end, to
// ("until") keeps the end, before ("prior to") ends at the start. "from 1949 to
// 1991" and "between 2001 and 2005" are ranges whatever the preposition. A
// bare year counts only after a preposition or a month, so that "2,000
// troops", a page number or "the 1500 troops" is no time; the price is that
// "the 1961 agreement" carries no year either (docs/ingest.md, round 12).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/ingest/phrase_matcher.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/sentences.h"
#include "engine/ingest/tokenizer.h"

namespace claimgraph::ingest {

struct TimeExpression {
  size_t token_begin = 0, token_end = 0;  // including its preposition
  size_t core_begin = 0;                  // the token after the preposition
  TimeRole role = TimeRole::kAt;
  std::string from, to;  // ISO 8601, possibly partial; "" = open or unknown
};

class TimeFinder {
 public:
  explicit TimeFinder(const TimeRules& rules);
  std::vector<TimeExpression> Find(std::string_view text, const std::vector<Token>& tokens, const Sentence& s) const;
  // Whether a phrase from time.end_cues ("left", "lapsed") starts at token i.
  size_t EndCueAt(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t end) const;

 private:
  int Year(std::string_view digits) const;  // 0 when not a year in [min_year, max_year]
  int Month(std::string_view text, const Token& t) const;  // 0 when not a capitalized month name

  TimeRules rules_;
  PhraseMatcher prepositions_;  // value: TimeRole
  PhraseMatcher periods_;       // value: index into rules_.periods
  PhraseMatcher relative_;
  PhraseMatcher end_cues_;
  std::unordered_map<uint64_t, std::pair<std::string, int>> months_;  // by TokenHash: name, month
  const uint64_t the_ = TokenHash("the");  // skipped before a period's name
};

}  // namespace claimgraph::ingest
