// When a call must be answered by, if it must: the one type every layer
// passes a caller's deadline down in (a gRPC call's, a statement's).
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace claimgraph::base {

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// When work done for a caller must give up so that its refusal, which names
// why, still reaches the caller -- through a forwarding node too -- before
// the caller gives up with a bare DEADLINE_EXCEEDED: the deadline minus a
// tenth of the time left, 20 ms to 500 ms.
inline std::chrono::steady_clock::time_point GiveUpBefore(std::chrono::steady_clock::time_point deadline,
                                                          std::chrono::steady_clock::time_point now) {
  using std::chrono::milliseconds;
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - now);
  return deadline - std::clamp(left / 10, milliseconds(20), milliseconds(500));
}

}  // namespace claimgraph::base
