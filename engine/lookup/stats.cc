// The store's statistics, computed here only: the Stats RPC, `claimgraphd
// stats`, SHOW STATS and SHOW PREDICATES.
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<StoreStats> ReadStats(const storage::ClaimStore& store, const storage::ReadView& view, bool by_predicate) {
  StoreStats s;
  s.transactions = view.last_tx();
  CG_ASSIGN_OR_RETURN(s.live_claims, view.CountClaims({}, UINT64_MAX));
  if (view.HidesDeprecated()) {  // one more count, only where something is deprecated
    CG_ASSIGN_OR_RETURN(auto all, store.NewReadView(view.as_of(), storage::ViewOptions{true}));
    CG_ASSIGN_OR_RETURN(uint64_t with_deprecated, all->CountClaims({}, UINT64_MAX));
    s.deprecated_claims = with_deprecated - s.live_claims;
  }
  s.entities = view.EntityCount();
  CG_ASSIGN_OR_RETURN(std::vector<storage::Predicate> predicates, view.ListPredicates());
  s.predicates = predicates.size();
  CG_ASSIGN_OR_RETURN(std::vector<storage::Source> sources, view.ListSources());
  s.sources = sources.size();
  s.disk_bytes = store.ApproximateDiskBytes();
  if (by_predicate) {
    for (const auto& p : predicates) {
      CG_ASSIGN_OR_RETURN(uint64_t n, view.CountClaims({std::nullopt, p.id}, UINT64_MAX));
      s.by_predicate.push_back({p.name, p.symmetric, p.inverse, p.domain, p.range, n});
    }
  }
  return s;
}

Result<StoreStats> Engine::Stats(bool by_predicate) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadStats(*store_, *view, by_predicate);
}

}  // namespace claimgraph::engine
