// End to end through a real claimgraphd on a loopback port: every RPC, large
// streamed results, deadlines and cancellation, each role, idempotent retries,
// health and reflection, graceful shutdown with a query in flight, and the
// console scripted through stdin.
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/numbered.h"
#include "tests/server/server_harness.h"
#include "tests/server/test_certs.h"

namespace claimgraph::testing {
namespace {

v1::ClaimInput Claim(const std::string& s, const std::string& p, const std::string& o, const std::string& src) {
  v1::ClaimInput c;
  c.set_subject(s);
  c.set_predicate(p);
  c.set_object_entity(o);
  c.set_source(src);
  return c;
}


class EndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string src = CLAIMGRAPH_SOURCE_DIR;
    server_ = new ServerProcess({"--schema", src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json"});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
};
ServerProcess* EndToEnd::server_ = nullptr;

TEST_F(EndToEnd, QueryStreamsHeaderRowsAndTrailer) {
  auto q = RunQuery(*server_, kReader, "MATCH ?who shares-intel \"Japan\" RETURN ?who WITH PROVENANCE");
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  EXPECT_EQ(q.columns, std::vector<std::string>{"?who"});
  ASSERT_EQ(q.rows.size(), 2u);
  EXPECT_EQ(q.rows[0].values(0).entity_value().name(), "United States");
  EXPECT_GT(q.rows[0].provenance_size(), 0);
  EXPECT_EQ(q.trailer.rows(), 2u);
  EXPECT_EQ(q.messages, 1);  // a small result: header, rows and trailer in one message
}

// The trailer's two clocks: the statement's wall time and its thread's CPU
// time over a span inside it (what a benchmark on a busy machine compares).
TEST_F(EndToEnd, TrailerCarriesWallAndCpuTime) {
  auto q = RunQuery(*server_, kReader, "MATCH ?a ?p ?b RETURN ?a, ?p, ?b ORDER BY ?a");
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  EXPECT_GT(q.trailer.elapsed_ms(), 0);
  EXPECT_GT(q.trailer.cpu_ms(), 0);
  EXPECT_LE(q.trailer.cpu_ms(), q.trailer.elapsed_ms());
}

TEST_F(EndToEnd, SyntaxErrorsAreInvalidArgumentWithPosition) {
  auto q = RunQuery(*server_, kReader, "MATCH ?a pactt ?b RETURN ?a");
  EXPECT_EQ(q.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(q.status.error_message().find("line 1:10"), std::string::npos) << q.status.error_message();
  EXPECT_NE(q.status.error_message().find("did you mean 'pact'"), std::string::npos);
  // The server keeps serving.
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());
}

TEST_F(EndToEnd, ExplainGetClaimGetSourceHistoryStats) {
  v1::QueryRequest req;
  req.set_statement("MATCH ?a pact ?b, ?b member-of ?g RETURN ?a, ?g");
  v1::ExplainResponse plan;
  ASSERT_TRUE(server_->stub().Explain(As(kReader).get(), req, &plan).ok());
  EXPECT_NE(plan.plan().find("IndexJoin"), std::string::npos) << plan.plan();

  v1::GetClaimRequest gc;
  gc.set_id(8);
  v1::Claim claim;
  ASSERT_TRUE(server_->stub().GetClaim(As(kReader).get(), gc, &claim).ok());
  EXPECT_EQ(claim.id(), 8u);
  EXPECT_FALSE(claim.subject().empty());
  gc.set_id(999999);
  EXPECT_EQ(server_->stub().GetClaim(As(kReader).get(), gc, &claim).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::GetSourceRequest gs;
  gs.set_key("000_7b8d84514c241447");
  v1::Source source;
  ASSERT_TRUE(server_->stub().GetSource(As(kReader).get(), gs, &source).ok());
  EXPECT_EQ(source.publisher(), "Bloomberg (as relayed)");
  EXPECT_GT(source.live_claims(), 0u);

  v1::HistoryRequest h;
  h.set_claim_id(1);
  v1::HistoryResponse history;
  ASSERT_TRUE(server_->stub().History(As(kReader).get(), h, &history).ok());
  ASSERT_GE(history.events_size(), 1);
  EXPECT_EQ(history.events(0).event(), "asserted");

  v1::StatsResponse stats;
  ASSERT_TRUE(server_->stub().Stats(As(kReader).get(), {}, &stats).ok());
  EXPECT_GT(stats.live_claims(), 0u);

  v1::IngestDocumentResponse ingest;
  grpc::Status empty = server_->stub().IngestDocument(As(kWriter).get(), {}, &ingest);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(empty.error_message().find("empty"), std::string::npos) << empty.error_message();
}

// min_tx on the point reads, as on Query (docs/api.md): a transaction this
// node has applied answers at once; one beyond the newest waits out the
// call's deadline and answers DEADLINE_EXCEEDED naming where the node stands.
TEST_F(EndToEnd, PointReadsTakeMinTxAsQueryDoes) {
  v1::AssertRequest req;
  *req.add_claims() = Claim("min-tx-a", "knows", "min-tx-b", "min-tx-source");
  v1::WriteResponse w;
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), req, &w).ok());
  const uint64_t tx = w.tx();

  v1::GetClaimRequest gc;
  gc.set_id(w.claim_ids(0));
  gc.set_min_tx(tx);
  v1::Claim claim;
  ASSERT_TRUE(server_->stub().GetClaim(As(kReader).get(), gc, &claim).ok());
  EXPECT_EQ(claim.subject(), "min-tx-a");

  const std::string stands = "this node has applied tx " + std::to_string(tx) + ", the read asked for tx " +
                             std::to_string(tx + 1) + " (min_tx): no such transaction was written yet";
  auto expect_beyond = [&](const grpc::Status& s, const char* call) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << call << ": " << s.error_message();
    EXPECT_NE(s.error_message().find(stands), std::string::npos) << call << ": " << s.error_message();
  };
  gc.set_min_tx(tx + 1);
  expect_beyond(server_->stub().GetClaim(As(kReader, 300).get(), gc, &claim), "GetClaim");
  v1::BatchGetClaimsRequest batch;
  batch.add_ids(w.claim_ids(0));
  batch.set_min_tx(tx + 1);
  v1::BatchGetClaimsResponse claims;
  expect_beyond(server_->stub().BatchGetClaims(As(kReader, 300).get(), batch, &claims), "BatchGetClaims");
  v1::GetSourceRequest gs;
  gs.set_key("min-tx-source");
  gs.set_min_tx(tx + 1);
  v1::Source source;
  expect_beyond(server_->stub().GetSource(As(kReader, 300).get(), gs, &source), "GetSource");
  v1::HistoryRequest h;
  h.set_claim_id(w.claim_ids(0));
  h.set_min_tx(tx + 1);
  v1::HistoryResponse history;
  expect_beyond(server_->stub().History(As(kReader, 300).get(), h, &history), "History");
}

TEST_F(EndToEnd, AssertRetractAndIdempotentRetry) {
  v1::AssertRequest req;
  *req.add_claims() = Claim("Japan", "pact", "Philippines", "e2e-source");
  *req.add_claims() = Claim("Vietnam", "targeted-by", "China", "e2e-source");  // inverse name: stored as targets
  req.set_idempotency_key("batch-42");
  v1::WriteResponse first, retry;
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), req, &first).ok());
  ASSERT_EQ(first.claim_ids_size(), 2);
  EXPECT_FALSE(first.replayed());
  uint64_t tx_after = Transactions(*server_);
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), req, &retry).ok());
  EXPECT_TRUE(retry.replayed());
  EXPECT_EQ(retry.tx(), first.tx());
  EXPECT_EQ(retry.claim_ids(1), first.claim_ids(1));
  EXPECT_EQ(Transactions(*server_), tx_after);  // applied once

  auto q = RunQuery(*server_, kReader, "MATCH \"China\" targets \"Vietnam\" AS ?c RETURN ?c.principal");
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0].values(0).string_value(), "walt");  // every transaction records its principal

  v1::RetractRequest r;
  r.add_claim_ids(first.claim_ids(0));
  r.set_reason("e2e cleanup");
  v1::WriteResponse retracted;
  ASSERT_TRUE(server_->stub().Retract(As(kWriter).get(), r, &retracted).ok());
  EXPECT_EQ(server_->stub().Retract(As(kWriter).get(), r, &retracted).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::AssertRequest bad;
  *bad.add_claims() = Claim("Japan", "pact", "UK", "s");
  *bad.add_claims() = Claim("Japan", "pactt", "UK", "s");
  uint64_t before = Transactions(*server_);
  grpc::Status s = server_->stub().Assert(As(kWriter).get(), bad, &retracted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("claim 2"), std::string::npos) << s.error_message();
  EXPECT_EQ(Transactions(*server_), before);  // all or nothing
}

// Valid time through the Assert RPC: stored, answered by GetClaim and
// ?c.valid_from; a bad one refused with the words of every write path (the
// ASSERT statement's among them), naming the claim, and nothing written.
TEST_F(EndToEnd, ValidTimeThroughAssertGetClaimAndQuery) {
  v1::AssertRequest req;
  v1::ClaimInput c = Claim("Soviet Union", "allied-with", "Warsaw Pact", "e2e-valid");
  c.set_valid_from("1955-05-14");
  c.set_valid_to("1991");
  *req.add_claims() = c;
  v1::WriteResponse w;
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), req, &w).ok());
  ASSERT_EQ(w.claim_ids_size(), 1);
  v1::GetClaimRequest get;
  get.set_id(w.claim_ids(0));
  v1::Claim got;
  ASSERT_TRUE(server_->stub().GetClaim(As(kReader).get(), get, &got).ok());
  EXPECT_EQ(got.valid_from(), "1955-05-14");
  EXPECT_EQ(got.valid_to(), "1991");
  auto q = RunQuery(*server_, kReader,
                    "MATCH \"Soviet Union\" allied-with ?b AS ?c VALID AT \"1960\" RETURN ?b, ?c.valid_from, ?c.valid_to");
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0].values(1).string_value(), "1955-05-14");

  const std::string words = "valid_from \"2015-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)";
  v1::AssertRequest bad;
  *bad.add_claims() = Claim("Japan", "pact", "UK", "e2e-valid");
  v1::ClaimInput b = Claim("Japan", "pact", "India", "e2e-valid");
  b.set_valid_from("2015-02-30");
  *bad.add_claims() = b;
  uint64_t before = Transactions(*server_);
  grpc::Status s = server_->stub().Assert(As(kWriter).get(), bad, &w);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("claim 2: " + words), std::string::npos) << s.error_message();
  auto assert_statement = RunQuery(*server_, kWriter,
                                   "ASSERT \"Japan\" pact \"India\" SOURCE \"e2e-valid\" VALID FROM \"2015-02-30\"");
  EXPECT_EQ(assert_statement.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(assert_statement.status.error_message().find(words), std::string::npos)
      << assert_statement.status.error_message();
  b.set_valid_from("1991");
  b.set_valid_to("1949");
  bad.mutable_claims(1)->CopyFrom(b);
  s = server_->stub().Assert(As(kWriter).get(), bad, &w);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("claim 2: valid_from \"1991\" is after valid_to \"1949\""), std::string::npos)
      << s.error_message();
  EXPECT_EQ(Transactions(*server_), before);
}

// IngestDocument stores the time a sentence gives as the claim's valid time
// and answers it in each Claim, dry run or written.
TEST_F(EndToEnd, ValidTimeOfIngestedClaims) {
  v1::IngestDocumentRequest req;
  req.set_text("Officials met. In 2007, an intelligence exchange agreement between Japan and Australia was signed.\n");
  req.set_source_key("e2e-valid-ingest");
  for (bool dry_run : {true, false}) {
    req.set_dry_run(dry_run);
    v1::IngestDocumentResponse r;
    ASSERT_TRUE(server_->stub().IngestDocument(As(kWriter).get(), req, &r).ok());
    ASSERT_GT(r.claims_size(), 0);
    for (const auto& c : r.claims()) {
      EXPECT_EQ(c.valid_from(), "2007") << c.subject() << " " << c.predicate() << " " << dry_run;
      EXPECT_EQ(c.valid_to(), "2007");
    }
  }
  auto q = RunQuery(*server_, kReader,
                    "MATCH \"Japan\" shares-intel \"Australia\" AS ?c FROM SOURCE \"e2e-valid-ingest\" VALID AT \"2007-03\" "
                    "RETURN ?c.valid_from");
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0].values(0).string_value(), "2007");
}

TEST_F(EndToEnd, RolesAndTokens) {
  // No token, a bad token.
  EXPECT_EQ(RunQuery(*server_, "", "SHOW STATS").status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(RunQuery(*server_, "not-a-token", "SHOW STATS").status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // A reader's writes are refused and write nothing.
  uint64_t before = Transactions(*server_);
  v1::AssertRequest req;
  *req.add_claims() = Claim("Japan", "pact", "India", "reader-attempt");
  v1::WriteResponse w;
  EXPECT_EQ(server_->stub().Assert(As(kReader).get(), req, &w).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(RunQuery(*server_, kReader, "ASSERT \"Japan\" pact \"India\" SOURCE \"x\"").status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Transactions(*server_), before);
  // The hash chain is every reader's to verify (docs/api.md); the index
  // check, which holds writes while it reads the whole store, is the admin's.
  v1::VerifyAuditResponse audit;
  EXPECT_TRUE(server_->stub().VerifyAudit(As(kWriter).get(), {}, &audit).ok());
  v1::VerifyAuditRequest with_indexes;
  with_indexes.set_indexes(true);
  EXPECT_EQ(server_->stub().VerifyAudit(As(kWriter).get(), with_indexes, &audit).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(server_->stub().VerifyAudit(As(kAdmin).get(), {}, &audit).ok());
  EXPECT_TRUE(audit.ok());
  // Tokens never reach the log.
  std::string log = server_->LogContaining("principal=rita");
  EXPECT_EQ(log.find("reader-token-1"), std::string::npos);
  EXPECT_EQ(log.find("writer-token-1"), std::string::npos);
  EXPECT_NE(log.find("principal=rita"), std::string::npos);
}

TEST_F(EndToEnd, IngestDocumentExtractsWritesOnceAndRespectsRoles) {
  std::ifstream in(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/corpus/004_8cc8e2fcc4fc9a24.txt", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  v1::IngestDocumentRequest req;
  req.set_text(text.str());
  req.set_source_key("nikkei-e2e");
  req.set_publisher("Nikkei Asian Review");
  req.set_published("2015-06-04");

  // A dry run is a read: a reader may do it, and it writes nothing.
  uint64_t before = Transactions(*server_);
  req.set_dry_run(true);
  v1::IngestDocumentResponse dry;
  ASSERT_TRUE(server_->stub().IngestDocument(As(kReader).get(), req, &dry).ok());
  ASSERT_GT(dry.claims_size(), 0);
  EXPECT_EQ(dry.tx(), 0u);
  EXPECT_GT(dry.boilerplate_blocks(), 0u);  // the paywall
  EXPECT_EQ(Transactions(*server_), before);

  // Writing needs the writer role.
  req.set_dry_run(false);
  v1::IngestDocumentResponse written, again;
  EXPECT_EQ(server_->stub().IngestDocument(As(kReader).get(), req, &written).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Transactions(*server_), before);
  ASSERT_TRUE(server_->stub().IngestDocument(As(kWriter).get(), req, &written).ok());
  EXPECT_FALSE(written.duplicate());
  // Why each claim was made: the rule, cue and time always; the clause only when asked.
  ASSERT_EQ(written.explanations_size(), written.claims_size());
  EXPECT_FALSE(written.explanations(0).rule().empty());
  EXPECT_TRUE(written.explanations(0).clause().empty());
  EXPECT_GT(written.tx(), 0u);
  ASSERT_EQ(written.claims_size(), dry.claims_size());
  for (const auto& c : written.claims()) {
    EXPECT_GT(c.id(), 0u);
    EXPECT_EQ(c.principal(), "walt");
    EXPECT_EQ(c.method().rfind("rules:19/", 0), 0u) << c.method();
    EXPECT_EQ(text.str().substr(c.span_begin(), c.span_end() - c.span_begin()), c.quote());
  }
  // The time a sentence gives is the written claim's valid time, and the dry
  // run's answer says so too (this article gives none; ValidTimeOfIngestedClaims does).
  for (int i = 0; i < written.claims_size(); ++i) {
    EXPECT_EQ(written.claims(i).valid_from(), written.explanations(i).valid_from());
    EXPECT_EQ(written.claims(i).valid_to(), written.explanations(i).valid_to());
    EXPECT_EQ(dry.claims(i).valid_from(), written.claims(i).valid_from());
    EXPECT_EQ(dry.claims(i).valid_to(), written.claims(i).valid_to());
  }
  uint64_t after = Transactions(*server_);
  EXPECT_EQ(after, before + 1);  // one transaction per document

  // The same text again: nothing written, the first claims answered.
  ASSERT_TRUE(server_->stub().IngestDocument(As(kWriter).get(), req, &again).ok());
  EXPECT_TRUE(again.duplicate());
  EXPECT_EQ(again.tx(), written.tx());
  ASSERT_EQ(again.claims_size(), written.claims_size());
  EXPECT_EQ(again.claims(0).id(), written.claims(0).id());
  EXPECT_EQ(Transactions(*server_), after);

  auto q = RunQuery(*server_, kReader,
                    "MATCH \"United States\" shares-intel \"Japan\" AS ?c FROM SOURCE \"nikkei-e2e\" RETURN ?c.publisher");
  ASSERT_TRUE(q.status.ok()) << q.status.error_message();
  ASSERT_EQ(q.rows.size(), 1u);
  EXPECT_EQ(q.rows[0].values(0).string_value(), "Nikkei Asian Review");

  // Text that is not UTF-8 is refused with where, and writes nothing.
  req.set_text("Japan and India signed a pact \xff.");
  grpc::Status bad = server_->stub().IngestDocument(As(kWriter).get(), req, &again);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad.error_message().find("offset 30"), std::string::npos) << bad.error_message();
  EXPECT_EQ(Transactions(*server_), after);

  // The client CLI: claims with their quotes, exit 0.
  std::string cli = BinaryDir() + "/tools/claimgraph/claimgraph";
  std::string cmd = cli + " ingest --dry-run --publisher P --published 2023 " + std::string(CLAIMGRAPH_SOURCE_DIR) +
                    "/examples/corpus/000_7b8d84514c241447.txt --server " + server_->address() + " --token " + kReader;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(WEXITSTATUS(pclose(p)), 0) << out;
  EXPECT_NE(out.find("[reported 0.75] United States member-of Quad"), std::string::npos) << out;
  EXPECT_NE(out.find("claims found (dry run)"), std::string::npos) << out;
}

TEST_F(EndToEnd, LargeResultsStreamInBatchesAndDeadlinesStopQueries) {
  // Define a predicate and 40x39 claims in one batch.
  ASSERT_TRUE(RunQuery(*server_, kWriter, "DEFINE PREDICATE knows").status.ok());
  v1::AssertRequest req;
  for (int i = 0; i < 40; ++i)
    for (int j = 0; j < 40; ++j)
      if (i != j) *req.add_claims() = Claim(Numbered("n", i), "knows", Numbered("n", j), "clique");
  v1::WriteResponse w;
  ASSERT_TRUE(server_->stub().Assert(As(kWriter).get(), req, &w).ok());

  auto big = RunQuery(*server_, kReader, "MATCH ?a knows ?b, ?b knows ?c RETURN ?a, ?c", 60000, 1000);
  ASSERT_TRUE(big.status.ok()) << big.status.error_message();
  EXPECT_EQ(big.rows.size(), 40u * 39 * 39);
  EXPECT_GT(big.batches, 50);  // streamed, not one message

  auto slow = RunQuery(*server_, kReader, "MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN COUNT(*)", 200);
  EXPECT_EQ(slow.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << slow.status.error_message();
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());

  // A client that goes away cancels its query; the server keeps serving.
  {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + kReader);
    v1::QueryRequest q;
    q.set_statement("MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d, ?d knows ?e RETURN ?a, ?e");
    auto reader = server_->stub().Query(&ctx, q);
    v1::QueryResponse part;
    reader->Read(&part);
    ctx.TryCancel();
    reader->Finish();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(RunQuery(*server_, kReader, "SHOW STATS").status.ok());
  EXPECT_NE(server_->LogContaining("status=CANCELLED").find("status=CANCELLED"), std::string::npos);
}

// grpc.health.v1 and grpc.reflection are not installed as .proto files by
// Debian; their messages are tiny, so the test speaks them as raw bytes.

TEST_F(EndToEnd, HealthAndReflection) {
  std::string response;
  ASSERT_TRUE(RawUnary(server_->channel(), "/grpc.health.v1.Health/Check", "", &response).ok());
  EXPECT_EQ(response, std::string("\x08\x01", 2));  // status: SERVING

  // ServerReflectionInfo is a bidi stream: send {list_services: ""} and read one response.
  grpc::GenericStub stub(server_->channel());
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::CompletionQueue cq;
  auto call = stub.PrepareCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  void* tag;
  bool ok;
  call->StartCall(reinterpret_cast<void*>(1));
  cq.Next(&tag, &ok);
  std::string request("\x3a\x00", 2);  // field 7 (list_services), empty string
  grpc::Slice slice(request);
  grpc::ByteBuffer send(&slice, 1), recv;
  call->Write(send, reinterpret_cast<void*>(2));
  cq.Next(&tag, &ok);
  call->Read(&recv, reinterpret_cast<void*>(3));
  cq.Next(&tag, &ok);
  ASSERT_TRUE(ok);
  std::vector<grpc::Slice> slices;
  recv.Dump(&slices);
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_NE(bytes.find("claimgraph.v1.ClaimGraph"), std::string::npos);
  EXPECT_NE(bytes.find("grpc.health.v1.Health"), std::string::npos);
  ctx.TryCancel();
}

TEST(EndToEndShutdown, SigtermDrainsAQueryInFlightAndExitsZero) {
  ServerProcess server({"--drain-seconds", "20"});
  ASSERT_TRUE(RunQuery(server, kWriter, "DEFINE PREDICATE knows").status.ok());
  v1::AssertRequest req;
  // 24 nodes: 292k rows, long enough to be in flight at SIGTERM, short
  // enough (~7 s under ASan alone) to drain within --drain-seconds on a
  // loaded CI machine; 30 nodes (731k rows, ~18 s under ASan) did not.
  for (int i = 0; i < 24; ++i)
    for (int j = 0; j < 24; ++j)
      if (i != j) *req.add_claims() = Claim(Numbered("n", i), "knows", Numbered("n", j), "clique");
  v1::WriteResponse w;
  ASSERT_TRUE(server.stub().Assert(As(kWriter).get(), req, &w).ok());

  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + kReader);
  v1::QueryRequest q;
  q.set_statement("MATCH ?a knows ?b, ?b knows ?c, ?c knows ?d RETURN ?a, ?d");
  q.set_batch_rows(100);
  auto reader = server.stub().Query(&ctx, q);
  v1::QueryResponse part;
  ASSERT_TRUE(reader->Read(&part));  // the query is running (this first message: header and first rows)
  uint64_t rows = part.batch().rows_size();
  int exit_code = -2;
  std::thread stopper([&] { exit_code = server.Stop(/*close_channel=*/false); });  // the query in flight uses it
  while (reader->Read(&part))
    if (part.has_batch()) rows += part.batch().rows_size();
  grpc::Status status = reader->Finish();
  stopper.join();
  EXPECT_TRUE(status.ok()) << status.error_message();  // drained, not cut off
  EXPECT_EQ(rows, 24u * 23 * 23 * 23);
  EXPECT_EQ(exit_code, 0);
}

TEST_F(EndToEnd, ConsoleScriptedThroughStdin) {
  std::string cmd = "printf 'MATCH ?x member-of\\n \"Five Eyes\"\\n RETURN ?x;\\n\\\\format json\\nSHOW STATS;\\nMATCH ?a pactt ?b RETURN ?a;\\n' | " +
                    BinaryDir() + "/tools/claimgraph/claimgraph shell --server " + server_->address() + " --token " +
                    kReader + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int rc = pclose(p);
  EXPECT_NE(out.find("| New Zealand"), std::string::npos) << out;
  EXPECT_NE(out.find("{\"statistic\":\"live claims\""), std::string::npos) << out;
  EXPECT_NE(out.find("error: INVALID_ARGUMENT: line 1:10"), std::string::npos) << out;
  EXPECT_NE(out.find("^^^^^"), std::string::npos) << out;
  EXPECT_NE(WEXITSTATUS(rc), 0);  // a failed statement makes the script fail
}

TEST_F(EndToEnd, CliQueryJsonAndExitCodes) {
  std::string cli = BinaryDir() + "/tools/claimgraph/claimgraph";
  std::string cmd = cli + " query --format json 'MATCH ?a member-of \"Quad\" RETURN ?a, ?a.type' --server " +
                    server_->address() + " --token " + kReader;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(WEXITSTATUS(pclose(p)), 0);
  EXPECT_NE(out.find("{\"?a\":\"United States\",\"?a.type\":\"country\"}"), std::string::npos) << out;
  EXPECT_NE(RunCommand({cli, "--server", server_->address(), "--token", kReader, "query", "MATCH ?a pactt ?b RETURN ?a"}), 0);
  EXPECT_EQ(RunCommand({cli, "audit", "verify", "--server", server_->address(), "--token", kAdmin}), 0);
}

}  // namespace
}  // namespace claimgraph::testing

namespace claimgraph::testing {
namespace {

// TLS end to end with a certificate the test makes itself.
TEST(Tls, QueriesOverTlsAndRefusesPlaintext) {
  TempDir certs;
  const TestCert made = SelfSignedCert(certs.path(), "localhost");
  ASSERT_FALSE(made.cert.empty()) << "openssl could not make a test certificate";
  const std::string &key = made.key, &cert = made.cert;
  std::ifstream in(cert);
  std::string pem((std::istreambuf_iterator<char>(in)), {});
  ServerProcess server({"--tls-cert", cert, "--tls-key", key}, pem);
  v1::StatsResponse stats;
  grpc::Status s = server.stub().Stats(As(kReader).get(), {}, &stats);
  ASSERT_TRUE(s.ok()) << s.error_message();
  // This server was started without --schema/--rules: ingestion says how to enable it.
  v1::IngestDocumentRequest ingest;
  ingest.set_text("Japan and India signed a pact.");
  v1::IngestDocumentResponse ingested;
  grpc::Status no_rules = server.stub().IngestDocument(As(kWriter).get(), ingest, &ingested);
  EXPECT_EQ(no_rules.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(no_rules.error_message().find("--rules"), std::string::npos) << no_rules.error_message();
  EXPECT_GT(stats.live_claims(), 0u);
  // A plaintext client gets nowhere.
  auto plain = v1::ClaimGraph::NewStub(grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials()));
  EXPECT_FALSE(plain->Stats(As(kReader, 3000).get(), {}, &stats).ok());
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace claimgraph::testing

namespace claimgraph::testing {
namespace {

// Flags from a config file: claimgraphd --config F serve, with a [serve] section.
TEST(ConfigFile, ServeReadsItsFlagsFromTheFile) {
  TempDir dir;
  std::filesystem::create_directories(dir.path());
  int port = FreePort();
  std::string config = dir.path() + "/claimgraphd.toml";
  std::ofstream(config) << "[serve]\ndata = \"" << dir.path() << "/data\"\nlisten = \"127.0.0.1:" << port
                        << "\"\nmax-rows = 2\n";
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    execl((BinaryDir() + "/server/claimgraphd").c_str(), "claimgraphd", "--config", config.c_str(), "serve",
          (char*)nullptr);
    _exit(127);
  }
  auto channel = TestChannel("127.0.0.1:" + std::to_string(port));
  ASSERT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(20)));
  auto stub = v1::ClaimGraph::NewStub(channel);
  auto run = [&](const std::string& statement) { return RunQuery(*stub, "", statement).status; };
  ASSERT_TRUE(run("DEFINE PREDICATE knows").ok());
  for (const char* who : {"a", "b", "c"})
    ASSERT_TRUE(run(std::string("ASSERT \"") + who + "\" knows \"z\" SOURCE \"s\"").ok());
  grpc::Status s = run("MATCH ?x knows ?y RETURN ?x");  // three rows: more than max-rows = 2 from the file
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << s.error_message();
  EXPECT_NE(s.error_message().find("max_rows = 2"), std::string::npos) << s.error_message();
  stub.reset();
  channel.reset();  // an idle connection would hold the graceful shutdown for ~5 s
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace claimgraph::testing
