// N-Quads out: one quad per distinct (subject, predicate, object, source) among
// the claims visible in a snapshot; the graph is the claim's source.
#pragma once

#include <ostream>

#include "codec/nquads/quad_claim.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

struct ExportOptions {
  std::string default_source = std::string(codec::kDefaultSource);  // its claims go to the default graph
  bool include_retracted = false;           // JSONL only: also claims retracted before the snapshot
};

// Returns the number of lines written.
Result<uint64_t> ExportNQuads(const storage::ReadView& view, std::ostream& out, const ExportOptions& options = {});

}  // namespace claimgraph::io
