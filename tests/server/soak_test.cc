// A bounded soak on loopback: concurrent writers (Assert batches and whole-
// batch retractions) and readers. Readers must never see half a transaction
// (every batch's claims are visible all together or not at all), and the
// final state must equal the sequential application of the acknowledged
// transactions.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

constexpr int kWriters = 4, kBatchesPerWriter = 250, kClaimsPerBatch = 5, kReaders = 4, kReadsPerReader = 300;

std::string SourceOf(int writer, int batch) { return "soak-w" + std::to_string(writer) + "-b" + std::to_string(batch); }

// Live claims per soak source, as one snapshot sees them.
grpc::Status CountBySource(ServerProcess& server, std::map<std::string, int>* counts) {
  QueryResult q = RunQuery(server, kReader, "MATCH ?a pact \"Japan\" AS ?c RETURN ?c.source", 30000);
  for (const auto& row : q.rows) {
    const std::string& source = row.values(0).string_value();
    if (source.rfind("soak-", 0) == 0) ++(*counts)[source];
  }
  return q.status;
}

TEST(Soak, ReadersSeeWholeTransactionsAndTheEndStateIsTheAcknowledgedOnes) {
  ServerProcess server;
  v1::StatsResponse stats;
  ASSERT_TRUE(server.stub().Stats(As(kReader).get(), {}, &stats).ok());
  const uint64_t initial_tx = stats.transactions();

  std::mutex mu;
  std::map<std::string, bool> expected_live;  // acknowledged: source -> live after all its acks
  std::atomic<uint64_t> acked{0}, write_requests{0}, read_requests{0}, torn{0}, read_errors{0};
  std::atomic<bool> writers_done{false};

  auto writer = [&](int w) {
    std::vector<std::pair<std::string, std::vector<uint64_t>>> mine;
    for (int b = 0; b < kBatchesPerWriter; ++b) {
      v1::AssertRequest req;
      std::string source = SourceOf(w, b);
      for (int k = 0; k < kClaimsPerBatch; ++k) {
        auto* c = req.add_claims();
        c->set_subject("Soak " + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(k));
        c->set_predicate("pact");
        c->set_object_entity("Japan");
        c->set_source(source);
      }
      req.set_idempotency_key(source);
      v1::WriteResponse resp;
      ++write_requests;
      if (server.stub().Assert(As(kWriter).get(), req, &resp).ok()) {
        ++acked;
        std::lock_guard lock(mu);
        expected_live[source] = true;
        mine.push_back({source, {resp.claim_ids().begin(), resp.claim_ids().end()}});
      }
      // Every third batch, retract an earlier one of ours, whole.
      if (b % 3 == 2 && mine.size() >= 2) {
        auto [victim, ids] = mine[mine.size() - 2];
        v1::RetractRequest r;
        for (auto id : ids) r.add_claim_ids(id);
        r.set_reason("soak");
        ++write_requests;
        if (server.stub().Retract(As(kWriter).get(), r, &resp).ok()) {
          ++acked;
          std::lock_guard lock(mu);
          expected_live[victim] = false;
        }
        mine.erase(mine.end() - 2);
      }
    }
  };
  auto reader = [&] {
    for (int i = 0; i < kReadsPerReader || !writers_done; ++i) {
      if (i >= 10 * kReadsPerReader) break;
      std::map<std::string, int> counts;
      ++read_requests;
      if (!CountBySource(server, &counts).ok()) {
        ++read_errors;
        continue;
      }
      for (const auto& [source, n] : counts)
        if (n != kClaimsPerBatch) ++torn;  // part of a transaction is visible
    }
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) threads.emplace_back(writer, w);
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) readers.emplace_back(reader);
  for (auto& t : threads) t.join();
  writers_done = true;
  for (auto& t : readers) t.join();

  EXPECT_EQ(torn.load(), 0u) << "a reader saw part of a transaction";
  EXPECT_EQ(read_errors.load(), 0u);
  // Every acknowledged write is one transaction, and nothing else was written.
  ASSERT_TRUE(server.stub().Stats(As(kReader).get(), {}, &stats).ok());
  EXPECT_EQ(stats.transactions(), initial_tx + acked.load());
  // The end state is the acknowledged transactions applied in order.
  std::map<std::string, int> final_counts;
  ASSERT_TRUE(CountBySource(server, &final_counts).ok());
  for (const auto& [source, live] : expected_live)
    EXPECT_EQ(final_counts.count(source) ? final_counts[source] : 0, live ? kClaimsPerBatch : 0) << source;
  for (const auto& [source, n] : final_counts) EXPECT_TRUE(expected_live.count(source)) << source;
  std::printf("soak: %llu write requests (%llu acknowledged), %llu reads, %d writers, %d readers, 0 torn reads\n",
              static_cast<unsigned long long>(write_requests.load()), static_cast<unsigned long long>(acked.load()),
              static_cast<unsigned long long>(read_requests.load()), kWriters, kReaders);
  v1::VerifyAuditResponse audit;
  ASSERT_TRUE(server.stub().VerifyAudit(As(kAdmin).get(), {}, &audit).ok());
  EXPECT_TRUE(audit.ok()) << audit.problem();
}

}  // namespace
}  // namespace claimgraph::testing
