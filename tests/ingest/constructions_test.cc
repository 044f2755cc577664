// The construction suite, one test per entry of
// tests/ingest/constructions/sentences.jsonl (named by its id): the real
// pipeline with the generated gazetteer must find exactly the expected claims.
// An entry listed in known_misses.tsv must still differ, so that a fix fails
// the test until the entry leaves the list: the list can only shrink.
// docs/ingest.md, "Measuring on text the rules were not written on".
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "base/modality.h"
#include "tests/ingest/construction_suite.h"

namespace claimgraph::ingest::testing {
namespace {

// The constructions issue 13 asks the suite to exercise.
constexpr const char* kRequiredConstructions[] = {
    "passive",  "apposition",      "coordination", "anaphora",    "negation", "hedging",
    "reported-speech", "conditional", "proposal", "historical", "membership-list", "distractor"};

TEST(ConstructionSuiteData, Loads) {
  ASSERT_EQ(LoadedSuite().error, "");
  EXPECT_GE(LoadedSuite().entries.size(), 80u);
}

TEST(ConstructionSuiteData, EntriesAreWellFormed) {
  const auto& entities = SuitePipeline()->gazetteer().entities();
  std::map<std::string, std::string> type_of;
  for (const auto& e : entities) type_of[e.name] = e.type;
  const std::regex id_pattern("[a-z0-9_]+");
  std::set<std::string> ids;
  for (const auto& e : LoadedSuite().entries) {
    SCOPED_TRACE(e.id);
    EXPECT_TRUE(std::regex_match(e.id, id_pattern));
    EXPECT_TRUE(ids.insert(e.id).second) << "id used twice";
    EXPECT_TRUE(e.split == "dev" || e.split == "eval") << e.split;
    EXPECT_FALSE(e.text.empty());
    EXPECT_FALSE(e.constructions.empty());
    std::set<std::string> keys;
    for (const auto& c : e.expect) {
      // Canonical names only: an alias would never match what the pipeline writes.
      EXPECT_TRUE(type_of.count(c.subject)) << "not a canonical entity name: " << c.subject;
      EXPECT_TRUE(type_of.count(c.object)) << "not a canonical entity name: " << c.object;
      EXPECT_TRUE(KnownPredicate(c.predicate)) << c.predicate;
      EXPECT_TRUE(base::ParseModality(c.modality).has_value()) << c.modality;
      if (c.predicate == "member-of") {
        EXPECT_EQ(type_of[c.object], "group") << c.object;
      }
      if (!c.time.empty()) {
        EXPECT_NE(e.text.find(c.time), std::string::npos) << "time not in the text: " << c.time;
      }
      EXPECT_TRUE(keys.insert(ClaimKey(c.subject, c.predicate, c.object, c.modality)).second)
          << "claim expected twice: " << c.subject << " " << c.predicate << " " << c.object;
    }
  }
}

// Every construction is measured on both sides of the split, and the two
// sides are about the same size.
TEST(ConstructionSuiteData, EveryConstructionHasDevAndEvalEntries) {
  std::map<std::string, std::pair<int, int>> per_tag;  // dev, eval
  int dev = 0, eval = 0;
  for (const auto& e : LoadedSuite().entries) {
    (e.split == "dev" ? dev : eval)++;
    for (const auto& t : e.constructions) (e.split == "dev" ? per_tag[t].first : per_tag[t].second)++;
  }
  for (const char* t : kRequiredConstructions) EXPECT_TRUE(per_tag.count(t)) << "no entry exercises " << t;
  for (const auto& [tag, n] : per_tag) {
    EXPECT_GT(n.first, 0) << tag << " has no dev entry";
    EXPECT_GT(n.second, 0) << tag << " has no eval entry";
  }
  EXPECT_LE(std::abs(dev - eval), (dev + eval) / 10) << dev << " dev, " << eval << " eval";
}

TEST(ConstructionSuiteData, KnownMissesNameEntriesWithAReason) {
  std::set<std::string> ids;
  for (const auto& e : LoadedSuite().entries) ids.insert(e.id);
  for (const auto& [id, reason] : LoadedSuite().known_misses) {
    EXPECT_TRUE(ids.count(id)) << "known_misses.tsv names no entry of the suite: " << id;
    EXPECT_FALSE(reason.empty()) << id;
  }
}

class ConstructionTest : public ::testing::TestWithParam<SuiteEntry> {};

TEST_P(ConstructionTest, FindsWhatAnAnalystRecords) {
  const SuiteEntry& e = GetParam();
  const EntryOutcome& o = RunEntry(e);
  auto miss = LoadedSuite().known_misses.find(e.id);
  if (miss == LoadedSuite().known_misses.end()) {
    EXPECT_TRUE(o.matches()) << e.id << " [" << e.split << "]: \"" << e.text << "\"\n" << o.Diff();
    return;
  }
  // A known miss: show what came out, and fail once it is fixed.
  std::printf("known miss %s (%s): \"%s\"\n%s", e.id.c_str(), miss->second.c_str(), e.text.c_str(), o.Diff().c_str());
  EXPECT_FALSE(o.matches()) << e.id << " now finds exactly the expected claims: remove it from "
                            << "tests/ingest/constructions/known_misses.tsv";
}

std::vector<SuiteEntry> EntriesOf(const std::string& split) {
  std::vector<SuiteEntry> out;
  for (const auto& e : LoadedSuite().entries)
    if (e.split == split) out.push_back(e);
  return out;
}

std::string TestName(const ::testing::TestParamInfo<SuiteEntry>& info) {
  // EntriesAreWellFormed holds ids to [a-z0-9_]+; anything else would stop gtest here.
  std::string name = info.param.id;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

// Two instantiations, so that a rules developer runs only what they may see:
// --gtest_filter='Dev/*' (ctest -R '^Dev/').
INSTANTIATE_TEST_SUITE_P(Dev, ConstructionTest, ::testing::ValuesIn(EntriesOf("dev")), TestName);
INSTANTIATE_TEST_SUITE_P(Eval, ConstructionTest, ::testing::ValuesIn(EntriesOf("eval")), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConstructionTest);

}  // namespace
}  // namespace claimgraph::ingest::testing
