#include "engine/io/name_cache.h"

namespace claimgraph::io {
namespace {

template <typename T, typename Fetch>
Result<const T*> Memo(std::unordered_map<uint64_t, T>& cache, uint64_t id, Fetch fetch) {
  auto it = cache.find(id);
  if (it != cache.end()) return &it->second;
  auto r = fetch(id);
  if (!r.ok()) return r.status();
  return &cache.emplace(id, std::move(r).value()).first->second;
}

}  // namespace

Result<const storage::Entity*> NameCache::Entity(storage::EntityId id) {
  auto it = entities_.find(id);
  if (it != entities_.end()) return it->second.get();
  CG_ASSIGN_OR_RETURN(auto shared, view_.GetEntityShared(id));
  const storage::Entity* e = shared.get();
  entities_.emplace(id, std::move(shared));
  return e;
}
Result<const storage::Predicate*> NameCache::Predicate(storage::PredicateId id) {
  return Memo(predicates_, id, [&](uint64_t i) { return view_.GetPredicate(i); });
}
Result<const storage::Source*> NameCache::Source(storage::SourceId id) {
  auto it = sources_.find(id);
  if (it != sources_.end()) return it->second.get();
  CG_ASSIGN_OR_RETURN(auto shared, view_.GetSourceShared(id));
  const storage::Source* s = shared.get();
  sources_.emplace(id, std::move(shared));
  return s;
}
Result<const storage::Literal*> NameCache::Literal(storage::TermId id) {
  return Memo(literals_, id, [&](uint64_t i) { return view_.GetLiteral(i); });
}

}  // namespace claimgraph::io
