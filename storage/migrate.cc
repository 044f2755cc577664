// Upgrades of the on-disk format, run by Open on a read-write store.
#include <rocksdb/iterator.h>
#include <rocksdb/write_batch.h>

#include <limits>

#include "storage/byte_codec.h"
#include "storage/posting_list.h"
#include "storage/record_codec.h"
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
    // Format-3 values (no confidence code): the migration to format 4 runs next.
    if (!DecodeTripleKey(index, it->key().ToStringView(), &e) ||
        !DecodeFormat3IndexValue(it->value().ToStringView(), &e))
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

// Writes a batch once it is big, or at the end (`force`).
Status FlushIfBig(RocksClaimStore* store, rocksdb::WriteBatch* batch, bool force, const char* what) {
  if (!force && batch->GetDataSize() < (32u << 20)) return Status::Ok();
  auto s = store->db()->Write(rocksdb::WriteOptions(), batch);
  batch->Clear();
  return FromRocks(s, what);
}

// The confidence code of every claim, by id, from the claim records: 2 bytes
// a claim (codes are at most 1001), 200 MB for 100 million claims.
Status ReadConfidenceCodes(RocksClaimStore* store, std::vector<uint16_t>* codes) {
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(Cf::kClaims)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ClaimId id;
    uint8_t tag;
    if (!DecodeClaimKey(it->key().ToStringView(), &id, &tag)) return Status::Corruption("malformed claims key");
    if (tag != kClaimAssertionTag) continue;
    Claim c;
    if (Status st = DecodeClaim(it->value().ToStringView(), &c); !st.ok())
      return st.WithContext("claim " + std::to_string(id));
    static_assert(kConfidenceInRecord == 0);
    const uint32_t code = ConfidenceCodeOf(c.confidence);
    if (code > std::numeric_limits<uint16_t>::max()) return Status::Internal("confidence code out of range");
    if (id >= codes->size()) codes->resize(id + 1, 0);
    (*codes)[id] = static_cast<uint16_t>(code);
  }
  return FromRocks(it->status(), "scanning claims");
}

uint32_t CodeOf(const std::vector<uint16_t>& codes, ClaimId id) {
  return id < codes.size() ? codes[id] : kConfidenceInRecord;
}

// Rewrites every value of spo or osp with its claim's confidence code. A
// value already in format 4 (a migration cut short, run again) is rewritten
// the same way.
Status AddConfidenceToIndex(RocksClaimStore* store, TripleIndex index, const std::vector<uint16_t>& codes) {
  const Cf family = CfOf(index);
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(family)));
  rocksdb::WriteBatch batch;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    IndexEntry e;
    const std::string_view key = it->key().ToStringView(), value = it->value().ToStringView();
    if (!DecodeTripleKey(index, key, &e) || !(DecodeFormat3IndexValue(value, &e) || DecodeIndexValue(value, &e)))
      return Status::Corruption(std::string("malformed entry in index ") + CfName(family));
    e.confidence = CodeOf(codes, e.claim);
    batch.Put(store->cf(family), it->key(), EncodeIndexValue(e)).PermitUncheckedError();
    CG_RETURN_IF_ERROR(FlushIfBig(store, &batch, false, "rewriting index values"));
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("scanning ") + CfName(family)));
  return FlushIfBig(store, &batch, true, "rewriting index values");
}

// Rewrites every posting list (version 1, or 2 when run again) as version 2
// with its claims' confidence codes.
Status AddConfidenceToLists(RocksClaimStore* store, Cf lists, const std::vector<uint16_t>& codes) {
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(lists)));
  rocksdb::WriteBatch batch;
  std::vector<Posting> list;
  std::string value;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    list.clear();
    PostingDecoder decoder(it->value().ToStringView(), /*also_version1=*/true);
    Posting p;
    while (decoder.Next(&p)) {
      p.confidence = CodeOf(codes, p.claim);
      list.push_back(p);
    }
    if (!decoder.ok()) return Status::Corruption(std::string("malformed list in ") + CfName(lists));
    EncodePostingList(list, &value);
    batch.Put(store->cf(lists), it->key(), value).PermitUncheckedError();
    CG_RETURN_IF_ERROR(FlushIfBig(store, &batch, false, "rewriting posting lists"));
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("scanning ") + CfName(lists)));
  return FlushIfBig(store, &batch, true, "rewriting posting lists");
}

}  // namespace

Status MigrateFormat5To6BySource(RocksClaimStore* store) {
  // spo holds every claim's whole entry, as of its retraction if any: the
  // by_source value is that entry. Every value is (re)written, so a migration
  // cut short runs again from the start.
  std::unique_ptr<rocksdb::Iterator> it(store->db()->NewIterator(rocksdb::ReadOptions(), store->cf(Cf::kSpo)));
  rocksdb::WriteBatch batch;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    IndexEntry e;
    if (!DecodeIndexEntry(TripleIndex::kSpo, it->key().ToStringView(), it->value().ToStringView(), &e))
      return Status::Corruption("malformed entry in index spo");
    batch.Put(store->cf(Cf::kBySource), EncodeBySourceKey(e.source, e.claim), EncodeBySourceValue(e))
        .PermitUncheckedError();
    CG_RETURN_IF_ERROR(FlushIfBig(store, &batch, false, "writing by_source values"));
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning spo"));
  CG_RETURN_IF_ERROR(FlushIfBig(store, &batch, true, "writing by_source values"));
  // The version changes last, synced: until it does, the next Open migrates again.
  return RecordFormatVersion(store, 6);
}

Status MigrateFormat3To4Confidence(RocksClaimStore* store) {
  std::vector<uint16_t> codes;
  CG_RETURN_IF_ERROR(ReadConfidenceCodes(store, &codes));
  CG_RETURN_IF_ERROR(AddConfidenceToIndex(store, TripleIndex::kSpo, codes));
  CG_RETURN_IF_ERROR(AddConfidenceToIndex(store, TripleIndex::kOsp, codes));
  CG_RETURN_IF_ERROR(AddConfidenceToLists(store, Cf::kSpPostings, codes));
  CG_RETURN_IF_ERROR(AddConfidenceToLists(store, Cf::kPoPostings, codes));
  // The version changes last, synced (which syncs the log of every write
  // above): until it does, the next Open migrates again, and every step
  // accepts values it already rewrote.
  return RecordFormatVersion(store, 4);
}

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
