// Internal to storage/: a committed transaction as the cluster's stream
// carries it, and the store's position in that stream (docs/scale-out.md).
//
//   ReplicatedTx := byte version (1), varint n, entry[n]
//   entry        := byte cf (Cf, key_codec.h), byte op, str key, str value
//   op           := 1 put | 2 merge | 3 delete (value empty)
//
// The entries are the commit's whole WriteBatch in order — the records, the
// txlog record, the counters, the idempotency record, the index entries and
// the posting-list merge operands — so every node writes the same bytes the
// writer wrote, and its hash chain is the writer's by construction. (The
// posting lists travel as the commit's own merge operands, not as whole
// lists: a commit on a hub carries its own postings only.)
//
//   meta "repl/applied" := varint sequence, varint tx, str hash
//
// written in the same WriteBatch as every transaction a node in a cluster
// commits or applies: a crash leaves both or neither.
#pragma once

#include <rocksdb/write_batch.h>

#include <string>
#include <string_view>

#include "storage/claim_store.h"

namespace claimgraph::storage {

class CommitSink;
class RocksClaimStore;

inline constexpr std::string_view kMetaReplicationApplied = "repl/applied";

// The batch's entries as a ReplicatedTx.
Result<std::string> EncodeReplicatedBatch(const RocksClaimStore& store, const rocksdb::WriteBatch& batch);

// The store's position (all zero when it never replicated).
Result<ReplicationPosition> ReadReplicationPosition(const RocksClaimStore& store);
std::string EncodeReplicationPosition(const ReplicationPosition& position);

// A commit's step before its write in cluster mode: publishes the sink's
// batch and adds the position it was stored at to it.
Status PublishCommit(const RocksClaimStore& store, CommitPublisher& publisher, TxId tx, std::string_view hash,
                     CommitSink* sink, base::Deadline deadline);

}  // namespace claimgraph::storage
