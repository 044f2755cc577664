// ReadView over one RocksDB snapshot: point reads through RecordReader,
// pattern scans through RocksCursors, planning estimates here.
#include <rocksdb/iterator.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <type_traits>

#include "storage/normalize.h"
#include "storage/posting_list.h"
#include "storage/record_codec.h"
#include "storage/evidence.h"
#include "storage/record_reader.h"
#include "storage/rocks_cursors.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

// Entries read ahead into memory (ScanSources: a source's claims are few
// where it is chosen), with the error that stopped the reading, if any.
class EntryListCursor final : public ClaimCursor {
 public:
  EntryListCursor(std::vector<IndexEntry> entries, Status status)
      : entries_(std::move(entries)), status_(std::move(status)) {
    if (!status_.ok()) entries_.clear();
  }
  bool Valid() const override { return next_ < entries_.size(); }
  const IndexEntry& entry() const override { return entries_[next_]; }
  void Next() override { ++next_; }
  Status status() const override { return status_; }

 private:
  std::vector<IndexEntry> entries_;
  Status status_;
  size_t next_ = 0;
};

// The claim records with ids in [first, end), streamed: each assertion with
// its retraction, if any (the next key), kept when visible in the view and
// matching the pattern.
class ClaimRangeCursor final : public ClaimCursor {
 public:
  ClaimRangeCursor(std::unique_ptr<rocksdb::Iterator> it, ClaimId first, ClaimId end, const TriplePattern& pattern,
                   TxId as_of, const HiddenClaims* hidden)
      : it_(std::move(it)), end_(end), pattern_(pattern), as_of_(as_of), hidden_(hidden) {
    it_->Seek(EncodeClaimKey(first, kClaimAssertionTag));
    Settle();
  }
  bool Valid() const override { return valid_; }
  const IndexEntry& entry() const override { return entry_; }
  void Next() override { Settle(); }
  Status status() const override { return status_; }

 private:
  void Settle() {
    valid_ = false;
    while (status_.ok() && it_->Valid()) {
      ClaimId id;
      uint8_t tag;
      if (!DecodeClaimKey(it_->key().ToStringView(), &id, &tag)) {
        status_ = Status::Corruption("malformed claims key");
        return;
      }
      if (id >= end_) return;
      if (tag != kClaimAssertionTag) {  // a retraction whose claim was skipped
        it_->Next();
        continue;
      }
      Claim c;
      c.id = id;
      if (Status st = DecodeClaim(it_->value().ToStringView(), &c); !st.ok()) {
        status_ = st.WithContext("claim " + std::to_string(id));
        return;
      }
      it_->Next();
      TxId retracted = 0;
      if (it_->Valid()) {
        ClaimId next;
        if (DecodeClaimKey(it_->key().ToStringView(), &next, &tag) && next == id && tag == kClaimRetractionTag) {
          Claim r;
          if (Status st = DecodeRetraction(it_->value().ToStringView(), &r); !st.ok()) {
            status_ = st.WithContext("retraction of claim " + std::to_string(id));
            return;
          }
          retracted = r.retracted_tx;
          it_->Next();
        }
      }
      if (c.asserted_tx > as_of_ || (retracted != 0 && retracted <= as_of_)) continue;
      if (hidden_ && hidden_->Hides(id, c.source)) continue;
      if ((pattern_.subject && *pattern_.subject != c.subject) ||
          (pattern_.predicate && *pattern_.predicate != c.predicate) ||
          (pattern_.object && *pattern_.object != c.object))
        continue;
      entry_ = IndexEntryOf(c, c.asserted_tx, 0);
      valid_ = true;
      return;
    }
    if (status_.ok()) status_ = FromRocks(it_->status(), "scanning claims");
  }

  std::unique_ptr<rocksdb::Iterator> it_;
  ClaimId end_;
  TriplePattern pattern_;
  TxId as_of_;
  const HiddenClaims* hidden_;
  IndexEntry entry_;
  bool valid_ = false;
  Status status_;
};

bool IsPostingPath(AccessPath path) { return path == AccessPath::kSpPostings || path == AccessPath::kPoPostings; }

class RocksReadView final : public ReadView {
 public:
  RocksReadView(const RocksClaimStore* store, ScopedSnapshot snapshot, TxId as_of, const Counters& counters,
                std::shared_ptr<const MarkTable> marks, ViewOptions options)
      : store_(store), snapshot_(std::move(snapshot)), as_of_(as_of), last_tx_(counters.last_tx),
        entity_count_(counters.next_entity - 1), next_claim_(counters.next_claim), marks_(std::move(marks)), records_(store, snapshot_.get()),
        cursors_(store, snapshot_.get(), counters.last_tx) {
    ro_.snapshot = snapshot_.get();
    if (!options.include_deprecated) hidden_ = marks_->HiddenAsOf(as_of_);
  }

  TxId as_of() const override { return as_of_; }
  TxId last_tx() const override { return last_tx_; }
  uint64_t EntityCount() const override { return entity_count_; }

  std::unique_ptr<ClaimCursor> Scan(const TriplePattern& pattern) const override {
    return cursors_.Open(KeysOf(pattern), Visibility{as_of_, false, hidden_.get()});
  }
  std::unique_ptr<ClaimCursor> ScanAllVersions(const TriplePattern& pattern) const override {
    return cursors_.Open(KeysOf(pattern), Visibility{as_of_, true, nullptr});
  }

  void Prefetch(const std::vector<TriplePattern>& patterns) const override {
    std::vector<PatternKeys> keys;
    keys.reserve(patterns.size());
    for (const auto& p : patterns) keys.push_back(KeysOf(p));
    cursors_.Prefetch(std::move(keys));
  }

  Result<std::vector<ClaimId>> ClaimsBySource(SourceId source) const override {
    std::vector<ClaimId> out;
    CG_RETURN_IF_ERROR(ForEachSourceEntry(source, [&](const IndexEntry& e) { out.push_back(e.claim); }));
    std::sort(out.begin(), out.end());  // a format-5 store's entries come after the others
    return out;
  }

  std::unique_ptr<ClaimCursor> ScanSources(const std::vector<SourceId>& sources,
                                           const TriplePattern& pattern) const override {
    std::vector<IndexEntry> entries;
    Status s;
    for (SourceId source : sources) {
      s = ForEachSourceEntry(source, [&](const IndexEntry& e) {
        if ((!pattern.subject || *pattern.subject == e.subject) &&
            (!pattern.predicate || *pattern.predicate == e.predicate) &&
            (!pattern.object || *pattern.object == e.object))
          entries.push_back(e);
      });
      if (!s.ok()) break;
    }
    std::sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
      return std::tie(a.subject, a.predicate, a.object, a.claim) < std::tie(b.subject, b.predicate, b.object, b.claim);
    });
    return std::make_unique<EntryListCursor>(std::move(entries), std::move(s));
  }

  Result<uint64_t> EstimateSourceClaims(SourceId source) const override {
    constexpr uint64_t kExactUpTo = 128;
    auto read = std::make_unique<SourceEntries>();
    CG_RETURN_IF_ERROR(ReadSourceEntries(source, kExactUpTo, read.get()));
    const uint64_t n = read->with_values.size() + read->without_values.size();
    if (read->complete) {  // kept for the scan that usually follows
      peeked_source_ = source;
      peeked_ = std::move(read);
      return n;
    }
    constexpr uint64_t kBytesPerEntry = 14;  // 16-byte keys delta-encoded, ~15-byte values, compressed
    return SizeOrCount(Cf::kBySource, EncodeId(source), kBytesPerEntry);
  }

  std::unique_ptr<ClaimCursor> ScanClaimRange(ClaimId first, ClaimId end,
                                              const TriplePattern& pattern) const override {
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(Cf::kClaims)));
    return std::make_unique<ClaimRangeCursor>(std::move(it), first, end, pattern, as_of_, hidden_.get());
  }

  Result<ClaimId> FirstClaimFromTx(TxId tx) const override {
    // Binary search over [1, next_claim): asserted_tx ascends with the id.
    ClaimId lo = 1, hi = next_claim_;
    while (lo < hi) {
      const ClaimId mid = lo + (hi - lo) / 2;
      CG_ASSIGN_OR_RETURN(Claim c, records_.GetClaimRecord(mid));
      if (c.asserted_tx < tx) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  Result<uint64_t> CountClaims(const TriplePattern& pattern, uint64_t cap) const override {
    // Every claim (SHOW STATS, the Stats RPC): the po lists hold each claim
    // once, packed; decoding them is several times faster than stepping spo
    // once per claim.
    const bool everything = !pattern.subject && !pattern.predicate && !pattern.object;
    auto cursor = everything ? cursors_.OpenLists(PostingKind::kPredicateObject, std::string(),
                                                  Visibility{as_of_, false, hidden_.get()})
                             : Scan(pattern);
    uint64_t n = 0;
    for (; cursor->Valid() && n < cap; cursor->Next()) ++n;
    CG_RETURN_IF_ERROR(cursor->status());
    return n;
  }

  Result<uint64_t> EstimateClaims(const TriplePattern& pattern) const override {
    const PatternKeys keys = KeysOf(pattern);
    if (IsPostingPath(keys.path)) return EstimateFromPostings(keys);
    // Nothing bound: every claim ever asserted (visibility is ignored here as
    // below), without stepping 128 entries to learn that the range is big.
    if (keys.prefix.empty()) return next_claim_ - 1;
    constexpr uint64_t kExactUpTo = 128;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(keys.cf)));
    uint64_t n = 0;
    for (it->Seek(keys.prefix); it->Valid() && it->key().starts_with(keys.prefix) && n < kExactUpTo; it->Next()) ++n;
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "estimating"));
    if (n < kExactUpTo) return n;
    constexpr uint64_t kBytesPerEntry = 12;  // 32-byte keys delta-encoded and compressed, plus the value
    return SizeOrCount(keys.cf, keys.prefix, kBytesPerEntry);
  }

  // Entries under `prefix`, known to be more than a few: from the range's
  // size when that says very many, else counted up to kCountedUpTo. RocksDB
  // sizes a range still in the memtable by sampling its skip list, whose
  // shape is random, and counts its bytes uncompressed: a thousand entries
  // came out anywhere from a few dozen to 2.5 times too many, and a plan
  // changed from run to run. A count of a few thousand keys is cheap beside
  // the scan it decides about; far past it the size is good enough.
  Result<uint64_t> SizeOrCount(Cf cf, const std::string& prefix, uint64_t bytes_per_entry) const {
    constexpr uint64_t kCountedUpTo = 4096;
    constexpr uint64_t kSizeTrustedFrom = 4 * kCountedUpTo;  // memtable bytes run ~3x compressed ones
    CG_ASSIGN_OR_RETURN(uint64_t bytes, RangeBytes(cf, prefix));
    const uint64_t sized = bytes / bytes_per_entry;
    if (sized >= kSizeTrustedFrom) return sized;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(cf)));
    uint64_t n = 0;
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix) && n < kCountedUpTo; it->Next()) ++n;
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "estimating"));
    return n < kCountedUpTo ? n : std::max(n, sized);
  }

  // Postings in one list: counted when the list is short, else from its size.
  static uint64_t ListPostings(std::string_view list) {
    constexpr uint64_t kEncodedBytesPerPosting = 11;
    return list.size() > 4096 ? list.size() / kEncodedBytesPerPosting : CountPostings(list);
  }

  // One list (its whole key bound), or the lists under a one-word prefix.
  Result<uint64_t> EstimateFromPostings(const PatternKeys& keys) const {
    if (keys.prefix.size() == kPostingKeySize) {
      // Kept for the scan that usually follows (RocksCursors::PeekList).
      CG_ASSIGN_OR_RETURN(const rocksdb::PinnableSlice* value, cursors_.PeekList(keys.cf, keys.prefix));
      return value ? ListPostings(value->ToStringView()) : 0;
    }
    constexpr int kListsCounted = 64;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(keys.cf)));
    uint64_t n = 0;
    int lists = 0;
    for (it->Seek(keys.prefix); it->Valid() && it->key().starts_with(keys.prefix) && lists < kListsCounted;
         it->Next(), ++lists)
      n += ListPostings(it->value().ToStringView());
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
    if (auto cached = store_->CachedEntity(id, last_tx_)) return cached;
    CG_ASSIGN_OR_RETURN(Entity e, records_.GetEntity(id));
    auto shared = std::make_shared<const Entity>(std::move(e));
    store_->CacheEntity(last_tx_, shared);
    return shared;
  }

  Result<EntityId> FindEntity(std::string_view name) const override {
    std::string norm = NormalizeAlias(name);
    if (norm.empty()) return Status::NotFound("entity \"" + std::string(name) + "\"");
    if (std::optional<uint64_t> cached = store_->CachedNameId(Cf::kAlias, norm, last_tx_)) return *cached;
    CG_ASSIGN_OR_RETURN(EntityId id, records_.GetId(Cf::kAlias, norm, "entity \"" + std::string(name) + "\""));
    store_->CacheNameId(Cf::kAlias, norm, id, last_tx_);
    return id;
  }

  Result<Predicate> GetPredicate(PredicateId id) const override {
    // The schema is small and cached: a lookup in it beats a point read (a
    // result's rows name their predicates).
    CG_ASSIGN_OR_RETURN(auto predicates, PredicatesShared());
    auto it = std::lower_bound(predicates->begin(), predicates->end(), id,
                               [](const Predicate& p, PredicateId want) { return p.id < want; });
    if (it != predicates->end() && it->id == id) return *it;
    return records_.GetPredicate(id);
  }

  Result<Predicate> FindPredicate(std::string_view name) const override {
    CG_ASSIGN_OR_RETURN(auto predicates, PredicatesShared());
    for (const Predicate& p : *predicates)
      if (p.name == name) return p;
    return Status::NotFound("predicate '" + std::string(name) + "' not found");
  }

  Result<Source> GetSource(SourceId id) const override {
    CG_ASSIGN_OR_RETURN(auto shared, GetSourceShared(id));
    return *shared;
  }

  Result<std::shared_ptr<const Source>> GetSourceShared(SourceId id) const override {
    if (auto cached = store_->CachedSource(id, last_tx_)) return cached;
    CG_ASSIGN_OR_RETURN(Source s, records_.GetSource(id));
    auto shared = std::make_shared<const Source>(std::move(s));
    store_->CacheSource(last_tx_, shared);
    return shared;
  }

  Result<Source> FindSource(std::string_view key) const override {
    const std::string dict_key = EncodeDictKey(NameTag::kSource, key);
    std::optional<uint64_t> cached = store_->CachedNameId(Cf::kDict, dict_key, last_tx_);
    if (cached) return GetSource(*cached);
    CG_ASSIGN_OR_RETURN(SourceId id, records_.GetId(Cf::kDict, dict_key, "source \"" + std::string(key) + "\""));
    store_->CacheNameId(Cf::kDict, dict_key, id, last_tx_);
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
    CG_ASSIGN_OR_RETURN(auto predicates, PredicatesShared());
    return *predicates;
  }
  Result<std::shared_ptr<const std::vector<Predicate>>> SharedPredicates() const override { return PredicatesShared(); }

  // Every predicate in id order (names keys are by id), shared with the
  // store's cache.
  Result<std::shared_ptr<const std::vector<Predicate>>> PredicatesShared() const {
    if (auto cached = store_->CachedPredicates()) return cached;
    CG_ASSIGN_OR_RETURN(auto read, ReadPredicates());
    auto shared = std::make_shared<const std::vector<Predicate>>(std::move(read));
    store_->CachePredicates(last_tx_, shared);
    return shared;
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

  Result<Evidence> GetEvidence(std::string_view sha256_hex) const override {
    Evidence e;
    const std::optional<std::string> key = EvidenceKeyOf(sha256_hex);
    if (!key) return e;  // no SHA-256 recorded: no text can have been kept
    std::string value;
    CG_ASSIGN_OR_RETURN(bool found, records_.GetIfPresent(Cf::kEvidence, *key, "a kept text", &value));
    if (found) CG_RETURN_IF_ERROR(DecodeEvidence(value, &e));
    return e;
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

  bool HidesDeprecated() const override { return hidden_ != nullptr; }

  std::optional<Mark> DeprecationOf(ClaimId claim, SourceId source) const override {
    if (marks_->empty()) return std::nullopt;
    for (auto [target, id] : {std::pair{Mark::Target::kClaim, claim}, std::pair{Mark::Target::kSource, source}}) {
      std::optional<Mark> m = marks_->Latest(target, id, as_of_);
      if (m && m->deprecated) return m;
    }
    return std::nullopt;
  }

  std::vector<Mark> MarksOf(Mark::Target target, uint64_t id) const override { return marks_->All(target, id, as_of_); }

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
      if (!DecodeClaimKey(it->key().ToStringView(), &id, &tag))
        return Status::Corruption("malformed claims key");
      std::string_view v(it->value().data(), it->value().size());
      if (tag == kClaimAssertionTag) {
        CG_RETURN_IF_ERROR(flush());
        Claim c;
        c.id = id;
        if (Status st = DecodeClaim(v, &c); !st.ok()) return st.WithContext("claim " + std::to_string(id));
        if (c.asserted_tx <= as_of_) pending = std::move(c);
      } else if (pending && pending->id == id) {
        Claim r;
        if (Status st = DecodeRetraction(v, &r); !st.ok())
          return st.WithContext("retraction of claim " + std::to_string(id));
        if (r.retracted_tx <= as_of_) ApplyRetraction(r, &*pending);
      }
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning claims"));
    return flush();
  }

  Status ForEachClaimRecord(const std::vector<ClaimId>& ids,
                            const std::function<Status(const Claim&)>& visit) const override {
    return ReadClaimRecords(ids, /*with_retractions=*/false, [&](const Claim& c, TxId) { return visit(c); });
  }


 private:
  // A source's by_source entries as stored (visibility not applied): those
  // with a value (format 6), and the claim ids of those without (format 5).
  struct SourceEntries {
    std::vector<IndexEntry> with_values;
    std::vector<ClaimId> without_values;
    bool complete = false;  // every entry, not only the first `limit`
  };

  // A complete read of a format-6 source is kept in the store's list cache
  // under this snapshot's transaction (list_cache.h: every change to a
  // source's entries is a transaction), as its entries' bytes: stepping a
  // RocksDB iterator costs ~1.5k instructions an entry, a third of a
  // 97-claim FROM SOURCE statement (callgrind, session 21). A kept read is
  // complete whatever `limit` asks: the caller gets every entry, exactly.
  Status ReadSourceEntries(SourceId source, uint64_t limit, SourceEntries* out) const {
    static_assert(std::is_trivially_copyable_v<IndexEntry>);
    const std::string prefix = EncodeId(source);
    const ListCache* cache = store_->list_cache();
    rocksdb::PinnableSlice kept;
    bool found = false;
    if (cache && cache->Lookup(Cf::kBySource, prefix, last_tx_, &kept, &found)) {
      out->with_values.resize(kept.size() / sizeof(IndexEntry));
      if (!out->with_values.empty()) std::memcpy(out->with_values.data(), kept.data(), kept.size());
      out->complete = true;
      return Status::Ok();
    }
    CG_RETURN_IF_ERROR(ScanSourceEntries(prefix, limit, out));
    if (cache && out->complete && out->without_values.empty()) {
      const std::string_view bytes(reinterpret_cast<const char*>(out->with_values.data()),
                                   out->with_values.size() * sizeof(IndexEntry));
      cache->Insert(Cf::kBySource, prefix, last_tx_, bytes, !out->with_values.empty());
    }
    return Status::Ok();
  }
  Status ScanSourceEntries(const std::string& prefix, uint64_t limit, SourceEntries* out) const {
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(Cf::kBySource)));
    uint64_t n = 0;
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next(), ++n) {
      if (n == limit) return FromRocks(it->status(), "scanning by_source");
      const std::string_view key = it->key().ToStringView(), value = it->value().ToStringView();
      IndexEntry e;
      if (value.empty()) {
        SourceId from;
        if (!DecodeBySourceKey(key, &from, &e.claim)) return Status::Corruption("malformed by_source key");
        out->without_values.push_back(e.claim);
      } else {
        if (!DecodeBySourceEntry(key, value, &e)) return Status::Corruption("malformed by_source entry");
        out->with_values.push_back(e);
      }
    }
    out->complete = true;
    return FromRocks(it->status(), "scanning by_source");
  }

  // Visits the index entries of one source's visible claims, as of the view
  // (retracted_tx 0 when the retraction is later), in claim id order — one
  // prefix read of by_source (format 6), or none when the planner's estimate
  // read the whole source just before. A format-5 store's entries (read only:
  // opened read-write it is migrated) carry no value; their claims are read
  // from the records, and visited after the others.
  Status ForEachSourceEntry(SourceId source, const std::function<void(const IndexEntry&)>& visit) const {
    std::unique_ptr<SourceEntries> entries;
    if (peeked_ && peeked_source_ == source) {
      entries = std::move(peeked_);
    } else {
      entries = std::make_unique<SourceEntries>();
      CG_RETURN_IF_ERROR(ReadSourceEntries(source, UINT64_MAX, entries.get()));
    }
    auto visible = [&](IndexEntry e) {
      if (e.asserted_tx > as_of_ || (hidden_ && hidden_->Hides(e.claim, source))) return;
      if (e.retracted_tx > as_of_) e.retracted_tx = 0;
      if (e.retracted_tx == 0) visit(e);
    };
    for (const IndexEntry& e : entries->with_values) visible(e);
    if (entries->without_values.empty()) return Status::Ok();
    // The records as stored, not GetClaim: a view as of an earlier
    // transaction meets claims asserted after it here, and skips them.
    return ReadClaimRecords(entries->without_values, /*with_retractions=*/true,
                            [&](const Claim& c, TxId retracted_tx) {
                              visible(IndexEntryOf(c, c.asserted_tx, retracted_tx));
                              return Status::Ok();
                            });
  }

  // The records of `ids` (ascending), and with `with_retractions` each one's
  // retraction transaction (else 0), in sorted MultiGet batches: keys in one
  // block share its lookup. (Two Gets per claim had cost ~5 us a claim; an
  // iterator stepping between a source's scattered ids cost more still.)
  Status ReadClaimRecords(const std::vector<ClaimId>& ids, bool with_retractions,
                          const std::function<Status(const Claim&, TxId retracted_tx)>& visit) const {
    constexpr size_t kBatch = 128;  // claims per MultiGet
    const size_t per_claim = with_retractions ? 2 : 1;
    std::vector<std::string> keys(per_claim * kBatch);
    std::vector<rocksdb::Slice> slices(per_claim * kBatch);
    std::vector<rocksdb::PinnableSlice> values(per_claim * kBatch);
    std::vector<rocksdb::Status> statuses(per_claim * kBatch);
    for (size_t begin = 0; begin < ids.size(); begin += kBatch) {
      const size_t n = std::min(kBatch, ids.size() - begin);
      for (size_t i = 0; i < n * per_claim; ++i) {
        keys[i] = EncodeClaimKey(ids[begin + i / per_claim], i % per_claim ? kClaimRetractionTag : kClaimAssertionTag);
        slices[i] = keys[i];
        values[i].Reset();
      }
      store_->db()->MultiGet(ro_, store_->cf(Cf::kClaims), n * per_claim, slices.data(), values.data(),
                             statuses.data(), /*sorted_input=*/true);
      for (size_t i = 0; i < n; ++i) {
        const ClaimId id = ids[begin + i];
        const size_t at = i * per_claim;
        if (statuses[at].IsNotFound()) return Status::NotFound("claim " + std::to_string(id));
        CG_RETURN_IF_ERROR(FromRocks(statuses[at], "reading claim " + std::to_string(id)));
        Claim c;
        c.id = id;
        if (Status st = DecodeClaim(values[at].ToStringView(), &c); !st.ok())
          return st.WithContext("claim " + std::to_string(id));
        TxId retracted_tx = 0;
        if (with_retractions && !statuses[at + 1].IsNotFound()) {
          CG_RETURN_IF_ERROR(FromRocks(statuses[at + 1], "reading the retraction of claim " + std::to_string(id)));
          Claim r;
          if (Status st = DecodeRetraction(values[at + 1].ToStringView(), &r); !st.ok())
            return st.WithContext("retraction of claim " + std::to_string(id));
          retracted_tx = r.retracted_tx;
        }
        CG_RETURN_IF_ERROR(visit(c, retracted_tx));
      }
    }
    return Status::Ok();
  }

  const RocksClaimStore* store_;
  ScopedSnapshot snapshot_;  // released last: everything below reads it
  TxId as_of_;
  TxId last_tx_;
  uint64_t entity_count_;
  ClaimId next_claim_;  // of the snapshot's head: claims past as_of are there too, and skipped
  std::shared_ptr<const MarkTable> marks_;      // every mark this snapshot has
  std::shared_ptr<const HiddenClaims> hidden_;  // what scans skip: null when nothing
  rocksdb::ReadOptions ro_;
  RecordReader records_;
  mutable RocksCursors cursors_;  // a view serves one query thread at a time
  // One source's entries, read whole by EstimateSourceClaims for the
  // ScanSources that usually follows (taken by it: read once).
  mutable SourceId peeked_source_ = 0;
  mutable std::unique_ptr<SourceEntries> peeked_;
};

}  // namespace

std::unique_ptr<ReadView> NewRocksReadView(const RocksClaimStore* store, ScopedSnapshot snapshot, TxId as_of,
                                           const Counters& counters, std::shared_ptr<const MarkTable> marks,
                                           ViewOptions options) {
  return std::make_unique<RocksReadView>(store, std::move(snapshot), as_of, counters, std::move(marks), options);
}

}  // namespace claimgraph::storage
