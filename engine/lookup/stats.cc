// The store's statistics, computed here only: the Stats RPC, `claimgraphd
// stats`, SHOW STATS and SHOW PREDICATES.
#include <fmt/format.h>

#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<StoreStats> ReadStats(const storage::ClaimStore& store, const storage::ReadView& view, bool by_predicate) {
  StoreStats s;
  s.transactions = view.last_tx();
  CG_ASSIGN_OR_RETURN(s.live_claims, view.CountClaims({}, UINT64_MAX));
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

std::string FormatStats(const StoreStats& s) {
  std::string out = fmt::format(
      "transactions {}\nlive claims  {}\nentities     {}\npredicates   {}\nsources      {}\ndisk bytes   {}\n",
      s.transactions, s.live_claims, s.entities, s.predicates, s.sources, s.disk_bytes);
  for (const auto& p : s.by_predicate)
    out += fmt::format("  {:<16} {:>8} claims{}{}\n", p.name, p.live_claims, p.symmetric ? "  symmetric" : "",
                       p.inverse.empty() ? "" : "  inverse " + p.inverse);
  return out;
}

Result<StoreStats> Engine::Stats(bool by_predicate) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadStats(*store_, *view, by_predicate);
}

}  // namespace claimgraph::engine
