// Every limit in ExecuteOptions ends a query with an error that names it —
// never a crash, a hang, or a partial write.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "engine/engine.h"
#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::engine {
namespace {

using testing::Begin;
using testing::Numbered;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

// A chain e0 -> e1 -> ... -> e(n-1) under "next", plus a dense "knows" clique.
void BuildChain(storage::ClaimStore* store, int n, int clique) {
  auto tx = Begin(store);
  storage::SourceId src = ValueOrDie(tx->UpsertSource({"s", "", "", "", "", ""}));
  storage::PredicateId next = ValueOrDie(tx->ResolveOrDeclarePredicate("next"));
  storage::PredicateId knows = ValueOrDie(tx->ResolveOrDeclarePredicate("knows"));
  std::vector<storage::EntityId> e;
  for (int i = 0; i < n; ++i) e.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
  auto add = [&](storage::EntityId s, storage::PredicateId p, storage::EntityId o) {
    storage::ClaimInput c;
    c.subject = s;
    c.predicate = p;
    c.object = o;
    c.source = src;
    ValueOrDie(tx->Assert(c));
  };
  for (int i = 0; i + 1 < n; ++i) add(e[i], next, e[i + 1]);
  for (int i = 0; i < clique; ++i)
    for (int j = 0; j < clique; ++j)
      if (i != j) add(e[i], knows, e[j]);
  ValueOrDie(tx->Commit());
}

class Limits : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.path());
    BuildChain(store_.get(), 200, 60);
    engine_ = std::make_unique<Engine>(store_.get());
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(Limits, MaxRowsNamesTheLimit) {
  ExecuteOptions o;
  o.max_rows = 100;
  auto r = engine_->Execute("MATCH ?a knows ?b RETURN ?a, ?b", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_rows = 100"), std::string::npos) << r.status().message();
  // With LIMIT under the cap it is fine.
  EXPECT_TRUE(engine_->Execute("MATCH ?a knows ?b RETURN ?a, ?b LIMIT 100", o).ok());
}

TEST_F(Limits, MaxRowsCoversShowStatementsToo) {
  ExecuteOptions o;
  o.max_rows = 5;
  auto r = engine_->Execute("SHOW ENTITIES", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_rows = 5"), std::string::npos);
  // The listing streams and stops one row past the limit; exactly at the limit it is whole.
  auto view = ValueOrDie(store_->NewReadView());
  uint64_t entities = ValueOrDie(view->ListEntities()).size();
  o.max_rows = entities;
  auto all = engine_->Execute("SHOW ENTITIES", o);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->rows.size(), entities);
  o.max_rows = entities - 1;
  EXPECT_EQ(engine_->Execute("SHOW ENTITIES", o).status().code(), StatusCode::kResourceExhausted);
  o.max_rows = 0;
  EXPECT_EQ(engine_->Execute("SHOW SOURCES", o).status().code(), StatusCode::kResourceExhausted);
}

TEST_F(Limits, PathDepthNamesTheLimit) {
  ExecuteOptions o;
  o.max_path_depth = 50;
  auto r = engine_->Execute("MATCH \"e0\" next+ ?x RETURN COUNT(*)", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_path_depth = 50"), std::string::npos) << r.status().message();
  o.max_path_depth = 500;
  auto ok = engine_->Execute("MATCH \"e0\" next+ ?x RETURN COUNT(*) AS n", o);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->rows[0][0].number, 199);
}

TEST_F(Limits, MemoryNamesTheLimit) {
  ExecuteOptions o;
  o.max_memory_bytes = 64 * 1024;
  auto r = engine_->Execute("MATCH ?a knows ?b, ?b knows ?c RETURN ?a, ?c ORDER BY ?a", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_memory_bytes"), std::string::npos) << r.status().message();
}

TEST_F(Limits, DeadlineStopsALongQuery) {
  ExecuteOptions o;
  o.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
  // Three-hop join over a 60-clique: ~12M rows, far more than 50 ms of work.
  auto started = std::chrono::steady_clock::now();
  auto r = engine_->Execute("MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d RETURN COUNT(*)", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded);
  // It stopped soon after the deadline, not at the end of the work (generous bound: shared machines).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_F(Limits, CancellationStopsAQuery) {
  std::atomic<bool> cancelled{false};
  ExecuteOptions o;
  o.cancelled = &cancelled;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    cancelled = true;
  });
  auto r = engine_->Execute("MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d RETURN COUNT(*)", o);
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCancelled);
}

TEST_F(Limits, ReadOnlyRefusesWritesAndWritesNothing) {
  ExecuteOptions o;
  o.read_only = true;
  o.principal = "reader";
  storage::TxId before = store_->LastTx();
  auto r = engine_->Execute("ASSERT \"e1\" next \"e0\" SOURCE \"s\"", o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(r.status().message().find("reader"), std::string::npos);
  EXPECT_EQ(store_->LastTx(), before);
}

TEST_F(Limits, LimitStopsTheScanEarly) {
  // LIMIT 1 on a 12M-row join must not do the whole join: give it a deadline
  // that the full join could never meet.
  ExecuteOptions o;
  o.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  auto r = engine_->Execute("MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d RETURN ?a, ?d LIMIT 1", o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.size(), 1u);
}

TEST_F(Limits, AFailedWriteLeavesNothing) {
  storage::TxId before = store_->LastTx();
  // The entity is created in the transaction before the empty source key fails it.
  auto r = engine_->Execute("ASSERT \"brand new entity\" next \"e0\" SOURCE \"\"", ExecuteOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("source"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(store_->LastTx(), before);
  auto view = ValueOrDie(store_->NewReadView());
  EXPECT_EQ(view->FindEntity("brand new entity").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace claimgraph::engine
