// The one place engine statuses become gRPC statuses.
#pragma once

#include <grpcpp/grpcpp.h>

#include "base/status.h"

namespace claimgraph::server {

grpc::Status ToGrpcStatus(const Status& status);
// UNAVAILABLE for a call that arrives while the server drains (call_gate.h).
grpc::Status ShuttingDown();

}  // namespace claimgraph::server
