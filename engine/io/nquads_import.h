// N-Quads in: each quad becomes one claim whose source is the quad's graph
// (the mapping is codec/nquads/quad_claim.h; the lines are read by
// codec::ClaimLineReader, as `claimgraph load` reads them).
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "engine/io/import_types.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

struct InputFile {
  std::string name;  // for messages: "file.nq:12:5: ..."
  std::istream* in;
};

// Imports every file in ONE transaction. Without skip_invalid, a single
// rejected line means nothing is written (summary.committed == false). The
// Status is not OK only for I/O and storage failures.
Result<ImportSummary> ImportNQuads(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                   const ImportOptions& options);

}  // namespace claimgraph::io
