// `claimgraph load` and `claimgraph export`: files in and out through the API,
// read and written by the same codecs as `claimgraphd import` and `export`.
#pragma once

#include <string>
#include <vector>

#include "codec/nquads/quad_claim.h"
#include "tools/claimgraph/client.h"

namespace claimgraph::cli {

struct LoadOptions {
  std::vector<std::string> files;  // .nq/.nt (N-Quads) or .jsonl (claims)
  size_t batch_size = 1000;
  std::string default_source = std::string(codec::kDefaultSource);  // of N-Quads in the default graph
};

// Loads N-Quads or JSONL claim files through Assert batches. Every line of
// every file is checked first, by the reader `claimgraphd import` uses (the
// same errors at the same FILE:LINE:COLUMN); one bad line and nothing is
// sent. Each batch is one transaction with an idempotency key derived from
// its file's content, so an interrupted load can simply be run again.
int RunLoad(Client& client, const LoadOptions& options);

// Writes every live claim with its provenance as JSON Lines (or N-Quads, or
// nquads-prov).
int RunExport(Client& client, const std::string& format, uint64_t as_of_tx);

}  // namespace claimgraph::cli
