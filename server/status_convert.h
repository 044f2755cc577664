// The one place engine statuses become gRPC statuses.
#pragma once

#include <grpcpp/grpcpp.h>

#include "storage/status.h"

namespace claimgraph::server {

grpc::Status ToGrpcStatus(const Status& status);

}  // namespace claimgraph::server
