// The start every RPC shares: its request log line, a place in the drain
// (call_gate.h), and the caller's principal from the bearer token.
#pragma once

#include <grpcpp/grpcpp.h>

#include <optional>

#include "server/auth.h"
#include "server/call_gate.h"
#include "server/request_log.h"
#include "server/status_convert.h"

namespace claimgraph::server {

class AdmittedCall {
 public:
  AdmittedCall(const char* method, const grpc::ServerContext& context, const Authenticator& auth, CallGate* gate)
      : log_(method), ticket_(gate) {
    if (!ticket_.admitted()) {
      refusal_ = ShuttingDown();
      return;
    }
    auto principal = auth.Authenticate(context);
    if (!principal.ok()) {
      refusal_ = ToGrpcStatus(principal.status());
      return;
    }
    principal_ = std::move(principal).value();
    log_.set_principal(principal_->name);
  }

  bool ok() const { return principal_.has_value(); }
  // Why the call was not admitted (shutting down, or not authenticated), logged.
  grpc::Status refusal() { return log_.Done(refusal_); }
  const Principal& principal() const { return *principal_; }
  RequestLog& log() { return log_; }

 private:
  RequestLog log_;
  CallGate::Ticket ticket_;
  std::optional<Principal> principal_;
  grpc::Status refusal_;
};

}  // namespace claimgraph::server
