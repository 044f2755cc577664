// ReadView over one RocksDB snapshot.
#include <rocksdb/iterator.h>

#include "storage/byte_codec.h"
#include "storage/normalize.h"
#include "storage/posting_list.h"
#include "storage/record_codec.h"
#include "storage/record_reader.h"
#include "storage/rocks_internal.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

bool Visible(const IndexEntry& e, TxId as_of, bool include_retracted) {
  if (e.asserted_tx > as_of) return false;
  return include_retracted || e.retracted_tx == 0 || e.retracted_tx > as_of;
}

// Creating a RocksDB iterator costs more than a seek, and an index join
// seeks once per input row: a view keeps its iterators for reuse.
class IteratorPool {
 public:
  std::unique_ptr<rocksdb::Iterator> Take(int cf) {
    auto& v = free_[cf];
    if (v.empty()) return nullptr;
    auto it = std::move(v.back());
    v.pop_back();
    return it;
  }
  void Give(int cf, std::unique_ptr<rocksdb::Iterator> it) {
    if (free_[cf].size() < 8) free_[cf].push_back(std::move(it));
  }

 private:
  std::vector<std::unique_ptr<rocksdb::Iterator>> free_[static_cast<int>(Cf::kCount)];
};

// A cursor that is over before it starts: a read that failed.
class FailedCursor final : public ClaimCursor {
 public:
  explicit FailedCursor(Status s) : status_(std::move(s)) {}
  bool Valid() const override { return false; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override {}
  Status status() const override { return status_; }

 private:
  Status status_;
  IndexEntry entry_;
};

class RocksClaimCursor final : public ClaimCursor {
 public:
  RocksClaimCursor(std::unique_ptr<rocksdb::Iterator> it, IteratorPool* pool, int cf, TripleIndex index,
                   std::string prefix, TxId as_of, bool include_retracted)
      : it_(std::move(it)), pool_(pool), cf_(cf), index_(index), prefix_(std::move(prefix)), as_of_(as_of),
        include_retracted_(include_retracted) {
    it_->Seek(prefix_);
    Settle();
  }
  ~RocksClaimCursor() override {
    if (it_->status().ok()) pool_->Give(cf_, std::move(it_));
  }
  bool Valid() const override { return valid_; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  Status status() const override { return status_; }

 private:
  // Moves to the first visible entry at or after the iterator's position.
  void Settle() {
    valid_ = false;
    for (; it_->Valid(); it_->Next()) {
      rocksdb::Slice k = it_->key();
      if (!k.starts_with(prefix_)) return;
      std::string_view key(k.data(), k.size());
      if (!DecodeTripleKey(index_, key, &entry_) ||
          !DecodeIndexValue(std::string_view(it_->value().data(), it_->value().size()), &entry_)) {
        status_ = Status::Corruption(std::string("malformed entry in index ") + CfName(CfOf(index_)));
        return;
      }
      if (Visible(entry_, as_of_, include_retracted_)) {
        if (entry_.retracted_tx > as_of_) entry_.retracted_tx = 0;  // not retracted yet, as of then
        valid_ = true;
        return;
      }
    }
    if (!it_->status().ok()) status_ = FromRocks(it_->status(), "scanning index");
  }

  std::unique_ptr<rocksdb::Iterator> it_;
  IteratorPool* pool_;
  int cf_;
  TripleIndex index_;
  std::string prefix_;
  TxId as_of_;
  bool include_retracted_;
  IndexEntry entry_;
  bool valid_ = false;
  Status status_;
};

// Reads claims from posting lists: one list (two positions bound) or every
// list under a one-word prefix (subject only, or predicate only), in key order
// and within a list in (third, claim) order — the order of spo and pos.
class PostingCursor final : public ClaimCursor {
 public:
  // Exact list: `value` holds it (or is empty when there is none).
  PostingCursor(PostingKind kind, uint64_t first, uint64_t second, std::unique_ptr<rocksdb::PinnableSlice> value,
                TxId as_of, bool include_retracted)
      : kind_(kind), value_(std::move(value)), first_(first), second_(second), as_of_(as_of),
        include_retracted_(include_retracted) {
    if (!value_->empty()) decoder_ = PostingDecoder(std::string_view(value_->data(), value_->size()));
    Settle();
  }
  // Every list whose key starts with `prefix` (one word, or empty: every list).
  PostingCursor(PostingKind kind, std::unique_ptr<rocksdb::Iterator> it, IteratorPool* pool, int cf, std::string prefix,
                TxId as_of, bool include_retracted)
      : kind_(kind), it_(std::move(it)), pool_(pool), cf_(cf), prefix_(std::move(prefix)), as_of_(as_of),
        include_retracted_(include_retracted) {
    it_->Seek(prefix_);
    if (OpenList()) Settle();
  }
  ~PostingCursor() override {
    if (it_ && it_->status().ok()) pool_->Give(cf_, std::move(it_));
  }
  bool Valid() const override { return valid_; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override { Settle(); }
  Status status() const override { return status_; }

 private:
  // Starts decoding the list under the iterator; false past the prefix.
  bool OpenList() {
    valid_ = false;
    if (!it_->Valid()) {
      if (!it_->status().ok()) status_ = FromRocks(it_->status(), "scanning posting lists");
      return false;
    }
    rocksdb::Slice k = it_->key();
    if (!k.starts_with(prefix_)) return false;
    if (!DecodePostingKey(std::string_view(k.data(), k.size()), &first_, &second_)) {
      status_ = Status::Corruption("malformed posting list key");
      return false;
    }
    decoder_ = PostingDecoder(std::string_view(it_->value().data(), it_->value().size()));
    return true;
  }

  // Moves to the next visible posting.
  void Settle() {
    valid_ = false;
    Posting p;
    for (;;) {
      while (decoder_.Next(&p)) {
        if (p.asserted_tx > as_of_) continue;
        if (!include_retracted_ && p.retracted_tx != 0 && p.retracted_tx <= as_of_) continue;
        if (p.retracted_tx > as_of_) p.retracted_tx = 0;  // not retracted yet, as of then
        entry_ = EntryOf(kind_, first_, second_, p);
        valid_ = true;
        return;
      }
      if (!decoder_.ok()) {
        status_ = Status::Corruption("malformed posting list");
        return;
      }
      if (!it_) return;
      it_->Next();
      if (!OpenList()) return;
    }
  }

  PostingKind kind_;
  std::unique_ptr<rocksdb::PinnableSlice> value_;  // exact list
  std::unique_ptr<rocksdb::Iterator> it_;          // prefix scan
  IteratorPool* pool_ = nullptr;
  int cf_ = 0;
  std::string prefix_;
  uint64_t first_ = 0, second_ = 0;
  PostingDecoder decoder_;
  TxId as_of_;
  bool include_retracted_;
  IndexEntry entry_;
  bool valid_ = false;
  Status status_;
};

PostingKind PostingKindOf(AccessPath path) {
  return path == AccessPath::kSpPostings ? PostingKind::kSubjectPredicate : PostingKind::kPredicateObject;
}

bool IsPostingPath(AccessPath path) { return path == AccessPath::kSpPostings || path == AccessPath::kPoPostings; }

class RocksReadView final : public ReadView {
 public:
  RocksReadView(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot, TxId as_of, const Counters& counters)
      : store_(store), snapshot_(snapshot), as_of_(as_of), last_tx_(counters.last_tx),
        entity_count_(counters.next_entity - 1), records_(store, snapshot) {
    ro_.snapshot = snapshot_;
  }
  ~RocksReadView() override {
    pool_ = IteratorPool();  // iterators go before the snapshot they read
    store_->db()->ReleaseSnapshot(snapshot_);
  }

  TxId as_of() const override { return as_of_; }
  TxId last_tx() const override { return last_tx_; }
  uint64_t EntityCount() const override { return entity_count_; }

  std::unique_ptr<ClaimCursor> Scan(const TriplePattern& pattern) const override { return Open(pattern, false); }
  std::unique_ptr<ClaimCursor> ScanAllVersions(const TriplePattern& pattern) const override {
    return Open(pattern, true);
  }

  // Every posting list of `cf` under `prefix` (empty: all of them).
  std::unique_ptr<ClaimCursor> OpenLists(PostingKind kind, Cf cf, std::string prefix, bool include_retracted) const {
    auto it = pool_.Take(static_cast<int>(cf));
    if (!it) it.reset(store_->db()->NewIterator(ro_, store_->cf(cf)));
    return std::make_unique<PostingCursor>(kind, std::move(it), &pool_, static_cast<int>(cf), std::move(prefix), as_of_,
                                           include_retracted);
  }

  std::unique_ptr<ClaimCursor> Open(const TriplePattern& pattern, bool include_retracted) const {
    PatternKeys keys = KeysOf(pattern);
    if (IsPostingPath(keys.path)) {
      const PostingKind kind = PostingKindOf(keys.path);
      uint64_t first, second;
      if (!DecodePostingKey(keys.prefix, &first, &second))  // one word bound: every list under it
        return OpenLists(kind, keys.cf, std::move(keys.prefix), include_retracted);
      auto value = std::make_unique<rocksdb::PinnableSlice>();
      auto s = store_->db()->Get(ro_, store_->cf(keys.cf), keys.prefix, value.get());
      if (!s.ok() && !s.IsNotFound()) return std::make_unique<FailedCursor>(FromRocks(s, "reading a posting list"));
      if (s.IsNotFound()) value->Reset();
      return std::make_unique<PostingCursor>(kind, first, second, std::move(value), as_of_, include_retracted);
    }
    const TripleIndex index = keys.cf == Cf::kOsp ? TripleIndex::kOsp : TripleIndex::kSpo;
    int cf = static_cast<int>(keys.cf);
    auto it = pool_.Take(cf);
    if (!it) it.reset(store_->db()->NewIterator(ro_, store_->cf(keys.cf)));
    return std::make_unique<RocksClaimCursor>(std::move(it), &pool_, cf, index, std::move(keys.prefix), as_of_,
                                              include_retracted);
  }

  Result<std::vector<ClaimId>> ClaimsBySource(SourceId source) const override {
    std::vector<ClaimId> out;
    std::string prefix = EncodeId(source);
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(Cf::kBySource)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      SourceId from;
      ClaimId id;
      if (!DecodeBySourceKey(std::string_view(it->key().data(), it->key().size()), &from, &id))
        return Status::Corruption("malformed by_source key");
      CG_ASSIGN_OR_RETURN(Claim c, GetClaim(id));
      if (c.asserted_tx <= as_of_ && (c.retracted_tx == 0 || c.retracted_tx > as_of_)) out.push_back(id);
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning by_source"));
    return out;
  }

  Result<uint64_t> CountClaims(const TriplePattern& pattern, uint64_t cap) const override {
    // Every claim (SHOW STATS, the Stats RPC): the po lists hold each claim
    // once, packed; decoding them is several times faster than stepping spo
    // once per claim.
    const bool everything = !pattern.subject && !pattern.predicate && !pattern.object;
    auto cursor = everything ? OpenLists(PostingKind::kPredicateObject, Cf::kPoPostings, std::string(), false)
                             : Scan(pattern);
    uint64_t n = 0;
    for (; cursor->Valid() && n < cap; cursor->Next()) ++n;
    CG_RETURN_IF_ERROR(cursor->status());
    return n;
  }

  Result<uint64_t> EstimateClaims(const TriplePattern& pattern) const override {
    const PatternKeys keys = KeysOf(pattern);
    if (IsPostingPath(keys.path)) return EstimateFromPostings(keys);
    constexpr uint64_t kExactUpTo = 128;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(keys.cf)));
    uint64_t n = 0;
    for (it->Seek(keys.prefix); it->Valid() && it->key().starts_with(keys.prefix) && n < kExactUpTo; it->Next()) ++n;
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "estimating"));
    if (n < kExactUpTo) return n;
    constexpr uint64_t kBytesPerEntry = 12;  // 32-byte keys delta-encoded and compressed, plus the value
    CG_ASSIGN_OR_RETURN(uint64_t bytes, RangeBytes(keys.cf, keys.prefix));
    return std::max(n, bytes / kBytesPerEntry);
  }

  // Postings in one list: counted when the list is short, else from its size.
  static uint64_t CountPostings(std::string_view list) {
    constexpr uint64_t kEncodedBytesPerPosting = 11;
    if (list.size() > 4096) return list.size() / kEncodedBytesPerPosting;
    PostingDecoder d(list);
    Posting p;
    uint64_t n = 0;
    while (d.Next(&p)) ++n;
    return n;
  }

  // One list (its whole key bound), or the lists under a one-word prefix.
  Result<uint64_t> EstimateFromPostings(const PatternKeys& keys) const {
    if (keys.prefix.size() == kPostingKeySize) {
      rocksdb::PinnableSlice value;
      auto s = store_->db()->Get(ro_, store_->cf(keys.cf), keys.prefix, &value);
      if (s.IsNotFound()) return 0;
      CG_RETURN_IF_ERROR(FromRocks(s, "estimating"));
      return CountPostings(std::string_view(value.data(), value.size()));
    }
    constexpr int kListsCounted = 64;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(keys.cf)));
    uint64_t n = 0;
    int lists = 0;
    for (it->Seek(keys.prefix); it->Valid() && it->key().starts_with(keys.prefix) && lists < kListsCounted;
         it->Next(), ++lists)
      n += CountPostings(std::string_view(it->value().data(), it->value().size()));
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "estimating"));
    if (lists < kListsCounted) return n;
    constexpr uint64_t kDiskBytesPerPosting = 8;  // ~7.5 after LZ4 on the 1M-claim synthetic graph
    CG_ASSIGN_OR_RETURN(uint64_t bytes, RangeBytes(keys.cf, keys.prefix));
    return std::max(n, bytes / kDiskBytesPerPosting);
  }

  // The bytes on disk and in memtables of the key range [prefix, prefix+1).
  Result<uint64_t> RangeBytes(Cf cf, const std::string& prefix) const {
    std::string end = prefix;
    while (!end.empty() && static_cast<uint8_t>(end.back()) == 0xFF) end.pop_back();
    if (end.empty()) {  // the whole family
      uint64_t bytes = 0;
      store_->db()->GetIntProperty(store_->cf(cf), "rocksdb.estimate-live-data-size", &bytes);
      return bytes;
    }
    end.back() = static_cast<char>(static_cast<uint8_t>(end.back()) + 1);
    rocksdb::Range range(prefix, end);
    uint64_t bytes = 0;
    rocksdb::SizeApproximationOptions options;
    options.include_memtables = true;
    options.include_files = true;
    auto s = store_->db()->GetApproximateSizes(options, store_->cf(cf), &range, 1, &bytes);
    CG_RETURN_IF_ERROR(FromRocks(s, "estimating"));
    return bytes;
  }

  Result<Claim> GetClaim(ClaimId id) const override {
    CG_ASSIGN_OR_RETURN(Claim c, records_.GetClaimRecord(id));
    if (c.asserted_tx > as_of_) return Status::NotFound("claim " + std::to_string(id) + " did not exist as of tx " + std::to_string(as_of_));
    CG_ASSIGN_OR_RETURN(std::optional<Claim> r, records_.GetRetraction(id));
    // Seen as of an earlier transaction, a later retraction has not happened yet.
    if (r && r->retracted_tx <= as_of_) ApplyRetraction(*r, &c);
    return c;
  }

  Result<Entity> GetEntity(EntityId id) const override {
    CG_ASSIGN_OR_RETURN(auto shared, GetEntityShared(id));
    return *shared;
  }

  Result<std::shared_ptr<const Entity>> GetEntityShared(EntityId id) const override {
    if (auto cached = store_->CachedEntity(id)) return cached;
    CG_ASSIGN_OR_RETURN(Entity e, records_.GetEntity(id));
    auto shared = std::make_shared<const Entity>(std::move(e));
    store_->CacheEntity(last_tx_, shared);
    return shared;
  }

  Result<EntityId> FindEntity(std::string_view name) const override {
    std::string norm = NormalizeAlias(name);
    if (norm.empty()) return Status::NotFound("entity \"" + std::string(name) + "\"");
    return records_.GetId(Cf::kAlias, norm, "entity \"" + std::string(name) + "\"");
  }

  Result<Predicate> GetPredicate(PredicateId id) const override { return records_.GetPredicate(id); }

  Result<Predicate> FindPredicate(std::string_view name) const override {
    // The schema is small and cached: a lookup in it beats two point reads.
    CG_ASSIGN_OR_RETURN(auto predicates, ListPredicates());
    for (auto& p : predicates)
      if (p.name == name) return std::move(p);
    return Status::NotFound("predicate '" + std::string(name) + "' not found");
  }

  Result<Source> GetSource(SourceId id) const override { return records_.GetSource(id); }

  Result<Source> FindSource(std::string_view key) const override {
    CG_ASSIGN_OR_RETURN(SourceId id,
                        records_.GetId(Cf::kDict, EncodeDictKey(NameTag::kSource, key), "source \"" + std::string(key) + "\""));
    return GetSource(id);
  }

  Result<Literal> GetLiteral(TermId id) const override { return records_.GetLiteral(id); }

  Result<TermId> FindLiteral(const Literal& literal) const override {
    return records_.GetId(Cf::kDict, EncodeLiteralDictKey(literal.kind, literal.lexical),
                          "literal \"" + literal.lexical + "\"");
  }

  Result<std::vector<Entity>> ListEntities() const override {
    std::vector<Entity> out;
    CG_RETURN_IF_ERROR(ForEachEntity([&](const Entity& e) {
      out.push_back(e);
      return true;
    }));
    return out;
  }

  Status ForEachEntity(const std::function<bool(const Entity&)>& fn) const override {
    return records_.ForEachEntity([&](Entity& e) -> Result<bool> { return fn(e); });
  }

  Status ForEachSource(const std::function<bool(const Source&)>& fn) const override {
    return records_.ForEachSource([&](Source& src) -> Result<bool> { return fn(src); });
  }

  Result<std::vector<Predicate>> ListPredicates() const override {
    if (auto cached = store_->CachedPredicates()) return *cached;
    CG_ASSIGN_OR_RETURN(auto read, ReadPredicates());
    auto shared = std::make_shared<const std::vector<Predicate>>(std::move(read));
    store_->CachePredicates(last_tx_, shared);
    return *shared;
  }

  Result<std::vector<Predicate>> ReadPredicates() const {
    std::vector<Predicate> out;
    CG_RETURN_IF_ERROR(records_.ForEachPredicate([&](Predicate& p) -> Result<bool> {
      out.push_back(std::move(p));
      return true;
    }));
    return out;
  }

  Result<std::vector<Source>> ListSources() const override {
    std::vector<Source> out;
    CG_RETURN_IF_ERROR(ForEachSource([&](const Source& src) {
      out.push_back(src);
      return true;
    }));
    return out;
  }

  Result<TxRecord> GetTx(TxId tx) const override {
    if (tx == 0 || tx > last_tx_) return Status::NotFound("transaction " + std::to_string(tx) + " not found");
    return records_.GetTxRecord(tx);
  }

  Result<TxId> TxAtTime(int64_t time_us) const override {
    // Commit times never decrease along the log, so binary search works.
    TxId lo = 0, hi = last_tx_;
    while (lo < hi) {
      TxId mid = lo + (hi - lo + 1) / 2;
      CG_ASSIGN_OR_RETURN(TxRecord rec, GetTx(mid));
      if (rec.time_us <= time_us) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  Status ForEachClaim(const std::function<Status(const Claim&)>& visit) const override {
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(Cf::kClaims)));
    std::optional<Claim> pending;
    auto flush = [&]() -> Status {
      if (pending) {
        Status st = visit(*pending);
        pending.reset();
        return st;
      }
      return Status::Ok();
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ClaimId id;
      uint8_t tag;
      if (!DecodeClaimKey(std::string_view(it->key().data(), it->key().size()), &id, &tag))
        return Status::Corruption("malformed claims key");
      std::string_view v(it->value().data(), it->value().size());
      if (tag == kClaimAssertionTag) {
        CG_RETURN_IF_ERROR(flush());
        Claim c;
        c.id = id;
        CG_RETURN_IF_ERROR(DecodeClaim(v, &c).WithContext("claim " + std::to_string(id)));
        if (c.asserted_tx <= as_of_) pending = std::move(c);
      } else if (pending && pending->id == id) {
        Claim r;
        CG_RETURN_IF_ERROR(DecodeRetraction(v, &r).WithContext("retraction of claim " + std::to_string(id)));
        if (r.retracted_tx <= as_of_) ApplyRetraction(r, &*pending);
      }
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning claims"));
    return flush();
  }

 private:
  const RocksClaimStore* store_;
  const rocksdb::Snapshot* snapshot_;
  TxId as_of_;
  TxId last_tx_;
  uint64_t entity_count_;
  rocksdb::ReadOptions ro_;
  RecordReader records_;
  mutable IteratorPool pool_;  // a view serves one query thread at a time
};

}  // namespace

std::unique_ptr<ReadView> NewRocksReadView(const RocksClaimStore* store, const rocksdb::Snapshot* snapshot,
                                           TxId as_of, const Counters& counters) {
  return std::make_unique<RocksReadView>(store, snapshot, as_of, counters);
}

}  // namespace claimgraph::storage
