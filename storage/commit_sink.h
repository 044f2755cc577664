// Where a committing transaction puts its keys: a RocksDB WriteBatch (online
// commits) or sorted SST files ingested atomically (offline bulk import).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/memory_account.h"
#include "storage/claim_store.h"
#include "storage/key_codec.h"

namespace claimgraph::storage {

class RocksClaimStore;

struct BulkSinkOptions {
  std::function<void(std::string_view stage, uint64_t done, uint64_t total)> progress;
  size_t memory_budget = kDefaultBulkMemoryBudget;
  // When set, the import's one account (base/memory_account.h): the sorters
  // take their shares of what its other holders leave of it (Spare) rather
  // than of memory_budget.
  const base::MemoryAccount* account = nullptr;
  uint64_t TEST_fail_merge_after = 0;  // WriteOptions::TEST_bulk_fail_merge_after
};

class CommitSink {
 public:
  virtual ~CommitSink() = default;
  virtual void Put(Cf cf, std::string key, std::string value) = 0;
  // Put of a copy: for a caller that reuses its buffers.
  virtual void PutBytes(Cf cf, std::string_view key, std::string_view value) {
    Put(cf, std::string(key), std::string(value));
  }
  // The index entries of one claim: spo, osp, its place in the sp and po
  // posting lists (format 2 writes no pos entry) and its by_source entry.
  // Called again with the retraction's tx when an earlier claim is retracted.
  virtual void PutIndexEntries(const IndexEntry& entry) = 0;
  // Bulk only: the index entries of the n-th claim streamed into this sink
  // (by PutIndexEntries, in order) record its retraction in `tx`.
  virtual void RetractStreamed(uint64_t n, TxId tx) = 0;
  // Online commits in a cluster: completes the batch and returns everything
  // in it, encoded for the cluster's stream (replication.h). Puts after it
  // go into the local write only.
  virtual Result<std::string> EncodeForReplication() {
    return Status::FailedPrecondition("this commit cannot be replicated");
  }
  // Makes everything durable at once, or nothing.
  virtual Status Finish() = 0;
  virtual BulkSinkStats stats() const { return {}; }
};

std::unique_ptr<CommitSink> NewBatchSink(RocksClaimStore* store);
// `options.memory_budget` (or what `options.account` spares) bounds the
// sink's sort buffers: what it holds of the claims streamed into it
// (storage/external_sort.h).
std::unique_ptr<CommitSink> NewBulkSink(RocksClaimStore* store, BulkSinkOptions options);
// Where a bulk sink's run and SST files go (it creates and removes the
// directory); the transaction's spilled identities go there too.
std::string BulkTempDir(const RocksClaimStore& store);
// The part of a bulk import's memory budget given to the duplicate rule's
// table of asserted identities (storage/spilling_identity_table.h), beside the
// sink's sorters' shares.
size_t BulkIdentityBudget(size_t memory_budget);
// The parts given to the transaction's tables of the entities and of the
// sources it created by name (storage/spilling_name_table.h): the import's
// dictionary.
size_t BulkNamesBudget(size_t memory_budget);
size_t BulkSourceNamesBudget(size_t memory_budget);

}  // namespace claimgraph::storage
