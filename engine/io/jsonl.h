// JSON Lines claims in and out of a store. The format — one claim per line
// with its full provenance record — and its line parser and writer are
// codec/jsonl/jsonl_claim.h; this is the store's side.
#pragma once

#include <ostream>
#include <vector>

#include "engine/io/import_types.h"
#include "engine/io/nquads_import.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

// Every line in ONE transaction, as ImportNQuads. A retracted claim (an
// export's history) is restored with its retraction unless the store holds
// that very record already.
Result<ImportSummary> ImportJsonl(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                  const ImportOptions& options);

// Every claim asserted at or before the snapshot, retracted ones included, in id order.
Result<uint64_t> ExportJsonl(const storage::ReadView& view, std::ostream& out);

}  // namespace claimgraph::io
