// The start every RPC shares: its request log line, a place in the drain
// (call_gate.h), and the caller's principal from the bearer token; then the
// CallContext the core works with (the gRPC deadline and cancellation).
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <functional>
#include <optional>

#include "server/call_context.h"
#include "server/claimgraph_core.h"
#include "server/request_log.h"
#include "server/status_convert.h"
#include "server/write_forwarder.h"

namespace claimgraph::server {

// The steady-clock form of a gRPC deadline (none when the client set none).
inline std::optional<std::chrono::steady_clock::time_point> SteadyDeadline(const grpc::ServerContextBase& context) {
  auto deadline = context.deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return std::nullopt;
  auto remaining = deadline - std::chrono::system_clock::now();
  return std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(remaining);
}

// What forwarding a write needs from the call's metadata (write_forwarder.h).
inline void NoteForwarding(const grpc::ServerContext& context, CallContext* call) {
  const auto& metadata = context.client_metadata();
  if (auto it = metadata.find("authorization"); it != metadata.end())
    call->authorization = std::string(it->second.data(), it->second.size());
  call->forwarded = metadata.find(std::string(kForwardedByMetadata)) != metadata.end();
}

// Whether the client has gone away, asked of gRPC at most once per 20 ms.
// Why: the sync server's IsCancelled polls the call's completion queue (a
// syscall, ~20 us), and a streaming answer asks before each batch of rows
// and the engine every 1,024 steps: 4% of a 20k-row join's CPU. Between two
// polls the last answer stands; a cancelled call stays cancelled.
inline std::function<bool()> PolledCancellation(const grpc::ServerContextBase& context) {
  static constexpr auto kInterval = std::chrono::milliseconds(20);
  return [&context, next = std::chrono::steady_clock::time_point{}, cancelled = false]() mutable {
    if (cancelled) return true;
    const auto now = std::chrono::steady_clock::now();
    if (now < next) return false;
    next = now + kInterval;
    cancelled = context.IsCancelled();
    return cancelled;
  };
}

class AdmittedCall {
 public:
  AdmittedCall(const char* method, const grpc::ServerContext& context, ClaimGraphCore& core)
      : log_(method), ticket_(&core.gate()) {
    if (!ticket_.admitted()) {
      refusal_ = ShuttingDown();
      return;
    }
    auto principal = core.auth().Authenticate(context);
    if (!principal.ok()) {
      refusal_ = ToGrpcStatus(principal.status());
      return;
    }
    admitted_ = true;
    call_.principal = std::move(principal).value();
    call_.deadline = SteadyDeadline(context);
    call_.cancelled = PolledCancellation(context);
    NoteForwarding(context, &call_);
    log_.set_principal(call_.principal.name);
  }

  bool ok() const { return admitted_; }
  // Why the call was not admitted (shutting down, or not authenticated), logged.
  grpc::Status refusal() { return log_.Done(refusal_); }
  const Principal& principal() const { return call_.principal; }
  CallContext& context() { return call_; }
  RequestLog& log() { return log_; }
  // The call's answer, converted and logged with the rows the core counted.
  grpc::Status Finish(const Status& status) {
    log_.set_rows(call_.rows);
    return log_.Done(ToGrpcStatus(status));
  }

 private:
  RequestLog log_;
  CallGate::Ticket ticket_;
  bool admitted_ = false;
  CallContext call_;
  grpc::Status refusal_;
};

}  // namespace claimgraph::server
