// The claimgraph.v1.ClaimGraph gRPC service: each unary call is admitted
// (admitted_call.h: drain, token, deadline, cancellation), handed to the
// transport-neutral core (claimgraph_core.h), and its Status converted in
// one place (status_convert.h). Session and Watch, which only gRPC carries,
// use the core's engine, slots and gate directly.
#pragma once

#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "server/claimgraph_core.h"

namespace claimgraph::server {

class ClaimGraphService final : public claimgraph::v1::ClaimGraph::Service {
 public:
  explicit ClaimGraphService(ClaimGraphCore* core) : core_(*core) {}

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
  grpc::Status Snapshot(grpc::ServerContext* context, const v1::SnapshotRequest* request,
                        v1::SnapshotResponse* response) override;
  // watch.cc
  grpc::Status Watch(grpc::ServerContext* context, const v1::WatchRequest* request,
                     grpc::ServerWriter<v1::WatchResponse>* writer) override;
  // export_call.cc
  grpc::Status Export(grpc::ServerContext* context, const v1::ExportRequest* request,
                      grpc::ServerWriter<v1::ExportChunk>* writer) override;

 private:
  // A unary call: admit, let the core answer, convert and log.
  template <typename Request, typename Response>
  grpc::Status Unary(const char* method, grpc::ServerContext* context,
                     Status (ClaimGraphCore::*work)(CallContext&, const Request&, Response*), const Request* request,
                     Response* response);

  ClaimGraphCore& core_;
};

}  // namespace claimgraph::server
