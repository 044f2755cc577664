// Name resolution for importers on top of one WriteTransaction: entities by
// alias, predicates (an inverse name such as "targeted-by" is stored as its
// forward predicate with subject and object swapped), sources, literals, and
// duplicate detection (a live claim of the same fact from the same source).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "storage/claim_store.h"

namespace claimgraph::io {

struct ResolvedPredicate {
  storage::PredicateId id = 0;
  bool swap = false;  // the name was the inverse reading
};

class ClaimWriter {
 public:
  // `existing` is a snapshot taken before the transaction began, used for
  // duplicate detection and inverse names.
  static Result<std::unique_ptr<ClaimWriter>> Create(storage::ClaimStore* store, const storage::WriteOptions& options);

  storage::WriteTransaction& tx() { return *tx_; }
  Result<storage::EntityId> Entity(const std::string& name);
  Result<ResolvedPredicate> Predicate(const std::string& name);
  Result<storage::SourceId> Source(const storage::SourceInput& input);
  // True when the same (s, p, o, source) was already written by this import or
  // is a live claim in the store.
  Result<bool> IsDuplicate(storage::EntityId s, storage::PredicateId p, storage::TermId o, storage::SourceId source);
  void Remember(storage::EntityId s, storage::PredicateId p, storage::TermId o, storage::SourceId source);

 private:
  ClaimWriter() = default;
  std::unique_ptr<storage::ReadView> before_;
  std::unique_ptr<storage::WriteTransaction> tx_;
  std::unordered_map<std::string, storage::EntityId> entities_;  // exact spelling -> id
  std::unordered_map<std::string, ResolvedPredicate> predicates_;
  std::unordered_map<std::string, storage::PredicateId> inverse_of_;  // inverse name -> forward predicate
  std::unordered_map<std::string, storage::SourceId> sources_;
  struct FactHash {
    size_t operator()(const std::array<uint64_t, 4>& f) const {
      size_t h = 1469598103934665603ull;
      for (uint64_t v : f) h = (h ^ v) * 1099511628211ull;
      return h;
    }
  };
  std::unordered_set<std::array<uint64_t, 4>, FactHash> written_;
};

}  // namespace claimgraph::io
