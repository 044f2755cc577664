// ExecuteOptions::as_of_tx (QueryRequest.as_of_tx) is the AS OF TX clause
// without editing the text: the same rows at every transaction, the same
// error beyond the newest, and a refusal — with a position — for a statement
// that has its own AS OF or is not a MATCH.
#include <gtest/gtest.h>

#include <set>

#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::CellsOf;
using testing::TempDir;

// Records what a streaming caller sees before the rows.
class HeaderSink final : public RowSink {
 public:
  Status Header(const std::vector<std::string>& columns, std::optional<TxId> as_of) override {
    columns_ = columns;
    as_of_ = as_of;
    return Status::Ok();
  }
  Status Row(const std::vector<Value>&, const std::vector<uint64_t>&) override {
    ++rows_;
    return Status::Ok();
  }
  std::vector<std::string> columns_;
  std::optional<TxId> as_of_;
  size_t rows_ = 0;
};

class AsOfOption : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = BuildFixtureStore(dir_.path());
    engine_ = std::make_unique<Engine>(store_.get());
    // A history where each transaction changes the answers: an assertion,
    // a retraction of a fixture claim, another assertion.
    for (const char* write : {"ASSERT \"Japan\" pact \"Freedonia\" SOURCE \"notes\" CONFIDENCE 0.5",
                              "RETRACT CLAIM 1 REASON \"misread\"",
                              "ASSERT \"Freedonia\" pact \"Sylvania\" SOURCE \"notes\""})
      ASSERT_TRUE(engine_->Execute(write, {}).ok()) << write;
  }
  Result<QueryResult> Run(const std::string& text, std::optional<TxId> as_of_tx) {
    ExecuteOptions o;
    o.as_of_tx = as_of_tx;
    return engine_->Execute(text, o);
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
};

// {} marks where the clause goes: before RETURN, as the grammar wants it.
std::string WithClause(std::string text, const std::string& clause) {
  return text.replace(text.find("{}"), 2, clause);
}

TEST_F(AsOfOption, GivesTheRowsOfTheClauseAtEveryTransaction) {
  const std::vector<std::string> statements = {
      "MATCH ?a pact ?b AS ?c {} RETURN ?a, ?b, ?c ORDER BY ?c",
      "MATCH \"Japan\" pact ?b AS ?c {} RETURN ?b, BELIEF(?c) AS belief, COUNT(*) AS claims ORDER BY ?b",
      "MATCH ?a pact+ ?b {} RETURN COUNT(DISTINCT ?b) AS reached",
      "EXPLAIN MATCH ?a pact ?b {} RETURN ?a",
  };
  const TxId newest = engine_->LastTx();
  ASSERT_GE(newest, 5u);
  for (const auto& s : statements) {
    std::set<std::vector<std::vector<std::string>>> distinct_answers;
    for (TxId tx = 0; tx <= newest; ++tx) {
      SCOPED_TRACE(s + " at tx " + std::to_string(tx));
      auto clause = Run(WithClause(s, "AS OF TX " + std::to_string(tx)), std::nullopt);
      auto option = Run(WithClause(s, ""), tx);
      ASSERT_TRUE(clause.ok()) << clause.status().ToString();
      ASSERT_TRUE(option.ok()) << option.status().ToString();
      EXPECT_EQ(option->columns, clause->columns);
      // For EXPLAIN: the plan's "as of tx" line and actual row counts.
      EXPECT_EQ(CellsOf(*option), CellsOf(*clause));
      EXPECT_EQ(option->as_of, std::optional<TxId>(tx));
      EXPECT_EQ(clause->as_of, std::optional<TxId>(tx));
      distinct_answers.insert(CellsOf(*option));
    }
    // The history above must make the answers differ, or the test proves little.
    EXPECT_GE(distinct_answers.size(), 3u) << s;
  }
}

TEST_F(AsOfOption, HeaderCarriesTheTransactionReadOnlyWhenRunAsOf) {
  HeaderSink plain, clause, option;
  ExecuteOptions o;
  ASSERT_TRUE(engine_->Execute("MATCH ?a pact ?b RETURN ?a", o, &plain).ok());
  EXPECT_EQ(plain.as_of_, std::nullopt);
  ASSERT_TRUE(engine_->Execute("MATCH ?a pact ?b AS OF TX 2 RETURN ?a", o, &clause).ok());
  EXPECT_EQ(clause.as_of_, std::optional<TxId>(2));
  o.as_of_tx = 2;
  ASSERT_TRUE(engine_->Execute("MATCH ?a pact ?b RETURN ?a", o, &option).ok());
  EXPECT_EQ(option.as_of_, std::optional<TxId>(2));
  EXPECT_EQ(option.rows_, clause.rows_);
  EXPECT_LT(option.rows_, plain.rows_);
}

TEST_F(AsOfOption, StatementWithItsOwnAsOfIsRefusedAtTheClause) {
  for (const std::string clause : {"AS OF TX 2", "AS OF \"2000-01-01\""}) {
    auto r = Run("MATCH ?a pact ?b " + clause + " RETURN ?a", 3);
    ASSERT_FALSE(r.ok()) << clause;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(),
              "line 1:18: AS OF is given twice: in the statement and as the request's as_of_tx 3\n"
              "MATCH ?a pact ?b " + clause + " RETURN ?a\n"
              "                 " + std::string(clause.size(), '^'));
  }
}

TEST_F(AsOfOption, BeyondTheNewestFailsAsTheClauseDoes) {
  const TxId beyond = engine_->LastTx() + 1;
  auto clause = Run("MATCH ?a pact ?b AS OF TX " + std::to_string(beyond) + " RETURN ?a", std::nullopt);
  auto option = Run("MATCH ?a pact ?b RETURN ?a", beyond);
  ASSERT_FALSE(clause.ok());
  ASSERT_FALSE(option.ok());
  EXPECT_EQ(option.status().code(), clause.status().code());
  const std::string message = "transaction " + std::to_string(beyond) + " does not exist yet (the newest is " +
                              std::to_string(beyond - 1) + ")";
  // The clause's error points at it; the option has no text to point at.
  EXPECT_NE(clause.status().message().find("line 1:18: " + message), std::string::npos) << clause.status().message();
  EXPECT_EQ(option.status().message(), "as_of_tx: " + message);
}

TEST_F(AsOfOption, OtherStatementsAreRefusedAndWriteNothing) {
  const TxId before = engine_->LastTx();
  for (const std::string s : {"ASSERT \"Japan\" pact \"Atlantis\" SOURCE \"notes\"", "RETRACT CLAIM 2",
                              "DEFINE PREDICATE borders SYMMETRIC", "DEFINE ENTITY \"Atlantis\"",
                              "DEPRECATE CLAIM 2 REASON \"old\"", "REDACT SOURCE \"notes\"", "SHOW CLAIM 2",
                              "SHOW STATS", "HISTORY CLAIM 2", "HISTORY \"Japan\" pact \"United States\"",
                              "CHANGES SINCE TX 0", "AUDIT VERIFY"}) {
    auto r = Run(s, 2);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << s;
    EXPECT_EQ(r.status().message(), "line 1:1: as_of_tx 2 applies to a MATCH statement only: this one cannot be "
                                     "read as of a transaction\n" +
                                         s + "\n" + std::string(s.size(), '^'));
  }
  EXPECT_EQ(engine_->LastTx(), before);
}

}  // namespace
}  // namespace claimgraph::engine
