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
// "valid_from" and "valid_to" (after "modality") say when the fact held, each
// YYYY, YYYY-MM or YYYY-MM-DD; the writer emits each only when it is set.
// A claim deprecated as of the export (DEPRECATE CLAIM) ends with
// "deprecated_tx":N,"deprecate_reason":"..."; one whose source is deprecated
// (DEPRECATE SOURCE) with "source_deprecated_tx":N,"source_deprecate_reason":
// "..." — each pair only when so, each reason non-empty. On import the claim
// (or source) is deprecated again, in the importing transaction.
// On import `id`, `tx` and `retracted_tx` are the exporting store's bookkeeping
// and are assigned anew; every other field is kept exactly, so export -> import
// -> export into an empty store reproduces the provenance of every claim.
// Required on import: subject, predicate, object, source, the first two and
// the last non-empty. Unknown keys are rejected (a misspelt "confidance" must
// not be dropped silently).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "codec/file_claim.h"
#include "codec/line_error.h"

namespace claimgraph::codec {

// Method recorded for a JSONL claim that names none.
inline constexpr std::string_view kJsonlMethod = "import:jsonl";

// Parses one line, checked as far as it can be without a store: nullopt with
// *error saying what is wrong and, when one thing is, the column where it
// starts (a key, or the value at fault). Not for blank lines.
std::optional<FileClaim> ParseJsonlClaim(std::string_view line, LineError* error);

// The line a claim is exported as (without the line break), every key always
// present (valid_from and valid_to only when set) and in the order above. Invalid UTF-8 in a string is replaced.
std::string FormatJsonlClaim(const FileClaim& claim);

}  // namespace claimgraph::codec
