#include "server/service.h"

#include "server/admitted_call.h"

namespace claimgraph::server {

template <typename Request, typename Response>
grpc::Status ClaimGraphService::Unary(const char* method, grpc::ServerContext* context,
                                      Status (ClaimGraphCore::*work)(CallContext&, const Request&, Response*),
                                      const Request* request, Response* response) {
  AdmittedCall call(method, *context, core_);
  if (!call.ok()) return call.refusal();
  return call.Finish((core_.*work)(call.context(), *request, response));
}

grpc::Status ClaimGraphService::Query(grpc::ServerContext* context, const v1::QueryRequest* request,
                                      grpc::ServerWriter<v1::QueryResponse>* writer) {
  AdmittedCall call("Query", *context, core_);
  if (!call.ok()) return call.refusal();
  QuerySlot slot(&core_.slots());
  return call.Finish(core_.Query(call.context(), slot, *request, [writer](v1::QueryResponse* m, bool last) {
    if (!last) return writer->Write(*m);
    writer->WriteLast(*m, grpc::WriteOptions());  // the last rows and the trailer travel with the status
    return true;
  }, RowForm::kWire));
}

grpc::Status ClaimGraphService::Export(grpc::ServerContext* context, const v1::ExportRequest* request,
                                       grpc::ServerWriter<v1::ExportChunk>* writer) {
  AdmittedCall call("Export", *context, core_);
  if (!call.ok()) return call.refusal();
  QuerySlot slot(&core_.slots());
  return call.Finish(core_.Export(call.context(), slot, *request, [writer](v1::ExportChunk* chunk, bool last) {
    if (!last) return writer->Write(*chunk);
    writer->WriteLast(*chunk, grpc::WriteOptions());  // the summary travels with the status
    return true;
  }));
}

grpc::Status ClaimGraphService::Explain(grpc::ServerContext* context, const v1::QueryRequest* request,
                                        v1::ExplainResponse* response) {
  return Unary("Explain", context, &ClaimGraphCore::Explain, request, response);
}

grpc::Status ClaimGraphService::Assert(grpc::ServerContext* context, const v1::AssertRequest* request,
                                       v1::WriteResponse* response) {
  return Unary("Assert", context, &ClaimGraphCore::Assert, request, response);
}

grpc::Status ClaimGraphService::Retract(grpc::ServerContext* context, const v1::RetractRequest* request,
                                        v1::WriteResponse* response) {
  return Unary("Retract", context, &ClaimGraphCore::Retract, request, response);
}

grpc::Status ClaimGraphService::IngestDocument(grpc::ServerContext* context, const v1::IngestDocumentRequest* request,
                                               v1::IngestDocumentResponse* response) {
  return Unary("IngestDocument", context, &ClaimGraphCore::IngestDocument, request, response);
}

grpc::Status ClaimGraphService::GetClaim(grpc::ServerContext* context, const v1::GetClaimRequest* request,
                                         v1::Claim* response) {
  return Unary("GetClaim", context, &ClaimGraphCore::GetClaim, request, response);
}

grpc::Status ClaimGraphService::BatchGetClaims(grpc::ServerContext* context, const v1::BatchGetClaimsRequest* request,
                                               v1::BatchGetClaimsResponse* response) {
  return Unary("BatchGetClaims", context, &ClaimGraphCore::BatchGetClaims, request, response);
}

grpc::Status ClaimGraphService::GetSource(grpc::ServerContext* context, const v1::GetSourceRequest* request,
                                          v1::Source* response) {
  return Unary("GetSource", context, &ClaimGraphCore::GetSource, request, response);
}

grpc::Status ClaimGraphService::History(grpc::ServerContext* context, const v1::HistoryRequest* request,
                                        v1::HistoryResponse* response) {
  return Unary("History", context, &ClaimGraphCore::History, request, response);
}

grpc::Status ClaimGraphService::VerifyAudit(grpc::ServerContext* context, const v1::VerifyAuditRequest* request,
                                            v1::VerifyAuditResponse* response) {
  return Unary("VerifyAudit", context, &ClaimGraphCore::VerifyAudit, request, response);
}

grpc::Status ClaimGraphService::Snapshot(grpc::ServerContext* context, const v1::SnapshotRequest* request,
                                         v1::SnapshotResponse* response) {
  return Unary("Snapshot", context, &ClaimGraphCore::Snapshot, request, response);
}

grpc::Status ClaimGraphService::Stats(grpc::ServerContext* context, const v1::StatsRequest* request,
                                      v1::StatsResponse* response) {
  return Unary("Stats", context, &ClaimGraphCore::Stats, request, response);
}

}  // namespace claimgraph::server
