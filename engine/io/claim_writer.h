// The importers' side of one WriteTransaction: names resolved by the rule
// every write path shares (engine/write_names.h), sources, and claims
// written unless the same claim is live already (storage's AssertUnlessLive).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "engine/write_names.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

class ClaimWriter {
 public:
  static Result<std::unique_ptr<ClaimWriter>> Create(storage::ClaimStore* store, const storage::WriteOptions& options);

  storage::WriteTransaction& tx() { return *tx_; }
  engine::WriteNames& names() { return *names_; }
  const engine::NewNames& defined() const { return names_->defined(); }
  // A live claim: asserted unless the same claim is live (then `duplicate`).
  Result<storage::AssertOutcome> Write(const storage::ClaimInput& claim) { return AssertUnlessLive(*tx_, claim); }
  // A retracted claim from an export: true when the store, or this import,
  // holds that very record already (same identity, assertion and retraction
  // time); otherwise false, and the record counts as restored from now on.
  Result<bool> SeenRetractedRecord(const storage::ClaimInput& claim, int64_t retracted_at_us);
  // An export's deprecation of a claim's source (on each of its lines): the
  // source is deprecated once, in this transaction, when the store did not
  // have it before this import; a source the store had keeps the store's own
  // marks (a file does not overrule its analysts), as a claim the store has
  // live is a duplicate. Called once the line's claim is written; true when
  // this call deprecated the source.
  Result<bool> DeprecateSourceIfNew(storage::SourceId id, std::string_view key, std::string_view reason);

 private:
  ClaimWriter() = default;
  std::unique_ptr<storage::WriteTransaction> tx_;
  std::unique_ptr<engine::WriteNames> names_;
  std::unique_ptr<storage::ReadView> before_;  // the store as this import found it
  std::set<storage::SourceId> sources_settled_;  // deprecated by this import, or had by the store
  // Retracted records restored by this import, for a file that repeats one.
  std::set<std::tuple<storage::EntityId, storage::PredicateId, storage::TermId, storage::SourceId, uint64_t, uint64_t,
                      std::string, int, int64_t, int64_t>>
      restored_;
};

}  // namespace claimgraph::io
