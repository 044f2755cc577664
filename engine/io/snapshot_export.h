// Inside the engine: a read view written out as N-Quads (one quad per distinct
// subject, predicate, object and source among the visible claims — neither
// retracted nor deprecated; the graph is the claim's source) or as JSONL
// claims (every claim asserted at or before the snapshot, retracted ones
// included, in id order, with its provenance and its own and its source's
// deprecation as of the snapshot).
// The line writers are codec/ (nquads/nquads_writer.h, jsonl/jsonl_claim.h);
// `claimgraphd export` comes in through io::Export (export.h).
#pragma once

#include <ostream>
#include <string>

#include "codec/nquads/quad_claim.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

struct ExportOptions {
  std::string default_source = std::string(codec::kDefaultSource);  // its claims go to the default graph
};

// Each returns the number of lines written.
Result<uint64_t> ExportNQuads(const storage::ReadView& view, std::ostream& out, const ExportOptions& options = {});
Result<uint64_t> ExportJsonl(const storage::ReadView& view, std::ostream& out);
// Every claim as its own named graph with its provenance, retracted ones
// included, in id order (codec/nquads/prov_claim.h); returns the quads.
Result<uint64_t> ExportNQuadsProv(const storage::ReadView& view, std::ostream& out);

}  // namespace claimgraph::io
