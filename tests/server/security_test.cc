// Every RPC x every caller (reader, writer, admin, no token, a bad token):
// a refused call answers UNAUTHENTICATED or PERMISSION_DENIED and changes
// nothing; an allowed one succeeds.
#include <gtest/gtest.h>

#include <functional>
#include <sys/stat.h>

#include "tests/server/server_harness.h"

namespace claimgraph::testing {
namespace {

enum class Need { kReader, kWriter, kAdmin };

struct Rpc {
  std::string name;
  Need need;
  std::function<grpc::Status(ServerProcess&, const std::string& token)> call;
};

v1::ClaimInput NewClaim(const std::string& source) {
  v1::ClaimInput c;
  c.set_subject("Japan");
  c.set_predicate("pact");
  c.set_object_entity("Vietnam");
  c.set_source(source);
  return c;
}


// One statement over a Session: the stream's status when the stream failed
// (authentication), else the statement's own answer.
grpc::Status SessionStatus(ServerProcess& server, const std::string& token, const std::string& text) {
  auto ctx = As(token);
  auto stream = server.stub().Session(ctx.get());
  v1::SessionRequest req;
  req.mutable_query()->set_statement(text);
  stream->Write(req);
  stream->WritesDone();
  v1::SessionResponse resp;
  grpc::Status statement = grpc::Status::OK;
  while (stream->Read(&resp))
    if (resp.has_error())
      statement = grpc::Status(static_cast<grpc::StatusCode>(resp.error().code()), resp.error().message());
  grpc::Status call = stream->Finish();
  return call.ok() ? statement : call;
}

std::vector<Rpc> AllRpcs() {
  int counter = 0;
  return {
      {"Query (read)", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         return RunQuery(s, t, "MATCH ?a pact ?b RETURN ?a LIMIT 1").status;
       }},
      {"Query (write)", Need::kWriter,
       [counter](ServerProcess& s, const std::string& t) mutable {
         return RunQuery(s, t, "ASSERT \"Japan\" pact \"Vietnam\" SOURCE \"matrix-q" + std::to_string(++counter) + "\"")
             .status;
       }},
      {"Query (REDACT)", Need::kAdmin,
       [counter](ServerProcess& s, const std::string& t) mutable {
         // A fresh kept text to redact, ingested by the admin (one
         // transaction, not counted: see Retract).
         v1::IngestDocumentRequest in;
         std::string key = "matrix-redact-" + std::to_string(++counter);
         in.set_source_key(key);
         in.set_text("Japan and India signed defence pact number " + key + ".");
         v1::IngestDocumentResponse r;
         EXPECT_TRUE(s.stub().IngestDocument(As(kAdmin).get(), in, &r).ok());
         return RunQuery(s, t, "REDACT SOURCE \"" + key + "\" REASON \"takedown\"").status;
       }},
      {"Session (read)", Need::kReader,
       [](ServerProcess& s, const std::string& t) { return SessionStatus(s, t, "MATCH ?a pact ?b RETURN ?a LIMIT 1"); }},
      {"Session (write)", Need::kWriter,
       [counter](ServerProcess& s, const std::string& t) mutable {
         return SessionStatus(s, t, "ASSERT \"Japan\" pact \"Vietnam\" SOURCE \"matrix-s" + std::to_string(++counter) + "\"");
       }},
      {"Explain", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::QueryRequest req;
         req.set_statement("MATCH ?a pact ?b RETURN ?a");
         v1::ExplainResponse r;
         return s.stub().Explain(As(t).get(), req, &r);
       }},
      {"Assert", Need::kWriter,
       [](ServerProcess& s, const std::string& t) {
         v1::AssertRequest req;
         *req.add_claims() = NewClaim("matrix-assert");
         v1::WriteResponse r;
         return s.stub().Assert(As(t).get(), req, &r);
       }},
      {"Retract", Need::kWriter,
       [counter](ServerProcess& s, const std::string& t) mutable {
         // A fresh claim to retract, asserted by the admin (not counted: the
         // matrix compares transactions around the call under test only).
         // Its own source each time: the same claim again would be a
         // duplicate and write nothing.
         v1::AssertRequest a;
         *a.add_claims() = NewClaim("matrix-retract-" + std::to_string(++counter));
         v1::WriteResponse w;
         EXPECT_TRUE(s.stub().Assert(As(kAdmin).get(), a, &w).ok());
         v1::RetractRequest req;
         req.add_claim_ids(w.claim_ids(0));
         req.set_reason("matrix");
         v1::WriteResponse r;
         return s.stub().Retract(As(t).get(), req, &r);
       }},
      {"Query (DEPRECATE)", Need::kWriter,
       [counter](ServerProcess& s, const std::string& t) mutable {
         // A fresh claim to deprecate, asserted by the admin (one
         // transaction, not counted: see Retract).
         v1::AssertRequest a;
         *a.add_claims() = NewClaim("matrix-deprecate-" + std::to_string(++counter));
         v1::WriteResponse w;
         EXPECT_TRUE(s.stub().Assert(As(kAdmin).get(), a, &w).ok());
         return RunQuery(s, t, "DEPRECATE CLAIM " + std::to_string(w.claim_ids(0)) + " REASON \"matrix\"").status;
       }},
      {"IngestDocument (dry run)", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::IngestDocumentRequest req;
         req.set_text("Japan and India signed a defence pact.");
         req.set_dry_run(true);
         v1::IngestDocumentResponse r;
         return s.stub().IngestDocument(As(t).get(), req, &r);
       }},
      {"IngestDocument", Need::kWriter,
       [counter](ServerProcess& s, const std::string& t) mutable {
         v1::IngestDocumentRequest req;
         req.set_text("Japan and India signed defence pact number " + std::to_string(++counter) + ".");
         v1::IngestDocumentResponse r;
         return s.stub().IngestDocument(As(t).get(), req, &r);
       }},
      {"GetClaim", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::GetClaimRequest req;
         req.set_id(1);
         v1::Claim r;
         return s.stub().GetClaim(As(t).get(), req, &r);
       }},
      {"BatchGetClaims", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::BatchGetClaimsRequest req;
         req.add_ids(2);
         req.add_ids(1);
         v1::BatchGetClaimsResponse r;
         return s.stub().BatchGetClaims(As(t).get(), req, &r);
       }},
      {"GetSource", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::GetSourceRequest req;
         req.set_key("000_7b8d84514c241447");
         v1::Source r;
         return s.stub().GetSource(As(t).get(), req, &r);
       }},
      {"History", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::HistoryRequest req;
         req.set_claim_id(1);
         v1::HistoryResponse r;
         return s.stub().History(As(t).get(), req, &r);
       }},
      {"VerifyAudit", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::VerifyAuditRequest req;
         req.set_evidence(true);
         v1::VerifyAuditResponse r;
         return s.stub().VerifyAudit(As(t).get(), req, &r);
       }},
      {"VerifyAudit (indexes)", Need::kAdmin,
       [](ServerProcess& s, const std::string& t) {
         v1::VerifyAuditRequest req;
         req.set_indexes(true);
         v1::VerifyAuditResponse r;
         return s.stub().VerifyAudit(As(t).get(), req, &r);
       }},
      {"Query (AUDIT VERIFY EVIDENCE)", Need::kReader,
       [](ServerProcess& s, const std::string& t) { return RunQuery(s, t, "AUDIT VERIFY EVIDENCE").status; }},
      {"Query (AUDIT VERIFY INDEXES)", Need::kAdmin,
       [](ServerProcess& s, const std::string& t) { return RunQuery(s, t, "AUDIT VERIFY INDEXES").status; }},
      {"Stats", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::StatsResponse r;
         return s.stub().Stats(As(t).get(), {}, &r);
       }},
      {"Watch", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         // From the newest transaction: nothing to send, so an admitted
         // watch waits for commits until its deadline; that is its success.
         auto ctx = As(t, 300);
         v1::WatchRequest req;
         req.set_since_tx(Transactions(s));
         auto reader = s.stub().Watch(ctx.get(), req);
         v1::WatchResponse m;
         while (reader->Read(&m)) {
         }
         grpc::Status status = reader->Finish();
         return status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ? grpc::Status::OK : status;
       }},
      {"Snapshot", Need::kAdmin,
       [counter](ServerProcess& s, const std::string& t) mutable {
         v1::SnapshotRequest req;
         req.set_name("role-matrix-" + std::to_string(++counter));
         v1::SnapshotResponse r;
         return s.stub().Snapshot(As(t).get(), req, &r);
       }},
      {"Export", Need::kReader,
       [](ServerProcess& s, const std::string& t) {
         v1::ExportRequest req;
         req.set_format("jsonl");
         auto ctx = As(t);
         auto reader = s.stub().Export(ctx.get(), req);
         v1::ExportChunk chunk;
         while (reader->Read(&chunk)) {
         }
         return reader->Finish();
       }},
  };
}

TEST(Security, EveryRpcForEveryRole) {
  std::string src = CLAIMGRAPH_SOURCE_DIR;
  TempDir snapshots;
  ServerProcess server({"--schema", src + "/examples/schema.json", "--rules", src + "/examples/ingest/rules.json",
                        "--snapshot-dir", snapshots.path()});
  struct Caller {
    std::string name, token;
    int level;  // 0 reader, 1 writer, 2 admin, -1 unauthenticated
  };
  std::vector<Caller> callers = {{"reader", kReader, 0},     {"writer", kWriter, 1},
                                 {"admin", kAdmin, 2},       {"no token", "", -1},
                                 {"bad token", "reader-token-2", -1}, {"malformed token", "Bearer Bearer x", -1}};
  int checked = 0;
  for (auto& rpc : AllRpcs()) {
    for (const auto& caller : callers) {
      int needed = static_cast<int>(rpc.need);
      bool allowed = caller.level >= needed;
      // Prepare outside the measured window (Retract asserts its victim first).
      uint64_t before = Transactions(server);
      grpc::Status s = rpc.call(server, caller.token);
      uint64_t after = Transactions(server);
      std::string what = rpc.name + " as " + caller.name;
      if (allowed) {
        EXPECT_TRUE(s.ok()) << what << ": " << s.error_message();
      } else {
        auto want = caller.level < 0 ? grpc::StatusCode::UNAUTHENTICATED : grpc::StatusCode::PERMISSION_DENIED;
        EXPECT_EQ(s.error_code(), want) << what << ": " << s.error_message();
        EXPECT_FALSE(s.error_message().empty()) << what;
        // Retract's own setup asserted one transaction; nothing else may change.
        uint64_t setup = rpc.name == "Retract" || rpc.name == "Query (REDACT)" || rpc.name == "Query (DEPRECATE)" ? 1 : 0;
        EXPECT_EQ(after, before + setup) << what << " changed the store";
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 23 * 6);
  // Tokens never reach the log; principals do.
  std::string log = server.LogContaining("principal=walt");
  for (const char* token : {"reader-token-1", "writer-token-1", "admin-token-1", "reader-token-2"})
    EXPECT_EQ(log.find(token), std::string::npos) << token;
  EXPECT_NE(log.find("principal=walt"), std::string::npos);

  // The data directory is the owner's alone.
  struct stat st {};
  ASSERT_EQ(stat(server.data_dir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 077, 0u) << std::oct << (st.st_mode & 0777);
}

}  // namespace
}  // namespace claimgraph::testing
