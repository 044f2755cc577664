// The claimgraph.v1.ClaimGraph service: thin adapters from protobuf to the
// engine. Each call authenticates, checks the role, turns the client's deadline
// and disconnection into the engine's deadline and cancellation, calls the
// engine, and converts the Status in one place (status_convert.h).
#pragma once

#include <atomic>
#include <memory>

#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "engine/engine.h"
#include "engine/ingest/pipeline.h"
#include "server/auth.h"
#include "server/call_gate.h"

namespace claimgraph::server {

struct ServiceLimits {
  uint64_t max_rows = 1000000;
  uint32_t max_path_depth = 64;
  uint64_t max_memory_bytes = 512ull << 20;
  int max_concurrent_queries = 32;
};

class ClaimGraphService final : public claimgraph::v1::ClaimGraph::Service {
 public:
  // `ingest` may be null: IngestDocument then answers FAILED_PRECONDITION.
  ClaimGraphService(engine::Engine* engine, Authenticator auth, ServiceLimits limits,
                    std::shared_ptr<const ingest::IngestPipeline> ingest = nullptr)
      : engine_(*engine), auth_(std::move(auth)), limits_(limits), ingest_(std::move(ingest)) {}

  grpc::Status Query(grpc::ServerContext* context, const v1::QueryRequest* request,
                     grpc::ServerWriter<v1::QueryResponse>* writer) override;
  // session.cc
  grpc::Status Session(grpc::ServerContext* context,
                       grpc::ServerReaderWriter<v1::SessionResponse, v1::SessionRequest>* stream) override;
  grpc::Status Explain(grpc::ServerContext* context, const v1::QueryRequest* request,
                       v1::ExplainResponse* response) override;
  grpc::Status Assert(grpc::ServerContext* context, const v1::AssertRequest* request,
                      v1::WriteResponse* response) override;
  grpc::Status Retract(grpc::ServerContext* context, const v1::RetractRequest* request,
                       v1::WriteResponse* response) override;
  grpc::Status IngestDocument(grpc::ServerContext* context, const v1::IngestDocumentRequest* request,
                              v1::IngestDocumentResponse* response) override;
  grpc::Status GetClaim(grpc::ServerContext* context, const v1::GetClaimRequest* request,
                        v1::Claim* response) override;
  grpc::Status BatchGetClaims(grpc::ServerContext* context, const v1::BatchGetClaimsRequest* request,
                              v1::BatchGetClaimsResponse* response) override;
  grpc::Status GetSource(grpc::ServerContext* context, const v1::GetSourceRequest* request,
                         v1::Source* response) override;
  grpc::Status History(grpc::ServerContext* context, const v1::HistoryRequest* request,
                       v1::HistoryResponse* response) override;
  grpc::Status VerifyAudit(grpc::ServerContext* context, const v1::VerifyAuditRequest* request,
                           v1::VerifyAuditResponse* response) override;
  grpc::Status Stats(grpc::ServerContext* context, const v1::StatsRequest* request,
                     v1::StatsResponse* response) override;
  // watch.cc
  grpc::Status Watch(grpc::ServerContext* context, const v1::WatchRequest* request,
                     grpc::ServerWriter<v1::WatchResponse>* writer) override;

  // Shutdown closes it: see call_gate.h for the order of a drain.
  CallGate& gate() { return gate_; }

 private:
  engine::ExecuteOptions OptionsFor(grpc::ServerContextBase* context, const Principal& p, const v1::QueryRequest& r) const;

  engine::Engine& engine_;
  Authenticator auth_;
  ServiceLimits limits_;
  std::shared_ptr<const ingest::IngestPipeline> ingest_;
  std::atomic<int> running_queries_{0};
  CallGate gate_;
};

}  // namespace claimgraph::server
