// Cluster mode end to end (docs/scale-out.md): real nats-server processes
// (a 3-server JetStream cluster on loopback) and real claimgraphd nodes
// started with --cluster. Each test bounds its waits and stops every process
// it started (the harnesses' destructors).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <set>
#include <thread>

#include "tests/cluster/cluster_helpers.h"

namespace claimgraph::testing {
namespace {

TEST_F(ClusterTest, WritesThroughOneNodeAreReadOnEveryNodeWithOneHistory) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1), n2 = StartNode(nats, 2), n3 = StartNode(nats, 3);
  v1::WriteResponse resp;
  grpc::Status s = WriteUntilOk(*n1, Batch("a0", 10), &resp);
  ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << n1->Log();
  uint64_t last = resp.tx();
  for (int b = 1; b < 5; ++b) {
    ASSERT_TRUE(Write(*n1, Batch(Tag("a", b), 10), &resp).ok());
    EXPECT_EQ(resp.tx(), last + 1) << "one writer, one transaction per batch";
    last = resp.tx();
  }
  // Read-your-writes on every node, the writer's included.
  std::set<std::string> hashes;
  int id = 1;
  for (ServerProcess* node : {n1.get(), n2.get(), n3.get()}) {
    QueryResult q = ReadAt(*node, kAllKnows, last);
    ASSERT_TRUE(q.status.ok()) << "node " << id << ": " << q.status.error_message();
    EXPECT_EQ(q.rows.size(), 50u) << "node " << id;
    EXPECT_GE(q.trailer.read_at_tx(), last) << "node " << id;
    EXPECT_NE(q.trailer.cluster().find("node " + std::to_string(id) + ", applied tx"), std::string::npos)
        << q.trailer.cluster();
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << "node " << id << ": " << audit.problem();
    EXPECT_EQ(audit.head_tx(), last) << "node " << id;
    EXPECT_EQ(audit.head_hash().size(), 64u);
    hashes.insert(audit.head_hash());
    ++id;
  }
  EXPECT_EQ(hashes.size(), 1u) << "every node shows the same head hash";

  // A write through another node is read on the first with min_tx.
  ASSERT_TRUE(WriteUntilOk(*n3, Batch("c0", 10), &resp).ok());
  EXPECT_EQ(resp.tx(), last + 1);
  QueryResult q = ReadAt(*n1, "MATCH \"c0\" knows ?o RETURN ?o", resp.tx());
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  EXPECT_EQ(q.rows.size(), 10u);

  // The point reads take min_tx too: a claim just written through n3, read
  // at once by id on n2.
  ASSERT_TRUE(Write(*n3, Batch("c1", 1), &resp).ok());
  v1::GetClaimRequest get;
  get.set_id(resp.claim_ids(0));
  get.set_min_tx(resp.tx());
  v1::Claim claim;
  grpc::Status got = n2->stub().GetClaim(As(kReader, 30000).get(), get, &claim);
  ASSERT_TRUE(got.ok()) << got.error_message();
  EXPECT_EQ(claim.subject(), "c1");
}

TEST_F(ClusterTest, MinTxBeyondTheStreamWaitsThenNamesWhereTheNodeStands) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1);
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("w", 3), &resp).ok());
  QueryResult q = ReadAt(*n1, kAllKnows, resp.tx() + 5, /*timeout_ms=*/1500);
  EXPECT_EQ(q.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_NE(q.status.error_message().find("this node has applied tx " + std::to_string(resp.tx())), std::string::npos)
      << q.status.error_message();
}

TEST_F(ClusterTest, AKilledNodeCatchesUpWhenRestarted) {
  NatsCluster nats(3);
  TempDir store2;
  auto n1 = StartNode(nats, 1), n2 = StartNode(nats, 2, store2.path());
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("k0", 10), &resp).ok());
  for (int b = 1; b < 3; ++b) ASSERT_TRUE(Write(*n1, Batch(Tag("k", b), 10), &resp).ok());
  ASSERT_TRUE(ReadAt(*n2, kAllKnows, resp.tx()).status.ok());

  kill(n2->pid(), SIGKILL);
  n2->Stop();  // reaps it
  for (int b = 3; b < 6; ++b) ASSERT_TRUE(Write(*n1, Batch(Tag("k", b), 10), &resp).ok());
  const uint64_t last = resp.tx();

  n2 = StartNode(nats, 2, store2.path());
  QueryResult q = ReadAt(*n2, kAllKnows, last);
  ASSERT_TRUE(q.status.ok()) << q.status.error_message() << "\n" << n2->Log();
  EXPECT_EQ(q.rows.size(), 60u);
  v1::VerifyAuditResponse a1 = Audit(*n1), a2 = Audit(*n2);
  EXPECT_TRUE(a2.ok()) << a2.problem();
  EXPECT_EQ(a2.head_tx(), last);
  EXPECT_EQ(a2.head_hash(), a1.head_hash());
}

// One writer holds the lease; writes through the other two are forwarded
// to it. Three clients writing at once through the three nodes end in one
// chain: no transaction number skipped or shared, one head everywhere.
TEST_F(ClusterTest, ConcurrentWritersThroughThreeNodesEndInOneChain) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1), n2 = StartNode(nats, 2), n3 = StartNode(nats, 3);
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("warm", 10), &resp).ok());
  ASSERT_TRUE(ReadAt(*n2, kAllKnows, resp.tx()).status.ok());
  ASSERT_TRUE(ReadAt(*n3, kAllKnows, resp.tx()).status.ok());

  constexpr int kWriters = 3, kBatches = 10;
  std::vector<uint64_t> txs[kWriters];
  std::atomic<int> failures{0};
  std::string failure;
  auto writer = [&](ServerProcess* node, const std::string& prefix, std::vector<uint64_t>* out) {
    for (int b = 0; b < kBatches; ++b) {
      v1::AssertRequest req = Batch(Tag(prefix, b), 10);
      // A client retries UNAVAILABLE with the same idempotency key.
      grpc::Status s;
      v1::WriteResponse r;
      for (int attempt = 0; attempt < 5; ++attempt) {
        s = Write(*node, req, &r);
        if (s.error_code() != grpc::StatusCode::UNAVAILABLE) break;
      }
      if (!s.ok()) {
        ++failures;
        failure = s.error_message();
        continue;
      }
      out->push_back(r.tx());
    }
  };
  std::thread a(writer, n1.get(), "x", &txs[0]), b(writer, n2.get(), "y", &txs[1]), c(writer, n3.get(), "z", &txs[2]);
  a.join();
  b.join();
  c.join();
  ASSERT_EQ(failures, 0) << failure;

  std::set<uint64_t> all;
  for (const auto& t : txs) all.insert(t.begin(), t.end());
  EXPECT_EQ(all.size(), size_t{kWriters} * kBatches) << "every batch its own transaction";
  const uint64_t last = *all.rbegin();
  EXPECT_EQ(last, resp.tx() + kWriters * kBatches) << "no transaction numbers skipped or shared";
  std::set<std::string> hashes;
  for (ServerProcess* node : {n1.get(), n2.get(), n3.get()}) {
    QueryResult q = ReadAt(*node, kAllKnows, last);
    ASSERT_TRUE(q.status.ok()) << q.status.error_message();
    EXPECT_EQ(q.rows.size(), 10u * (kWriters * kBatches + 1));
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << audit.problem();
    EXPECT_EQ(audit.head_tx(), last);
    hashes.insert(audit.head_hash());
  }
  EXPECT_EQ(hashes.size(), 1u);
}

// The health service's "claimgraph.v1.Writes" status, polled until it is
// `want` (SERVING 1, NOT_SERVING 2) or 15 s pass; the last one seen.
int WritesHealthUntil(ServerProcess& node, int want) {
  // grpc.health.v1.HealthCheckRequest{service: "claimgraph.v1.Writes"} as bytes
  // (Debian installs no health .proto: tests/server/e2e_test.cc does the same).
  const std::string service = "claimgraph.v1.Writes";
  const std::string request = std::string("\x0a") + static_cast<char>(service.size()) + service;
  int status = 0;
  for (int i = 0; i < 150; ++i) {
    std::string response;
    if (RawUnary(node.channel(), "/grpc.health.v1.Health/Check", request, &response).ok() && response.size() == 2)
      status = response[1];
    if (status == want) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return status;
}

TEST_F(ClusterTest, WithoutNatsWritesAreUnavailableWithAReasonAndReadsAreAnswered) {
  auto nats = std::make_unique<NatsCluster>(3);
  auto n1 = StartNode(*nats, 1);
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("before", 10), &resp).ok());
  const uint64_t tx = resp.tx();
  EXPECT_EQ(WritesHealthUntil(*n1, 1), 1) << "writes: SERVING while they can succeed";
  for (int i = 0; i < 3; ++i) nats->Kill(i);
  EXPECT_EQ(WritesHealthUntil(*n1, 2), 2) << "writes: NOT_SERVING when cut off";

  grpc::Status s = Write(*n1, Batch("during", 10), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(s.error_message().find("NATS"), std::string::npos) << s.error_message();

  // Reads go on, from what the node has, and say it may be stale.
  QueryResult q;
  for (int i = 0; i < 100; ++i) {
    q = ReadAt(*n1, kAllKnows, tx);
    if (q.trailer.cluster().find("DISCONNECTED") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  EXPECT_EQ(q.rows.size(), 10u);
  EXPECT_NE(q.trailer.cluster().find("DISCONNECTED"), std::string::npos) << q.trailer.cluster();
  EXPECT_NE(q.trailer.cluster().find("may be stale"), std::string::npos) << q.trailer.cluster();
  s = Write(*n1, Batch("during", 10), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(s.error_message().find("cut off from NATS"), std::string::npos) << s.error_message();
}

// A node started on a snapshot of another node's store (the Snapshot call,
// taken while writes go on) starts at the snapshot's stream position, replays
// only what came after, and ends equal to the others.
TEST_F(ClusterTest, ANodeStartedFromASnapshotReplaysOnlyTheRestAndEqualsTheOthers) {
  NatsCluster nats(3);
  TempDir snapshots;
  auto n1 = StartNode(nats, 1);
  auto n2 = StartNode(nats, 2, "", {"--snapshot-dir", snapshots.path()});
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("s0", 10), &resp).ok());
  for (int b = 1; b < 4; ++b) ASSERT_TRUE(Write(*n1, Batch(Tag("s", b), 10), &resp).ok());
  ASSERT_TRUE(ReadAt(*n2, kAllKnows, resp.tx()).status.ok());

  v1::SnapshotRequest req;
  req.set_name("at-four");
  v1::SnapshotResponse snap;
  grpc::Status taken = n2->stub().Snapshot(As(kAdmin).get(), req, &snap);
  ASSERT_TRUE(taken.ok()) << taken.error_message();
  EXPECT_EQ(snap.tx(), resp.tx());
  EXPECT_GT(snap.stream_sequence(), 0u);
  EXPECT_EQ(snap.stream_tx(), snap.tx());
  EXPECT_EQ(snap.path(), snapshots.path() + "/at-four");
  EXPECT_EQ(n2->stub().Snapshot(As(kAdmin).get(), req, &snap).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  req.set_name("../elsewhere");
  EXPECT_EQ(n2->stub().Snapshot(As(kAdmin).get(), req, &snap).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  for (int b = 4; b < 7; ++b) ASSERT_TRUE(Write(*n1, Batch(Tag("s", b), 10), &resp).ok());
  const uint64_t last = resp.tx();
  auto n3 = StartNode(nats, 3, snapshots.path() + "/at-four");
  EXPECT_NE(n3->Log().find("at stream sequence " + std::to_string(snap.stream_sequence()) + " (tx " +
                           std::to_string(snap.tx()) + ")"),
            std::string::npos)
      << n3->Log();
  QueryResult q = ReadAt(*n3, kAllKnows, last);
  ASSERT_TRUE(q.status.ok()) << q.status.error_message() << "\n" << n3->Log();
  EXPECT_EQ(q.rows.size(), 70u);
  v1::VerifyAuditResponse a1 = Audit(*n1), a3 = Audit(*n3);
  EXPECT_TRUE(a3.ok()) << a3.problem();
  EXPECT_EQ(a3.head_tx(), last);
  EXPECT_EQ(a3.head_hash(), a1.head_hash());
}

}  // namespace
}  // namespace claimgraph::testing
