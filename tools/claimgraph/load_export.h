// `claimgraph load` and `claimgraph export`: files in and out through the API.
#pragma once

#include <string>
#include <vector>

#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

// Loads N-Quads (.nq/.nt) or JSONL (.jsonl) claim files through Assert
// batches. Every line is checked before anything is sent; each batch is one
// transaction with an idempotency key derived from the file's content, so an
// interrupted load can simply be run again.
int RunLoad(Client& client, const std::vector<std::string>& files, size_t batch_size);

// Writes every live claim with its provenance as JSON Lines (or N-Quads).
int RunExport(Client& client, const std::string& format);

}  // namespace claimgraph::cli
