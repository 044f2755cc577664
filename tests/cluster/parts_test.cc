// Transactions bigger than one message (docs/scale-out.md, "Large
// transactions"): sent as parts, applied whole by every node; a set its
// writer abandoned (parts 1 and 2 of 3, as a writer that died between two
// parts leaves it) is skipped by every node, a node restarted across it
// included, and the next writer appends after it.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "tests/cluster/cluster_helpers.h"
#include "tests/cluster/nats_probe.h"

namespace claimgraph::testing {
namespace {

// Publishes parts 1..`count` of `of` of a transaction that never comes
// whole, straight into the cluster's stream.
void PublishAbandonedParts(const NatsCluster& nats, int count, int of) {
  NatsProbe probe(nats.Urls());
  ASSERT_TRUE(probe.ok());
  for (int i = 1; i <= count; ++i)
    ASSERT_TRUE(probe.Publish("claimgraph.tx", std::string(5000, 'x'),
                              {{"Cg-Kind", "tx-part"}, {"Cg-Part", std::to_string(i) + "/" + std::to_string(of)},
                               {"Cg-Tx", "999"}}));
}

TEST_F(ClusterTest, BigTransactionsGoInPartsAndAnAbandonedSetIsSkippedByEveryNode) {
  NatsCluster nats(3);
  TempDir store3;
  // 4 KiB parts: a 300-claim batch's message is tens of parts.
  const std::vector<std::string> small{"--cluster-part-bytes", "4096"};
  auto n1 = StartNode(nats, 1, "", small), n2 = StartNode(nats, 2, "", small),
       n3 = StartNode(nats, 3, store3.path(), small);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("big", 300), &resp).ok()) << n1->Log();
  ExpectOneHistory(nodes, resp.tx(), 300);

  // Node 3 stops; a writer's abandoned parts land in the stream; the next
  // transaction (itself in parts) goes after them.
  kill(n3->pid(), SIGKILL);
  n3->Stop();
  PublishAbandonedParts(nats, 2, 3);
  ASSERT_TRUE(WriteUntilOk(*n2, Batch("after", 300), &resp, 30).ok()) << n2->Log();
  nodes.pop_back();
  ExpectOneHistory(nodes, resp.tx(), 600);

  // Node 3 restarts on its store and replays across the abandoned set.
  n3 = StartNode(nats, 3, store3.path(), small);
  nodes.push_back(n3.get());
  ExpectOneHistory(nodes, resp.tx(), 600);
  EXPECT_NE(n3->Log().find("discarding parts 1-2 of 3 of tx 999"), std::string::npos) << n3->Log();
}

}  // namespace
}  // namespace claimgraph::testing
