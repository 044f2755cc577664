// The schema file parser's refusal of one name for two entities: the store
// would merge them (a name finds one entity) while the ingestion gazetteer
// kept them apart.
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

}  // namespace
}  // namespace claimgraph::codec
