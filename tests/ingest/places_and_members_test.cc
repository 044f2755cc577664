// Rules version 8 (issue 13, round 7): objects in place phrases, the name a
// national adjective describes, members named after a copula, in a bracket
// after "the new members", or as "its full members", and the plans said as
// "to admit", "a roadmap for" and "a commitment to deepening". Each with the
// sentences that must not change.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ingest/pipeline.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::GazetteerPipeline;
using Lines = std::vector<std::string>;

Lines Claims(const std::string& text) { return testing::ClaimLines(*GazetteerPipeline(), text, /*with_time=*/false); }

TEST(PlacesAndMembersTest, APlacePhraseIsTheObjectUnlessAnAdjunctComesFirst) {
  EXPECT_EQ(Claims("Turkish drones targeted on Thursday 16 locations in various areas in northern Syria."),
            (Lines{"Turkey targets Syria asserted"}));
  EXPECT_EQ(Claims("Turkey launched a military operation in northern Iraq."), (Lines{"Turkey targets Iraq asserted"}));
  // The place of something else: talks, a visit.
  EXPECT_EQ(Claims("Iranian hackers targeted oil companies during talks in Oman."), Lines{});
  EXPECT_EQ(Claims("Iranian hackers targeted oil companies after a visit to Oman."), Lines{});
  // Past the place window, nothing.
  EXPECT_EQ(Claims("Turkish drones targeted on Thursday sixteen small and scattered rural locations of many different "
                   "kinds, sizes, ages, owners, uses and shapes known to local farmers in northern Syria."),
            Lines{});
}

TEST(PlacesAndMembersTest, ANationalAdjectiveBeforeANamedGroupDescribesIt) {
  EXPECT_EQ(Claims("Israel fought a war against the Lebanese militant group Hezbollah."),
            (Lines{"Israel targets Hezbollah asserted"}));
  // Before a plain noun the adjective is the state.
  EXPECT_EQ(Claims("Israel struck Lebanese villages near the border."), (Lines{"Israel targets Lebanon asserted"}));
  // "struck a deal" is no attack.
  EXPECT_EQ(Claims("India struck a deal with Japan."), (Lines{"India pact Japan asserted"}));
}

TEST(PlacesAndMembersTest, MembersAfterACopulaABracketOrItsFullMembers) {
  EXPECT_EQ(Claims("The founding ASEAN members were Indonesia, Malaysia and Thailand."),
            (Lines{"Indonesia member-of ASEAN asserted", "Malaysia member-of ASEAN asserted",
                   "Thailand member-of ASEAN asserted"}));
  EXPECT_EQ(Claims("EU members were divided over the budget."), Lines{});
  EXPECT_EQ(Claims("NATO expanded in 2004. The new members - Estonia, Latvia and Lithuania - border Russia."),
            (Lines{"Estonia member-of NATO asserted", "Latvia member-of NATO asserted",
                   "Lithuania member-of NATO asserted"}));
  // No group in the sentence or before it: no members.
  EXPECT_EQ(Claims("The new members - Estonia, Latvia and Lithuania - border Russia."), Lines{});
  EXPECT_EQ(Claims("The SCO was founded in 2001. China and Russia are its full members."),
            (Lines{"China member-of Shanghai Cooperation Organisation asserted",
                   "Russia member-of Shanghai Cooperation Organisation asserted"}));
}

TEST(PlacesAndMembersTest, AdmissionsToComeAndCommitmentsArePlans) {
  EXPECT_EQ(Claims("The European Union agreed in principle to admit Moldova as a member."),
            (Lines{"Moldova member-of European Union proposed"}));
  EXPECT_EQ(Claims("Gulf states agreed to admit Yemen to the GCC."),
            (Lines{"Yemen member-of Gulf Cooperation Council proposed"}));
  EXPECT_EQ(Claims("The leaders adopted a roadmap for Ukraine's membership of NATO."),
            (Lines{"Ukraine member-of NATO proposed"}));
  EXPECT_EQ(Claims("Kenya and Uganda reaffirmed their commitment to deepening intelligence sharing."),
            (Lines{"Kenya shares-intel Uganda proposed"}));
  // Agreeing to share is an agreement reached: a fact (session 14's decision).
  EXPECT_EQ(Claims("South Korea agreed to exchange military intelligence with Japan."),
            (Lines{"South Korea shares-intel Japan asserted"}));
  // An admission that happened stays a fact.
  EXPECT_EQ(Claims("Egypt was readmitted to the African Union in 2014."),
            (Lines{"Egypt member-of African Union asserted"}));
}

TEST(PlacesAndMembersTest, ClassifiedInformationAgreementsAndAgenciesShareIntelligence) {
  EXPECT_EQ(Claims("Poland and Norway signed an agreement on the exchange of classified information."),
            (Lines{"Poland pact Norway asserted", "Poland shares-intel Norway asserted"}));
  // Since rules version 14 each agency stands for its state too (agency_states).
  EXPECT_EQ(Claims("The BND has been sharing intelligence with the DGSE."),
            (Lines{"Bundesnachrichtendienst shares-intel DGSE asserted", "Bundesnachrichtendienst shares-intel France asserted",
                   "Germany shares-intel DGSE asserted", "Germany shares-intel France asserted"}));
}

}  // namespace
}  // namespace claimgraph::ingest
