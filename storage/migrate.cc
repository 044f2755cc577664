// Upgrades of the on-disk format, run by Open on a read-write store.
#include <rocksdb/iterator.h>
#include <rocksdb/write_batch.h>

#include "storage/byte_codec.h"
#include "storage/posting_list.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

// Builds one kind of posting list from the per-claim index with the same
// order (spo for sp lists, pos for po lists). Existing lists are overwritten
// whole, so a migration cut short by a crash simply runs again.
Status BuildPostingLists(RocksClaimStore* store, TripleIndex index, Cf lists, PostingKind kind) {
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(CfOf(index))));
  rocksdb::WriteBatch batch;
  std::vector<Posting> list;
  std::string key;
  auto flush_list = [&] {
    if (!list.empty()) batch.Put(store->cf(lists), key, EncodePostingList(list)).PermitUncheckedError();
    list.clear();
  };
  auto flush_batch = [&]() -> Status {
    rocksdb::WriteOptions wo;
    auto s = store->db()->Write(wo, &batch);
    batch.Clear();
    return FromRocks(s, "writing posting lists");
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    IndexEntry e;
    if (!DecodeIndexEntry(index, it->key().ToStringView(), it->value().ToStringView(), &e))
      return Status::Corruption(std::string("malformed entry in index ") + CfName(CfOf(index)));
    std::string k = PostingKeyOf(kind, e);
    if (k != key) {
      flush_list();
      if (batch.GetDataSize() > (32u << 20)) CG_RETURN_IF_ERROR(flush_batch());
      key = std::move(k);
    }
    list.push_back(PostingOf(kind, e));
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("scanning ") + CfName(CfOf(index))));
  flush_list();
  return flush_batch();
}

}  // namespace

Status MigrateFormat1To2(RocksClaimStore* store) {
  CG_RETURN_IF_ERROR(BuildPostingLists(store, TripleIndex::kSpo, Cf::kSpPostings, PostingKind::kSubjectPredicate));
  CG_RETURN_IF_ERROR(BuildPostingLists(store, TripleIndex::kPos, Cf::kPoPostings, PostingKind::kPredicateObject));
  // Format 2 keeps no pos entries (po_postings holds the same): one range
  // tombstone over every index key, reclaimed by compaction.
  CG_RETURN_IF_ERROR(FromRocks(store->db()->DeleteRange(rocksdb::WriteOptions(), store->cf(Cf::kPos), std::string(),
                                                        std::string(kTripleKeySize + 1, '\xff')),
                               "dropping pos"));
  // The version changes last, synced: until it does, the next Open migrates again.
  return RecordFormatVersion(store, 2);
}

Status RecordFormatVersion(RocksClaimStore* store, uint32_t version) {
  std::string v;
  PutFixed32BE(&v, version);
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return FromRocks(store->db()->Put(wo, store->cf(Cf::kMeta), std::string(kMetaFormatVersion), v),
                   "recording format " + std::to_string(version));
}

}  // namespace claimgraph::storage
