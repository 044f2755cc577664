// The engine's typed calls (engine.h: GetClaim, GetClaims, GetSource, Stats,
// Verify, ClaimHistory) on the fixture store, and that the statements built on
// them (SHOW STATS, SHOW PREDICATES, HISTORY CLAIM, AUDIT VERIFY) say the same.
#include <gtest/gtest.h>

#include "engine/batch_write.h"
#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::CellsOf;
using testing::TempDir;

template <class T>
T ValueOrDie(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

class LookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = BuildFixtureStore(dir_.path());
    engine_ = std::make_unique<Engine>(store_.get());
  }
  // A statement's rows, each cell as a user sees it.
  std::vector<std::vector<std::string>> Rows(const std::string& statement) {
    return CellsOf(ValueOrDie(engine_->Execute(statement, {})));
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(LookupTest, GetClaimResolvesNamesAndSource) {
  ClaimRecord c = ValueOrDie(engine_->GetClaim(1));
  EXPECT_EQ(c.id, 1u);
  EXPECT_EQ(c.subject.kind, Value::Kind::kEntity);
  EXPECT_EQ(c.subject.text, "United States");
  EXPECT_EQ(c.predicate.text, "pact");
  EXPECT_EQ(c.object.text, "Japan");
  EXPECT_EQ(c.source.key, "001_44c191641f30057a");
  EXPECT_EQ(c.source.publisher, "Defense Systems");
  EXPECT_TRUE(c.has_span);
  EXPECT_EQ(c.quote, "quote 1: United States pact Japan");
  EXPECT_EQ(c.retracted_tx, 0u);
  // SHOW CLAIM prints the same record.
  auto rows = Rows("SHOW CLAIM 1");
  ASSERT_GE(rows.size(), 5u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"subject", "United States"}));
  EXPECT_EQ(rows[4], (std::vector<std::string>{"source", "001_44c191641f30057a"}));

  auto missing = engine_->GetClaim(999);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "claim 999 not found");
}

TEST_F(LookupTest, GetClaimsKeepsTheOrderAskedAndFailsOnAMissingId) {
  std::vector<ClaimRecord> claims = ValueOrDie(engine_->GetClaims({3, 1, 2}));
  ASSERT_EQ(claims.size(), 3u);
  EXPECT_EQ(claims[0].id, 3u);
  EXPECT_EQ(claims[1].id, 1u);
  EXPECT_EQ(claims[2].id, 2u);
  EXPECT_FALSE(engine_->GetClaims({1, 999}).ok());
}

TEST_F(LookupTest, GetSourceCountsLiveClaimsOnly) {
  SourceSummary before = ValueOrDie(engine_->GetSource("001_44c191641f30057a"));
  EXPECT_EQ(before.source.title, "U.S.-Japan pact bolsters ties in cyber, space and ISR");
  EXPECT_EQ(before.live_claims, 4u);
  ValueOrDie(RetractBatch(*engine_, {1}, "misread", "tester", ""));
  EXPECT_EQ(ValueOrDie(engine_->GetSource("001_44c191641f30057a")).live_claims, 3u);
  EXPECT_EQ(engine_->GetSource("no-such-source").status().code(), StatusCode::kNotFound);
}

TEST_F(LookupTest, StatsAgreeWithShowStatsAndShowPredicates) {
  StoreStats s = ValueOrDie(engine_->Stats(true));
  EXPECT_EQ(s.live_claims, 25u);
  EXPECT_EQ(s.entities, 33u);
  EXPECT_EQ(s.predicates, 6u);
  EXPECT_EQ(s.sources, 4u);
  EXPECT_GT(s.disk_bytes, 0u);
  EXPECT_EQ(Rows("SHOW STATS"), (std::vector<std::vector<std::string>>{{"transactions", std::to_string(s.transactions)},
                                                                      {"live claims", "25"},
                                                                      {"entities", "33"},
                                                                      {"predicates", "6"},
                                                                      {"sources", "4"}}));
  ASSERT_EQ(s.by_predicate.size(), 6u);
  auto predicates = Rows("SHOW PREDICATES");
  ASSERT_EQ(predicates.size(), 6u);
  uint64_t sum = 0;
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(predicates[i][0], s.by_predicate[i].name);
    EXPECT_EQ(predicates[i][5], std::to_string(s.by_predicate[i].live_claims));
    sum += s.by_predicate[i].live_claims;
  }
  EXPECT_EQ(sum, s.live_claims);
  EXPECT_TRUE(ValueOrDie(engine_->Stats(false)).by_predicate.empty());
  // The text both CLIs print.
  std::string text = FormatStats(s);
  EXPECT_NE(text.find("live claims  25\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  pact                    6 claims  symmetric\n"), std::string::npos) << text;
}

TEST_F(LookupTest, ClaimHistoryListsAssertionThenRetraction) {
  std::vector<HistoryEvent> live = ValueOrDie(engine_->ClaimHistory(1));
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].event, "asserted");
  EXPECT_EQ(live[0].principal, "fixture");
  EXPECT_EQ(live[0].detail, "asserted, confidence 0.9, method manual");
  BatchResult retracted = ValueOrDie(RetractBatch(*engine_, {1}, "misread", "auditor", ""));
  std::vector<HistoryEvent> both = ValueOrDie(engine_->ClaimHistory(1));
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].event, "retracted");
  EXPECT_EQ(both[1].tx, retracted.tx);
  EXPECT_EQ(both[1].principal, "auditor");
  EXPECT_EQ(both[1].detail, "misread");
  EXPECT_LE(both[0].time_us, both[1].time_us);
  auto rows = Rows("HISTORY CLAIM 1");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][2], "retracted");
  EXPECT_EQ(rows[1][4], "misread");
  EXPECT_EQ(engine_->ClaimHistory(999).status().code(), StatusCode::kNotFound);
}

TEST_F(LookupTest, VerifyChecksTheLogAndOnRequestTheIndexes) {
  VerifyReport log_only = ValueOrDie(engine_->Verify(false));
  EXPECT_TRUE(log_only.ok());
  EXPECT_FALSE(log_only.indexes_checked);
  EXPECT_EQ(log_only.claims_checked, 26u);
  EXPECT_EQ(VerifyMessage(log_only), "audit ok: " + std::to_string(log_only.transactions_checked) +
                                         " transactions and 26 claim records verified");
  VerifyReport full = ValueOrDie(engine_->Verify(true));
  EXPECT_TRUE(full.ok());
  EXPECT_TRUE(full.indexes_checked);
  EXPECT_EQ(full.index_claims_checked, 26u);
  EXPECT_NE(VerifyMessage(full).find("\nindexes ok: spo, osp, sp_postings, po_postings and by_source match all 26 claim records"),
            std::string::npos);
  // AUDIT VERIFY [INDEXES] is the same check.
  auto rows = Rows("AUDIT VERIFY INDEXES");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "true");
  EXPECT_EQ(rows[0][5], "true");
  EXPECT_EQ(ValueOrDie(engine_->Execute("AUDIT VERIFY", {})).message, VerifyMessage(log_only));
  // A broken log is reported with its transaction; the message says where.
  VerifyReport broken;
  broken.log_ok = false;
  broken.first_bad_tx = 7;
  broken.log_problem = "hash mismatch";
  EXPECT_FALSE(broken.ok());
  EXPECT_EQ(VerifyMessage(broken), "AUDIT FAILED at tx 7: hash mismatch");
}

TEST(EngineOpen, OpensCreatesAndRefusesAMissingStoreWhenAskedTo) {
  TempDir dir;
  OpenOptions existing;
  existing.create_if_missing = false;
  EXPECT_FALSE(Engine::Open(dir.path() + "/nothing-here", existing).ok());
  {
    auto engine = ValueOrDie(Engine::Open(dir.path() + "/store", OpenOptions{}));
    ValueOrDie(engine->Execute("DEFINE PREDICATE pact SYMMETRIC", {}));
    ASSERT_TRUE(engine->Flush().ok());
  }
  OpenOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  auto engine = ValueOrDie(Engine::Open(dir.path() + "/store", read_only));
  EXPECT_EQ(ValueOrDie(engine->Stats(false)).predicates, 1u);
}

}  // namespace
}  // namespace claimgraph::engine
