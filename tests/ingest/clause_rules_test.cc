// The clause-reading relation rules (issue 13), one construction per test, on
// sentences written for the test: the exact claims (subject, predicate,
// object, modality and time bounds), which rule fired, and what must not come
// out (pairwise pacts from a membership list, a counted anaphor bound to the
// wrong set, a proposal or a conditional stored as a fact).
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

// "subject predicate object modality" and, when a time was found, " from..to".
Lines Claims(const std::string& text) { return testing::ClaimLines(*ExamplePipeline(), text, /*with_time=*/true); }

// The rules that fired, one per claim, sorted and without repeats.
Lines Rules(const std::string& text) {
  Lines out;
  for (const auto& c : ExamplePipeline()->Extract(text).claims) out.push_back(c.rule);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const IngestRules& ExampleRules() {
  static IngestRules rules = [] {
    auto r = ParseIngestRules(ReadFileOrDie(SourceDir() + "/examples/ingest/rules.json"));
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return *r;
  }();
  return rules;
}

// ---- argument slots ----

TEST(ClauseRulesTest, CoordinatedSubjectIsOneSlotPairedWithin) {
  EXPECT_EQ(Claims("Germany and France signed a defence pact."), (Lines{"Germany pact France asserted"}));
  EXPECT_EQ(Rules("Germany and France signed a defence pact."), (Lines{"pact.subject"}));
  // A single subject has no counterpart: nothing, and the list after the
  // cue is not paired instead.
  EXPECT_EQ(Claims("Germany signed the pact, officials in France and Canada said."), Lines{});
}

TEST(ClauseRulesTest, PossessiveWithAndSubjectWith) {
  EXPECT_EQ(Claims("Japan's security alliance with the United States deepened."),
            (Lines{"Japan pact United States asserted"}));
  EXPECT_EQ(Rules("Japan's security alliance with the United States deepened."), (Lines{"pact.possessive-with"}));
  // The with-list pairs with the subject, never with itself.
  EXPECT_EQ(Claims("Canada signed a treaty with France and Germany."),
            (Lines{"Canada pact France asserted", "Canada pact Germany asserted"}));
  // Counterparts without a subject: nothing at all.
  EXPECT_EQ(Claims("It developed partnerships with Canberra and Delhi."), Lines{});
}

TEST(ClauseRulesTest, BetweenAndCompoundAndBy) {
  EXPECT_EQ(Claims("The treaty between Canada and Germany was renewed."), (Lines{"Canada pact Germany asserted"}));
  EXPECT_EQ(Rules("The treaty between Canada and Germany was renewed."), (Lines{"pact.between"}));
  EXPECT_EQ(Claims("The US-Japan alliance was founded in 1951."), (Lines{"United States pact Japan asserted 1951..1951"}));
  EXPECT_EQ(Rules("The US-Japan alliance was founded in 1951."), (Lines{"pact.compound"}));
  EXPECT_EQ(Claims("The agreement was signed by Canada and Japan."), (Lines{"Canada pact Japan asserted"}));
  EXPECT_EQ(Rules("The agreement was signed by Canada and Japan."), (Lines{"pact.by"}));
}

TEST(ClauseRulesTest, IntelligenceExchangeAgreementIsPactAndSharesIntel) {
  EXPECT_EQ(Claims("An intelligence exchange agreement between Japan and Australia was signed in 2007."),
            (Lines{"Japan pact Australia asserted 2007..2007", "Japan shares-intel Australia asserted 2007..2007"}));
  EXPECT_EQ(Rules("An intelligence exchange agreement between Japan and Australia was signed in 2007."),
            (Lines{"pact.between", "shares-intel.between"}));
  // An information-security agreement is both too.
  EXPECT_EQ(Claims("Germany and France signed an information security agreement."),
            (Lines{"Germany pact France asserted", "Germany shares-intel France asserted"}));
}

TEST(ClauseRulesTest, WorkingWithOnIntelligenceIsSubjectTimesCounterparts) {
  EXPECT_EQ(Claims("Britain is working with France, Japan and South Korea to expand intelligence cooperation."),
            (Lines{"United Kingdom shares-intel France asserted", "United Kingdom shares-intel Japan asserted",
                   "United Kingdom shares-intel South Korea asserted"}));
  EXPECT_EQ(Rules("Britain is working with France, Japan and South Korea to expand intelligence cooperation."),
            (Lines{"shares-intel.subject-with"}));
  // The subject is a group, not a participant: nothing (and the counterparts
  // are not each other's partners).
  EXPECT_EQ(Claims("NATO is working with France, Japan and South Korea on intelligence sharing."), Lines{});
}

TEST(ClauseRulesTest, PassiveActiveAndRelativeTargets) {
  EXPECT_EQ(Claims("Ukraine was hacked by Russia."), (Lines{"Russia targets Ukraine asserted"}));
  EXPECT_EQ(Rules("Ukraine was hacked by Russia."), (Lines{"targets.passive"}));
  EXPECT_EQ(Claims("Russian cyberattacks against Germany and France continued."),
            (Lines{"Russia targets France asserted", "Russia targets Germany asserted"}));
  EXPECT_EQ(Claims("Russia, which hacked Ukraine in 2016, met Germany in Paris."),
            (Lines{"Russia targets Ukraine asserted 2016..2016"}));
  EXPECT_EQ(Rules("Russia, which hacked Ukraine in 2016, met Germany in Paris."), (Lines{"targets.relative"}));
  EXPECT_EQ(Claims("The United States imposed sanctions on Russia in 2014."),
            (Lines{"United States targets Russia asserted 2014..2014"}));
  // The object after the cue, then "by" and the agent.
  EXPECT_EQ(Claims("New sanctions were imposed on Russia by Canada."), (Lines{"Canada targets Russia asserted"}));
  EXPECT_EQ(Rules("New sanctions were imposed on Russia by Canada."), (Lines{"targets.passive"}));
  // An article before the object; an act of war.
  EXPECT_EQ(Claims("North Korea shelled a South Korean island."), (Lines{"North Korea targets South Korea asserted"}));
  EXPECT_EQ(Claims("In 2022 Russia invaded Ukraine."), (Lines{"Russia targets Ukraine asserted 2022..2022"}));
  // Past an agent bridge ("any role in"), the subject before it; the denial is the claim's.
  EXPECT_EQ(Claims("Russia denied any role in the cyberattack on Ukraine."), (Lines{"Russia targets Ukraine denied"}));
  EXPECT_EQ(Claims("North Korea fired two ballistic missiles toward Japan."),
            (Lines{"North Korea targets Japan asserted"}));
  EXPECT_EQ(Claims("China has been accused of hacking India."), (Lines{"China targets India reported"}));
  // Not a cue: "invaded" needs its object.
  EXPECT_EQ(Claims("Tourists invaded the beaches of France."), Lines{});
}

TEST(ClauseRulesTest, RelativeClauseAntecedentIsTheSubject) {
  EXPECT_EQ(Claims("Japan and India, which signed a pact in 2008, met again."),
            (Lines{"Japan pact India asserted 2008..2008"}));
  // The relative clause's list is not the main clause's party.
  EXPECT_EQ(Claims("The treaty, which Japan and India discussed, was signed by Canada and France."),
            (Lines{"Canada pact France asserted"}));
}

// ---- membership ----

TEST(ClauseRulesTest, ARelativeClauseAboutTheCueNamesItsParties) {
  // "the treaty that A and B signed": the relative clause's subject are the
  // parties, its time and modal words are the claim's.
  EXPECT_EQ(Claims("The treaty that Vietnam and Singapore signed in 2019 covers fisheries."),
            (Lines{"Vietnam pact Singapore asserted 2019..2019"}));
  EXPECT_EQ(Rules("The treaty that Vietnam and Singapore signed in 2019 covers fisheries."), (Lines{"pact.cue-relative"}));
  EXPECT_EQ(Claims("The pact which Vietnam signed with Singapore and Taiwan was ratified."),
            (Lines{"Vietnam pact Singapore asserted", "Vietnam pact Taiwan asserted"}));
  EXPECT_EQ(Claims("The security agreement that Vietnam and Singapore are negotiating would cover ports."),
            (Lines{"Vietnam pact Singapore proposed"}));
  // A clause that does not open with its subject names no parties: the
  // between-list belongs to "the war", not to the treaty.
  EXPECT_EQ(Claims("The treaty that ended the war between Vietnam and Singapore is old."), Lines{});
  EXPECT_EQ(Claims("The treaty that Vietnam drafted is old."), Lines{});
}

TEST(ClauseRulesTest, ANotCuePhraseHidesTheCueInsideIt) {
  // "deal" is a pact cue; "deal with" (the verb) is none.
  EXPECT_EQ(Claims("The deal that Vietnam and Singapore struck covers ports."),
            (Lines{"Vietnam pact Singapore asserted"}));
  EXPECT_EQ(Claims("Vietnam and Singapore are looking for ways to deal with China."), Lines{});
}

TEST(ClauseRulesTest, AMembershipListGivesMembershipNotPairwisePacts) {
  EXPECT_EQ(Claims("NATO met in Madrid. The alliance — which comprises Canada, France, Germany, Japan and Australia "
                   "— agreed on a new strategy."),
            (Lines{"Australia member-of NATO asserted", "Canada member-of NATO asserted", "France member-of NATO asserted",
                   "Germany member-of NATO asserted", "Japan member-of NATO asserted"}));
  EXPECT_EQ(Claims("AUKUS is a pact comprising Australia, the UK and the US."),
            (Lines{"Australia member-of AUKUS asserted", "United Kingdom member-of AUKUS asserted",
                   "United States member-of AUKUS asserted"}));
  EXPECT_EQ(Claims("NATO, an alliance which counts Canada, Germany and France as members, met."),
            (Lines{"Canada member-of NATO asserted", "France member-of NATO asserted", "Germany member-of NATO asserted"}));
}

TEST(ClauseRulesTest, MembersOfAnIntelligenceNetworkShareIntelligence) {
  EXPECT_EQ(Claims("The Five Eyes, an intelligence-sharing network which counts Canada, Australia and New Zealand as "
                   "members, met."),
            (Lines{"Australia member-of Five Eyes asserted", "Australia shares-intel New Zealand asserted",
                   "Canada member-of Five Eyes asserted", "Canada shares-intel Australia asserted",
                   "Canada shares-intel New Zealand asserted", "New Zealand member-of Five Eyes asserted"}));
  // An agreement with a group named with its members binds the members.
  EXPECT_EQ(Claims("There is an intelligence-sharing agreement with the Quad group of India, Japan and Australia."),
            (Lines{"Australia member-of Quad asserted", "India member-of Quad asserted", "India pact Australia asserted",
                   "India pact Japan asserted", "India shares-intel Australia asserted",
                   "India shares-intel Japan asserted", "Japan member-of Quad asserted", "Japan pact Australia asserted",
                   "Japan shares-intel Australia asserted"}));
}

TEST(ClauseRulesTest, JoiningLeavingApplyingAndWhatIsNotMembership) {
  EXPECT_EQ(Claims("Japan, which joined the Quad in 2007, met India."), (Lines{"Japan member-of Quad asserted 2007..2007"}));
  EXPECT_EQ(Claims("Ukraine applied to join NATO in 2022."), (Lines{"Ukraine member-of NATO proposed 2022..2022"}));
  EXPECT_EQ(Claims("Ukraine is seeking NATO membership."), (Lines{"Ukraine member-of NATO proposed"}));
  // Left: the membership keeps its time, ended then.
  EXPECT_EQ(Claims("The United Kingdom left the European Union in 2020."),
            (Lines{"United Kingdom member-of European Union asserted ..2020"}));
  EXPECT_EQ(Claims("Japan seeks closer ties with the member states of NATO."), Lines{});
  EXPECT_EQ(Claims("France left the summit early. NATO met."), Lines{});
}

// ---- groups ----

TEST(ClauseRulesTest, AGroupIsAPartyAndTheAllianceIsTheOneGroupNamedBefore) {
  EXPECT_EQ(Claims("NATO and Japan signed a partnership agreement."), (Lines{"NATO pact Japan asserted"}));
  EXPECT_EQ(Claims("The European Union met in Brussels. The bloc signed a security pact with Japan."),
            (Lines{"European Union pact Japan asserted"}));
  // Two groups before it: which one is meant is unclear, so nothing.
  EXPECT_EQ(Claims("NATO and the European Union met. The alliance signed a security pact with Japan."), Lines{});
  // A name after an indefinite article is a modifier, not the subject.
  EXPECT_EQ(Claims("Japan, a NATO partner, signed a security pact with India."), (Lines{"Japan pact India asserted"}));
  // Its own complement or a name after it: no reference back.
  EXPECT_EQ(Claims("NATO met. The alliance of democracies signed a pact with Japan."), Lines{});
  // Members named with their group are the parties, not the group.
  EXPECT_EQ(Claims("Japan signed a security agreement with the Quad group of India and Australia."),
            (Lines{"Australia member-of Quad asserted", "India member-of Quad asserted", "Japan pact Australia asserted",
                   "Japan pact India asserted"}));
}

TEST(ClauseRulesTest, AGroupRightBeforeMemberOrAllyNamesTheMembership) {
  // After the cue, or before it with only copula, article and adjective words between.
  EXPECT_EQ(Claims("NATO members Germany and France met."),
            (Lines{"France member-of NATO asserted", "Germany member-of NATO asserted"}));
  EXPECT_EQ(Claims("Canada, a NATO ally, met Japan."), (Lines{"Canada member-of NATO asserted"}));
  EXPECT_EQ(Claims("Germany has been a NATO member since 1955."),
            (Lines{"Germany member-of NATO asserted 1955.."}));
  EXPECT_EQ(Claims("Ukraine is not a NATO member."), (Lines{"Ukraine member-of NATO denied"}));
  // Other words between: no membership ("Japan criticised a NATO member").
  EXPECT_EQ(Claims("Japan criticised a NATO member."), Lines{});
  // A country before "ally" is no group: "a US ally" says nothing of membership.
  EXPECT_EQ(Claims("Japan, a US ally, met India."), Lines{});
  // The apposition's head is still the subject of the clause.
  EXPECT_EQ(Claims("Australia, a Five Eyes member, signed a security pact with Singapore."),
            (Lines{"Australia member-of Five Eyes asserted", "Australia pact Singapore asserted"}));
}

TEST(ClauseRulesTest, ADescribedMembershipIgnoresTheClausesModalWords) {
  // "seeking" is Ukraine's; the members of NATO are members.
  EXPECT_EQ(Claims("Ukraine is seeking closer ties with NATO members Germany and France."),
            (Lines{"France member-of NATO asserted", "Germany member-of NATO asserted"}));
  EXPECT_EQ(Claims("The Quad, whose members include India and Japan, would meet again."),
            (Lines{"India member-of Quad asserted", "Japan member-of Quad asserted"}));
}

TEST(ClauseRulesTest, JoiningCoordinatedGroupsJoinsEach) {
  EXPECT_EQ(Claims("Ukraine hopes to join NATO and the European Union."),
            (Lines{"Ukraine member-of European Union proposed", "Ukraine member-of NATO proposed"}));
}

TEST(ClauseRulesTest, ACueModifierIsOneOptionalWord) {
  EXPECT_EQ(Claims("Canada shares signals intelligence with Japan."), (Lines{"Canada shares-intel Japan asserted"}));
  EXPECT_EQ(Claims("Canada shares some intelligence with Japan."), Lines{});  // "some" is no listed modifier
}

TEST(ClauseRulesTest, TheseRelationsAreThePreviousSentencesPairs) {
  // The pacts the officials reported are, in the next sentence, intelligence
  // liaison relationships: reported shares-intel between the same pairs.
  EXPECT_EQ(Claims("Officials said Japan has a partnership with India and Australia. These partnerships, known "
                   "as intelligence liaison relationships, are new."),
            (Lines{"Japan pact Australia reported", "Japan pact India reported",
                   "Japan shares-intel Australia reported", "Japan shares-intel India reported"}));
  EXPECT_EQ(Rules("Japan signed a pact with India. These pacts include intelligence sharing."),
            (Lines{"pact.subject-with", "shares-intel.relation-anaphor"}));
  // Without the determiner and noun, or two sentences back: nothing.
  EXPECT_EQ(Claims("Japan signed a pact with India. Intelligence sharing is growing."),
            (Lines{"Japan pact India asserted"}));
  EXPECT_EQ(Claims("Japan signed a pact with India. It rained. These pacts include intelligence sharing."),
            (Lines{"Japan pact India asserted"}));
}

// ---- counted anaphora ----

TEST(ClauseRulesTest, ACountedAnaphorIsTheNearestListOfExactlyThatManyOfItsType) {
  // The partner is the alliance ("the alliance" is NATO, the one group named
  // before it), the three countries are France, Japan and South Korea; no
  // pact among the three.
  EXPECT_EQ(Claims("NATO has been working with France, Japan and South Korea on intelligence sharing. The alliance is "
                   "also considering a partnership with the three countries."),
            (Lines{"NATO pact France proposed", "NATO pact Japan proposed", "NATO pact South Korea proposed"}));
  EXPECT_EQ(Claims("The United States, Japan and South Korea met in Seoul. India and Australia then talked. Britain "
                   "is considering a partnership with the three countries."),
            (Lines{"United Kingdom pact Japan proposed", "United Kingdom pact South Korea proposed",
                   "United Kingdom pact United States proposed"}));
  EXPECT_EQ(Claims("The United States, Japan and South Korea met in Seoul. India and Australia then talked. Britain "
                   "signed a pact with the two countries."),
            (Lines{"United Kingdom pact Australia asserted", "United Kingdom pact India asserted"}));
  // No list of three countries (one is a group): the anaphor stands for nothing.
  EXPECT_EQ(Claims("Japan, India and the Quad met. Canada signed a pact with the three countries."), Lines{});
  EXPECT_EQ(Claims("Japan and India met in Tokyo. Both sides agreed to share intelligence."),
            (Lines{"Japan shares-intel India asserted"}));
}

// ---- modality: negation, hedging, conditionals, with clause scope ----

TEST(ClauseRulesTest, NegationCountsInItsClauseOnly) {
  EXPECT_EQ(Claims("Japan and India did not sign a pact."), (Lines{"Japan pact India denied"}));
  EXPECT_EQ(Claims("Although Japan and India have not signed a pact, Australia and Canada signed an agreement."),
            (Lines{"Australia pact Canada asserted", "Japan pact India denied"}));
  EXPECT_EQ(Claims("Japan and India signed a pact, but China did not join the alliance."),
            (Lines{"Japan pact India asserted"}));
  // "not only ... but also" is no negation.
  EXPECT_EQ(Claims("Japan and India not only signed a pact but also agreed to share intelligence."),
            (Lines{"Japan pact India asserted", "Japan shares-intel India asserted"}));
}

TEST(ClauseRulesTest, HedgesAreReportedAtMost) {
  EXPECT_EQ(Claims("Russia has reportedly hacked Germany."), (Lines{"Russia targets Germany reported"}));
  EXPECT_EQ(Claims("China is said to have spied on Taiwan."), (Lines{"China targets Taiwan reported"}));
  EXPECT_EQ(Claims("Russia is suspected of hacking Germany."), (Lines{"Russia targets Germany reported"}));
  // Reported speech still covers the whole sentence.
  EXPECT_EQ(Claims("Japan and India signed a pact, officials said."), (Lines{"Japan pact India reported"}));
}

TEST(ClauseRulesTest, ConditionalsAreNeverAsserted) {
  EXPECT_EQ(Claims("If Russia hacks Germany, NATO would respond."), (Lines{"Russia targets Germany proposed"}));
  EXPECT_EQ(Claims("If Japan, India and Australia sign a pact, China will object."),
            (Lines{"India pact Australia proposed", "Japan pact Australia proposed", "Japan pact India proposed"}));
  EXPECT_EQ(Claims("Japan and India will sign a pact if China agrees."), (Lines{"Japan pact India proposed"}));
  EXPECT_EQ(Claims("Japan and India are negotiating a security pact."), (Lines{"Japan pact India proposed"}));
  EXPECT_EQ(Claims("Japan rejected a pact with China."), (Lines{"Japan pact China denied"}));
}

TEST(ClauseRulesTest, OnlookersAreNoParties) {
  EXPECT_EQ(Claims("Russia and China condemned the AUKUS pact."), Lines{});
  EXPECT_EQ(Claims("Russia and China condemned the pact between Japan and Australia."),
            (Lines{"Japan pact Australia asserted"}));
}

// ---- time ----

TEST(ClauseRulesTest, TimeExpressionsAreKeptWithTheirClaim) {
  EXPECT_EQ(Claims("During the Cold War, the United States and the United Kingdom shared intelligence."),
            (Lines{"United States shares-intel United Kingdom asserted 1947..1991"}));
  EXPECT_EQ(Claims("In 1943, Britain and the United States signed an intelligence agreement."),
            (Lines{"United Kingdom pact United States asserted 1943..1943",
                   "United Kingdom shares-intel United States asserted 1943..1943"}));
  EXPECT_EQ(Claims("Since 2015, Japan and India have shared intelligence."),
            (Lines{"Japan shares-intel India asserted 2015.."}));
  EXPECT_EQ(Claims("The alliance between Japan and Germany lasted until 1945."),
            (Lines{"Japan pact Germany asserted ..1945"}));
  EXPECT_EQ(Claims("In July 2013, the UK and Japan signed a defence framework."),
            (Lines{"United Kingdom pact Japan asserted 2013-07..2013-07"}));
  // A time in another clause is not this claim's.
  EXPECT_EQ(Claims("While Japan prospered in 1990, Germany and France signed a pact."),
            (Lines{"Germany pact France asserted"}));
}

TEST(ClauseRulesTest, TheMethodNamesTheRuleAndTheCueAndTheExplanationTheClause) {
  std::string text = "Officials met. In 2007, an intelligence exchange agreement between Japan and Australia was signed.";
  auto claims = ExamplePipeline()->Extract(text, /*explain=*/true).claims;
  ASSERT_EQ(claims.size(), 2u);
  const ExtractedClaim& c = claims[0].predicate == "shares-intel" ? claims[0] : claims[1];
  EXPECT_EQ(c.method, "rules:19/shares-intel.between:intelligence exchange");
  EXPECT_EQ(c.rule, "shares-intel.between");
  EXPECT_EQ(c.cue, "intelligence exchange");
  EXPECT_EQ(c.time.text, "In 2007");
  EXPECT_EQ(c.explanation.clause, text.substr(15));
  EXPECT_EQ(text.substr(c.explanation.clause_begin, c.explanation.clause_end - c.explanation.clause_begin),
            c.explanation.clause);
  EXPECT_EQ(c.explanation.subject_choice, "the list after \"between\" \"Japan and Australia\", pairwise");
  EXPECT_EQ(c.explanation.modality_reason, "asserted: no proposal, denial, hedge or reported speech in reach");
}

// ---- the stages themselves ----

// ---- session 8: brackets, pronouns, passives in relative clauses, proposals ----

TEST(ClauseRulesTest, MembersInBracketsOrDashesRightAfterAGroup) {
  EXPECT_EQ(Claims("The Quad — Australia, India, Japan and the United States — met in Tokyo."),
            (Lines{"Australia member-of Quad asserted", "India member-of Quad asserted", "Japan member-of Quad asserted",
                   "United States member-of Quad asserted"}));
  EXPECT_EQ(Claims("Members of the Five Eyes alliance (Canada, Australia and New Zealand) met in Ottawa."),
            (Lines{"Australia member-of Five Eyes asserted", "Canada member-of Five Eyes asserted",
                   "New Zealand member-of Five Eyes asserted"}));
  EXPECT_EQ(Rules("The Quad — Australia, India, Japan and the United States — met in Tokyo."),
            (Lines{"member-of.group-bracket"}));
  // No group right before the bracket: an aside, not a membership.
  EXPECT_EQ(Claims("Envoys of three countries — India, Japan and Vietnam — met NATO officials."), Lines{});
  EXPECT_EQ(Claims("NATO officials met envoys of two countries (India and Japan) on Friday."), Lines{});
}

TEST(ClauseRulesTest, APossessivePronounIsTheOneOtherEntityNamedBefore) {
  EXPECT_EQ(Claims("Ukraine said Russia had attacked its power grid."), (Lines{"Russia targets Ukraine reported"}));
  // Two entities it could stand for, or only the subject: nothing.
  EXPECT_EQ(Claims("Germany and France said China had hacked its satellites."), Lines{});
  EXPECT_EQ(Claims("Russia attacked its neighbour."), Lines{});
  // "its own" is the subject's.
  EXPECT_EQ(Claims("China said the United States had hacked its own networks."), Lines{});
}

TEST(ClauseRulesTest, ThePassiveOfARelativeClauseIsAboutItsAntecedent) {
  EXPECT_EQ(Claims("Ukraine, which has been attacked by Russia since 2014, signed a security agreement with Britain."),
            (Lines{"Russia targets Ukraine asserted 2014..", "Ukraine pact United Kingdom asserted"}));
  EXPECT_EQ(Claims("Japan was hit by a wave of Chinese cyberattacks."), (Lines{"China targets Japan asserted"}));
  EXPECT_EQ(Claims("Taiwan has been threatened repeatedly by China."), (Lines{"China targets Taiwan asserted"}));
}

TEST(ClauseRulesTest, WhoJoinsAnotherInAnActIsAnAgentToo) {
  EXPECT_EQ(Claims("Japan joined the United States in sanctioning North Korea."),
            (Lines{"Japan targets North Korea asserted", "United States targets North Korea asserted"}));
  // Joining the one who acts, not the act: only the actor.
  EXPECT_EQ(Claims("Japan joined the United States, which sanctioned North Korea."),
            (Lines{"United States targets North Korea asserted"}));
}

TEST(ClauseRulesTest, TheyIsTheOneListOfTwoOrMoreBeforeIt) {
  EXPECT_EQ(Claims("India and the United States signed a pact that lets them share intelligence."),
            (Lines{"India pact United States asserted", "India shares-intel United States asserted"}));
}

TEST(ClauseRulesTest, NegotiationsOffersAndRefusalsAreNeverFacts) {
  EXPECT_EQ(Claims("Vietnam is expected to sign a defence agreement with Japan next month."),
            (Lines{"Vietnam pact Japan proposed .."}));  // "next month": a time without bounds
  EXPECT_EQ(Claims("Japan and Vietnam are drafting a security treaty."), (Lines{"Japan pact Vietnam proposed"}));
  EXPECT_EQ(Claims("India declined to sign a security pact with Russia."), (Lines{"India pact Russia denied"}));
  EXPECT_EQ(Claims("Talks between Japan and China on a maritime deal collapsed in 2019."),
            (Lines{"Japan pact China denied 2019..2019"}));
  // A negotiation that ended in a signature is a fact.
  EXPECT_EQ(Claims("Japan and India signed a security pact after years of negotiations."),
            (Lines{"Japan pact India asserted"}));
}

// ---- names the document gives (session 11) ----

TEST(ClauseRulesTest, ABracketedInitialismAfterANamedAgreementStandsForItLater) {
  const std::string text =
      "Japan and the Philippines signed the Reciprocal Access Agreement (RAA) in July. "
      "Japan has also signed the RAA with Australia and the UK.";
  Lines claims = Claims(text);
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Japan pact Australia asserted"), claims.end());
  EXPECT_NE(std::find(claims.begin(), claims.end(), "Japan pact United Kingdom asserted"), claims.end());
  // The method says what the initialism was defined as.
  bool said = false;
  for (const auto& c : ExamplePipeline()->Extract(text).claims)
    said |= c.object == "Australia" && c.method.find(":raa=agreement") != std::string::npos;
  EXPECT_TRUE(said);
  // Not defined: the bracket does not follow a cue that ends a capitalized
  // name ("an access agreement (RAA)"), or it holds more than an initialism.
  EXPECT_EQ(Claims("Japan wants an access agreement (RAA) soon. Japan signed the RAA with Australia."), Lines{});
  EXPECT_EQ(Claims("Japan signed the Access Agreement (the RAA) in May. Japan signed the RAA with Australia."), Lines{});
  // A review or a plan named in brackets is no agreement.
  EXPECT_EQ(Claims("Japan published its Defence Review (DR). Japan and Australia discussed the DR."), Lines{});
}

TEST(ClauseRulesTest, AGroupNamedRightAfterAPartnershipHasItsPartiesAsMembers) {
  EXPECT_EQ(Claims("Australia, the UK and the US announced a new security partnership (AUKUS) on Wednesday."),
            (Lines{"Australia member-of AUKUS asserted", "Australia pact United Kingdom asserted",
                   "Australia pact United States asserted", "United Kingdom member-of AUKUS asserted",
                   "United Kingdom pact United States asserted", "United States member-of AUKUS asserted"}));
  EXPECT_EQ(Rules("Australia, the UK and the US formed a security partnership, called AUKUS."),
            (Lines{"member-of.named-subject", "pact.subject"}));
  // The name must follow the cue: a group elsewhere in the sentence is no name of it.
  EXPECT_EQ(Claims("Japan and India signed a defence pact, and NATO welcomed it."),
            (Lines{"Japan pact India asserted"}));
  // A bracket that holds no group names nothing.
  EXPECT_EQ(Claims("Japan and India signed a defence pact (the first of its kind)."), (Lines{"Japan pact India asserted"}));
}

TEST(ClauseRulesTest, ACountedAnaphorWithoutAListCountsThePartiesOfTheLastRelation) {
  // "South Korea ... with Japan" is no list of two, but the relation has two parties.
  EXPECT_EQ(Claims("South Korea extended its intelligence-sharing deal with Japan. "
                   "The two countries signed the pact in 2016."),
            (Lines{"South Korea pact Japan asserted", "South Korea pact Japan asserted 2016..2016",
                   "South Korea shares-intel Japan asserted"}));
  // A list of exactly that many still wins, and a relation of three parties is no "two".
  EXPECT_EQ(Claims("Japan signed a pact with India and Australia. The two countries are rivals of China."),
            (Lines{"Japan pact Australia asserted", "Japan pact India asserted"}));
  EXPECT_EQ(Claims("Japan signed a pact with India and Australia. The two countries then signed a treaty."),
            (Lines{"India pact Australia asserted", "Japan pact Australia asserted", "Japan pact India asserted"}));
  EXPECT_EQ(Claims("Japan, India and Australia signed a pact. The two countries then signed a treaty."),
            (Lines{"India pact Australia asserted", "Japan pact Australia asserted", "Japan pact India asserted"}));
}

TEST(ClauseRulesTest, ABetweenListAfterABarrierWordBelongsToAnotherNoun) {
  EXPECT_EQ(Claims("The pact comes amid tensions between China and the Philippines."), Lines{});
  EXPECT_EQ(Claims("The pact between China and Russia was signed despite objections."),
            (Lines{"China pact Russia asserted"}));
}

TEST(ClauseRulesTest, AgreeingToDoMoreIsAPlanAndWhatAnAgreementEnablesIsToo) {
  EXPECT_EQ(Claims("India and France agreed to enhance intelligence sharing."),
            (Lines{"India shares-intel France proposed"}));
  // Agreeing to share is no plan to do more; signing is a fact.
  EXPECT_EQ(Claims("Canada and Japan signed an agreement to expand intelligence sharing."),
            (Lines{"Canada pact Japan asserted", "Canada shares-intel Japan asserted"}));
  // What the agreement enables is proposed; the agreement before it is not.
  EXPECT_EQ(Claims("Germany and France signed a defence agreement, paving the way for sharing intelligence."),
            (Lines{"Germany pact France asserted", "Germany shares-intel France proposed"}));
}

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
