// The one place engine statuses become gRPC statuses.
#pragma once

#include <grpcpp/grpcpp.h>

#include "base/status.h"

namespace claimgraph::server {

grpc::Status ToGrpcStatus(const Status& status);
// The way back, for an answer another node gave (a forwarded write): the
// code that ToGrpcStatus maps to it, the message unchanged.
Status FromGrpcStatus(const grpc::Status& status);
// "INVALID_ARGUMENT": the name a log line and an HTTP error body give a code.
const char* GrpcCodeName(grpc::StatusCode code);
// UNAVAILABLE for a call that arrives while the server drains (call_gate.h).
grpc::Status ShuttingDown();

}  // namespace claimgraph::server
