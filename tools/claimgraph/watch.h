// `claimgraph watch`: the change feed (the Watch RPC) as lines, resumed
// after a dropped connection or a server restart from the last transaction
// received in full — no change missed, none printed twice.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

struct WatchOptions {
  std::optional<uint64_t> since;  // unset: from the newest transaction on (only new changes)
  std::string pattern;            // `s p o` as in CHANGES ... MATCH; "" = every change
  bool json = false;              // one JSON object per change instead of a line of text
  uint64_t max = 0;               // exit 0 after this many changes (0 = run until Ctrl-C)
  int max_backoff_ms = 5000;      // the longest wait between reconnection attempts
};

// Returns 0 after --max changes, 1 on an error that a retry cannot mend
// (a bad pattern, authentication); keeps reconnecting on UNAVAILABLE.
int RunWatch(Client& client, const WatchOptions& options, std::ostream& out, std::ostream& err);

}  // namespace claimgraph::cli
