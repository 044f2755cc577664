// Internal to storage/: the read view's cursors over one snapshot — the
// per-claim index entries of spo and osp, and the posting lists of
// sp_postings and po_postings — and the RocksDB iterators they reuse.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/claim_store.h"
#include "storage/key_codec.h"
#include "storage/marks.h"
#include "storage/posting_list.h"

namespace claimgraph::storage {

class RocksClaimStore;

// Which entries a cursor yields: those asserted at or before `as_of` and,
// unless `include_retracted` (history), not retracted at or before it; and
// none that `hidden` hides (deprecated as of `as_of`; null: hide nothing).
struct Visibility {
  TxId as_of = 0;
  bool include_retracted = false;
  const HiddenClaims* hidden = nullptr;
  // Whether an entry with these transactions is yielded. A retraction after
  // as_of has not happened yet, as of then: it sets *retracted_tx to 0.
  // Inline: called once per entry by every scan.
  bool Admit(TxId asserted_tx, TxId* retracted_tx) const {
    if (asserted_tx > as_of) return false;
    if (*retracted_tx > as_of) *retracted_tx = 0;
    return include_retracted || *retracted_tx == 0;
  }
  bool Hides(ClaimId claim, SourceId source) const { return hidden && hidden->Hides(claim, source); }
};

// Opens cursors over one snapshot. Creating a RocksDB iterator costs more
// than a seek, and an index join seeks once per input row: a finished
// cursor's iterator is kept for the next one. Like its view, it serves one
// thread at a time, and its cursors must not outlive it.
class RocksCursors {
 public:
  // `snapshot_tx`: the newest transaction `snapshot` holds, under which
  // the lists it reads are kept (list_cache.h).
  RocksCursors(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot, TxId snapshot_tx);
  ~RocksCursors();

  // The entries of a pattern, read where KeysOf (key_codec.h) says: one
  // posting list, the lists under a one-word prefix, or a prefix of spo or osp.
  std::unique_ptr<ClaimCursor> Open(PatternKeys keys, Visibility visibility);
  // Every posting list of `kind` whose key starts with `prefix` (one word, or
  // empty: every list), in key order.
  std::unique_ptr<ClaimCursor> OpenLists(PostingKind kind, std::string prefix, Visibility visibility);

  // For the cursors: an iterator over `cf` (a free one if there is one), and
  // its return when they are done with it.
  std::unique_ptr<rocksdb::Iterator> Take(Cf cf);
  void Give(Cf cf, std::unique_ptr<rocksdb::Iterator> it);

  // Reads the whole posting lists among `keys` in sorted MultiGet batches and
  // keeps them, in the given order, for the Opens that follow (an index
  // join's inner side, row by row); replaces what an earlier call kept.
  void Prefetch(std::vector<PatternKeys> keys);

  // One whole posting list, kept for the cursor that will read it: the
  // planner estimates a pattern by reading its list, then the executor opens
  // the same list (a point statement's second Get). Null when absent.
  Result<const rocksdb::PinnableSlice*> PeekList(Cf cf, const std::string& key);

 private:
  // One list read with its pending merge operands kept apart: *value the
  // oldest part (the base list, or the first operand of a list with none),
  // *pending the later parts' postings, upserted in order — what the merge
  // operator would fold, left for the cursor to merge as it reads.
  Status ReadListApart(Cf cf, const std::string& key, std::unique_ptr<rocksdb::PinnableSlice>* value,
                       std::vector<Posting>* pending);
  // The store's list cache, as of this snapshot's transaction.
  bool CachedList(Cf cf, const std::string& key, rocksdb::PinnableSlice* value, bool* found) const;
  void KeepList(Cf cf, const std::string& key, const rocksdb::PinnableSlice& value, bool found) const;
  const RocksClaimStore* store_;
  rocksdb::ReadOptions ro_;
  TxId snapshot_tx_;
  std::vector<std::unique_ptr<rocksdb::Iterator>> free_[static_cast<int>(Cf::kCount)];
  struct Peeked {
    Cf cf;
    std::string key;
    bool found = false;
    std::unique_ptr<rocksdb::PinnableSlice> value;
  };
  std::optional<Peeked> peeked_;
  // A prefetched list, if this is the next one expected (or one of the few
  // after it: a row whose inner scan was skipped); null otherwise.
  std::unique_ptr<rocksdb::PinnableSlice> TakePrefetched(Cf cf, const std::string& key, bool* found);
  struct Prefetched {
    Cf cf;
    std::string key;
    bool found = false;
    bool taken = false;
    rocksdb::PinnableSlice value;
  };
  std::vector<Prefetched> prefetched_;
  size_t next_prefetched_ = 0;
};

}  // namespace claimgraph::storage
