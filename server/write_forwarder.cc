#include "server/write_forwarder.h"

#include "base/deadline.h"
#include "server/status_convert.h"

namespace claimgraph::server {

v1::ClaimGraph::Stub& WriteForwarder::StubFor(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& stub = stubs_[address];
  if (!stub) stub = v1::ClaimGraph::NewStub(grpc::CreateChannel(address, credentials_));
  return *stub;  // never erased: the reference outlives the lock
}

std::unique_ptr<grpc::ClientContext> WriteForwarder::ContextFor(const CallContext& call) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  // The caller's deadline, else a minute: a forwarded call never waits
  // forever. Less a margin: if the writer does not answer in time, this node
  // still does, naming the forwarding, before the caller's own deadline.
  const auto now = std::chrono::steady_clock::now();
  const auto until = call.deadline ? base::GiveUpBefore(*call.deadline, now) : now + std::chrono::seconds(60);
  ctx->set_deadline(std::chrono::system_clock::now() +
                    std::chrono::duration_cast<std::chrono::system_clock::duration>(until - now));
  if (call.authorization) ctx->AddMetadata("authorization", *call.authorization);
  ctx->AddMetadata(std::string(kForwardedByMetadata), std::to_string(node_id_));
  return ctx;
}

Status WriteForwarder::Converted(const grpc::Status& status, const std::string& address) const {
  Status s = FromGrpcStatus(status);
  // Name the writer when the call did not get through or got no answer in
  // time; the writer's own refusals already say what they are.
  if (s.code() == StatusCode::kIOError || s.code() == StatusCode::kDeadlineExceeded)
    return Status(s.code(), "forwarded to the writer at " + address + ": " + s.message());
  return s;
}

Status WriteForwarder::Assert(const CallContext& call, const std::string& address, const v1::AssertRequest& request,
                              v1::WriteResponse* response) {
  auto ctx = ContextFor(call);
  response->Clear();
  return Converted(StubFor(address).Assert(ctx.get(), request, response), address);
}

Status WriteForwarder::Retract(const CallContext& call, const std::string& address,
                               const v1::RetractRequest& request, v1::WriteResponse* response) {
  auto ctx = ContextFor(call);
  response->Clear();
  return Converted(StubFor(address).Retract(ctx.get(), request, response), address);
}

Status WriteForwarder::IngestDocument(const CallContext& call, const std::string& address,
                                      const v1::IngestDocumentRequest& request,
                                      v1::IngestDocumentResponse* response) {
  auto ctx = ContextFor(call);
  response->Clear();
  return Converted(StubFor(address).IngestDocument(ctx.get(), request, response), address);
}

Status WriteForwarder::Query(const CallContext& call, const std::string& address, const v1::QueryRequest& request,
                             const QueryWriter& write) {
  auto ctx = ContextFor(call);
  auto reader = StubFor(address).Query(ctx.get(), request);
  // One message behind: the last one is marked last when the stream ends.
  v1::QueryResponse pending, next;
  bool have = reader->Read(&pending);
  while (have) {
    const bool more = reader->Read(&next);
    if (!more) break;
    if (!write(&pending, false)) {
      ctx->TryCancel();
      reader->Finish();
      return Status::Cancelled("the client went away");
    }
    pending.Swap(&next);
  }
  grpc::Status finished = reader->Finish();
  if (finished.ok() && have) write(&pending, true);
  return Converted(finished, address);
}

}  // namespace claimgraph::server
