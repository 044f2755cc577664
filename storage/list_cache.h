// Internal to storage/: posting lists kept across queries, by the
// transaction they were read at.
//
// Why: an index join reads one posting list per input row. With every block
// of the store in RocksDB's block cache, a MultiGet still costs ~7k
// instructions a key (the filter, the index and data-block searches, the
// pinning): a quarter of the two-hop join's CPU (callgrind, session 21), and
// RocksDB's own row cache saves only a quarter of that. A lookup here is a
// hash and a shard lock.
//
// Sound without invalidation: what a list holds is a function of the
// store's newest transaction — every write to a list is a transaction (a
// commit, a bulk import, a replicated commit) and migrations run before the
// store serves a view — and the cache key carries the transaction the
// reading view's snapshot stands at. A view finds only what a view of its
// own transaction read; a commit leaves the older entries unreachable by new
// views, and the LRU ages them out. Lists with merge operands still pending
// are not kept (the cursor merges those parts as it reads; a flush or
// compaction folds them, and the next read keeps the folded list).
#pragma once

#include <rocksdb/cache.h>
#include <rocksdb/slice.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>

#include "storage/key_codec.h"
#include "storage/types.h"

namespace claimgraph::storage {

class ListCache {
 public:
  // 0 keeps nothing. A list longer than a 64th of the capacity is not kept
  // (a hub's list would push out hundreds of others; reading it once is
  // dwarfed by decoding it).
  explicit ListCache(size_t capacity_bytes);

  // True when the list under (cf, key) was kept as of `tx`: then *found
  // says whether there is one, and *out pins its bytes (released when *out
  // is reset or destroyed).
  bool Lookup(Cf cf, std::string_view key, TxId tx, rocksdb::PinnableSlice* out, bool* found) const;
  // Keeps a copy of the list as a view at `tx` read it (found false: there
  // is none), unless it is too long to keep.
  void Insert(Cf cf, std::string_view key, TxId tx, std::string_view value, bool found) const;

  struct Counts {
    uint64_t hits = 0, misses = 0;
  };
  Counts counts() const { return {hits_.load(std::memory_order_relaxed), misses_.load(std::memory_order_relaxed)}; }

 private:
  std::shared_ptr<rocksdb::Cache> cache_;  // null when the capacity is 0
  size_t max_entry_bytes_ = 0;
  mutable std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace claimgraph::storage
