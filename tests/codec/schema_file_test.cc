// The schema file parser: its refusal of one name for two entities (the store
// would merge them, a name finds one entity, while the ingestion gazetteer
// kept them apart), the facts and ingestion lists it reads, and its refusal of
// a wrong type or a reference to nothing, naming the entry.
#include "codec/schema/schema_file.h"

#include <gtest/gtest.h>

namespace claimgraph::codec {
namespace {

std::string TwoEntities(const std::string& first_names, const std::string& second_names) {
  return R"({"format": "claimgraph-schema/1", "entities": [
    {"name": "Republic of the Congo", "type": "country", )" + first_names + R"(},
    {"name": "Democratic Republic of the Congo", "type": "country", )" + second_names + "}]}";
}

TEST(SchemaFile, AnAliasOfTwoEntitiesIsRefusedNamingBoth) {
  auto parsed = ParseSchemaJson(TwoEntities(R"("aliases": ["Congo", "Congo-Brazzaville"])",
                                            R"("aliases": ["DRC", "congo"])"));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(parsed.status().message(),
            "\"congo\" names two entities, \"Republic of the Congo\" and \"Democratic Republic of the Congo\" "
            "(give it to one of them)");
}

TEST(SchemaFile, ADemonymOrMetonymCountsAsAName) {
  auto demonym = ParseSchemaJson(TwoEntities(R"("demonyms": ["Congolese"])", R"("demonyms": ["Congolese"])"));
  ASSERT_FALSE(demonym.ok());
  EXPECT_NE(demonym.status().message().find("\"Congolese\" names two entities"), std::string::npos);
  // One entity's alias is the other's canonical name.
  auto name = ParseSchemaJson(TwoEntities(R"("metonyms": ["Democratic Republic of the Congo"])", R"("aliases": [])"));
  ASSERT_FALSE(name.ok());
  EXPECT_NE(name.status().message().find("names two entities"), std::string::npos) << name.status().message();
}

TEST(SchemaFile, AnEntityListedTwiceIsSaidSo) {
  auto parsed = ParseSchemaJson(R"({"format": "claimgraph-schema/1", "entities": [
    {"name": "Japan", "type": "country"}, {"name": "Japan", "type": "country"}]})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "entity \"Japan\" is listed twice");
}

TEST(SchemaFile, DistinctNamesAndANameRepeatedWithinOneEntityAreFine) {
  auto parsed = ParseSchemaJson(TwoEntities(R"("aliases": ["Congo-Brazzaville", "Republic of the Congo"])",
                                            R"("aliases": ["DRC", "Congo-Kinshasa"], "demonyms": ["Congolese"])"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->entities.size(), 2u);
}

std::string Schema(const std::string& entities, const std::string& top = "") {
  return R"({"format": "claimgraph-schema/1", "entities": [)" + entities + "]" + top + "}";
}

const char* kStates = R"(
    {"name": "Russia", "type": "country", "aliases": ["Russian Federation"],
     "former_names": [{"name": "Soviet Union", "aliases": ["USSR"], "demonyms": ["Soviet"], "iso_3166": "SUHH",
                       "withdrawn": "1992-08-30", "unknown keys": "are ignored"}],
     "case": {"USSR": "exact", "Russian Federation": "capitalized"}, "blockers": ["Russia Today"]},
    {"name": "Czechia", "type": "country"}, {"name": "Slovakia", "type": "country"},
    {"name": "Czechoslovakia", "type": "former-country", "historical": true, "successors": ["Czechia", "Slovakia"]},
    {"name": "FSB", "type": "agency", "state": "Russia"},
    {"name": "Turkey", "type": "country"}, {"name": "Jordan", "type": "country"},
    {"name": "Aruba", "type": "territory", "administered_by": "Czechia"},
    {"name": "CSTO", "type": "group", "members": ["Russia"], "iso_3166": "XX", "dissolved": "never"})";

TEST(SchemaFile, ReadsFactsFormerNamesCaseRulesAndTheIngestionLists) {
  auto parsed = ParseSchemaJson(Schema(kStates, R"(, "blockers": ["South China Sea"], "common_words": ["Turkey"],
      "given_names": ["Jordan"], "not_surnames": ["President"], "ambiguous": [{"alias": "ignored"}])"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const auto& e = parsed->entities;
  ASSERT_EQ(e.size(), 9u);
  ASSERT_EQ(e[0].former_names.size(), 1u);
  EXPECT_EQ(e[0].former_names[0].name, "Soviet Union");
  EXPECT_EQ(e[0].former_names[0].aliases, std::vector<std::string>{"USSR"});
  EXPECT_EQ(e[0].former_names[0].demonyms, std::vector<std::string>{"Soviet"});
  EXPECT_EQ(e[0].former_names[0].code, "SUHH");
  EXPECT_EQ(e[0].former_names[0].withdrawn, "1992-08-30");
  EXPECT_EQ(e[0].cases.at("USSR"), NameCase::kExact);
  EXPECT_EQ(e[0].cases.at("Russian Federation"), NameCase::kCapitalized);
  EXPECT_EQ(e[0].blockers, std::vector<std::string>{"Russia Today"});
  EXPECT_FALSE(e[0].historical);
  EXPECT_TRUE(e[3].historical);
  EXPECT_EQ(e[3].successors, (std::vector<std::string>{"Czechia", "Slovakia"}));
  EXPECT_EQ(e[4].state, "Russia");
  EXPECT_EQ(e[7].administered_by, "Czechia");
  EXPECT_EQ(e[8].members, std::vector<std::string>{"Russia"});
  EXPECT_EQ(parsed->blockers, std::vector<std::string>{"South China Sea"});
  EXPECT_EQ(parsed->common_words, std::vector<std::string>{"Turkey"});
  EXPECT_EQ(parsed->given_names, std::vector<std::string>{"Jordan"});
  EXPECT_EQ(parsed->not_surnames, std::vector<std::string>{"President"});
  // Every name, former ones included, in order.
  std::vector<std::string> names;
  for (const std::string* n : AllNames(e[0])) names.push_back(*n);
  EXPECT_EQ(names, (std::vector<std::string>{"Russia", "Russian Federation", "Soviet Union", "USSR", "Soviet"}));
}

TEST(SchemaFile, AWrongTypeIsRefusedNamingTheEntry) {
  struct Case {
    const char* entity;
    const char* message;
  } cases[] = {
      {R"({"name": "X", "historical": "yes"})", "entities[0] \"X\".historical must be true or false"},
      {R"({"name": "X", "state": ["Russia"]})", "entities[0] \"X\".state must be a string"},
      {R"({"name": "X", "successors": "Russia"})", "entities[0] \"X\".successors must be an array of strings"},
      {R"({"name": "X", "members": [1]})", "entities[0] \"X\".members must hold strings only"},
      {R"({"name": "X", "administered_by": 3})", "entities[0] \"X\".administered_by must be a string"},
      {R"({"name": "X", "former_names": {"name": "Y"}})",
       "entities[0] \"X\".former_names must be an array of objects"},
      {R"({"name": "X", "former_names": [{"aliases": ["Y"]}]})", "entities[0] \"X\".former_names[0]: missing \"name\""},
      {R"({"name": "X", "former_names": [{"name": "Y", "withdrawn": 1992}]})",
       "entities[0] \"X\".former_names[0].withdrawn must be a string"},
      {R"({"name": "X", "case": ["X"]})",
       "entities[0] \"X\".case must be an object: {\"<one of its names>\": \"exact\"}"},
      {R"({"name": "X", "case": {"X": "upper"}})",
       "entities[0] \"X\".case[\"X\"] must be \"exact\", \"capitalized\" or \"insensitive\""},
      {R"({"name": "X", "blockers": "X Tech"})", "entities[0] \"X\".blockers must be an array of strings"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseSchemaJson(Schema(c.entity));
    ASSERT_FALSE(parsed.ok()) << c.entity;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message(), c.message);
  }
  auto top = ParseSchemaJson(Schema(R"({"name": "X"})", R"(, "given_names": "X")"));
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.status().message(), "schema.given_names must be an array of strings");
}

TEST(SchemaFile, AReferenceToNothingIsRefusedWithTheNearestName) {
  auto state = ParseSchemaJson(Schema(R"({"name": "Russia"}, {"name": "FSB", "state": "Rusia"})"));
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.status().message(), "entities[1] \"FSB\".state: no entity \"Rusia\" in the file; did you mean \"Russia\"?");
  auto member = ParseSchemaJson(Schema(R"({"name": "Russia"}, {"name": "CSTO", "members": ["Russia", "Atlantis"]})"));
  ASSERT_FALSE(member.ok());
  EXPECT_EQ(member.status().message(), "entities[1] \"CSTO\".members: no entity \"Atlantis\" in the file");
  auto named_by_alias = ParseSchemaJson(
      Schema(R"({"name": "Russia", "aliases": ["Russian Federation"]}, {"name": "FSB", "state": "Russian Federation"})"));
  ASSERT_FALSE(named_by_alias.ok());  // references use the canonical name
  auto case_rule = ParseSchemaJson(Schema(R"({"name": "Russia", "aliases": ["USSR"], "case": {"USRR": "exact"}})"));
  ASSERT_FALSE(case_rule.ok());
  EXPECT_EQ(case_rule.status().message(),
            "entities[0] \"Russia\".case: \"USRR\" is not one of its names; did you mean \"USSR\"?");
  auto word = ParseSchemaJson(Schema(R"({"name": "Turkey"})", R"(, "common_words": ["Turky"])"));
  ASSERT_FALSE(word.ok());
  EXPECT_EQ(word.status().message(), "common_words[0] \"Turky\": no entity has this name; did you mean \"Turkey\"?");
  auto two_words = ParseSchemaJson(Schema(R"({"name": "Ivory Coast"})", R"(, "given_names": ["Ivory Coast"])"));
  ASSERT_FALSE(two_words.ok());
  EXPECT_EQ(two_words.status().message(),
            "given_names[0] \"Ivory Coast\": must be one word (the rule reads one-word names)");
}

TEST(SchemaFile, AFormerNameIsANameForUniqueness) {
  auto parsed = ParseSchemaJson(Schema(R"({"name": "Russia", "former_names": [{"name": "Soviet Union", "aliases": ["USSR"]}]},
      {"name": "Ukraine", "aliases": ["U.S.S.R."]})"));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "\"U.S.S.R.\" names two entities, \"Russia\" and \"Ukraine\" (give it to one of them)");
}

}  // namespace
}  // namespace claimgraph::codec
