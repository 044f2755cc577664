// Rules version 7 (issue 13, round 6): plans said with a date inside the cue,
// hoped-for and applied-for relations, attributions by "responsible for",
// national adjectives of a noun, and a capital that is only the place. Each
// with the sentences that must not change.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/ingest/pipeline.h"
#include "tests/ingest/ingest_test_util.h"

namespace claimgraph::ingest {
namespace {

using testing::GazetteerPipeline;
using Lines = std::vector<std::string>;

Lines Claims(const std::string& text) { return testing::ClaimLines(*GazetteerPipeline(), text, /*with_time=*/true); }

TEST(PlansAndPlacesTest, ADayInsideAProposalCueKeepsItAProposal) {
  EXPECT_EQ(Claims("India and Nepal agreed Thursday to increase intelligence sharing."),
            (Lines{"India shares-intel Nepal proposed"}));
  EXPECT_EQ(Claims("India and Nepal agreed on Monday to expand intelligence sharing."),
            (Lines{"India shares-intel Nepal proposed"}));
  // Without the day it was already so; a signing on a day is still a fact.
  EXPECT_EQ(Claims("India and Nepal agreed to increase intelligence sharing."),
            (Lines{"India shares-intel Nepal proposed"}));
  EXPECT_EQ(Claims("India and Nepal signed on Monday an intelligence sharing agreement."),
            (Lines{"India pact Nepal asserted", "India shares-intel Nepal asserted"}));
}

TEST(PlansAndPlacesTest, ApplicationsImportanceAndWishesAreHopedFor) {
  EXPECT_EQ(Claims("Serbia submitted its application for membership of the European Union."),
            (Lines{"Serbia member-of European Union proposed"}));
  EXPECT_EQ(Claims("The leaders stressed the importance of intelligence sharing between Chile and Peru."),
            (Lines{"Chile shares-intel Peru proposed"}));
  EXPECT_EQ(Claims("Spain expressed its wish that Ukraine's accession to the European Union comes soon."),
            (Lines{"Ukraine member-of European Union proposed"}));
  // A congratulation on an accession is not a wish.
  EXPECT_EQ(Claims("Spain congratulated Finland on its accession to NATO."), (Lines{"Finland member-of NATO asserted"}));
}

TEST(PlansAndPlacesTest, WhatCooperationIsStrengthenedInIsPlannedNotTheAgreementBefore) {
  EXPECT_EQ(Claims("Ghana and Togo said strengthening cooperation in intelligence sharing would help."),
            (Lines{"Ghana shares-intel Togo proposed"}));
  EXPECT_EQ(Claims("Ghana and Togo signed a defence agreement enhancing cooperation on piracy."),
            (Lines{"Ghana pact Togo asserted"}));
}

TEST(PlansAndPlacesTest, ResponsibleForBridgesAnAgentToTheAct) {
  EXPECT_EQ(Claims("Officials said Iran is likely to be responsible for the hack of Albania's servers."),
            (Lines{"Iran targets Albania reported"}));
  EXPECT_EQ(Claims("Russia was responsible for the cyberattack on Estonia."), (Lines{"Russia targets Estonia asserted"}));
}

TEST(PlansAndPlacesTest, NationalAdjectivesOfANounNameNoMembers) {
  EXPECT_EQ(Claims("NATO held a ceremony. A guard composed of Belgian, Dutch, Polish and U.S. airmen raised the flags."),
            Lines{});
  // Names, not adjectives, still are members.
  EXPECT_EQ(Claims("NATO held a ceremony. The guard of the alliance, composed of Belgium and Poland, raised the flags."),
            (Lines{"Belgium member-of NATO asserted", "Poland member-of NATO asserted"}));
}

TEST(PlansAndPlacesTest, ACapitalAfterInOrAtIsThePlace) {
  // "Brussels" may stand for the European Union, but not where it is the place.
  EXPECT_EQ(Claims("NATO welcomed its newest ally. At the ceremony in Brussels, Finland became a full member."),
            (Lines{"Finland member-of NATO asserted"}));
  EXPECT_EQ(Claims("Brussels imposed sanctions on Belarus."), (Lines{"European Union targets Belarus asserted"}));
}

TEST(PlansAndPlacesTest, AHeadlinesInfinitiveAfterItsNamesIsAPlan) {
  EXPECT_EQ(Claims("India, Pakistan to Share Intelligence on Terror Threats"),
            (Lines{"India shares-intel Pakistan proposed"}));
  EXPECT_EQ(Claims("Japan and Australia will sign a defence pact"), (Lines{"Japan pact Australia proposed"}));
  // Not after other words: a signed agreement "to share" is a fact.
  EXPECT_EQ(Claims("India and Pakistan signed an agreement to share intelligence."),
            (Lines{"India pact Pakistan asserted", "India shares-intel Pakistan asserted"}));
}

TEST(PlansAndPlacesTest, CountedAnaphorsWithAdjectivesAndDatesAfterTheAlliance) {
  // "April 1" is kept with the claims (no year, so no bounds).
  EXPECT_EQ(Claims("NATO admitted Croatia and Albania. The two Balkan states formally joined the alliance April 1."),
            (Lines{"Albania member-of NATO asserted ..", "Croatia member-of NATO asserted .."}));
  // Without a list of two before it, "the two Balkan states" is nobody.
  EXPECT_EQ(Claims("NATO met. The two Balkan states formally joined the alliance April 1."), Lines{});
}

TEST(PlansAndPlacesTest, TalksBegunArePlansAndTheAssociationIsTheGroupBefore) {
  EXPECT_EQ(Claims("Norway and Iceland have begun talks to exchange maritime intelligence."),
            (Lines{"Norway shares-intel Iceland proposed"}));
  EXPECT_EQ(Claims("ASEAN held its summit. Timor-Leste joined the association as its eleventh member."),
            (Lines{"Timor-Leste member-of ASEAN asserted"}));
  // With two groups named before it, "the association" is neither.
  EXPECT_EQ(Claims("ASEAN and the African Union met. Timor-Leste joined the association."), Lines{});
}

TEST(PlansAndPlacesTest, AWhenClauseTakesTheTimeRightBeforeIt) {
  EXPECT_EQ(Claims("Flags have flown here since 1 April 2009, when Albania and Croatia joined NATO."),
            (Lines{"Albania member-of NATO asserted 2009-04-01..", "Croatia member-of NATO asserted 2009-04-01.."}));
  // A time of its own wins.
  EXPECT_EQ(Claims("Flags have flown here since 2010, when Albania joined NATO in 2009."),
            (Lines{"Albania member-of NATO asserted 2009..2009"}));
}

}  // namespace
}  // namespace claimgraph::ingest
