// Internal to storage/: point reads of stored records by key, shared by the
// read view (at its snapshot), the write transaction (the newest commit: it
// holds the writer lock and keeps its own writes in its own maps) and the store.
//
// One Get, one decode, one wording for what goes wrong, where <what> names
// the record ("claim 7", "entity \"Ada\"", "transaction 3"):
//   missing     NotFound      "<what> not found"
//   RocksDB     its code      "reading <what>: <RocksDB's message>"
//   malformed   Corruption    "<what>: <what the decoder found wrong>"
#pragma once

#include <rocksdb/db.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "storage/key_codec.h"
#include "storage/rocks_internal.h"
#include "storage/types.h"

namespace claimgraph::storage {

class RecordReader {
 public:
  // Reads at `snapshot`, or the newest state when it is nullptr. The store
  // (and the snapshot) must outlive the reader.
  RecordReader(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot);

  // The raw value under `key`.
  Status Get(Cf cf, std::string_view key, std::string_view what, std::string* value) const;
  // Like Get, but a missing key is false rather than NotFound.
  Result<bool> GetIfPresent(Cf cf, std::string_view key, std::string_view what, std::string* value) const;
  // The id a dict or alias entry maps to.
  Result<uint64_t> GetId(Cf cf, std::string_view key, std::string_view what) const;

  Result<Entity> GetEntity(EntityId id) const;
  Result<Predicate> GetPredicate(PredicateId id) const;
  Result<Source> GetSource(SourceId id) const;
  Result<Literal> GetLiteral(TermId id) const;
  // A claim as asserted (retracted_tx 0), whatever happened to it later.
  Result<Claim> GetClaimRecord(ClaimId id) const;
  // The retraction record of a claim (the retracted_* fields), if it has one.
  Result<std::optional<Claim>> GetRetraction(ClaimId id) const;
  Result<TxRecord> GetTxRecord(TxId tx) const;
  // The id counters and newest transaction (meta "counters").
  Result<Counters> GetCounters() const;

  // Every entity, predicate or source, in id order; `fn` answers whether to go on.
  Status ForEachEntity(const std::function<Result<bool>(Entity&)>& fn) const;
  Status ForEachPredicate(const std::function<Result<bool>(Predicate&)>& fn) const;
  Status ForEachSource(const std::function<Result<bool>(Source&)>& fn) const;

 private:
  template <typename Record>
  Status ForEachName(NameTag tag, std::string_view kind, Status (*decode)(std::string_view, Record*),
                     const std::function<Result<bool>(Record&)>& fn) const;

  const RocksClaimStore* store_;
  rocksdb::ReadOptions ro_;
};

// Copies the retraction fields of a retraction record into its claim.
void ApplyRetraction(const Claim& retraction, Claim* claim);

}  // namespace claimgraph::storage
