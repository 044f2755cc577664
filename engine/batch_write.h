// Batches of claims (and retractions) from API clients: one transaction per
// batch, all or nothing, with an optional idempotency key so that a retried
// batch is applied once. The gRPC Assert/Retract calls are thin adapters over
// these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/deadline.h"
#include "codec/claim_draft.h"
#include "engine/engine.h"
#include "engine/new_names.h"
#include "engine/records.h"

namespace claimgraph::engine {

// A claim as the Assert API, ASSERT's batch form and ingestion hand it over:
// the same draft a file line becomes (codec/claim_draft.h), so a claim means
// the same whichever way it came. An empty method is "api".
using ClaimDraft = codec::ClaimDraft;

struct BatchResult {
  TxId tx = 0;  // 0 when nothing was written (every claim a duplicate)
  // One per claim of the batch, in order: the claim asserted, or for a
  // duplicate the live claim it duplicates.
  std::vector<ClaimId> claim_ids;
  std::vector<size_t> duplicates;  // indexes of the claims that were live already
  NewNames defined;
  bool replayed = false;  // the idempotency key matched an earlier batch
  std::vector<std::string> warnings;
};

// A source's original text, kept with the batch that cites it (ingestion).
struct TextToKeep {
  std::string source_key;  // a source of the batch, whose SHA-256 is the text's
  std::string_view text;
};

// InvalidArgument names the claim ("claim 3: unknown predicate 'pactt'").
// `keep`: a text kept in the same transaction as the claims (all or nothing).
// `deadline`: the caller's (storage::WriteOptions::deadline).
Result<BatchResult> AssertBatch(Engine& engine, const std::vector<ClaimDraft>& claims,
                                const std::string& principal, const std::string& idempotency_key,
                                const TextToKeep* keep = nullptr, base::Deadline deadline = {});
Result<BatchResult> RetractBatch(Engine& engine, const std::vector<ClaimId>& ids,
                                 const std::string& reason, const std::string& principal,
                                 const std::string& idempotency_key, base::Deadline deadline = {});

}  // namespace claimgraph::engine
