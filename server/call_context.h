// What a call brings to the core (claimgraph_core.h), whichever transport
// carried it: who is calling, until when the answer is wanted, and a way to
// ask whether the caller has gone away. The core fills in `rows` for the
// transport's request log line.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "server/auth.h"

namespace claimgraph::server {

struct CallContext {
  Principal principal;
  std::optional<std::chrono::steady_clock::time_point> deadline;  // none: the call may take as long as it takes
  std::function<bool()> cancelled;                                // true once the caller went away (may be empty)
  uint64_t rows = 0;                                              // out: what the log line reports
};

}  // namespace claimgraph::server
