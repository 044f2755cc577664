// The one rule every write path follows for the names in a claim — offline
// imports (N-Quads, JSONL; bulk and --online), the Assert RPC (and so
// `claimgraph load` and ingestion) and the ASSERT statement:
//
//  - a predicate the store knows is used as it is; its inverse name
//    ("targeted-by") is the predicate read backwards (subject and object swap);
//  - an unknown predicate name is defined as a new directed predicate and
//    reported ("new predicate: cameo-040"), so that real vocabularies load;
//  - except a name one letter edit away from a known name, or equal to one
//    but for case ("pactt", "Pact", "shares_intel"): that is taken for a typo
//    and refused with "did you mean"; DEFINE PREDICATE (or a schema file)
//    declares such a name on purpose. Edits of digits do not count, so
//    numbered vocabularies (cameo-040, cameo-041) load;
//  - an unknown entity name creates an entity, and is reported.
//
// docs/architecture.md ("New names") says the same for users.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "codec/claim_draft.h"
#include "engine/new_names.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

struct ResolvedPredicate {
  storage::PredicateId id = 0;
  bool swap = false;  // the name was the inverse reading
};


// True when `candidate` is `known` but for case or one edit that does not
// involve a digit (insert, delete, replace one character, or swap two
// neighbours).
bool LooksLikeTypoOf(std::string_view candidate, std::string_view known);

// Resolves names for one write transaction, caching each spelling.
class WriteNames {
 public:
  static Result<std::unique_ptr<WriteNames>> Create(storage::WriteTransaction* tx);

  // InvalidArgument for a likely typo ("unknown predicate 'pactt'; did you mean 'pact'? ...").
  Result<ResolvedPredicate> Predicate(const std::string& name);
  // InvalidArgument for a name with no letters or digits.
  Result<storage::EntityId> Entity(const std::string& name);
  // The source by key, created or its metadata filled in; InvalidArgument for
  // an empty key. A key met again without metadata is not looked up twice.
  Result<storage::SourceId> Source(const codec::SourceDraft& source);
  // A draft's names and object resolved into what the store writes — the one
  // conversion every write path uses (Assert batches, ingestion, imports). An
  // inverse reading ("targeted-by") swaps subject and object and needs an
  // entity object; a bad valid time is refused (base::CheckValidTime). Leaves
  // method, principal and times as the draft has them.
  Result<storage::ClaimInput> Resolve(const codec::ClaimDraft& draft);
  const NewNames& defined() const { return defined_; }

 private:
  explicit WriteNames(storage::WriteTransaction* tx) : tx_(tx) {}
  storage::WriteTransaction* tx_;
  std::unordered_map<std::string, ResolvedPredicate> predicates_;  // every known name and inverse name
  std::vector<std::string> known_names_;                             // for the typo check
  // Memos of the transaction's answers, emptied when they reach this size (the
  // frequent names come back at once; the rare ones cost a lookup).
  static constexpr size_t kMaxCachedSpellings = 1 << 16;
  std::unordered_map<std::string, storage::EntityId> entities_;      // exact spelling -> id
  std::unordered_map<std::string, storage::SourceId> sources_;       // key -> id
  NewNames defined_;
};

}  // namespace claimgraph::engine
