// The Session RPC: statements over one stream, run in order (see the proto).
#include <algorithm>
#include <chrono>

#include "server/admitted_call.h"
#include "server/request_log.h"
#include "server/service.h"
#include "server/status_convert.h"
#include "server/streaming_sink.h"

namespace claimgraph::server {

grpc::Status ClaimGraphService::Session(grpc::ServerContext* context,
                                        grpc::ServerReaderWriter<v1::SessionResponse, v1::SessionRequest>* stream) {
  auto principal = core_.auth().Authenticate(*context);
  if (!principal.ok()) {
    RequestLog log("Session");
    return log.Done(ToGrpcStatus(principal.status()));
  }
  v1::SessionRequest request;
  v1::SessionResponse response;
  // An idle session holds nothing: a drain does not wait for it (gRPC's
  // shutdown ends its stream); a statement in flight holds a call ticket.
  while (stream->Read(&request)) {
    RequestLog log("Session");
    log.set_principal(principal->name);
    response.Clear();
    response.set_id(request.id());
    auto answer_error = [&](const grpc::Status& s) {
      log.Done(s);
      response.clear_response();
      response.mutable_error()->set_code(s.error_code());
      response.mutable_error()->set_message(s.error_message());
      return stream->Write(response);
    };
    CallGate::Ticket call(&core_.gate());
    if (!call.admitted()) {
      answer_error(ShuttingDown());
      return ShuttingDown();
    }
    QuerySlot slot(&core_.slots());
    if (!slot.acquired()) {
      if (!answer_error(ToGrpcStatus(core_.slots().Refusal()))) break;
      continue;
    }
    CallContext statement{*principal, SteadyDeadline(*context), PolledCancellation(*context)};
    engine::ExecuteOptions options = core_.OptionsFor(statement, request.query());
    if (request.timeout_ms() > 0) {
      auto mine = std::chrono::steady_clock::now() + std::chrono::milliseconds(request.timeout_ms());
      options.deadline = options.deadline ? std::min(*options.deadline, mine) : mine;
    }
    // The sink's batches live on its arena: lent to `response` for one write
    // (a Swap across arenas would copy every row).
    auto write_lent = [&](v1::QueryResponse* batch) {
      response.unsafe_arena_set_allocated_response(batch);
      bool ok = stream->Write(response);
      response.unsafe_arena_release_response();
      return ok;
    };
    if (Status waited = core_.AwaitMinTx({statement.principal, options.deadline, statement.cancelled},
                                         request.query().min_tx());
        !waited.ok()) {
      if (!answer_error(ToGrpcStatus(waited))) break;
      continue;
    }
    const engine::TxId read_at = core_.engine().LastTx();
    bool sent = false;
    StreamingSink sink(statement.cancelled, [&](v1::QueryResponse* batch) {
      sent = true;
      return write_lent(batch);
    }, request.query(), RowForm::kWire);
    auto result = core_.engine().Execute(request.query().statement(), options, &sink);
    if (!result.ok()) {
      // A write statement on a node that is not the writer: the writer runs
      // it (as a Query call) and its answer goes out as this statement's.
      statement.deadline = options.deadline;
      NoteForwarding(*context, &statement);
      auto forwarded = core_.ForwardStatement(statement, request.query(), result.status(), !sent,
                                              [&](v1::QueryResponse* m, bool) { return write_lent(m); });
      if (forwarded && forwarded->ok()) {
        log.Done(grpc::Status::OK);
        continue;
      }
      if (!answer_error(ToGrpcStatus(forwarded ? *forwarded : result.status()))) break;
      continue;
    }
    log.set_rows(result->stats.rows);
    log.Done(grpc::Status::OK);
    v1::QueryResponse* last =
        sink.Last(*result, [&](v1::QueryTrailer* t) { core_.FillReadTrailer(*result, read_at, t); });
    if (!write_lent(last)) break;
  }
  return grpc::Status::OK;
}

}  // namespace claimgraph::server
