// Steps that match one triple pattern against the indexes.
#pragma once

#include <optional>
#include <vector>

#include "engine/executor/pipeline.h"

namespace claimgraph::engine {

// Claims supporting the fact (s, p, o) that the query may use; empty if none.
Status UsableFactClaims(ExecContext* ctx, storage::EntityId s, storage::PredicateId p, storage::TermId o,
                        std::vector<storage::ClaimId>* out);

// A plain pattern (one predicate, or a variable predicate): one prefix seek per
// input row on spo/pos/osp. Without `AS ?c` it yields each fact once (with all
// its usable claims as provenance); with it, one row per claim. Symmetric
// predicates are read in both directions without producing a fact twice.
// `by_sources` given: the pattern reads those sources' claims (none when the
// list is empty) through the by_source index (ReadView::ScanSources) instead
// of a triple index — the planner's choice when FROM SOURCE, or a filter on
// the claims' source, scopes a scan to fewer claims than its index range.
// `by_claims` given ([first, end) claim ids): the pattern reads those claim
// records (ReadView::ScanClaimRange) — the planner's choice when a filter on
// ?c.tx bounds the transactions to fewer claims than the index range. Only
// for a pattern with AS ?c (its rows then come in claim id order).
struct ClaimIdRange {
  storage::ClaimId first = 0, end = 0;
};
std::unique_ptr<Step> NewPatternStep(ExecContext* ctx, const BoundPattern& pattern,
                                     std::optional<std::vector<storage::SourceId>> by_sources = std::nullopt,
                                     std::optional<ClaimIdRange> by_claims = std::nullopt);

// A plain pattern joined by hash: the pattern is scanned once with only its
// constants bound and probed with the join variables of each input row. Wins
// when many input rows would each pay a seek into a small pattern.
std::unique_ptr<Step> NewHashJoinStep(ExecContext* ctx, const BoundPattern& pattern, std::vector<int> join_slots);

// A path pattern (p+, p*, p{m,n}, p|q, ^p): breadth-first search with a visited
// set, so cycles end and memory stays bounded; distinct (start, end) pairs.
std::unique_ptr<Step> NewPathStep(ExecContext* ctx, const BoundPattern& pattern);

}  // namespace claimgraph::engine
