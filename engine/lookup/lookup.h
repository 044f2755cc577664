// Inside the engine: the typed reads of engine.h over a read view the caller
// already holds, so a statement (SHOW CLAIM, HISTORY CLAIM, SHOW STATS) and
// the RPC read a claim, a source or the statistics with the same code.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/records.h"
#include "engine/engine.h"
#include "grammar/ast.h"
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
// The pattern of CHANGES ... MATCH s p o (and of the Watch RPC), bound
// against a view as a MATCH pattern is: an inverse name swaps the ends, a
// symmetric predicate matches either direction, ?x p ?x only claims whose
// ends are equal, a name that resolves to nothing matches nothing.
struct ChangeFilter {
  storage::PredicateId predicate = 0;
  bool symmetric = false;
  std::optional<storage::TermId> subject, object;  // nullopt: a variable (any)
  bool same_variable = false;
  bool matches_nothing = false;
  bool Matches(const storage::Claim& claim) const;
};
// `text` is the statement or pattern the spans point into (for diagnostics).
Result<ChangeFilter> BindChangeFilter(const storage::ReadView& view, std::string_view text,
                                      const grammar::ChangePattern& pattern, std::vector<std::string>* warnings);
// The one walk over the log (CHANGES and Engine::Changes): transactions
// since+1 .. until of `view`, each operation by kind, the matching changes
// to `visitor` in log order. `filter` may be null (every change).
Status WalkChanges(const storage::ClaimStore& store, const storage::ReadView& view, TxId since, TxId until, const ChangeFilter* filter,
                   const ChangeVisitor& visitor);

Result<VerifyReport> VerifyStore(const storage::ClaimStore& store, bool indexes, bool evidence);

}  // namespace claimgraph::engine
