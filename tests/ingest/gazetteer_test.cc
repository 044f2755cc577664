// The generated gazetteer (examples/gazetteer.json with
// examples/ingest/gazetteer-rules.json, built by tools/gazetteer/) in the real
// pipeline: that it loads, that former names, groups and agencies are found,
// and that the ambiguity it can handle today — case, blockers, title blockers —
// is handled. The sentences are written for the test. What the pipeline cannot
// handle yet is pinned too, marked as such, so that fixing it shows here.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ingest/pipeline.h"
#include "engine/ingest/tokenizer.h"
#include "engine/io/schema.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::ReadFileOrDie;
using testing::SourceDir;

std::shared_ptr<const IngestPipeline> GazetteerPipeline() {
  static auto pipeline = [] {
    auto p = LoadIngestPipeline(SourceDir() + "/examples/gazetteer.json",
                                SourceDir() + "/examples/ingest/gazetteer-rules.json");
    if (!p.ok()) throw std::runtime_error(p.status().ToString());
    return *p;
  }();
  return pipeline;
}

// The canonical names of the entities mentioned in `text`, in order.
std::vector<std::string> Mentions(const std::string& text) {
  auto p = GazetteerPipeline();
  auto tokens = Tokenize(text);
  Sentence s{0, tokens.size()};
  std::vector<std::string> names;
  for (const auto& m : p->gazetteer().Find(text, tokens, s)) names.push_back(p->gazetteer().entities()[m.entity].name);
  return names;
}

std::vector<std::string> Claims(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& c : GazetteerPipeline()->Extract(text).claims)
    out.push_back(c.subject + " " + c.predicate + " " + c.object + " " + base::ModalityName(c.modality));
  std::sort(out.begin(), out.end());
  return out;
}

using Names = std::vector<std::string>;

TEST(GazetteerTest, LoadsAndKeepsEveryEntityOfTheExampleSchema) {
  auto example = io::ParseSchemaJson(ReadFileOrDie(SourceDir() + "/examples/schema.json"));
  ASSERT_TRUE(example.ok()) << example.status().ToString();
  const auto& entities = GazetteerPipeline()->gazetteer().entities();
  EXPECT_GT(entities.size(), 300u);
  for (const auto& want : example->entities) {
    auto it = std::find_if(entities.begin(), entities.end(), [&](const auto& e) { return e.name == want.name; });
    ASSERT_NE(it, entities.end()) << want.name;
    EXPECT_EQ(it->type, want.type) << want.name;
  }
}

TEST(GazetteerTest, StatesByTheirIsoNamesShortNamesAndCapitals) {
  EXPECT_EQ(Mentions("the Republic of Korea, Iran and the Islamic Republic of Iran, Kenya, Nairobi, Brasília and "
                     "Brasilia, Côte d'Ivoire, Cote d'Ivoire, Ivory Coast, Türkiye"),
            (Names{"South Korea", "Iran", "Iran", "Kenya", "Kenya", "Brazil", "Brazil", "Côte d'Ivoire",
                   "Côte d'Ivoire", "Côte d'Ivoire", "Turkey"}));
  EXPECT_EQ(Mentions("Syrian, Emirati and Saudi officials met in Riyadh."),
            (Names{"Syria", "United Arab Emirates", "Saudi Arabia", "Saudi Arabia"}));
}

TEST(GazetteerTest, FormerStatesAreTheirSuccessorsOrHistoricalEntities) {
  // Continuity: the USSR is Russia, Burma is Myanmar, Zaire is the DRC.
  EXPECT_EQ(Mentions("The USSR, the Soviet Union, Soviet tanks, Burma and Zaire"),
            (Names{"Russia", "Russia", "Russia", "Myanmar", "Democratic Republic of the Congo"}));
  // No continuator: an entity of its own.
  EXPECT_EQ(Mentions("Czechoslovakia, East Germany and Yugoslavia"),
            (Names{"Czechoslovakia", "German Democratic Republic", "Yugoslavia"}));
  // "Serbia and Montenegro" today is two states.
  EXPECT_EQ(Mentions("Serbia and Montenegro"), (Names{"Serbia", "Montenegro"}));
  EXPECT_EQ(Claims("The Soviet Union and Cuba signed a treaty."),
            (std::vector<std::string>{"Russia pact Cuba asserted"}));
}

TEST(GazetteerTest, GroupsAndAgencies) {
  EXPECT_EQ(Mentions("AUKUS, the SCO, BRICS, the G7, ASEAN, the GCC, the African Union, NATO, the Quad, "
                     "Five Eyes, the EU and the UN"),
            (Names{"AUKUS", "Shanghai Cooperation Organisation", "BRICS", "G7", "ASEAN", "Gulf Cooperation Council",
                   "African Union", "NATO", "Quad", "Five Eyes", "European Union", "United Nations"}));
  EXPECT_EQ(Mentions("NSA, GCHQ, CIA, FSB, GRU, MSS, ASIO, CSIS, BND, DGSE, Mossad, RAW and ISI"),
            (Names{"National Security Agency", "GCHQ", "Central Intelligence Agency", "FSB", "GRU",
                   "Ministry of State Security", "Australian Security Intelligence Organisation",
                   "Canadian Security Intelligence Service", "Bundesnachrichtendienst", "DGSE", "Mossad",
                   "Research and Analysis Wing", "Inter-Services Intelligence"}));
  EXPECT_EQ(Claims("Kazakhstan is making moves to join the SCO."),
            (std::vector<std::string>{"Kazakhstan member-of Shanghai Cooperation Organisation proposed"}));
}

TEST(GazetteerTest, CaseKeepsWordsAndPronounsOut) {
  // One-word names must be capitalized; initialisms match exactly.
  EXPECT_EQ(Mentions("a turkey, a chad, the niger, us, raw data, Turkey, Chad, Niger, US, RAW"),
            (Names{"Turkey", "Chad", "Niger", "United States", "Research and Analysis Wing"}));
}

TEST(GazetteerTest, BlockersKeepOtherPlacesAndPeopleOut) {
  EXPECT_TRUE(Mentions("Georgia Tech beat the Georgia Bulldogs in Atlanta, Georgia.").empty());
  EXPECT_TRUE(Mentions("Michael Jordan, Sen. Jordan and Rep. Jordan crossed the Jordan River.").empty());
  EXPECT_TRUE(Mentions("Chad Wolf visited Lake Chad and the Niger Delta.").empty());
  EXPECT_TRUE(Mentions("Latin American and African American voters in New Jersey and New Mexico").empty());
  EXPECT_TRUE(Mentions("Patrols in the Indian Ocean, the Sea of Japan and the Gulf of Guinea").empty());
  EXPECT_EQ(Mentions("Tbilisi and Georgia; Jordan and Chad; the Indian navy"),
            (Names{"Georgia", "Georgia", "Jordan", "Chad", "India"}));
}

TEST(GazetteerTest, SharedAndUnsafeNamesAreLeftOut) {
  // Both Congos are "Congo" and "Congolese"; "Male" is a word (Malé stays);
  // AES is the cipher, MIT the university.
  EXPECT_EQ(Mentions("Congo and Congolese troops; Male voters; AES and MIT; Malé, DRC, Congo-Brazzaville"),
            (Names{"Maldives", "Democratic Republic of the Congo", "Republic of the Congo"}));
}

TEST(GazetteerTest, KnownLimitsOfTheCurrentPipeline) {
  // Not yet handled (docs/ingest.md, "The gazetteer"): a capitalized word at a
  // sentence start, a first name followed by a surname. When the pipeline
  // learns either, update these expectations.
  EXPECT_EQ(Mentions("Turkey sandwiches sold out."), (Names{"Turkey"}));
  EXPECT_EQ(Mentions("Jordan Smith scored twice."), (Names{"Jordan"}));
}

}  // namespace
}  // namespace claimgraph::ingest
