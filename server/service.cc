#include "server/service.h"

#include "engine/batch_write.h"
#include "engine/ingest/ingest_document.h"
#include "server/admitted_call.h"
#include "server/proto_convert.h"
#include "server/request_log.h"
#include "server/status_convert.h"
#include "server/streaming_sink.h"

namespace claimgraph::server {

engine::ExecuteOptions ClaimGraphService::OptionsFor(grpc::ServerContextBase* context, const Principal& p,
                                                     const v1::QueryRequest& r) const {
  engine::ExecuteOptions o;
  o.principal = p.name;
  o.read_only = static_cast<int>(p.role) < static_cast<int>(Role::kWriter);
  o.admin = p.role == Role::kAdmin;
  o.max_rows = r.max_rows() ? std::min<uint64_t>(r.max_rows(), limits_.max_rows) : limits_.max_rows;
  o.max_path_depth = r.max_path_depth() ? std::min(r.max_path_depth(), limits_.max_path_depth) : limits_.max_path_depth;
  o.max_memory_bytes = limits_.max_memory_bytes;
  if (r.as_of_tx()) o.as_of_tx = r.as_of_tx();  // 0 = none: proto3 cannot tell "unset" from 0
  // The client's deadline is the query's deadline; a client that goes away cancels it.
  auto deadline = context->deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    auto remaining = deadline - std::chrono::system_clock::now();
    o.deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(remaining);
  }
  o.cancel_requested = [context] { return context->IsCancelled(); };
  return o;
}

grpc::Status ClaimGraphService::Query(grpc::ServerContext* context, const v1::QueryRequest* request,
                                      grpc::ServerWriter<v1::QueryResponse>* writer) {
  AdmittedCall call("Query", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  QuerySlot slot(&running_queries_, limits_.max_concurrent_queries);
  if (!slot.acquired())
    return log.Done(ToGrpcStatus(Status::ResourceExhausted(
        "too many concurrent queries (max_concurrent_queries = " + std::to_string(limits_.max_concurrent_queries) + ")")));
  StreamingSink sink(context, [writer](v1::QueryResponse* m) { return writer->Write(*m); }, request->batch_rows());
  auto result = engine_.Execute(request->statement(), OptionsFor(context, *principal, *request), &sink);
  if (!result.ok()) return log.Done(ToGrpcStatus(result.status()));
  writer->WriteLast(*sink.Last(*result), grpc::WriteOptions());  // the last rows and the trailer travel with the status
  log.set_rows(result->stats.rows);
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::Explain(grpc::ServerContext* context, const v1::QueryRequest* request,
                                        v1::ExplainResponse* response) {
  AdmittedCall call("Explain", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  engine::ExecuteOptions options = OptionsFor(context, *principal, *request);
  options.read_only = true;
  options.explain = true;  // "EXPLAIN MATCH ..." and "MATCH ..." both plan
  const std::string& text = request->statement();
  auto result = engine_.Execute(text, options);
  if (!result.ok()) return log.Done(ToGrpcStatus(result.status()));
  response->set_plan(result->plan);
  for (const auto& w : result->warnings) response->add_warnings(w);
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::Assert(grpc::ServerContext* context, const v1::AssertRequest* request,
                                       v1::WriteResponse* response) {
  AdmittedCall call("Assert", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  Status allowed = Authenticator::Require(*principal, Role::kWriter, "assert claims");
  if (!allowed.ok()) return log.Done(ToGrpcStatus(allowed));
  std::vector<engine::ClaimDraft> drafts;
  for (const auto& c : request->claims()) drafts.push_back(FromProto(c));
  auto result = engine::AssertBatch(engine_, drafts, principal->name, request->idempotency_key());
  if (!result.ok()) return log.Done(ToGrpcStatus(result.status()));
  response->set_tx(result->tx);
  for (auto id : result->claim_ids) response->add_claim_ids(id);
  response->set_replayed(result->replayed);
  for (const auto& w : result->warnings) response->add_warnings(w);
  for (size_t i : result->duplicates) response->add_duplicates(static_cast<uint32_t>(i));
  for (const auto& p : result->defined.predicates) response->add_new_predicates(p);
  response->set_new_entities(result->defined.entities);
  log.set_rows(result->claim_ids.size());
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::Retract(grpc::ServerContext* context, const v1::RetractRequest* request,
                                        v1::WriteResponse* response) {
  AdmittedCall call("Retract", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  Status allowed = Authenticator::Require(*principal, Role::kWriter, "retract claims");
  if (!allowed.ok()) return log.Done(ToGrpcStatus(allowed));
  std::vector<engine::ClaimId> ids(request->claim_ids().begin(), request->claim_ids().end());
  auto result = engine::RetractBatch(engine_, ids, request->reason(), principal->name, request->idempotency_key());
  if (!result.ok()) return log.Done(ToGrpcStatus(result.status()));
  response->set_tx(result->tx);
  for (auto id : result->claim_ids) response->add_claim_ids(id);
  response->set_replayed(result->replayed);
  log.set_rows(ids.size());
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::IngestDocument(grpc::ServerContext* context, const v1::IngestDocumentRequest* request,
                                               v1::IngestDocumentResponse* response) {
  AdmittedCall call("IngestDocument", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  Status allowed = Authenticator::Require(*principal, request->dry_run() ? Role::kReader : Role::kWriter,
                                          "ingest documents");
  if (!allowed.ok()) return log.Done(ToGrpcStatus(allowed));
  if (!ingest_)
    return log.Done(ToGrpcStatus(Status::FailedPrecondition(
        "ingestion is not configured: start claimgraphd serve with --schema and --rules")));
  ingest::DocumentInput doc{request->text(),      request->source_key(), request->title(),
                            request->publisher(), request->published(),  request->url()};
  auto result =
      ingest::IngestDocument(&engine_, *ingest_, doc, principal->name, request->dry_run(), request->explain());
  if (!result.ok()) return log.Done(ToGrpcStatus(result.status()));
  response->set_tx(result->tx);
  response->set_duplicate(result->duplicate);
  response->set_sha256(result->sha256);
  response->set_source_key(result->source_key);
  response->set_sentences(static_cast<uint32_t>(result->extraction.sentences));
  response->set_mentions(static_cast<uint32_t>(result->extraction.mentions));
  response->set_boilerplate_blocks(static_cast<uint32_t>(result->extraction.cleaned.dropped.size()));
  response->set_duplicate_claims(static_cast<uint32_t>(result->duplicate_claims));
  if (!result->claim_ids.empty()) {
    // Written (or written before): answer with the stored records.
    auto claims = engine_.GetClaims(result->claim_ids);
    if (!claims.ok()) return log.Done(ToGrpcStatus(claims.status()));
    for (const auto& c : *claims) ToProto(c, response->add_claims());
  } else {
    for (const auto& c : result->extraction.claims) ToProto(c, result->source_key, response->add_claims());
  }
  // Parallel to the claims when they are the pipeline's (a duplicate may
  // answer with claims an earlier version of the rules stored).
  if (static_cast<size_t>(response->claims_size()) == result->extraction.claims.size())
    for (const auto& c : result->extraction.claims) ToProto(c, request->explain(), response->add_explanations());
  log.set_rows(response->claims_size());
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::GetClaim(grpc::ServerContext* context, const v1::GetClaimRequest* request,
                                         v1::Claim* response) {
  AdmittedCall call("GetClaim", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  RequestLog& log = call.log();
  auto claim = engine_.GetClaim(request->id());
  if (!claim.ok()) return log.Done(ToGrpcStatus(claim.status()));
  ToProto(*claim, response);
  log.set_rows(1);
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::BatchGetClaims(grpc::ServerContext* context, const v1::BatchGetClaimsRequest* request,
                                               v1::BatchGetClaimsResponse* response) {
  AdmittedCall call("BatchGetClaims", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  RequestLog& log = call.log();
  // A page of provenance, not an export: the bound keeps one call's snapshot
  // read and its answer small beside other callers' (export is for bulk).
  constexpr int kMaxIds = 1000;
  if (request->ids_size() > kMaxIds)
    return log.Done(ToGrpcStatus(Status::InvalidArgument("BatchGetClaims takes at most " + std::to_string(kMaxIds) +
                                                         " ids; this request has " +
                                                         std::to_string(request->ids_size()))));
  auto claims = engine_.GetClaims({request->ids().begin(), request->ids().end()});
  if (!claims.ok()) return log.Done(ToGrpcStatus(claims.status()));
  for (const auto& c : *claims) ToProto(c, response->add_claims());
  log.set_rows(claims->size());
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::GetSource(grpc::ServerContext* context, const v1::GetSourceRequest* request,
                                          v1::Source* response) {
  AdmittedCall call("GetSource", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  RequestLog& log = call.log();
  auto source = engine_.GetSource(request->key(), request->include_text());
  if (!source.ok()) return log.Done(ToGrpcStatus(source.status()));
  ToProto(*source, response);
  log.set_rows(1);
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::History(grpc::ServerContext* context, const v1::HistoryRequest* request,
                                        v1::HistoryResponse* response) {
  AdmittedCall call("History", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  auto events = engine_.ClaimHistory(request->claim_id());
  if (!events.ok()) return log.Done(ToGrpcStatus(events.status()));
  for (const auto& e : *events) ToProto(e, response->add_events());
  log.set_rows(events->size());
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::VerifyAudit(grpc::ServerContext* context, const v1::VerifyAuditRequest* request,
                                            v1::VerifyAuditResponse* response) {
  AdmittedCall call("VerifyAudit", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();
  RequestLog& log = call.log();
  const Principal* principal = &call.principal();
  Status allowed = Authenticator::Require(*principal, Role::kAdmin, "verify the audit log");
  if (!allowed.ok()) return log.Done(ToGrpcStatus(allowed));
  auto report = engine_.Verify(request->indexes(), request->evidence());
  if (!report.ok()) return log.Done(ToGrpcStatus(report.status()));
  ToProto(*report, response);
  return log.Done(grpc::Status::OK);
}

grpc::Status ClaimGraphService::Stats(grpc::ServerContext* context, const v1::StatsRequest* request,
                                      v1::StatsResponse* response) {
  AdmittedCall call("Stats", *context, auth_, &gate_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  RequestLog& log = call.log();
  auto stats = engine_.Stats(request->by_predicate());
  if (!stats.ok()) return log.Done(ToGrpcStatus(stats.status()));
  ToProto(*stats, response);
  return log.Done(grpc::Status::OK);
}

}  // namespace claimgraph::server
