// NATS servers failing under a running cluster (docs/scale-out.md, "Failure
// modes and what the user sees"): with one of three JetStream servers killed
// writes go on; with two, writes are refused UNAVAILABLE naming why while
// reads are answered; when they return, writes go on and every node ends
// with one history holding every acknowledged write.
#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "tests/cluster/cluster_helpers.h"

namespace claimgraph::testing {
namespace {

long long MsSince(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

TEST_F(ClusterTest, OneNatsServerKilledWritesGoOnTwoKilledWritesRefusedThenRecover) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1), n2 = StartNode(nats, 2), n3 = StartNode(nats, 3);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("warm", 10), &resp).ok()) << n1->Log();
  size_t rows = 10;

  // One server of three killed: JetStream keeps its quorum. Writes through
  // each node succeed, after at most a pause for elections (retried with
  // the same idempotency key, as a client that must not lose a write does).
  nats.Kill(0);
  const auto killed = Clock::now();
  for (int b = 0; b < 3; ++b) {
    grpc::Status s = WriteUntilOk(*nodes[b], Batch(Tag("one-down", b), 10), &resp, 30);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << nodes[b]->Log();
    if (b == 0) std::cout << "one NATS server killed: first acknowledged write after " << MsSince(killed) << " ms\n";
    rows += 10;
  }
  ExpectOneHistory(nodes, resp.tx(), rows);
  const uint64_t before_two = resp.tx();
  const int w = WriterIndex(nodes);
  ASSERT_GE(w, 0);

  // Two of three killed: no quorum. A write is refused UNAVAILABLE naming
  // why, within its deadline, on the writer (its publish is not confirmed)
  // and on another node (no writer: the lease cannot be renewed or taken);
  // reads are answered from what each node has.
  nats.Kill(1);
  auto expect_refused = [&](ServerProcess& node, const char* via, int timeout_ms) {
    const auto sent = Clock::now();
    grpc::Status refused = Write(node, Batch("two-down", 10), &resp, timeout_ms);
    std::cout << "two NATS servers killed: write through " << via << " refused after " << MsSince(sent)
              << " ms: " << refused.error_message() << "\n";
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE) << refused.error_message();
    EXPECT_NE(refused.error_message().find("no quorum"), std::string::npos) << refused.error_message();
  };
  // A deadline shorter than the publish's own 10 s budget: the refusal, with
  // its reason, comes before it (not a bare DEADLINE_EXCEEDED), also from
  // another node that has not yet seen the lease lapse and forwards to the
  // writer (the forwarded call carries the deadline).
  expect_refused(*nodes[w], "the writer", 5000);
  expect_refused(*nodes[(w + 1) % 3], "another node", 5000);
  for (ServerProcess* node : nodes) {
    QueryResult q = ReadAt(*node, kAllKnows, before_two, 5000);
    ASSERT_TRUE(q.status.ok()) << q.status.error_message();
    EXPECT_EQ(q.rows.size(), rows);
    std::cout << "  read during: " << q.trailer.cluster() << "\n";
  }

  // Both return: writes go on (the refused batch again, same idempotency
  // key: stored once whether or not NATS had kept it), and every node ends
  // with one history holding every acknowledged write.
  ASSERT_TRUE(nats.Start(0)) << nats.Logs();
  ASSERT_TRUE(nats.Start(1)) << nats.Logs();
  const auto restarted = Clock::now();
  grpc::Status s = WriteUntilOk(*n2, Batch("two-down", 10), &resp, 60);
  ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << n2->Log();
  std::cout << "two NATS servers restarted: first acknowledged write after " << MsSince(restarted) << " ms\n";
  EXPECT_EQ(resp.tx(), before_two + 1) << "the refused write was not stored as well";
  rows += 10;
  s = WriteUntilOk(*n3, Batch("after", 10), &resp, 30);
  ASSERT_TRUE(s.ok()) << s.error_message() << "\n--- node 3:\n" << n3->Log() << "\n--- node 2:\n" << n2->Log()
                      << "\n--- node 1:\n" << n1->Log();
  rows += 10;
  ExpectOneHistory(nodes, resp.tx(), rows);
}

}  // namespace
}  // namespace claimgraph::testing
