// The clause segmentation and the time expressions the relation rules will
// read (issue 13), on sentences written for the test.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ingest/clauses.h"
#include "engine/ingest/pipeline.h"
#include "engine/ingest/rules.h"
#include "engine/ingest/time_expressions.h"
#include "engine/ingest/tokenizer.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::ExamplePipeline;
using testing::ReadFileOrDie;
using testing::SourceDir;
using Lines = std::vector<std::string>;

const IngestRules& ExampleRules() {
  static IngestRules rules = [] {
    auto r = ParseIngestRules(ReadFileOrDie(SourceDir() + "/examples/ingest/rules.json"));
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return *r;
  }();
  return rules;
}

// ---- the stages themselves ----

TEST(ClauseSegmenterTest, RelativeSubordinateAndConditionalClauses) {
  const IngestRules& rules = ExampleRules();
  auto p = ExamplePipeline();
  auto clauses_of = [&](const std::string& text) {
    auto tokens = Tokenize(text);
    Sentence s{0, tokens.size()};
    auto lists = p->list_builder().Build(text, tokens, s, p->gazetteer().Find(text, tokens, s));
    Clauses c = ClauseSegmenter(rules.clauses).Segment(text, tokens, s, lists, {});
    // Each token's clause, written as the word with its clause id.
    std::string out;
    for (size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].is_word) out += (out.empty() ? "" : " ") + tokens[i].norm + std::to_string(c.id_of[i]);
    return std::make_pair(out, c);
  };
  auto [relative, rc] = clauses_of("Japan and India, which signed a pact, met France; China objected.");
  EXPECT_EQ(relative, "japan0 and0 india0 which1 signed1 a1 pact1 met0 france0 china2 objected2");
  EXPECT_EQ(rc.info[1].kind, ClauseKind::kRelative);
  EXPECT_EQ(rc.info[1].head, 0);
  // The commas of a list close nothing.
  auto [listed, lc] = clauses_of("NATO, which counts Canada, France, and Germany as members, met.");
  EXPECT_EQ(listed, "nato0 which1 counts1 canada1 france1 and1 germany1 as1 members1 met0");
  auto [conditional, cc] = clauses_of("If Japan and India sign a pact, China would object.");
  EXPECT_EQ(conditional, "if1 japan1 and1 india1 sign1 a1 pact1 china0 would0 object0");
  EXPECT_EQ(cc.info[1].kind, ClauseKind::kConditional);
  EXPECT_TRUE(cc.info[0].hypothetical);
}

TEST(TimeFinderTest, YearsDatesRangesAndNamedPeriods) {
  TimeFinder finder(ExampleRules().time);
  auto found = [&](const std::string& text) {
    auto tokens = Tokenize(text);
    Lines out;
    for (const auto& t : finder.Find(text, tokens, Sentence{0, tokens.size()}))
      out.push_back(text.substr(tokens[t.token_begin].begin, tokens[t.token_end - 1].end - tokens[t.token_begin].begin) +
                    " = " + t.from + ".." + t.to);
    return out;
  };
  EXPECT_EQ(found("in 1943, since 2015, until 1991, from 1949 to 1991, in the 1990s"),
            (Lines{"in 1943 = 1943..1943", "since 2015 = 2015..", "until 1991 = ..1991", "from 1949 to 1991 = 1949..1991",
                   "in the 1990s = 1990..1999"}));
  EXPECT_EQ(found("In July 2013 and on May 30, 2015 and on 3 March 2014"),
            (Lines{"In July 2013 = 2013-07..2013-07", "on May 30, 2015 = 2015-05-30..2015-05-30",
                   "on 3 March 2014 = 2014-03-03..2014-03-03"}));
  EXPECT_EQ(found("during the Cold War, post-World War II, dating to World War 2, since the end of the Cold War"),
            (Lines{"during the Cold War = 1947..1991", "post-World War II = 1945..", "dating to World War 2 = 1939..",
                   "since the end of the Cold War = 1991.."}));
  // Relative times and a month without a year are text only; "may" is a
  // verb, a bare number no year.
  EXPECT_EQ(found("last year, in April, they may sign 2,000 pages"), (Lines{"last year = ..", "in April = .."}));
}

}  // namespace
}  // namespace claimgraph::ingest
