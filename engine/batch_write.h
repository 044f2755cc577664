// Batches of claims (and retractions) from API clients: one transaction per
// batch, all or nothing, with an optional idempotency key so that a retried
// batch is applied once. The gRPC Assert/Retract calls are thin adapters over
// these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/new_names.h"
#include "engine/records.h"

namespace claimgraph::engine {

struct ClaimDraft {
  std::string subject;
  std::string predicate;
  enum class ObjectKind { kEntity, kNumber, kString, kDate } object_kind = ObjectKind::kEntity;
  std::string object_text;
  double object_number = 0;
  SourceRecord source;  // found or created by key (the id is not read)
  bool has_span = false;
  uint64_t span_begin = 0, span_end = 0;
  std::string quote;
  double confidence = 1.0;
  std::string method = "api";
  base::Modality modality = base::Modality::kAsserted;
};

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

// InvalidArgument names the claim ("claim 3: unknown predicate 'pactt'").
Result<BatchResult> AssertBatch(Engine& engine, const std::vector<ClaimDraft>& claims,
                                const std::string& principal, const std::string& idempotency_key);
Result<BatchResult> RetractBatch(Engine& engine, const std::vector<ClaimId>& ids,
                                 const std::string& reason, const std::string& principal,
                                 const std::string& idempotency_key);

}  // namespace claimgraph::engine
