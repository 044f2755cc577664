// Crash safety: a client streams Assert batches and records which were
// acknowledged; claimgraphd is killed with SIGKILL at random moments, 20
// rounds, and restarted on the same data directory. Every acknowledged batch
// must be there in full, no unacknowledged batch may be there in part, and the
// audit chain must verify.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "tests/numbered.h"
#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

constexpr int kBatch = 25;

std::unique_ptr<v1::ClaimGraph::Stub> Connect(int port) {
  auto channel = TestChannel("127.0.0.1:" + std::to_string(port));
  channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return v1::ClaimGraph::NewStub(channel);
}

// Claims per source, in one query.
std::map<std::string, uint64_t> ClaimsBySource(v1::ClaimGraph::Stub& stub) {
  QueryResult q = RunQuery(stub, "", "MATCH ?a knows ?b AS ?c RETURN ?c.source AS source, COUNT(*) AS n", 60000);
  EXPECT_TRUE(q.status.ok()) << q.status.error_message();
  std::map<std::string, uint64_t> out;
  for (const auto& row : q.rows) out[row.values(0).string_value()] = uint64_t(row.values(1).number_value());
  return out;
}

TEST(CrashSafety, AcknowledgedBatchesSurviveSigkillAndNoneIsHalfApplied) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string data = dir.path() + "/data", log = dir.path() + "/server.log";
  std::mt19937_64 rng(2026);
  std::map<int, bool> acked;  // batch -> acknowledged
  int next_batch = 0;
  {
    int port = FreePort();
    pid_t pid = StartServe(data, port, log);
    auto stub = Connect(port);
    ASSERT_TRUE(RunQuery(*stub, "", "DEFINE PREDICATE knows").status.ok());
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }
  for (int round = 0; round < 20; ++round) {
    int port = FreePort();
    pid_t pid = StartServe(data, port, log);
    auto stub = Connect(port);
    std::atomic<bool> stop{false};
    std::atomic<int> acked_this_round{0};
    std::thread writer([&] {
      while (!stop) {
        int b = next_batch++;
        acked[b] = false;
        v1::AssertRequest req;
        req.set_idempotency_key("batch-" + std::to_string(b));
        for (int i = 0; i < kBatch; ++i) {
          auto* c = req.add_claims();
          c->set_subject(Numbered("n", b));
          c->set_predicate("knows");
          c->set_object_entity(Numbered("m", i));
          c->set_source("batch-" + std::to_string(b));
        }
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        v1::WriteResponse resp;
        if (stub->Assert(&ctx, req, &resp).ok()) {
          acked[b] = true;
          ++acked_this_round;
        } else {
          break;  // the server is gone
        }
      }
    });
    // The kill lands while batches are being written: after the round's first
    // acknowledgement (a loaded machine, as beside the sanitizer build, can
    // take longer than a fixed delay to commit one), then 0-150 ms later.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acked_this_round == 0 && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 150));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    stop = true;
    writer.join();
  }
  // Restart once more and check every batch.
  int port = FreePort();
  pid_t pid = StartServe(data, port, log);
  auto stub = Connect(port);
  int acknowledged = 0, missing = 0, partial = 0;
  auto counts = ClaimsBySource(*stub);
  for (const auto& [b, ok] : acked) {
    uint64_t n = counts.count("batch-" + std::to_string(b)) ? counts.at("batch-" + std::to_string(b)) : 0;
    if (ok) {
      ++acknowledged;
      if (n != kBatch) ++missing;
    }
    if (n != 0 && n != kBatch) ++partial;
  }
  EXPECT_EQ(missing, 0) << "acknowledged batches lost";
  EXPECT_EQ(partial, 0) << "batches half applied";
  EXPECT_GE(acknowledged, 20);  // at least one in every round
  grpc::ClientContext ctx;
  v1::VerifyAuditResponse audit;
  ASSERT_TRUE(stub->VerifyAudit(&ctx, {}, &audit).ok());
  EXPECT_TRUE(audit.ok()) << audit.problem();
  std::printf("crash safety: 20 SIGKILL rounds, %d batches acknowledged, %zu attempted, audit over %llu transactions ok\n",
              acknowledged, acked.size(), (unsigned long long)audit.transactions_checked());
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

}  // namespace
}  // namespace claimgraph::testing
