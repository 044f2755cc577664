// Everything a running query shares: the snapshot, its limits, caches of
// records, and the memory it has used for intermediate state.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "engine/binder/bound_query.h"
#include "engine/io/name_cache.h"
#include "engine/query_result.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

// A binding row: one uint64 per variable slot (TermId, PredicateId or ClaimId;
// 0 = unbound) and, when provenance is asked for, the claims that derived it.
struct Row {
  std::vector<uint64_t> slots;
  std::vector<storage::ClaimId> provenance;
};

class Pipeline;

class ExecContext {
 public:
  ExecContext(const storage::ReadView& view, const ExecuteOptions& options, bool with_provenance);
  ~ExecContext();  // both out of line: Pipeline is incomplete here

  const storage::ReadView& view() const { return view_; }
  const ExecuteOptions& options() const { return options_; }
  io::NameCache& names() { return names_; }
  bool with_provenance() const { return with_provenance_; }
  // WITH PROVENANCE gives one witness per row (for each fact used, one claim
  // that supports it); WITH FULL PROVENANCE every supporting claim.
  bool full_provenance = false;

  // Claims a query may use: visible (the view does that), from an allowed
  // source, valid at the VALID clause's time (read from the claim record: the
  // indexes do not hold valid time), and — for fact patterns — asserted or
  // reported (a proposal or a denial does not make a fact true; `AS ?c` sees
  // every claim).
  std::optional<std::set<storage::SourceId>> allowed_sources;
  std::optional<BoundValid> valid;
  Result<bool> ClaimUsable(const storage::IndexEntry& e, bool fact_semantics) {
    if (allowed_sources && !allowed_sources->count(e.source)) return false;
    if (fact_semantics && (e.modality == base::Modality::kProposed || e.modality == base::Modality::kDenied))
      return false;
    if (!valid) return true;
    CG_ASSIGN_OR_RETURN(const storage::Claim* c, Claim(e.claim));
    return base::ValidTimeOverlaps(c->valid, valid->range, valid->or_unknown);
  }

  // Symmetric predicates, for variable-predicate patterns.
  std::set<storage::PredicateId> symmetric_predicates;

  // Deadline and cancellation, checked every 1024 calls.
  Status Tick() {
    if ((++ticks_ & 1023) != 0) return Status::Ok();
    return CheckNow();
  }
  Status CheckNow() const;

  // Intermediate memory accounting; exceeding the limit is an error.
  Status Charge(uint64_t bytes);
  void Release(uint64_t bytes) { used_bytes_ -= std::min(used_bytes_, bytes); }
  uint64_t peak_bytes() const { return peak_bytes_; }

  Result<const storage::Claim*> Claim(storage::ClaimId id);

  // Sub-plans for EXISTS blocks, built by the planner.
  std::map<const BoundSubquery*, std::unique_ptr<Pipeline>> subplans;

 private:
  const storage::ReadView& view_;
  const ExecuteOptions& options_;
  io::NameCache names_;
  bool with_provenance_;
  uint64_t ticks_ = 0;
  uint64_t used_bytes_ = 0, peak_bytes_ = 0;
  std::unordered_map<storage::ClaimId, storage::Claim> claims_;
};

}  // namespace claimgraph::engine
