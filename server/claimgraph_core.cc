#include "server/claimgraph_core.h"

#include "base/deadline.h"
#include "engine/batch_write.h"
#include "engine/ingest/ingest_document.h"
#include "server/proto_convert.h"
#include "server/streaming_sink.h"

#include <thread>

namespace claimgraph::server {

namespace {

// How often a write that lost the cluster's stream to another node is built
// again on the caught-up store before it answers UNAVAILABLE.
constexpr int kWriteRaceRetries = 8;

// Runs `attempt` (a write on this node). In a cluster, a write that lost the
// stream to another node wrote nothing: once this node has applied what that
// node wrote, it is built again.
template <typename Attempt>
auto RetriedAfterRaces(ClusterView* cluster, const CallContext& call, const Attempt& attempt) {
  auto result = attempt();
  for (int retry = 0; !result.ok() && retry < kWriteRaceRetries && cluster &&
                      cluster->CatchUpAfterRace(result.status(), call.deadline);
       ++retry)
    result = attempt();
  return result;
}

}  // namespace

Status ClaimGraphCore::AwaitMinTx(const CallContext& call, uint64_t min_tx) const {
  if (min_tx == 0) return Status::Ok();
  // Give up a little before the caller's deadline, so that the caller gets
  // this answer (where the node stands) rather than its own timeout.
  const auto until = call.deadline ? base::GiveUpBefore(*call.deadline, std::chrono::steady_clock::now())
                                   : std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    const engine::TxId at = engine_.LastTx();
    if (at >= min_tx) return Status::Ok();
    if (call.cancelled && call.cancelled()) return Status::Cancelled("the read waiting for min_tx was cancelled");
    const auto now = std::chrono::steady_clock::now();
    if (now >= until)
      return Status::DeadlineExceeded(
          "this node has applied tx " + std::to_string(at) + ", the read asked for tx " + std::to_string(min_tx) +
          " (min_tx)" + (cluster_ ? ": " + cluster_->Describe() : ": no such transaction was written yet"));
    // Slices, as Watch waits: a cancelled caller is noticed within 100 ms.
    auto slice = std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(100));
    engine_.WaitForCommit(min_tx - 1, std::chrono::duration_cast<std::chrono::milliseconds>(slice) +
                                          std::chrono::milliseconds(1));
  }
}

void ClaimGraphCore::FillReadTrailer(const engine::QueryResult& result, engine::TxId read_at,
                                     v1::QueryTrailer* trailer) const {
  trailer->set_read_at_tx(result.as_of.value_or(read_at));
  if (cluster_) trailer->set_cluster(cluster_->Describe());
}

engine::ExecuteOptions ClaimGraphCore::OptionsFor(const CallContext& call, const v1::QueryRequest& r) const {
  const Principal& p = call.principal;
  engine::ExecuteOptions o;
  o.principal = p.name;
  o.read_only = static_cast<int>(p.role) < static_cast<int>(Role::kWriter);
  o.admin = p.role == Role::kAdmin;
  o.max_rows = r.max_rows() ? std::min<uint64_t>(r.max_rows(), limits_.max_rows) : limits_.max_rows;
  o.max_path_depth = r.max_path_depth() ? std::min(r.max_path_depth(), limits_.max_path_depth) : limits_.max_path_depth;
  o.max_memory_bytes = limits_.max_memory_bytes;
  if (r.as_of_tx()) o.as_of_tx = r.as_of_tx();  // 0 = none: proto3 cannot tell "unset" from 0
  // The client's deadline is the query's deadline; a client that goes away cancels it.
  o.deadline = call.deadline;
  o.cancel_requested = call.cancelled;
  return o;
}

std::optional<Status> ClaimGraphCore::ForwardWrite(CallContext& call, bool retry_safe,
                                                   const std::function<Status(const std::string&)>& send) {
  if (!cluster_) return std::nullopt;
  // Resends stop a margin before the caller's deadline, so that the last
  // answer, which names the forwarding, reaches the caller before it gives up
  // (without it, a refusal resent until the deadline raced the caller's own).
  const auto now = std::chrono::steady_clock::now();
  const auto until = call.deadline ? base::GiveUpBefore(*call.deadline, now) : now + std::chrono::seconds(60);
  for (;;) {
    auto route = cluster_->RouteWrite(call.deadline);
    if (!route.ok()) return route.status();
    if (route->local) return std::nullopt;
    if (call.forwarded)  // never a second hop: the nodes disagree for a moment about who writes
      return Status::IOError(std::string(kNotWriterPrefix) + " (node " + std::to_string(route->node) + " at " +
                             route->address + " holds the writer lease): this write was forwarded here by another "
                             "node and was not written; retry");
    Status answer = send(route->address);
    // With an idempotency key a write is safe to send again: one the old
    // writer stored before it went is answered by the new one as replayed.
    if (answer.ok() || !retry_safe || answer.code() != StatusCode::kIOError ||
        std::chrono::steady_clock::now() + std::chrono::milliseconds(100) >= until ||
        (call.cancelled && call.cancelled()))
      return answer;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::optional<Status> ClaimGraphCore::ForwardStatement(CallContext& call, const v1::QueryRequest& request,
                                                       const Status& failed, bool sent_nothing,
                                                       const QueryWriter& write) {
  if (!cluster_ || !IsNotWriter(failed) || !sent_nothing || call.forwarded) return std::nullopt;
  // Without an idempotency key in the statement a resend could act twice:
  // sent once, the writer's answer (or its failure) is the answer.
  return ForwardWrite(call, /*retry_safe=*/false, [&](const std::string& address) {
    return forwarder_->Query(call, address, request, write);
  });
}

Status ClaimGraphCore::Query(CallContext& call, const QuerySlot& slot, const v1::QueryRequest& request,
                             const QueryWriter& write, RowForm form) {
  if (!slot.acquired()) return slots_.Refusal();
  CG_RETURN_IF_ERROR(AwaitMinTx(call, request.min_tx()));
  const engine::TxId read_at = engine_.LastTx();
  bool sent = false;
  StreamingSink sink(call.cancelled, [&write, &sent](v1::QueryResponse* m) {
    sent = true;
    return write(m, false);
  }, request, form);
  auto result = engine_.Execute(request.statement(), OptionsFor(call, request), &sink);
  if (!result.ok()) {
    // A write statement on a node that is not the writer: the writer runs it.
    if (auto forwarded = ForwardStatement(call, request, result.status(), !sent, write)) return *forwarded;
    return result.status();
  }
  v1::QueryResponse* last = sink.Last(*result, [&](v1::QueryTrailer* t) { FillReadTrailer(*result, read_at, t); });
  write(last, true);  // the last rows and the trailer travel with the status
  call.rows = result->stats.rows;
  return Status::Ok();
}

Status ClaimGraphCore::Explain(CallContext& call, const v1::QueryRequest& request, v1::ExplainResponse* response) {
  engine::ExecuteOptions options = OptionsFor(call, request);
  options.read_only = true;
  options.explain = true;  // "EXPLAIN MATCH ..." and "MATCH ..." both plan
  auto result = engine_.Execute(request.statement(), options);
  if (!result.ok()) return result.status();
  response->set_plan(result->plan);
  for (const auto& w : result->warnings) response->add_warnings(w);
  return Status::Ok();
}

Status ClaimGraphCore::Assert(CallContext& call, const v1::AssertRequest& request, v1::WriteResponse* response) {
  const Principal& principal = call.principal;
  Status allowed = Authenticator::Require(principal, Role::kWriter, "assert claims");
  if (!allowed.ok()) return allowed;
  if (auto forwarded = ForwardWrite(call, !request.idempotency_key().empty(), [&](const std::string& address) {
        return forwarder_->Assert(call, address, request, response);
      }))
    return *forwarded;
  std::vector<engine::ClaimDraft> drafts;
  for (const auto& c : request.claims()) drafts.push_back(FromProto(c));
  auto result = RetriedAfterRaces(cluster_, call, [&] {
    return engine::AssertBatch(engine_, drafts, principal.name, request.idempotency_key(), nullptr, call.deadline);
  });
  if (!result.ok()) return result.status();
  response->set_tx(result->tx);
  for (auto id : result->claim_ids) response->add_claim_ids(id);
  response->set_replayed(result->replayed);
  for (const auto& w : result->warnings) response->add_warnings(w);
  for (size_t i : result->duplicates) response->add_duplicates(static_cast<uint32_t>(i));
  for (const auto& p : result->defined.predicates) response->add_new_predicates(p);
  response->set_new_entities(result->defined.entities);
  call.rows = result->claim_ids.size();
  return Status::Ok();
}

Status ClaimGraphCore::Retract(CallContext& call, const v1::RetractRequest& request, v1::WriteResponse* response) {
  const Principal& principal = call.principal;
  Status allowed = Authenticator::Require(principal, Role::kWriter, "retract claims");
  if (!allowed.ok()) return allowed;
  if (auto forwarded = ForwardWrite(call, !request.idempotency_key().empty(), [&](const std::string& address) {
        return forwarder_->Retract(call, address, request, response);
      }))
    return *forwarded;
  std::vector<engine::ClaimId> ids(request.claim_ids().begin(), request.claim_ids().end());
  auto result = RetriedAfterRaces(cluster_, call, [&] {
    return engine::RetractBatch(engine_, ids, request.reason(), principal.name, request.idempotency_key(),
                                call.deadline);
  });
  if (!result.ok()) return result.status();
  response->set_tx(result->tx);
  for (auto id : result->claim_ids) response->add_claim_ids(id);
  response->set_replayed(result->replayed);
  call.rows = ids.size();
  return Status::Ok();
}

Status ClaimGraphCore::IngestDocument(CallContext& call, const v1::IngestDocumentRequest& request,
                                      v1::IngestDocumentResponse* response) {
  const Principal& principal = call.principal;
  Status allowed =
      Authenticator::Require(principal, request.dry_run() ? Role::kReader : Role::kWriter, "ingest documents");
  if (!allowed.ok()) return allowed;
  // In a cluster the writer extracts and writes, with its rules; the text's
  // SHA-256 is the idempotency key, so a resend is answered as a duplicate.
  if (!request.dry_run())
    if (auto forwarded = ForwardWrite(call, /*retry_safe=*/true, [&](const std::string& address) {
          return forwarder_->IngestDocument(call, address, request, response);
        }))
      return *forwarded;
  if (!ingest_)
    return Status::FailedPrecondition(
        "ingestion is not configured: start claimgraphd serve with --schema and --rules");
  if (!request.dry_run() && schema_keeper_) CG_RETURN_IF_ERROR(schema_keeper_->Ensure());
  ingest::DocumentInput doc{request.text(),      request.source_key(), request.title(),
                            request.publisher(), request.published(),  request.url()};
  auto result = RetriedAfterRaces(cluster_, call, [&] {
    return ingest::IngestDocument(&engine_, *ingest_, doc, principal.name, request.dry_run(), request.explain(),
                                  call.deadline);
  });
  if (!result.ok()) return result.status();
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
    if (!claims.ok()) return claims.status();
    for (const auto& c : *claims) ToProto(c, response->add_claims());
  } else {
    for (const auto& c : result->extraction.claims) ToProto(c, result->source_key, response->add_claims());
  }
  // Parallel to the claims when they are the pipeline's (a duplicate may
  // answer with claims an earlier version of the rules stored).
  if (static_cast<size_t>(response->claims_size()) == result->extraction.claims.size())
    for (const auto& c : result->extraction.claims) ToProto(c, request.explain(), response->add_explanations());
  call.rows = response->claims_size();
  return Status::Ok();
}

// Reads: every authenticated role may read.

Status ClaimGraphCore::GetClaim(CallContext& call, const v1::GetClaimRequest& request, v1::Claim* response) {
  CG_RETURN_IF_ERROR(AwaitMinTx(call, request.min_tx()));
  auto claim = engine_.GetClaim(request.id());
  if (!claim.ok()) return claim.status();
  ToProto(*claim, response);
  call.rows = 1;
  return Status::Ok();
}

Status ClaimGraphCore::BatchGetClaims(CallContext& call, const v1::BatchGetClaimsRequest& request,
                                      v1::BatchGetClaimsResponse* response) {
  // A page of provenance, not an export: the bound keeps one call's snapshot
  // read and its answer small beside other callers' (export is for bulk).
  constexpr int kMaxIds = 1000;
  if (request.ids_size() > kMaxIds)
    return Status::InvalidArgument("BatchGetClaims takes at most " + std::to_string(kMaxIds) +
                                   " ids; this request has " + std::to_string(request.ids_size()));
  CG_RETURN_IF_ERROR(AwaitMinTx(call, request.min_tx()));
  auto claims = engine_.GetClaims({request.ids().begin(), request.ids().end()});
  if (!claims.ok()) return claims.status();
  for (const auto& c : *claims) ToProto(c, response->add_claims());
  call.rows = claims->size();
  return Status::Ok();
}

Status ClaimGraphCore::GetSource(CallContext& call, const v1::GetSourceRequest& request, v1::Source* response) {
  CG_RETURN_IF_ERROR(AwaitMinTx(call, request.min_tx()));
  auto source = engine_.GetSource(request.key(), request.include_text());
  if (!source.ok()) return source.status();
  ToProto(*source, response);
  call.rows = 1;
  return Status::Ok();
}

Status ClaimGraphCore::History(CallContext& call, const v1::HistoryRequest& request, v1::HistoryResponse* response) {
  CG_RETURN_IF_ERROR(AwaitMinTx(call, request.min_tx()));
  auto events = engine_.ClaimHistory(request.claim_id());
  if (!events.ok()) return events.status();
  for (const auto& e : *events) ToProto(e, response->add_events());
  call.rows = events->size();
  return Status::Ok();
}

Status ClaimGraphCore::VerifyAudit(CallContext& call, const v1::VerifyAuditRequest& request,
                                   v1::VerifyAuditResponse* response) {
  // As the AUDIT VERIFY statement: the chain and the evidence are every
  // reader's to check; the index check holds writes, so it is the admin's.
  Status allowed = request.indexes()
                       ? Authenticator::Require(call.principal, Role::kAdmin, "verify the indexes (writes wait)")
                       : Authenticator::Require(call.principal, Role::kReader, "verify the audit log");
  if (!allowed.ok()) return allowed;
  auto report = engine_.Verify(request.indexes(), request.evidence());
  if (!report.ok()) return report.status();
  ToProto(*report, response);
  return Status::Ok();
}

Status ClaimGraphCore::Stats(CallContext&, const v1::StatsRequest& request, v1::StatsResponse* response) {
  auto stats = engine_.Stats(request.by_predicate());
  if (!stats.ok()) return stats.status();
  ToProto(*stats, response);
  return Status::Ok();
}

}  // namespace claimgraph::server
