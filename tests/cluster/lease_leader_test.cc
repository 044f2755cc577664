// The lease's TTL against a NATS election (docs/scale-out.md, "The lease"):
// the NATS server leading the lease bucket's stream is killed while writes go
// on. Renewals then go unanswered until the bucket elects a new leader; with
// a TTL shorter than that election the writer stops at its lease deadline and
// the lease is taken again afterwards. Writes pause, none acknowledged is lost
// or applied twice, and every node ends with one history. The test prints
// the longest wait for an acknowledged write, the figure the TTL trades.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "tests/cluster/cluster_helpers.h"
#include "tests/cluster/nats_probe.h"

namespace claimgraph::testing {
namespace {

TEST_F(ClusterTest, KillingTheLeaseBucketsLeaderPausesWritesAndLosesNone) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1), n2 = StartNode(nats, 2), n3 = StartNode(nats, 3);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("warm", 10), &resp).ok()) << n1->Log();
  size_t rows = 10;
  const int writer_before = WriterIndex(nodes);

  NatsProbe probe(nats.Urls());
  ASSERT_TRUE(probe.ok());
  const std::string leader = probe.StreamLeader("KV_claimgraph_lease");
  ASSERT_EQ(leader.size(), 2u) << "the bucket's leader, n0..n2: '" << leader << "'";
  nats.Kill(leader[1] - '0');

  // Batches through node 1 one after another (forwarded when it is not the
  // writer), each sent again with its idempotency key until acknowledged, as
  // a client that must not lose a write does.
  auto last_ack = Clock::now();
  long long longest_ms = 0;
  for (int b = 0; b < 15; ++b) {
    grpc::Status s = WriteUntilOk(*n1, Batch(Tag("kv", b), 10), &resp, 60);
    ASSERT_TRUE(s.ok()) << s.error_message();
    const auto now = Clock::now();
    longest_ms = std::max<long long>(
        longest_ms, std::chrono::duration_cast<std::chrono::milliseconds>(now - last_ack).count());
    last_ack = now;
    rows += 10;
  }
  std::cout << "the lease bucket's leader (" << leader << ") killed, TTL " << kLeaseTtlMs
            << " ms: the longest wait for an acknowledged write " << longest_ms << " ms; writer node "
            << writer_before + 1 << " before, node " << WriterIndex(nodes) + 1 << " after\n";
  ExpectOneHistory(nodes, resp.tx(), rows);
}

}  // namespace
}  // namespace claimgraph::testing
