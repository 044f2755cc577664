// Engine::Changes (the log between two points, the Watch RPC's source),
// Engine::WaitForCommit, and that CHANGES says the same as the typed call.
#include <gtest/gtest.h>

#include <thread>

#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::TempDir;

template <class T>
T ValueOrDie(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

class ChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = BuildFixtureStore(dir_.path());  // tx 1: the schema; tx 2: 26 claims
    engine_ = std::make_unique<Engine>(store_.get());
    ExecuteOptions as_golden;
    as_golden.principal = "golden";
    ValueOrDie(engine_->Execute("ASSERT \"Japan\" pact \"India\" SOURCE \"changes-notes\"", as_golden));  // tx 3
    ValueOrDie(engine_->Execute("RETRACT CLAIM 8 REASON \"misread\"", as_golden));                       // tx 4
  }
  std::vector<ChangeEvent> Changes(TxId since, std::optional<TxId> until = std::nullopt, std::string pattern = "") {
    ChangesRequest r;
    r.since_tx = since;
    r.until_tx = until;
    r.pattern = std::move(pattern);
    return ValueOrDie(engine_->Changes(r));
  }
  Status ChangesError(TxId since, std::optional<TxId> until = std::nullopt, std::string pattern = "") {
    ChangesRequest r;
    r.since_tx = since;
    r.until_tx = until;
    r.pattern = std::move(pattern);
    auto result = engine_->Changes(r);
    EXPECT_FALSE(result.ok());
    return result.status();
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(ChangesTest, EveryClaimOfEachTransactionInLogOrder) {
  auto all = Changes(0);
  // tx 2 imports 26 claims, one of them (26) with its retraction.
  ASSERT_EQ(all.size(), 26u + 1 + 1 + 1);
  for (size_t i = 0; i < 26; ++i) {
    EXPECT_EQ(all[i].tx, 2u);
    EXPECT_EQ(all[i].kind, ChangeKind::kAsserted);
    EXPECT_EQ(all[i].claim, i + 1);
    EXPECT_EQ(all[i].principal, "fixture");
  }
  EXPECT_EQ(all[26].tx, 2u);
  EXPECT_EQ(all[26].kind, ChangeKind::kRetracted);
  EXPECT_EQ(all[26].claim, 26u);
  EXPECT_EQ(all[27].tx, 3u);
  EXPECT_EQ(all[27].claim, 27u);
  EXPECT_EQ(all[27].principal, "golden");
  EXPECT_EQ(all[27].subject.text, "Japan");
  EXPECT_EQ(all[27].predicate.text, "pact");
  EXPECT_EQ(all[27].object.text, "India");
  EXPECT_EQ(all[27].source, "changes-notes");
  EXPECT_GT(all[27].time_us, 0);
  EXPECT_EQ(all[28].tx, 4u);
  EXPECT_EQ(all[28].kind, ChangeKind::kRetracted);
  EXPECT_EQ(all[28].claim, 8u);
  EXPECT_EQ(all[28].reason, "misread");  // the retraction's reason
  EXPECT_STREQ(ChangeKindName(all[28].kind), "retracted");
}

TEST_F(ChangesTest, SinceAndUntilBoundTheSpan) {
  EXPECT_EQ(Changes(2).size(), 2u);
  auto third = Changes(2, 3);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].tx, 3u);
  EXPECT_TRUE(Changes(3, 3).empty());
  EXPECT_TRUE(Changes(4).empty());  // the newest: nothing after it
  EXPECT_TRUE(Changes(0, 1).empty());  // the schema's transaction changes no claim
}

TEST_F(ChangesTest, PatternFiltersAsMatchDoes) {
  // pact is symmetric: "India" on either end.
  auto india = Changes(0, std::nullopt, "\"India\" pact ?x");
  ASSERT_FALSE(india.empty());
  for (const auto& e : india) {
    EXPECT_EQ(e.predicate.text, "pact");
    EXPECT_TRUE(e.subject.text == "India" || e.object.text == "India") << e.subject.text << " " << e.object.text;
  }
  EXPECT_EQ(india.back().claim, 27u);  // asserted as Japan pact India
  // An inverse name reads the predicate backwards: ?victim targeted-by "China".
  auto china = Changes(0, std::nullopt, "?victim targeted-by \"China\"");
  ASSERT_FALSE(china.empty());
  for (const auto& e : china) {
    EXPECT_EQ(e.subject.text, "China");
    EXPECT_EQ(e.predicate.text, "targets");
  }
  // The retraction of claim 8 (China targets United States) is a change of that pattern too.
  EXPECT_EQ(china.back().kind, ChangeKind::kRetracted);
  EXPECT_TRUE(Changes(0, std::nullopt, "?x pact ?x").empty());
  EXPECT_TRUE(Changes(0, std::nullopt, "\"Atlantis\" pact ?x").empty());
}

TEST_F(ChangesTest, ErrorsSayWhatAndWhere) {
  Status beyond = ChangesError(9);
  EXPECT_EQ(beyond.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(beyond.message().find("since tx 9 is beyond the newest transaction, 4"), std::string::npos) << beyond.message();
  Status until_beyond = ChangesError(1, 9);
  EXPECT_NE(until_beyond.message().find("until tx 9"), std::string::npos) << until_beyond.message();
  Status backwards = ChangesError(3, 2);
  EXPECT_NE(backwards.message().find("until tx 2 is before since tx 3"), std::string::npos) << backwards.message();
  Status unknown = ChangesError(0, std::nullopt, "?a pakt ?b");
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("unknown predicate 'pakt'"), std::string::npos) << unknown.message();
  EXPECT_NE(unknown.message().find("did you mean 'pact'"), std::string::npos) << unknown.message();
  EXPECT_NE(unknown.message().find("line 1:4"), std::string::npos) << unknown.message();
  Status syntax = ChangesError(0, std::nullopt, "?a pact");
  EXPECT_EQ(syntax.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(syntax.message().find("line 1:"), std::string::npos) << syntax.message();
}

TEST_F(ChangesTest, TooManyChangesIsRefusedNamingTheLimit) {
  ChangesRequest r;
  r.max_changes = 10;
  auto result = engine_->Changes(r);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(result.status().message().find("max_changes = 10"), std::string::npos);
  // The visitor form streams: no limit, and it can stop between transactions.
  uint64_t seen = 0;
  std::vector<TxId> walked;
  ChangeVisitor v;
  v.change = [&](const ChangeEvent&) {
    ++seen;
    return Status::Ok();
  };
  v.tx_done = [&](TxId tx) {
    walked.push_back(tx);
    return Status::Ok();
  };
  EXPECT_EQ(ValueOrDie(engine_->Changes(ChangesRequest{}, v)), 4u);
  EXPECT_EQ(seen, 29u);
  EXPECT_EQ(walked, (std::vector<TxId>{1, 2, 3, 4}));
}

TEST_F(ChangesTest, StatementSaysWhatTheTypedCallSays) {
  QueryResult r = ValueOrDie(engine_->Execute("CHANGES SINCE TX 2", {}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.columns, (std::vector<std::string>{"tx", "time", "principal", "change", "claim", "subject", "predicate",
                                                 "object", "source", "reason"}));
  EXPECT_EQ(r.rows[1][3].ToString(), "retracted");
  EXPECT_EQ(r.rows[1][9].ToString(), "misread");
  ExecuteOptions small;
  small.max_rows = 5;
  auto refused = engine_->Execute("CHANGES SINCE TX 0", small);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(refused.status().message().find("max_rows = 5"), std::string::npos);
}

TEST_F(ChangesTest, WaitForCommitWakesOnACommitAndTimesOutWithout) {
  EXPECT_EQ(engine_->LastTx(), 4u);
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(engine_->WaitForCommit(4, std::chrono::milliseconds(50)), 4u);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(50));
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ValueOrDie(engine_->Execute("ASSERT \"Japan\" pact \"Vietnam\" SOURCE \"changes-notes\"", {}));
  });
  started = std::chrono::steady_clock::now();
  EXPECT_EQ(engine_->WaitForCommit(4, std::chrono::seconds(20)), 5u);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  writer.join();
  EXPECT_EQ(engine_->WaitForCommit(3, std::chrono::seconds(20)), 5u);  // already past: at once
}

}  // namespace
}  // namespace claimgraph::engine
