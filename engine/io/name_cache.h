// Memoized id -> name lookups against one ReadView, for exporters and result
// printing (a claim set mentions the same few entities many times).
#pragma once

#include <memory>
#include <unordered_map>

#include <absl/container/flat_hash_map.h>

#include "storage/claim_store.h"

namespace claimgraph::io {

class NameCache {
 public:
  explicit NameCache(const storage::ReadView& view) : view_(view) {}
  const storage::ReadView& view() const { return view_; }
  Result<const storage::Entity*> Entity(storage::EntityId id);
  Result<const storage::Predicate*> Predicate(storage::PredicateId id);
  Result<const storage::Source*> Source(storage::SourceId id);
  Result<const storage::Literal*> Literal(storage::TermId id);

 private:
  const storage::ReadView& view_;
  // Flat tables for the records shared with the store's cache (the pointee
  // does not move when the table grows): a 20k-row answer looks up ~40k
  // names, most of them once, and node-based maps paid an allocation and
  // a cache miss or two for each.
  absl::flat_hash_map<uint64_t, std::shared_ptr<const storage::Entity>> entities_;
  std::unordered_map<uint64_t, storage::Predicate> predicates_;
  absl::flat_hash_map<uint64_t, std::shared_ptr<const storage::Source>> sources_;
  std::unordered_map<uint64_t, storage::Literal> literals_;
};

}  // namespace claimgraph::io
