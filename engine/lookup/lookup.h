// Inside the engine: the typed reads of engine.h over a read view the caller
// already holds, so a statement (SHOW CLAIM, HISTORY CLAIM, SHOW STATS) and
// the RPC read a claim, a source or the statistics with the same code.
#pragma once

#include <string_view>

#include "engine/records.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

// The stored claim with its ends, predicate and source by name.
Result<ClaimRecord> ResolveClaim(const storage::ReadView& view, const storage::Claim& claim);
// A literal or an entity in object position, as a result cell.
Result<Value> ObjectValue(const storage::ReadView& view, storage::TermId object);
SourceRecord ToSourceRecord(const storage::Source& source);

Result<SourceSummary> ReadSource(const storage::ReadView& view, std::string_view key, bool include_text);
Result<StoreStats> ReadStats(const storage::ClaimStore& store, const storage::ReadView& view, bool by_predicate);
Result<std::vector<HistoryEvent>> ReadClaimHistory(const storage::ReadView& view, ClaimId id);
Result<VerifyReport> VerifyStore(const storage::ClaimStore& store, bool indexes, bool evidence);

}  // namespace claimgraph::engine
