// A stored claim as the interchange formats write it: its names and values
// looked up (through a NameCache, so a claim set's few names are read once).
// Both exporters (N-Quads, JSONL) start from this.
#pragma once

#include "codec/file_claim.h"
#include "engine/io/name_cache.h"

namespace claimgraph::io {

Result<codec::FileClaim> FileClaimOf(const storage::Claim& claim, NameCache& names);

}  // namespace claimgraph::io
