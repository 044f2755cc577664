// A rules file with a mistake is refused with the JSON path of the mistake,
// before anything is read or written: an unknown key (a typo that would
// silently disable a lexicon), an unknown pattern, a bad time role or date.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "engine/ingest/pipeline.h"
#include "engine/ingest/rules.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::ingest {
namespace {

using testing::ReadFileOrDie;
using testing::SourceDir;
using Json = nlohmann::json;

Json ExampleJson() { return Json::parse(ReadFileOrDie(SourceDir() + "/examples/ingest/rules.json")); }

std::string ErrorOf(const Json& j) {
  auto r = ParseIngestRules(j.dump());
  return r.ok() ? "(accepted)" : std::string(r.status().message());
}

TEST(RulesFileTest, TheExampleFilesParse) {
  EXPECT_EQ(ErrorOf(ExampleJson()), "(accepted)");
}

TEST(RulesFileTest, AnUnknownKeyIsNamedByItsPathWithTheNearestKnownOne) {
  Json j = ExampleJson();
  j["relations"][2]["cuez"] = j["relations"][2]["cues"];
  EXPECT_EQ(ErrorOf(j), "relations[2].cuez: unknown key (did you mean \"cues\"?)");

  j = ExampleJson();
  j["modalty"] = Json::object();
  EXPECT_EQ(ErrorOf(j), "modalty: unknown key (did you mean \"modality\"?)");

  j = ExampleJson();
  j["mentions"]["anaphora"]["lookback"] = 2;
  EXPECT_EQ(ErrorOf(j), "mentions.anaphora.lookback: unknown key (did you mean \"lookback_sentences\"?)");

  j = ExampleJson();
  j["time"]["periods"][1]["nmes"] = Json::array({"x"});
  EXPECT_EQ(ErrorOf(j), "time.periods[1].nmes: unknown key (did you mean \"names\"?)");

  j = ExampleJson();
  j["clauses"]["xyzzy"] = 1;
  EXPECT_EQ(ErrorOf(j), "clauses.xyzzy: unknown key");

  // The session-11 keys are checked like the others.
  j = ExampleJson();
  j["arguments"]["naming_word"] = Json::array({"called"});
  EXPECT_EQ(ErrorOf(j), "arguments.naming_word: unknown key (did you mean \"naming_words\"?)");
  j = ExampleJson();
  j["arguments"]["between_barriers"] = "amid";
  EXPECT_EQ(ErrorOf(j), "arguments.between_barriers must be an array of strings");
  j = ExampleJson();
  j["modality"]["enabling"] = Json::array({""});
  EXPECT_EQ(ErrorOf(j), "modality.enabling must hold non-empty strings");

  // The word sets that were fixed in the extractor until rules version 16.
  j = ExampleJson();
  j["modality"]["causativ"] = Json::array({"get"});
  EXPECT_EQ(ErrorOf(j), "modality.causativ: unknown key (did you mean \"causative\"?)");
  j = ExampleJson();
  j["modality"]["definite_determiner"] = Json::array({"the"});
  EXPECT_EQ(ErrorOf(j), "modality.definite_determiner: unknown key (did you mean \"definite_determiners\"?)");
  j = ExampleJson();
  j["mentions"]["anaphora"]["carry_word"] = Json::array({"also"});
  EXPECT_EQ(ErrorOf(j), "mentions.anaphora.carry_word: unknown key (did you mean \"carry_words\"?)");
  j = ExampleJson();
  j["arguments"]["alongside_barriers"] = "with";
  EXPECT_EQ(ErrorOf(j), "arguments.alongside_barriers must be an array of strings");

  // The round-10 keys (rules version 10) too.
  j = ExampleJson();
  j["relations"][2]["attribution_bridge"] = Json::array({"blamed on"});
  EXPECT_EQ(ErrorOf(j), "relations[2].attribution_bridge: unknown key (did you mean \"attribution_bridges\"?)");
  j = ExampleJson();
  j["relations"][2]["agent_verb_gap"] = "six";
  EXPECT_EQ(ErrorOf(j), "relations[2].agent_verb_gap must be a number");
  j = ExampleJson();
  j["mentions"]["non_party_heads"] = "firms";
  EXPECT_EQ(ErrorOf(j), "mentions.non_party_heads must be an array of strings");

  // The round-11 keys (rules version 11) too.
  j = ExampleJson();
  j["modality"]["presupposed"] = Json::array({"in retaliation for"});
  EXPECT_EQ(ErrorOf(j), "modality.presupposed: unknown key (did you mean \"presupposing\"?)");
  j = ExampleJson();
  j["relations"][3]["group_before_glue"] = "and other";
  EXPECT_EQ(ErrorOf(j), "relations[3].group_before_glue must be an array of strings");

  // The round-12 key (rules version 12) too.
  j = ExampleJson();
  j["mentions"]["list_head"] = Json::array({"government"});
  EXPECT_EQ(ErrorOf(j), "mentions.list_head: unknown key (did you mean \"list_heads\"?)");
  j = ExampleJson();
  j["mentions"]["list_heads"] = "government";
  EXPECT_EQ(ErrorOf(j), "mentions.list_heads must be an array of strings");

  // "comment" is allowed everywhere.
  j = ExampleJson();
  j["relations"][0]["comment"] = "why this rule";
  j["confidence"]["comment"] = "why these numbers";
  EXPECT_EQ(ErrorOf(j), "(accepted)");
}

TEST(RulesFileTest, PatternsTimeRolesAndDatesAreChecked) {
  Json j = ExampleJson();
  j["relations"][1]["patterns"] = Json::array({"between", "betwen"});
  EXPECT_EQ(ErrorOf(j),
            "relations[1].patterns[1]: unknown pattern \"betwen\" for a symmetric relation (known: possessive-with, "
            "subject-with, with-group, between, compound, by, cue-relative, subject, network-members, clause-list, relation-anaphor, "
            "carried-subject, definite-relation)");
  j = ExampleJson();
  j["time"]["prepositions"]["since"] = "starting";
  EXPECT_EQ(ErrorOf(j), "time.prepositions.since must be one of at, from, after, to, before");
  j = ExampleJson();
  j["time"]["periods"][0]["from"] = "the forties";
  EXPECT_EQ(ErrorOf(j), "time.periods[0]: from and to must be ISO dates (YYYY, YYYY-MM or YYYY-MM-DD)");
  j = ExampleJson();
  j["time"]["periods"][0]["names"] = Json::array({"the Cold War"});
  EXPECT_EQ(ErrorOf(j), "time.periods[0].names: write \"Cold War\", not \"the Cold War\" (a \"the\" before a "
                        "period's name is skipped in the text)");
  j = ExampleJson();
  j["relations"][3]["id"] = "pact";
  EXPECT_EQ(ErrorOf(j), "relations[3].id: \"pact\" names an earlier relation too");
  j = ExampleJson();
  j["relations"][0]["id"] = "shares intel";
  EXPECT_EQ(ErrorOf(j), "relations[0].id must be letters, digits, '-' and '_' (it is part of every claim's method)");
  // The checks that were there before stay.
  j = ExampleJson();
  j["relations"][2]["confidence"] = 1.5;
  EXPECT_EQ(ErrorOf(j), "relations[2].confidence must be in (0, 1]");
  j = ExampleJson();
  j["version"] = 2;
  EXPECT_EQ(ErrorOf(j), "version: missing (a non-empty string)");
}

TEST(RulesFileTest, LoadingNamesTheFileAndThePath) {
  claimgraph::testing::TempDir dir;
  std::filesystem::create_directories(dir.path());
  Json j = ExampleJson();
  j["relations"][2]["cuez"] = Json::array({"hacked"});
  std::string path = dir.path() + "/rules.json";
  std::ofstream(path) << j.dump(2);
  auto p = LoadIngestPipeline(SourceDir() + "/examples/schema.json", path);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), path + ": relations[2].cuez: unknown key (did you mean \"cues\"?)");
}

}  // namespace
}  // namespace claimgraph::ingest
