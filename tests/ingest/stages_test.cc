// Each stage of the ingestion pipeline on small texts written for the test
// (not taken from the corpus), so they check that the rules generalize.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ingest/pipeline.h"
#include "engine/ingest/tokenizer.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::ExamplePipeline;

std::vector<std::string> SentencesOf(const std::string& text) {
  auto p = ExamplePipeline();
  auto tokens = Tokenize(text);
  std::vector<std::string> out;
  for (const auto& s : p->sentence_splitter().Split(text, tokens)) {
    size_t b = tokens[s.token_begin].begin, e = tokens[s.token_end - 1].end;
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

std::vector<std::string> Claims(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& c : ExamplePipeline()->Extract(text).claims)
    out.push_back(c.subject + " " + c.predicate + " " + c.object + " " + base::ModalityName(c.modality));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(TokenizerTest, SplitsHyphensApostrophesAndKeepsInitialisms) {
  std::string text = "U.S.-Japan ties, China’s “pact” — e.g. 2.5 km.";
  std::vector<std::string> norms;
  for (const auto& t : Tokenize(text)) norms.push_back(t.norm);
  std::vector<std::string> want = {"u.s.", "-", "japan", "ties", ",", "china", "'", "s", "\"", "pact", "\"",
                                   "-", "e.g.", "2.5", "km", "."};
  EXPECT_EQ(norms, want);
  for (const auto& t : Tokenize(text)) EXPECT_LT(t.begin, t.end);
}

TEST(TokenizerTest, InvalidUtf8StillAdvances) {
  std::string text = "ab\xff\xfe cd \xe2\x80";
  auto tokens = Tokenize(text);
  ASSERT_FALSE(tokens.empty());
  EXPECT_LE(tokens.back().end, text.size());
}

TEST(BoilerplateTest, DropsConsentBannersPaywallsAndLinkListsKeepsTheArticle) {
  std::string article =
      "Germany and France signed a defence pact on Monday.\n"
      "The agreement covers cyber defence.\n";
  std::string banner =
      "X\n"
      "This website uses cookies to improve your experience and for advertising and analytics partners.\n"
      "Accept Cookies\n"
      "Manage Consent Preferences\n"
      "We and our partners process personal data; you can opt out of the sale of your personal information.\n";
  std::string links;
  for (int i = 0; i < 10; ++i) links += "Some Blog Name " + std::to_string(i) + "\nA tagline about things\n";
  std::string text = article + "\nTo continue reading, please click here.\n\n" + article + links + banner;
  auto ex = ExamplePipeline()->Extract(text);
  EXPECT_EQ(ex.cleaned.text, article.substr(0, article.size() - 1) + "\n" + article.substr(0, article.size() - 1));
  std::vector<std::string> reasons;
  for (const auto& d : ex.cleaned.dropped) reasons.push_back(d.reason);
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "link list"), reasons.end());
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "consent or paywall cues"), reasons.end());
}

TEST(BoilerplateTest, OffsetMapLeadsBackToTheOriginalBytes) {
  std::string text = "Accept Cookies\n\n  Japan’s navy — and “Britain’s” — trained together.\nSubscribe now\n"
                     "Japan and Britain signed an agreement.\n";
  auto ex = ExamplePipeline()->Extract(text);
  auto tokens = Tokenize(ex.cleaned.text);
  ASSERT_FALSE(tokens.empty());
  for (const auto& t : tokens) {
    uint32_t b = ex.cleaned.map.MapBegin(t.begin), e = ex.cleaned.map.MapEnd(t.end);
    EXPECT_EQ(text.substr(b, e - b), ex.cleaned.text.substr(t.begin, t.end - t.begin));
  }
  ASSERT_EQ(ex.claims.size(), 1u);
  EXPECT_EQ(ex.claims[0].quote, "Japan and Britain signed an agreement");
  EXPECT_EQ(text.substr(ex.claims[0].span_begin, ex.claims[0].span_end - ex.claims[0].span_begin), ex.claims[0].quote);
}

TEST(SentenceTest, SurvivesAbbreviationsInitialsQuotesAndBullets) {
  auto s = SentencesOf(
      "Adm. Michael Rogers met Gen. Smith in the U.S. capital on Sept. 4. Jeremy S. Maxie agreed. "
      "“It is done.” Then they left.\n"
      "  • Share expertise in cybersecurity.\n"
      "  • Conduct bilateral exercises\n"
      "Next paragraph");
  std::vector<std::string> want = {
      "Adm. Michael Rogers met Gen. Smith in the U.S. capital on Sept. 4.", "Jeremy S. Maxie agreed.",
      "“It is done.”", "Then they left.", "• Share expertise in cybersecurity.", "• Conduct bilateral exercises",
      "Next paragraph"};
  EXPECT_EQ(s, want);
}

TEST(SentenceTest, OverlongSentencesAreCutIntoBoundedPieces) {
  // 40,000 tokens without a period: pieces of at most max_tokens (300), so the
  // relation rules' work per sentence stays bounded (it grew quadratically).
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Japan and India signed a pact with France, ";
  auto tokens = Tokenize(text);
  auto sentences = ExamplePipeline()->sentence_splitter().Split(text, tokens);
  ASSERT_GT(sentences.size(), 100u);
  size_t covered = 0;
  for (const auto& s : sentences) {
    EXPECT_LE(s.token_end - s.token_begin, 300u);
    EXPECT_EQ(s.token_begin, covered);  // contiguous, nothing lost
    covered = s.token_end;
  }
  EXPECT_EQ(covered, tokens.size());
  EXPECT_FALSE(ExamplePipeline()->Extract(text).claims.empty());
}

TEST(SentenceTest, HardWrappedParagraphStaysOneSentence) {
  auto s = SentencesOf("Japan and India signed\nan agreement on Monday.\nA new line.");
  std::vector<std::string> want = {"Japan and India signed\nan agreement on Monday.", "A new line."};
  EXPECT_EQ(s, want);
}

TEST(MentionTest, AliasesDemonymsMetonymsLongestMatchAndCase) {
  auto p = ExamplePipeline();
  std::string text = "Tokyo and Whitehall, the U.S. Department of Defense, American officials, us, and the five eyes "
                     "met in the South China Sea.";
  auto tokens = Tokenize(text);
  Sentence s{0, tokens.size()};
  std::vector<std::string> names;
  for (const auto& m : p->gazetteer().Find(text, tokens, s)) names.push_back(p->gazetteer().entities()[m.entity].name);
  std::vector<std::string> want = {"Japan", "United Kingdom", "US Department of Defense", "United States", "Five Eyes"};
  EXPECT_EQ(names, want);  // "us" is a pronoun; "South China Sea" is not China
}

TEST(ListTest, ExpandsCoordinatedAndHyphenatedLists) {
  EXPECT_EQ(Claims("The United States, India, Japan and Australia signed a pact."),
            (std::vector<std::string>{"India pact Australia asserted", "India pact Japan asserted",
                                      "Japan pact Australia asserted", "United States pact Australia asserted",
                                      "United States pact India asserted", "United States pact Japan asserted"}));
  EXPECT_EQ(Claims("A US-Japan-UK intelligence liaison began."),
            (std::vector<std::string>{"Japan shares-intel United Kingdom asserted",
                                      "United States shares-intel Japan asserted",
                                      "United States shares-intel United Kingdom asserted"}));
}

TEST(RelationTest, WithListPairsWithTheSubjectNotWithEachOther) {
  EXPECT_EQ(Claims("Canada signed a treaty with France and Germany."),
            (std::vector<std::string>{"Canada pact France asserted", "Canada pact Germany asserted"}));
  // No subject: the counterparts are not each other's partners.
  EXPECT_TRUE(Claims("It developed partnerships with Canberra and Delhi.").empty());
}

TEST(RelationTest, AdversariesAreNotParties) {
  EXPECT_EQ(Claims("With an eye on China and Russia, Japan and India agreed to share intelligence."),
            (std::vector<std::string>{"Japan shares-intel India asserted"}));
}

TEST(RelationTest, DirectedTargetsKeepsDirectionAndPassive) {
  EXPECT_EQ(Claims("Russian hacking of Ukraine continued."),
            (std::vector<std::string>{"Russia targets Ukraine asserted"}));
  EXPECT_EQ(Claims("Germany was targeted by Russia last year."),
            (std::vector<std::string>{"Russia targets Germany asserted"}));
  EXPECT_EQ(Claims("North Korean cyberattacks against South Korea and Japan rose."),
            (std::vector<std::string>{"North Korea targets Japan asserted", "North Korea targets South Korea asserted"}));
}

TEST(RelationTest, MembershipFindsTheGroupInThisOrThePreviousSentence) {
  // Members only: a membership list is no set of bilateral pacts (issue 13).
  EXPECT_EQ(Claims("AUKUS is a pact comprising Australia, the UK and the US."),
            (std::vector<std::string>{"Australia member-of AUKUS asserted", "United Kingdom member-of AUKUS asserted",
                                      "United States member-of AUKUS asserted"}));
  EXPECT_EQ(Claims("NATO met in Wales. The alliance, made up of Germany and France, agreed."),
            (std::vector<std::string>{"France member-of NATO asserted", "Germany member-of NATO asserted"}));
}

TEST(ModalityTest, ProposalsDenialsAndReportedSpeech) {
  EXPECT_EQ(Claims("Vietnam is making moves to join the Quad."),
            (std::vector<std::string>{"Vietnam member-of Quad proposed"}));
  EXPECT_EQ(Claims("Japan and the UK should develop an intelligence-sharing agreement."),
            (std::vector<std::string>{"Japan pact United Kingdom proposed", "Japan shares-intel United Kingdom proposed"}));
  EXPECT_EQ(Claims("Beijing denied hacking Taiwan."), (std::vector<std::string>{"China targets Taiwan denied"}));
  EXPECT_EQ(Claims("Officials said India and Japan signed a treaty."),
            (std::vector<std::string>{"India pact Japan reported"}));
  EXPECT_EQ(Claims("According to Reuters, Canada would like to sign a pact with New Zealand."),
            (std::vector<std::string>{"Canada pact New Zealand proposed"}));
}

TEST(AnaphoraTest, TheTwoGovernmentsStandsForTheLastPair) {
  EXPECT_EQ(Claims("Japan and India met in Tokyo. The two governments agreed to share intelligence."),
            (std::vector<std::string>{"Japan shares-intel India asserted"}));
  // A list of three is not "the two".
  EXPECT_TRUE(Claims("Japan, India and France met. The two governments agreed to share intelligence.").empty());
}

TEST(PipelineTest, NoEntitiesNoCuesNoClaims) {
  EXPECT_TRUE(Claims("").empty());
  EXPECT_TRUE(Claims("The weather was fine and everyone agreed to share lunch.").empty());
  EXPECT_TRUE(Claims("Japan and India are large countries.").empty());
}

}  // namespace
}  // namespace claimgraph::ingest
