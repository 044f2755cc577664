// The generated gazetteer (examples/gazetteer.json, built by tools/gazetteer/,
// with the ordinary examples/ingest/rules.json) in the real pipeline: that it
// loads, that former names, groups and agencies are found and know their
// facts, and that the ambiguity it can handle — case (inferred and the
// schema's), blockers, a common word at a sentence start, a given name before
// a surname — is handled. The sentences are written for the test. What the
// pipeline cannot handle yet is pinned too, marked as such, so that fixing it
// shows here.
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

using testing::GazetteerPipeline;

// The canonical names of the entities mentioned in `text`, in order, the
// text read as one sentence.
std::vector<std::string> Mentions(const std::string& text) {
  auto p = GazetteerPipeline();
  auto tokens = Tokenize(text);
  Sentence s{0, tokens.size()};
  std::vector<std::string> names;
  for (const auto& m : p->gazetteer().Find(text, tokens, s)) names.push_back(p->gazetteer().entities()[m.entity].name);
  return names;
}

// The same, the text split into sentences as the pipeline splits a document.
std::vector<std::string> DocumentMentions(const std::string& text) {
  auto p = GazetteerPipeline();
  auto tokens = Tokenize(text);
  std::vector<std::string> names;
  for (const auto& sentence : p->gazetteer().Find(text, tokens, p->sentence_splitter().Split(text, tokens)))
    for (const auto& m : sentence) names.push_back(p->gazetteer().entities()[m.entity].name);
  return names;
}

int EntityIndex(const std::string& name) {
  const auto& entities = GazetteerPipeline()->gazetteer().entities();
  auto it = std::find_if(entities.begin(), entities.end(), [&](const auto& e) { return e.name == name; });
  if (it == entities.end()) throw std::runtime_error("no entity " + name);
  return static_cast<int>(it - entities.begin());
}

const GazetteerEntity& Entity(const std::string& name) {
  return GazetteerPipeline()->gazetteer().entities()[EntityIndex(name)];
}

std::string NameOf(int entity) {
  return entity < 0 ? "(none)" : GazetteerPipeline()->gazetteer().entities()[entity].name;
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
  EXPECT_EQ(Mentions("Syrian, Emirati and Saudi officials said Riyadh would host them."),
            (Names{"Syria", "United Arab Emirates", "Saudi Arabia", "Saudi Arabia"}));
  // After "in" or "at" a capital is the place, not its state (rules version 7).
  EXPECT_EQ(Mentions("Syrian, Emirati and Saudi officials met in Riyadh."),
            (Names{"Syria", "United Arab Emirates", "Saudi Arabia"}));
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

// Named hacking groups (session 11): their own entities, type cyber-group,
// which the targets rule reads; the state a group works for is never implied.
TEST(GazetteerTest, HackingGroupsAreEntitiesTheTargetsRuleReads) {
  EXPECT_EQ(Mentions("Fancy Bear, Cozy Bear, the Lazarus Group, Hidden Cobra and Volt Typhoon"),
            (Names{"APT28", "APT29", "Lazarus Group", "Lazarus Group", "Volt Typhoon"}));
  EXPECT_EQ(Entity("APT31").type, "cyber-group");
  EXPECT_EQ(Claims("APT28 hacked Germany's parliament."), (std::vector<std::string>{"APT28 targets Germany asserted"}));
  // No claim about the state behind it: the text does not say it.
  EXPECT_EQ(Claims("The Lazarus Group attacked South Korean banks."),
            (std::vector<std::string>{"Lazarus Group targets South Korea asserted"}));
  // A group is no party of a pact or of intelligence sharing.
  EXPECT_EQ(Claims("APT29 and Japan signed an agreement."), (std::vector<std::string>{}));
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

TEST(GazetteerTest, AFormerNameIsAMentionOfTheSuccessorThatKnowsIt) {
  auto p = GazetteerPipeline();
  std::string text = "The USSR, Soviet tanks, Russia and Burma";
  auto tokens = Tokenize(text);
  auto mentions = p->gazetteer().Find(text, tokens, Sentence{0, tokens.size()});
  ASSERT_EQ(mentions.size(), 4u);
  const auto& russia = Entity("Russia");
  ASSERT_EQ(russia.former_names.size(), 1u);
  EXPECT_EQ(russia.former_names[0].name, "Soviet Union");
  EXPECT_EQ(russia.former_names[0].code, "SUHH");
  EXPECT_EQ(russia.former_names[0].withdrawn, "1992-08-30");
  EXPECT_EQ(mentions[0].entity, EntityIndex("Russia"));
  EXPECT_EQ(mentions[0].former, 0);  // "USSR"
  EXPECT_EQ(mentions[1].former, 0);  // "Soviet"
  EXPECT_EQ(mentions[1].kind, MentionKind::kDemonym);
  EXPECT_EQ(mentions[2].former, -1);  // "Russia"
  EXPECT_EQ(mentions[3].entity, EntityIndex("Myanmar"));
  EXPECT_EQ(p->gazetteer().entities()[mentions[3].entity].former_names[mentions[3].former].name, "Burma");
  EXPECT_FALSE(russia.historical);
}

TEST(GazetteerTest, AClaimThroughAFormerNameSaysSoInItsMethod) {
  auto ex = GazetteerPipeline()->Extract("The USSR and Cuba signed a treaty.");
  ASSERT_EQ(ex.claims.size(), 1u);
  EXPECT_EQ(ex.claims[0].subject + " " + ex.claims[0].object, "Russia Cuba");
  EXPECT_EQ(ex.claims[0].former_names, (Names{"USSR"}));
  EXPECT_EQ(ex.claims[0].method, "rules:19/pact.subject:treaty; \"USSR\" read as Russia (former name)");
  auto today = GazetteerPipeline()->Extract("Russia and Cuba signed a treaty.");
  ASSERT_EQ(today.claims.size(), 1u);
  EXPECT_TRUE(today.claims[0].former_names.empty());
  EXPECT_EQ(today.claims[0].method, "rules:19/pact.subject:treaty");
}

TEST(GazetteerTest, EntitiesKnowTheirStateSuccessorsMembersAndAdministrator) {
  EXPECT_EQ(NameOf(Entity("FSB").state), "Russia");
  EXPECT_EQ(NameOf(Entity("GCHQ").state), "United Kingdom");
  EXPECT_EQ(NameOf(Entity("Mossad").state), "Israel");
  EXPECT_EQ(NameOf(Entity("Japan").state), "(none)");
  const auto& cz = Entity("Czechoslovakia");
  EXPECT_TRUE(cz.historical);
  EXPECT_EQ(cz.type, "former-country");
  ASSERT_EQ(cz.successors.size(), 2u);
  EXPECT_EQ(NameOf(cz.successors[0]) + ", " + NameOf(cz.successors[1]), "Czechia, Slovakia");
  EXPECT_EQ(NameOf(Entity("Aruba").administered_by), "Netherlands");
  const auto& quad = Entity("Quad").members;
  EXPECT_NE(std::find(quad.begin(), quad.end(), EntityIndex("India")), quad.end());
  EXPECT_TRUE(Entity("G8").historical);
}

TEST(GazetteerTest, TheSchemasCaseRulesKeepCommonPhrasesOut) {
  EXPECT_EQ(Mentions("a group of seven analysts walked across the quad to a white house"), Names{});
  EXPECT_EQ(Mentions("the Group of Seven, the Quad, the White House, THE WHITE HOUSE"),
            (Names{"G7", "Quad", "United States", "United States"}));
}

TEST(GazetteerTest, ACommonWordStartingASentenceCountsOnlyIfTheDocumentNamesItsEntityElsewhere) {
  EXPECT_EQ(Mentions("Turkey sandwiches sold out."), Names{});
  EXPECT_EQ(Mentions("Turkey sandwiches are popular."), Names{});
  EXPECT_EQ(Mentions("“Jersey cows give rich milk,” she said."), Names{});
  EXPECT_EQ(DocumentMentions("Turkey sandwiches sold out. Nobody went hungry."), Names{});
  // Named elsewhere in the document: the doubt is lifted.
  EXPECT_EQ(DocumentMentions("Turkey sells drones to Ukraine. Ankara denies it."),
            (Names{"Turkey", "Ukraine", "Turkey"}));
  // It reads as a subject: a verb in -ed, a list, a possessive; or it is not the first word.
  EXPECT_EQ(Mentions("Turkey signed a pact with Greece."), (Names{"Turkey", "Greece"}));
  EXPECT_EQ(Mentions("Turkey and Greece met."), (Names{"Turkey", "Greece"}));
  EXPECT_EQ(Mentions("Turkey's navy sailed."), (Names{"Turkey"}));
  EXPECT_EQ(Mentions("Greece and Turkey sandwiches"), (Names{"Greece", "Turkey"}));
  // Only the listed common words are doubted.
  EXPECT_EQ(Mentions("Japan sells drones."), (Names{"Japan"}));
}

TEST(GazetteerTest, AGivenNameBeforeASurnameIsAPerson) {
  EXPECT_EQ(Mentions("Jordan Smith scored twice."), Names{});
  EXPECT_EQ(Mentions("Chad Harris met Sofia Coppola and Israel Katz."), Names{});
  EXPECT_EQ(Mentions("the Washington Post"), Names{});
  // A title or office, a date, another name, a list: the state.
  EXPECT_EQ(Mentions("Jordan King Abdullah, Chad President Deby, Israel Defense Forces, Jordan Monday"),
            (Names{"Jordan", "Chad", "Israel", "Jordan"}));
  EXPECT_EQ(Mentions("Jordan Israel and Egypt, Jordan, Egypt"), (Names{"Jordan", "Israel", "Egypt", "Jordan", "Egypt"}));
  // Only the listed given names: "Japan Tuesday" is no person.
  EXPECT_EQ(Mentions("Japan Tuesday"), (Names{"Japan"}));
}

TEST(GazetteerTest, TheUsStateGeorgiaInItsFrequentContexts) {
  EXPECT_EQ(Mentions("the U.S. state of Georgia, the state of Georgia, Georgia Gov. Brian Kemp, Georgia Sen. Jon "
                     "Ossoff, Georgia Attorney General Chris Carr"),
            Names{});
  EXPECT_EQ(Mentions("Georgia President Salome Zourabichvili met Georgian and Russian officials."),
            (Names{"Georgia", "Georgia", "Russia"}));
}

TEST(GazetteerTest, KnownLimitsOfTheCurrentPipeline) {
  // Not handled (docs/ingest.md, "The gazetteer"). When the pipeline learns
  // one, update these expectations.
  // The common-word rule's cost: a document that names Turkey only at a
  // sentence start, before a verb not in -ed, loses the mention.
  EXPECT_EQ(DocumentMentions("Turkey sells drones."), Names{});
  // A demonym is never doubted ("Polish troops" is its usual use).
  EXPECT_EQ(Mentions("Polish the silver."), (Names{"Poland"}));
  // The US state outside its listed contexts, and a given name before a
  // surname that is itself a name.
  EXPECT_EQ(Mentions("Georgia voters went to the polls in Georgia, U.S."),
            (Names{"Georgia", "Georgia", "United States"}));
  EXPECT_EQ(Mentions("Jordan Washington scored."), (Names{"Jordan", "United States"}));
}

}  // namespace
}  // namespace claimgraph::ingest
