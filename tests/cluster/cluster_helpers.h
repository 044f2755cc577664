// What the cluster tests share (docs/scale-out.md): starting claimgraphd
// nodes on a NatsCluster, Assert batches with idempotency keys, reads with
// min_tx, the audit's head, and which node is the writer.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/cluster/nats_cluster.h"

namespace claimgraph::testing {

using Clock = std::chrono::steady_clock;

// A short writer lease keeps failover, and so the tests, quick.
constexpr int kLeaseTtlMs = 1500;

// `tls_ca_pem`: the test's client connects with TLS trusting it (the flags
// must make the node serve TLS).
inline std::unique_ptr<ServerProcess> StartNode(const NatsCluster& nats, int id, const std::string& data_dir = "",
                                                std::vector<std::string> more_flags = {},
                                                const std::string& tls_ca_pem = "") {
  std::vector<std::string> flags{"--cluster", nats.Urls(), "--node-id", std::to_string(id), "--lease-ttl-ms",
                                 std::to_string(kLeaseTtlMs)};
  flags.insert(flags.end(), more_flags.begin(), more_flags.end());
  return std::make_unique<ServerProcess>(flags, tls_ca_pem, false, data_dir);
}

// prefix + n (written so: GCC 12's -Wrestrict misfires on "a" + std::to_string(n), bug 105651).
inline std::string Tag(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

// `claims` claims "<tag> knows m-<i>" from source <tag>.
inline v1::AssertRequest Batch(const std::string& tag, int claims) {
  v1::AssertRequest req;
  req.set_idempotency_key(tag);
  for (int i = 0; i < claims; ++i) {
    auto* c = req.add_claims();
    c->set_subject(tag);
    c->set_predicate("knows");
    c->set_object_entity("m-" + std::to_string(i));
    c->set_source(tag);
  }
  return req;
}

inline grpc::Status Write(ServerProcess& node, const v1::AssertRequest& req, v1::WriteResponse* resp, int timeout_ms = 30000) {
  auto ctx = As(kWriter, timeout_ms);
  return node.stub().Assert(ctx.get(), req, resp);
}

// The first writes of a new cluster wait for JetStream's leaders to be
// elected: retried (same idempotency key) for up to `seconds`.
inline grpc::Status WriteUntilOk(ServerProcess& node, const v1::AssertRequest& req, v1::WriteResponse* resp,
                          int seconds = 60) {
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  grpc::Status s;
  do {
    s = Write(node, req, resp);
    if (s.ok()) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  } while (Clock::now() < until);
  return s;
}

inline QueryResult ReadAt(ServerProcess& node, const std::string& statement, uint64_t min_tx, int timeout_ms = 30000) {
  v1::QueryRequest req;
  req.set_statement(statement);
  req.set_min_tx(min_tx);
  return RunQuery(node.stub(), kReader, req, timeout_ms);
}

inline v1::VerifyAuditResponse Audit(ServerProcess& node) {
  v1::VerifyAuditRequest req;
  v1::VerifyAuditResponse resp;
  auto ctx = As(kReader);
  grpc::Status s = node.stub().VerifyAudit(ctx.get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return resp;
}

inline const std::string kAllKnows = "MATCH ?s knows ?o RETURN ?s, ?o";

// Every node answers `rows` claims of kAllKnows at `tx` and shows one head
// hash at `tx`.
inline void ExpectOneHistory(const std::vector<ServerProcess*>& nodes, uint64_t tx, size_t rows) {
  std::set<std::string> hashes;
  for (ServerProcess* node : nodes) {
    QueryResult q = ReadAt(*node, kAllKnows, tx);
    ASSERT_TRUE(q.status.ok()) << q.status.error_message() << "\n" << node->Log();
    EXPECT_EQ(q.rows.size(), rows);
    v1::VerifyAuditResponse audit = Audit(*node);
    EXPECT_TRUE(audit.ok()) << audit.problem();
    EXPECT_EQ(audit.head_tx(), tx);
    hashes.insert(audit.head_hash());
  }
  EXPECT_EQ(hashes.size(), 1u) << "every node shows the same head hash";
}

// The index in `nodes` of the one whose trailer says it is the writer; -1
// when none says so within `seconds`.
inline int WriterIndex(const std::vector<ServerProcess*>& nodes, int seconds = 30) {
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  do {
    for (size_t i = 0; i < nodes.size(); ++i) {
      QueryResult q = ReadAt(*nodes[i], "MATCH ?s knows ?o RETURN ?s LIMIT 1", 0);
      if (q.status.ok() && q.trailer.cluster().find(", the writer,") != std::string::npos) return static_cast<int>(i);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (Clock::now() < until);
  return -1;
}

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!NatsServerInstalled()) GTEST_SKIP() << "nats-server is not installed (tools/install-deps.sh)";
  }
};

}  // namespace claimgraph::testing
