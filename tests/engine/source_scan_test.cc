// FROM SOURCE / FROM PUBLISHER on the by_source index: a small source in a
// big store is read through its own claims (EXPLAIN says so) and answers
// exactly what the triple indexes answer — symmetric facts both ways,
// proposals kept out of facts, retraction, deprecation, AS OF, WITH
// DEPRECATED — while a big source keeps to the triple indexes.
#include <gtest/gtest.h>

#include "engine/batch_write.h"
#include "engine/engine.h"
#include "tests/claimql/golden_util.h"
#include "tests/numbered.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::BuildFixtureStore;
using testing::CellsOf;
using testing::Numbered;
using testing::TempDir;
using Cells = std::vector<std::vector<std::string>>;

codec::ClaimDraft Draft(const std::string& s, const std::string& p, const std::string& o, const std::string& source,
                        base::Modality modality = base::Modality::kAsserted) {
  codec::ClaimDraft d;
  d.subject = s;
  d.predicate = p;
  d.object_text = o;
  d.source.key = source;
  d.source.publisher = source == "memo" ? "Memo Press" : "Bulk Wire";
  d.source.published = source == "memo" ? "2024-05-01" : "2020";
  d.modality = modality;
  return d;
}

class SourceScan : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = BuildFixtureStore(dir_.path());
    engine_ = std::make_unique<Engine>(store_.get());
    // The bulk: Japan's pacts with 1,200 others, all from one big source.
    std::vector<codec::ClaimDraft> bulk;
    for (int i = 0; i < 1200; ++i) bulk.push_back(Draft("Japan", "pact", Numbered("Bulkland-", i), "bulk"));
    ASSERT_TRUE(AssertBatch(*engine_, bulk, "test", "").ok());
    // The memo: a few claims of every kind.
    auto memo = AssertBatch(*engine_,
                            {Draft("Japan", "pact", "India", "memo"), Draft("Japan", "pact", "Australia", "memo"),
                             Draft("France", "pact", "Japan", "memo", base::Modality::kProposed),
                             Draft("Japan", "targets", "China", "memo"), Draft("Japan", "pact", "Brazil", "memo")},
                            "test", "");
    ASSERT_TRUE(memo.ok()) << memo.status().ToString();
    memo_tx_ = memo->tx;
    const auto& ids = memo->claim_ids;
    Run("RETRACT CLAIM " + std::to_string(ids[1]) + " REASON \"misread\"");
    ASSERT_TRUE(AssertBatch(*engine_, {Draft("Japan", "pact", "Vietnam", "memo")}, "test", "").ok());
    Run("DEPRECATE CLAIM " + std::to_string(ids[4]) + " REASON \"superseded\"");
  }
  QueryResult Run(const std::string& text) {
    auto r = engine_->Execute(text, {});
    EXPECT_TRUE(r.ok()) << text << "\n" << r.status().ToString();
    return r.ok() ? std::move(r).value() : QueryResult{};
  }
  Cells Rows(const std::string& text) { return CellsOf(Run(text)); }
  std::string Plan(const std::string& text) {
    QueryResult r = Run("EXPLAIN " + text);
    return r.plan;
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
  TxId memo_tx_ = 0;
};

TEST_F(SourceScan, ASmallSourceIsReadThroughItsOwnClaims) {
  const std::string q = "MATCH \"Japan\" pact ?x FROM SOURCE \"memo\" RETURN ?x ORDER BY ?x";
  EXPECT_NE(Plan(q).find("[by_source: 1 source]"), std::string::npos) << Plan(q);
  // Not Australia (retracted), Brazil (deprecated) or France (a proposal is no fact).
  EXPECT_EQ(Rows(q), (Cells{{"India"}, {"Vietnam"}}));
  // A symmetric fact read from its other end.
  EXPECT_EQ(Rows("MATCH ?x pact \"Japan\" FROM SOURCE \"memo\" RETURN ?x ORDER BY ?x"),
            (Cells{{"India"}, {"Vietnam"}}));
  // Both ends free: each fact both ways, as the indexes give it.
  EXPECT_EQ(Rows("MATCH ?a pact ?b FROM SOURCE \"memo\" RETURN ?a, ?b ORDER BY ?a, ?b"),
            (Cells{{"India", "Japan"}, {"Japan", "India"}, {"Japan", "Vietnam"}, {"Vietnam", "Japan"}}));
  // Claims, not facts: the proposal too, each claim once as stated.
  EXPECT_EQ(Rows("MATCH ?a pact ?b AS ?c FROM SOURCE \"memo\" RETURN ?a, ?b, ?c.modality ORDER BY ?b"),
            (Cells{{"Japan", "India", "asserted"}, {"France", "Japan", "proposed"}, {"Japan", "Vietnam", "asserted"}}));
  EXPECT_EQ(Rows("MATCH ?a ?p ?b FROM SOURCE \"memo\" RETURN COUNT(*)"), (Cells{{"5"}}));
}

TEST_F(SourceScan, TheSameRowsAsOfEarlierAndWithDeprecated) {
  const std::string q = "MATCH \"Japan\" pact ?x FROM SOURCE \"memo\" AS OF TX " + std::to_string(memo_tx_) +
                        " RETURN ?x ORDER BY ?x";
  EXPECT_NE(Plan(q).find("by_source"), std::string::npos);
  EXPECT_EQ(Rows(q), (Cells{{"Australia"}, {"Brazil"}, {"India"}}));
  EXPECT_EQ(Rows("MATCH \"Japan\" pact ?x FROM SOURCE \"memo\" WITH DEPRECATED RETURN ?x ORDER BY ?x"),
            (Cells{{"Brazil"}, {"India"}, {"Vietnam"}}));
}

TEST_F(SourceScan, FromPublisherAndJoinsUseItToo) {
  const std::string q = "MATCH \"Japan\" pact ?x FROM PUBLISHER \"Memo Press\" RETURN ?x ORDER BY ?x";
  EXPECT_NE(Plan(q).find("by_source"), std::string::npos);
  EXPECT_EQ(Rows(q), (Cells{{"India"}, {"Vietnam"}}));
  // The scope applies to every pattern; only the first reads by source.
  const std::string join =
      "MATCH \"Japan\" pact ?x, \"Japan\" targets ?t FROM SOURCE \"memo\" RETURN ?x, ?t ORDER BY ?x";
  EXPECT_EQ(Rows(join), (Cells{{"India", "China"}, {"Vietnam", "China"}}));
}

TEST_F(SourceScan, ABigSourceKeepsToTheTripleIndexes) {
  const std::string q = "MATCH \"Japan\" targets ?x FROM SOURCE \"bulk\" RETURN ?x";
  std::string plan = Plan(q);
  EXPECT_EQ(plan.find("by_source"), std::string::npos) << plan;
  EXPECT_TRUE(Rows(q).empty());
  EXPECT_EQ(Rows("MATCH \"Japan\" pact ?x FROM SOURCE \"bulk\" RETURN COUNT(*)"), (Cells{{"1200"}}));
}

TEST_F(SourceScan, FiltersOnTheClaimsSourceChooseTheSourcesToRead) {
  // The same filter with a disjunct that reads the claim (never true) keeps to
  // the triple index: the answers must agree.
  auto both_ways = [&](const std::string& where) {
    SCOPED_TRACE(where);
    const std::string q = "MATCH \"Japan\" pact ?x AS ?c WHERE " + where + " RETURN ?x, ?c.modality ORDER BY ?x";
    const std::string on_index =
        "MATCH \"Japan\" pact ?x AS ?c WHERE (" + where + ") OR ?c.confidence > 5 RETURN ?x, ?c.modality ORDER BY ?x";
    EXPECT_NE(Plan(q).find("by_source"), std::string::npos) << Plan(q);
    EXPECT_EQ(Plan(on_index).find("by_source"), std::string::npos) << Plan(on_index);
    Cells rows = Rows(q);
    EXPECT_EQ(rows, Rows(on_index));
    return rows;
  };
  // Claims, not facts: the proposal counts, the retracted and deprecated do not.
  const Cells memo = {{"France", "proposed"}, {"India", "asserted"}, {"Vietnam", "asserted"}};
  EXPECT_EQ(both_ways("?c.publisher = \"Memo Press\""), memo);
  EXPECT_EQ(both_ways("?c.source = \"memo\""), memo);
  // (A fixture source was published in 2024 too: its denied pact with China is a claim.)
  EXPECT_EQ(both_ways("?c.published >= \"2024\" AND ?c.published < \"2025\""),
            (Cells{{"China", "denied"}, {"France", "proposed"}, {"India", "asserted"}, {"Vietnam", "asserted"}}));
  EXPECT_EQ(both_ways("?c.publisher = \"Nobody\""), Cells{});
  EXPECT_NE(Plan("MATCH \"Japan\" pact ?x AS ?c WHERE ?c.publisher = \"Nobody\" RETURN ?x").find("by_source: 0 sources"),
            std::string::npos);
  // A filter that passes the big source: its index range is the cheaper read.
  EXPECT_EQ(Plan("MATCH \"Japan\" pact ?x AS ?c WHERE ?c.published < \"2021\" RETURN ?x").find("by_source"),
            std::string::npos);
}

// ?c.tx ranges read the claims those transactions asserted (claim ids ascend
// with transactions): the same rows as the triple index, whichever way the
// bound is written, with retraction, deprecation and AS OF applied.
TEST_F(SourceScan, FiltersOnTheClaimsTransactionReadThoseClaims) {
  const std::string memo = std::to_string(memo_tx_), after = std::to_string(memo_tx_ + 1);
  auto both_ways = [&](const std::string& match, const std::string& where, const std::string& tail = "") {
    SCOPED_TRACE(where);
    const std::string q = match + " WHERE " + where + tail + " RETURN ?a, ?b, ?c.modality ORDER BY ?a, ?b";
    const std::string on_index =
        match + " WHERE (" + where + ") OR ?c.confidence > 5" + tail + " RETURN ?a, ?b, ?c.modality ORDER BY ?a, ?b";
    EXPECT_NE(Plan(q).find("by_tx"), std::string::npos) << Plan(q);
    EXPECT_EQ(Plan(on_index).find("by_tx"), std::string::npos) << Plan(on_index);
    Cells rows = Rows(q);
    EXPECT_EQ(rows, Rows(on_index));
    return rows;
  };
  const std::string all = "MATCH ?a ?p ?b AS ?c";
  // The memo's transaction: Australia retracted, Brazil deprecated later.
  const Cells in_memo = {{"France", "Japan", "proposed"}, {"Japan", "China", "asserted"}, {"Japan", "India", "asserted"}};
  EXPECT_EQ(both_ways(all, "?c.tx = " + memo), in_memo);
  EXPECT_EQ(both_ways(all, "?c.tx >= " + memo + " AND ?c.tx < " + after), in_memo);
  EXPECT_EQ(both_ways(all, memo + " <= ?c.tx AND " + after + " > ?c.tx"), in_memo);
  EXPECT_EQ(both_ways(all, "?c.tx > " + std::to_string(memo_tx_ - 0.5) + " AND ?c.tx <= " + memo + ".9"), in_memo);
  // Everything after it: Vietnam (in a later transaction).
  EXPECT_EQ(both_ways(all, "?c.tx > " + memo), (Cells{{"Japan", "Vietnam", "asserted"}}));
  // A bound pattern end and a predicate narrow the same read.
  EXPECT_EQ(both_ways("MATCH ?a pact ?b AS ?c", "?c.tx = " + memo + " AND ?a = \"Japan\""),
            (Cells{{"Japan", "India", "asserted"}}));
  // As of the memo's transaction, before the retraction and the deprecation.
  EXPECT_EQ(both_ways(all, "?c.tx = " + memo, " AS OF TX " + memo),
            (Cells{{"France", "Japan", "proposed"},
                   {"Japan", "Australia", "asserted"},
                   {"Japan", "Brazil", "asserted"},
                   {"Japan", "China", "asserted"},
                   {"Japan", "India", "asserted"}}));
  // No transaction passes: nothing is read.
  EXPECT_EQ(both_ways(all, "?c.tx > 5 AND ?c.tx < 3"), Cells{});
  EXPECT_NE(Plan(all + " WHERE ?c.tx > 5 AND ?c.tx < 3 RETURN ?c").find("by_tx: 0 claims"), std::string::npos);
  // A bound that keeps most claims: the index range is the read.
  EXPECT_EQ(Plan(all + " WHERE ?c.tx >= 1 RETURN ?c").find("by_tx"), std::string::npos);
}

// A sink sees the rows a collected result holds, whatever the builder reuses
// between streamed rows (a column bound to the same id as the row before
// keeps its value): repeated ends, OPTIONAL's unbound variables, DISTINCT,
// OFFSET and LIMIT, WITH PROVENANCE.
class CollectingSink : public RowSink {
 public:
  Status Header(const std::vector<std::string>&, std::optional<TxId>) override { return Status::Ok(); }
  Status Row(const std::vector<Value>& row, const std::vector<uint64_t>& provenance) override {
    std::vector<std::string> cells;
    for (const auto& v : row) cells.push_back(v.ToString());
    for (uint64_t id : provenance) cells.push_back(std::to_string(id) + " (claim)");
    rows.push_back(std::move(cells));
    return Status::Ok();
  }
  Cells rows;
};

TEST_F(SourceScan, StreamedRowsAreTheCollectedRows) {
  for (const std::string q : {
           "MATCH \"Japan\" pact ?x AS ?c RETURN \"Japan\", ?x, ?c.source, ?c",
           "MATCH ?a pact \"India\", ?a pact ?d RETURN ?a, ?d",
           "MATCH ?a pact ?b OPTIONAL { ?b targets ?t } RETURN ?a, ?t, ?b",
           "MATCH ?a ?p ?b AS ?c RETURN DISTINCT ?p, ?c.source",
           "MATCH \"Japan\" pact ?x AS ?c RETURN ?x, ?c.modality LIMIT 700 OFFSET 3",
           "MATCH \"Japan\" pact ?x RETURN ?x WITH PROVENANCE",
       }) {
    SCOPED_TRACE(q);
    CollectingSink sink;
    auto streamed = engine_->Execute(q, {}, &sink);
    ASSERT_TRUE(streamed.ok()) << streamed.status().ToString();
    QueryResult collected = Run(q);
    Cells expected;
    for (size_t r = 0; r < collected.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const auto& v : collected.rows[r]) cells.push_back(v.ToString());
      if (r < collected.provenance.size())
        for (uint64_t id : collected.provenance[r]) cells.push_back(std::to_string(id) + " (claim)");
      expected.push_back(std::move(cells));
    }
    EXPECT_GT(expected.size(), 0u);
    EXPECT_EQ(sink.rows, expected);
  }
}

}  // namespace
}  // namespace claimgraph::engine
