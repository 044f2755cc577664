// Memoized id -> name lookups against one ReadView, for exporters and result
// printing (a claim set mentions the same few entities many times).
#pragma once

#include <memory>
#include <unordered_map>

#include "storage/claim_store.h"

namespace claimgraph::io {

class NameCache {
 public:
  explicit NameCache(const storage::ReadView& view) : view_(view) {}
  Result<const storage::Entity*> Entity(storage::EntityId id);
  Result<const storage::Predicate*> Predicate(storage::PredicateId id);
  Result<const storage::Source*> Source(storage::SourceId id);
  Result<const storage::Literal*> Literal(storage::TermId id);

 private:
  const storage::ReadView& view_;
  std::unordered_map<uint64_t, std::shared_ptr<const storage::Entity>> entities_;
  std::unordered_map<uint64_t, storage::Predicate> predicates_;
  std::unordered_map<uint64_t, std::shared_ptr<const storage::Source>> sources_;
  std::unordered_map<uint64_t, storage::Literal> literals_;
};

}  // namespace claimgraph::io
