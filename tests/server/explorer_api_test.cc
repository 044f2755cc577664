// Through a real claimgraphd, the two calls the web explorer leans on:
// QueryRequest.as_of_tx (time travel without editing the statement) and
// BatchGetClaims (a result's provenance in one call).
#include <gtest/gtest.h>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

class ExplorerApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static v1::QueryRequest Request(const std::string& statement, uint64_t as_of_tx) {
    v1::QueryRequest req;
    req.set_statement(statement);
    req.set_as_of_tx(as_of_tx);
    return req;
  }
  static ServerProcess* server_;
};
ServerProcess* ExplorerApi::server_ = nullptr;

constexpr char kPacts[] = "MATCH ?a pact ?b AS ?c RETURN ?a, ?b, ?c ORDER BY ?c";

TEST_F(ExplorerApi, AsOfTxReadsThePastAndTheHeaderSaysWhich) {
  const uint64_t before = Transactions(*server_);
  v1::AssertRequest add;
  for (const char* other : {"Atlantis", "Lemuria"}) {
    v1::ClaimInput* c = add.add_claims();
    c->set_subject("Japan");
    c->set_predicate("pact");
    c->set_object_entity(other);
    c->set_source("explorer-e2e");
  }
  v1::WriteResponse w;
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), add, &w).ok());

  auto now = RunQuery(*server_, kReader, kPacts);
  auto past = RunQuery(server_->stub(), kReader, Request(kPacts, before));
  auto clause = RunQuery(*server_, kReader,
                         "MATCH ?a pact ?b AS ?c AS OF TX " + std::to_string(before) + " RETURN ?a, ?b, ?c ORDER BY ?c");
  ASSERT_TRUE(now.status.ok()) << now.status.error_message();
  ASSERT_TRUE(past.status.ok()) << past.status.error_message();
  ASSERT_TRUE(clause.status.ok()) << clause.status.error_message();
  EXPECT_EQ(past.rows.size() + 2, now.rows.size());
  ASSERT_EQ(past.rows.size(), clause.rows.size());
  for (size_t i = 0; i < past.rows.size(); ++i) EXPECT_EQ(past.rows[i].DebugString(), clause.rows[i].DebugString());
  EXPECT_EQ(now.as_of_tx, 0u);  // read the newest state: no AS OF
  EXPECT_EQ(past.as_of_tx, before);
  EXPECT_EQ(clause.as_of_tx, before);

  // Explain plans it at that transaction; a Session statement carries it too.
  v1::ExplainResponse plan;
  ASSERT_TRUE(server_->stub().Explain(As(kReader).get(), Request(kPacts, before), &plan).ok());
  EXPECT_EQ(plan.plan().rfind("as of tx " + std::to_string(before) + "\n", 0), 0u) << plan.plan();
  auto ctx = As(kReader);
  auto session = server_->stub().Session(ctx.get());
  v1::SessionRequest sr;
  sr.set_id(7);
  *sr.mutable_query() = Request(kPacts, before);
  ASSERT_TRUE(session->Write(sr));
  session->WritesDone();
  size_t rows = 0;
  uint64_t header_as_of = 0;
  v1::SessionResponse part;
  while (session->Read(&part)) {
    ASSERT_FALSE(part.has_error()) << part.error().message();
    if (part.response().has_header()) header_as_of = part.response().header().as_of_tx();
    rows += part.response().batch().rows_size();
  }
  EXPECT_TRUE(session->Finish().ok());
  EXPECT_EQ(rows, past.rows.size());
  EXPECT_EQ(header_as_of, before);
}

TEST_F(ExplorerApi, AsOfTxIsRefusedWithReasons) {
  // The statement's own AS OF: pointed at.
  auto twice = RunQuery(server_->stub(), kReader, Request("MATCH ?a pact ?b AS OF TX 1 RETURN ?a", 2));
  EXPECT_EQ(twice.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(twice.status.error_message().rfind("line 1:18: AS OF is given twice", 0), 0u) << twice.status.error_message();
  // Beyond the newest transaction, as the clause would be.
  const uint64_t newest = Transactions(*server_);
  auto beyond = RunQuery(server_->stub(), kReader, Request(kPacts, newest + 10));
  EXPECT_EQ(beyond.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(beyond.status.error_message().find("does not exist yet"), std::string::npos)
      << beyond.status.error_message();
  // Not a MATCH: refused before anything is written.
  auto write = RunQuery(server_->stub(), kWriter, Request("ASSERT \"Japan\" pact \"Mu\" SOURCE \"explorer-e2e\"", 1));
  EXPECT_EQ(write.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(write.status.error_message().find("applies to a MATCH statement only"), std::string::npos)
      << write.status.error_message();
  EXPECT_EQ(Transactions(*server_), newest);
}

TEST_F(ExplorerApi, BatchGetClaimsAnswersInRequestOrderWithRepeats) {
  v1::BatchGetClaimsRequest req;
  for (uint64_t id : {3, 1, 2, 1}) req.add_ids(id);
  v1::BatchGetClaimsResponse resp;
  grpc::Status s = server_->stub().BatchGetClaims(As(kReader).get(), req, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(resp.claims_size(), 4);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(resp.claims(i).id(), req.ids(i));
  // The same record GetClaim answers.
  v1::GetClaimRequest one;
  one.set_id(3);
  v1::Claim single;
  ASSERT_TRUE(server_->stub().GetClaim(As(kReader).get(), one, &single).ok());
  EXPECT_EQ(resp.claims(0).DebugString(), single.DebugString());

  v1::BatchGetClaimsResponse none;
  ASSERT_TRUE(server_->stub().BatchGetClaims(As(kReader).get(), {}, &none).ok());
  EXPECT_EQ(none.claims_size(), 0);
}

TEST_F(ExplorerApi, BatchGetClaimsRefusesTooManyIdsAndNamesAnUnknownOne) {
  v1::BatchGetClaimsRequest full;
  for (int i = 0; i < 1000; ++i) full.add_ids(1);
  v1::BatchGetClaimsResponse resp;
  grpc::Status s = server_->stub().BatchGetClaims(As(kReader).get(), full, &resp);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.claims_size(), 1000);

  full.add_ids(1);
  s = server_->stub().BatchGetClaims(As(kReader).get(), full, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "BatchGetClaims takes at most 1000 ids; this request has 1001");

  v1::BatchGetClaimsRequest unknown;
  unknown.add_ids(1);
  unknown.add_ids(999999);
  s = server_->stub().BatchGetClaims(As(kReader).get(), unknown, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(s.error_message().find("claim 999999"), std::string::npos) << s.error_message();
}

}  // namespace
}  // namespace claimgraph::testing
