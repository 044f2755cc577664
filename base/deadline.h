// When a call must be answered by, if it must: the one type every layer
// passes a caller's deadline down in (a gRPC call's, a statement's).
#pragma once

#include <chrono>
#include <optional>

namespace claimgraph::base {

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

}  // namespace claimgraph::base
