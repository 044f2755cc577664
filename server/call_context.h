// What a call brings to the core (claimgraph_core.h), whichever transport
// carried it: who is calling, until when the answer is wanted, and a way to
// ask whether the caller has gone away. The core fills in `rows` for the
// transport's request log line.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "server/auth.h"

namespace claimgraph::server {

struct CallContext {
  Principal principal;
  std::optional<std::chrono::steady_clock::time_point> deadline;  // none: the call may take as long as it takes
  std::function<bool()> cancelled;                                // true once the caller went away (may be empty)
  uint64_t rows = 0;                                              // out: what the log line reports
  // Cluster mode (write_forwarder.h): the caller's `authorization` value as
  // it came, passed on unchanged when a write is forwarded to the writer;
  // and whether this call was itself forwarded by another node (it is then
  // never forwarded again).
  std::optional<std::string> authorization;
  bool forwarded = false;
};

}  // namespace claimgraph::server
