// The apply loop's rule for a message's stream sequence
// (server/cluster/sequence_order.h): the CI run where nats.c recreated its
// ordered consumer from sequence 2 after delivering 4 stopped a node for
// good; a redelivery is skipped, only a fresh subscription's gap is a purge.
#include "server/cluster/sequence_order.h"

#include <gtest/gtest.h>

namespace claimgraph::server::cluster {
namespace {

TEST(SequenceOrder, TheNextSequenceIsApplied) {
  EXPECT_EQ(ClassifySequence(5, 5, true), SequenceAction::kApply);
  EXPECT_EQ(ClassifySequence(1, 1, false), SequenceAction::kApply);
}

TEST(SequenceOrder, ASequenceDeliveredAgainIsSkippedWhetherOrNotTheSubscriptionDeliveredBefore) {
  EXPECT_EQ(ClassifySequence(2, 5, true), SequenceAction::kSkip);
  EXPECT_EQ(ClassifySequence(4, 5, true), SequenceAction::kSkip);
  EXPECT_EQ(ClassifySequence(1, 5, false), SequenceAction::kSkip);
}

TEST(SequenceOrder, AGapInsideASubscriptionResubscribesAndAtItsStartIsAPurge) {
  EXPECT_EQ(ClassifySequence(7, 5, true), SequenceAction::kResubscribe);
  EXPECT_EQ(ClassifySequence(7, 5, false), SequenceAction::kPurged);
}

}  // namespace
}  // namespace claimgraph::server::cluster
