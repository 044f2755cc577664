// JSON Lines claim format: one claim per line with its full provenance record.
//
//   {"id":12,"subject":"Japan","predicate":"pact","object":"United Kingdom","object_kind":"entity",
//    "source":"002_ef227a66c8fea69d","source_title":"...","source_publisher":"...",
//    "source_published":"2015-02","source_url":"","source_sha256":"",
//    "span":[1893,2051],"quote":"...","confidence":0.9,"method":"manual","modality":"asserted",
//    "tx":7,"principal":"analyst","asserted_at":"2026-11-23T11:17:30.123456Z",
//    "retracted_tx":null,"retract_reason":"","retracted_by":"","retracted_at":null}
//
// object_kind is entity | string | number | date (numbers are JSON numbers).
// On import `id`, `tx` and `retracted_tx` are the exporting store's bookkeeping
// and are assigned anew; every other field is kept exactly, so export -> import
// -> export into an empty store reproduces the provenance of every claim.
// Required on import: subject, predicate, object, source. Unknown keys are
// rejected (a misspelt "confidance" must not be dropped silently).
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <vector>

#include "engine/io/import_types.h"
#include "engine/io/nquads_import.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

// One line as written, checked as far as it can be without a store. Names
// are unresolved; `claim` carries every provenance field but no ids.
struct JsonlClaim {
  std::string subject, predicate, object_name, source;
  std::optional<storage::Literal> literal;  // set when the object is a value, not an entity
  storage::SourceInput source_input;
  storage::ClaimInput claim;
  bool retracted = false;
  std::string retract_reason, retracted_by;
  int64_t retracted_at_us = 0;
};
// InvalidArgument saying what is wrong with the line (the importer's reason).
Result<JsonlClaim> ParseJsonlClaim(std::string_view line);

Result<ImportSummary> ImportJsonl(storage::ClaimStore* store, const std::vector<InputFile>& files,
                                  const ImportOptions& options);
// Checks one line as the importer would, without a store: OK, or
// InvalidArgument saying what is wrong (the fuzzer's entry point).
Status CheckJsonlLine(std::string_view line);

// Every claim asserted at or before the snapshot, retracted ones included, in id order.
Result<uint64_t> ExportJsonl(const storage::ReadView& view, std::ostream& out);

}  // namespace claimgraph::io
