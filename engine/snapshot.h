// A snapshot of a store (docs/scale-out.md, "Joining, restarting, snapshots
// and retention"): a directory that is itself a complete store — `claimgraphd
// serve --data DIR` opens it as it is; in a cluster the node then replays the
// stream from the snapshot's position + 1 — plus `snapshot.json`, which says
// what it holds:
//
//   {"format": "claimgraph-snapshot/1", "created_at": "2026-11-30T23:01:02.123456Z",
//    "tx": 42, "head_hash": "<64 hex>", "claims": 1000000,
//    "stream_sequence": 57, "stream_tx": 42}
//
// tx and head_hash are the last transaction in it and its txlog hash (what
// AUDIT VERIFY shows); stream_sequence the cluster stream's sequence it has
// applied (0: never replicated). All are read back from the copy, not from
// the live store, which may have moved on while the copy was made.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "engine/engine.h"

namespace claimgraph::engine {

struct SnapshotInfo {
  TxId tx = 0;
  std::string head_hash;  // hex; empty for a store with no transaction
  uint64_t claims = 0;    // live claims, as SHOW STATS counts them
  uint64_t stream_sequence = 0;
  TxId stream_tx = 0;
  std::string created_at;
};

// Writes a snapshot of `engine`'s store to `out_dir`, which must not exist
// (AlreadyExists). The copy is made in `out_dir`.partial and renamed into
// place when complete, so `out_dir` is either absent or a whole snapshot.
// Commits through `engine` may go on meanwhile. On the same file system as
// the store the copy is hard links (fast, little space); elsewhere a copy.
Result<SnapshotInfo> WriteSnapshot(Engine& engine, const std::string& out_dir);

// snapshot.json's text for `info` (one line, with its line break).
std::string SnapshotJson(const SnapshotInfo& info);
// A person's summary: "snapshot of tx 42 (head 3f2a…, 1,000 claims, stream
// sequence 57) written to DIR".
std::string SnapshotSummary(const SnapshotInfo& info, const std::string& out_dir);

}  // namespace claimgraph::engine
