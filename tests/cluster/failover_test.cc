// The writer lease, write forwarding and failover (docs/scale-out.md, "The
// lease"): one node writes; writes sent to the others are forwarded to it;
// when it is killed, another node takes the lease after the TTL, having
// applied the whole stream, and writes go on with nothing acknowledged lost
// and nothing applied twice.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "tests/cluster/cluster_helpers.h"

namespace claimgraph::testing {
namespace {

TEST_F(ClusterTest, WritesThroughANodeThatIsNotTheWriterAreForwardedToIt) {
  NatsCluster nats(3);
  auto n1 = StartNode(nats, 1);
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*n1, Batch("first", 5), &resp).ok()) << n1->Log();
  auto n2 = StartNode(nats, 2), n3 = StartNode(nats, 3);
  std::vector<ServerProcess*> nodes{n1.get(), n2.get(), n3.get()};
  const int w = WriterIndex(nodes);
  ASSERT_GE(w, 0) << "no node says it is the writer";
  ServerProcess& other = *nodes[(w + 1) % 3];

  // Assert through a node that is not the writer: the writer's answer,
  // its tx included, and every node reads it with min_tx.
  grpc::Status s = WriteUntilOk(other, Batch("fwd", 10), &resp, 20);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_FALSE(resp.replayed());
  const uint64_t tx = resp.tx();
  for (ServerProcess* node : nodes) {
    QueryResult q = ReadAt(*node, "MATCH \"fwd\" knows ?o RETURN ?o", tx);
    ASSERT_TRUE(q.status.ok()) << q.status.error_message();
    EXPECT_EQ(q.rows.size(), 10u);
  }
  QueryResult q = ReadAt(other, "MATCH \"fwd\" knows ?o RETURN ?o", tx);
  EXPECT_NE(q.trailer.cluster().find("writer node " + std::to_string(w + 1) + " at 127.0.0.1:"), std::string::npos)
      << q.trailer.cluster();

  // The same request again (same idempotency key) is answered as replayed.
  ASSERT_TRUE(Write(other, Batch("fwd", 10), &resp).ok());
  EXPECT_TRUE(resp.replayed());
  EXPECT_EQ(resp.tx(), tx);

  // A ClaimQL write statement through the other node is run by the writer.
  QueryResult written = RunQuery(other.stub(), kWriter, "ASSERT \"stmt\" knows \"m-0\" SOURCE \"stmt\"", 30000);
  ASSERT_TRUE(written.status.ok()) << written.status.error_message();
  EXPECT_EQ(written.trailer.written_tx(), tx + 1);
  QueryResult read = ReadAt(*nodes[w], "MATCH \"stmt\" knows ?o RETURN ?o", tx + 1);
  ASSERT_TRUE(read.status.ok()) << read.status.error_message();
  EXPECT_EQ(read.rows.size(), 1u);

  // Retract through the other node, and a reader's write refused by the
  // writer as it would be by any node (the caller's token travels).
  v1::RetractRequest retract;
  retract.add_claim_ids(resp.claim_ids(0));
  retract.set_reason("test");
  v1::WriteResponse retracted;
  auto ctx = As(kWriter, 30000);
  s = other.stub().Retract(ctx.get(), retract, &retracted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(retracted.tx(), tx);
  auto reader = As(kReader, 30000);
  s = other.stub().Assert(reader.get(), Batch("nope", 1), &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();

  std::set<std::string> hashes;
  for (ServerProcess* node : nodes) {
    ASSERT_TRUE(ReadAt(*node, kAllKnows, retracted.tx()).status.ok());
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << audit.problem();
    EXPECT_EQ(audit.head_tx(), retracted.tx());
    hashes.insert(audit.head_hash());
  }
  EXPECT_EQ(hashes.size(), 1u);
}

// SIGKILL of the writer during a stream of Assert batches sent through a
// node that survives: every acknowledged batch is on both survivors, once,
// with one head hash; a survivor becomes the writer within the TTL plus a
// margin and writes go on.
TEST_F(ClusterTest, KillingTheWriterLosesNoAcknowledgedBatchAndWritesGoOn) {
  NatsCluster nats(3);
  std::vector<std::unique_ptr<ServerProcess>> owned;
  owned.push_back(StartNode(nats, 1));
  v1::WriteResponse resp;
  ASSERT_TRUE(WriteUntilOk(*owned[0], Batch("warm", 5), &resp).ok()) << owned[0]->Log();
  owned.push_back(StartNode(nats, 2));
  owned.push_back(StartNode(nats, 3));
  std::vector<ServerProcess*> nodes{owned[0].get(), owned[1].get(), owned[2].get()};
  const int w = WriterIndex(nodes);
  ASSERT_GE(w, 0);
  ServerProcess& via = *nodes[(w + 1) % 3];
  ServerProcess& probe = *nodes[(w + 2) % 3];

  // The client: batches through `via`, each retried with its idempotency
  // key until acknowledged, as a client that must not lose a write does.
  std::mutex mu;
  std::vector<std::pair<std::string, uint64_t>> acked;  // guarded by mu
  std::atomic<bool> stop{false};
  std::atomic<int> gave_up{0};
  std::thread client([&] {
    for (int b = 0; !stop; ++b) {
      const std::string tag = Tag("s", b);
      v1::WriteResponse r;
      grpc::Status st = WriteUntilOk(via, Batch(tag, 10), &r, 30);
      if (!st.ok()) {
        ++gave_up;
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      acked.emplace_back(tag, r.tx());
    }
  });
  auto acked_count = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return acked.size();
  };
  const auto wait_for = [&](size_t n) {
    for (int i = 0; i < 600 && acked_count() < n && gave_up == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  };
  wait_for(5);
  ASSERT_GE(acked_count(), 5u) << "the stream of batches did not start";

  kill(nodes[w]->pid(), SIGKILL);
  const auto killed = Clock::now();
  // A write through the other survivor: its first success is the failover time.
  grpc::Status s = WriteUntilOk(probe, Batch("after-kill", 10), &resp, 30);
  const auto failover = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - killed);
  ASSERT_TRUE(s.ok()) << s.error_message();
  std::cout << "failover: kill -9 of the writer to the first acknowledged write through a survivor: "
            << failover.count() << " ms (lease TTL " << kLeaseTtlMs << " ms)\n";
  EXPECT_LT(failover.count(), kLeaseTtlMs + 8000) << "a new writer within the TTL plus a margin";
  const size_t at_kill = acked_count();
  wait_for(at_kill + 5);
  stop = true;
  client.join();
  ASSERT_EQ(gave_up, 0) << "a batch was never acknowledged";
  nodes[w]->Stop();  // reaps the killed process

  std::set<uint64_t> txs;
  uint64_t last = resp.tx();
  for (const auto& [tag, tx] : acked) {
    txs.insert(tx);
    last = std::max(last, tx);
  }
  EXPECT_EQ(txs.size(), acked.size()) << "each acknowledged batch is its own transaction";
  std::set<std::string> hashes;
  for (ServerProcess* node : {&via, &probe}) {
    QueryResult all = ReadAt(*node, kAllKnows, last);
    ASSERT_TRUE(all.status.ok()) << all.status.error_message();
    // warm (5) + every acknowledged batch (10 each) + the probe (10), once
    // each: a batch applied twice would be two transactions and no more
    // rows (the duplicate rule), so the transactions are counted below.
    EXPECT_EQ(all.rows.size(), 5u + 10u * acked.size() + 10u);
    for (const auto& [tag, tx] : acked) {
      QueryResult one = ReadAt(*node, "MATCH \"" + tag + "\" knows ?o RETURN ?o", tx);
      ASSERT_TRUE(one.status.ok());
      EXPECT_EQ(one.rows.size(), 10u) << tag;
    }
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << audit.problem();
    // Nothing but the acknowledged batches, the warm-up and the probe was
    // written: a batch applied twice would show as a higher head.
    EXPECT_EQ(audit.head_tx(), last);
    hashes.insert(audit.head_hash());
  }
  EXPECT_EQ(hashes.size(), 1u) << "the survivors show one head hash";
  EXPECT_EQ(txs.size() + 2, last) << "warm, the batches and the probe: consecutive transactions";
}

}  // namespace
}  // namespace claimgraph::testing
