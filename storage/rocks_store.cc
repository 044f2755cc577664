// RocksClaimStore: opening a store (format check, migration of older formats),
// the chain head and the caches it publishes, and the TEST_ hooks. Reads are
// in rocks_read_view.cc, writes in rocks_write_transaction.cc, the audits in
// verify_log.cc and verify_indexes.cc.
#include <rocksdb/convenience.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/table.h>
#include <rocksdb/cache.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>

#include "storage/byte_codec.h"
#include "storage/posting_merge.h"
#include "storage/record_reader.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {

Status FromRocks(const rocksdb::Status& s, std::string_view context) {
  if (s.ok()) return Status::Ok();
  std::string msg = std::string(context) + ": " + s.ToString();
  if (s.IsNotFound()) return Status::NotFound(msg);
  if (s.IsCorruption()) return Status::Corruption(msg);
  if (s.IsInvalidArgument()) return Status::InvalidArgument(msg);
  if (s.IsIOError()) return Status::IOError(msg);
  if (s.IsBusy() || s.IsTryAgain() || s.IsTimedOut()) return Status::ResourceExhausted(msg);
  return Status::Internal(msg);
}

std::string EncodeCounters(const Counters& c) {
  std::string out;
  for (uint64_t v : {c.next_entity, c.next_predicate, c.next_source, c.next_literal, c.next_claim, c.last_tx})
    PutVarint(&out, v);
  return out;
}

Status DecodeCounters(std::string_view in, Counters* out) {
  ByteReader r(in);
  for (uint64_t* v : {&out->next_entity, &out->next_predicate, &out->next_source, &out->next_literal,
                      &out->next_claim, &out->last_tx})
    *v = r.Varint();
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("meta counters record is malformed");
  return Status::Ok();
}

// The on-disk format that introduced a column family: a store of an older
// format lacks it until migrated (Open creates it read-write).
uint32_t FormatThatAdded(Cf cf) {
  if (cf == Cf::kSpPostings || cf == Cf::kPoPostings) return 2;
  if (cf == Cf::kEvidence) return 3;
  if (cf == Cf::kMarks) return 4;
  return 1;
}

Status NeedsMigration(const std::string& dir, uint32_t version) {
  return Status::FailedPrecondition("store " + dir + " has on-disk format " + std::to_string(version) +
                                    ", which needs a migration to format " + std::to_string(kFormatVersion) +
                                    ": open it once read-write (claimgraphd serve)");
}

// Ingested texts: zstd where this RocksDB has it (prose compresses about 3:1),
// else LZ4. Larger blocks than the indexes' give the compressor more context;
// a text larger than a block is compressed whole as its own block.
void SetEvidenceCompression(rocksdb::ColumnFamilyOptions* o, rocksdb::BlockBasedTableOptions* t) {
  auto supported = rocksdb::GetSupportedCompressions();
  auto has = [&](rocksdb::CompressionType c) { return std::find(supported.begin(), supported.end(), c) != supported.end(); };
  const rocksdb::CompressionType c = has(rocksdb::kZSTD) ? rocksdb::kZSTD
                                     : has(rocksdb::kLZ4Compression) ? rocksdb::kLZ4Compression
                                                                     : rocksdb::kSnappyCompression;
  o->compression = c;
  o->bottommost_compression = c;
  t->block_size = 64 * 1024;
}

// Online commits add to posting lists by merge operands (posting_list.h).
// A commit writes operands only: no max_successive_merges, whose fold at
// write time read and re-wrote the whole list once per that many commits on
// it — O(list) again, a hub's commits 2.4x slower than random ones at 20M
// claims once the folds began (session 16). A scan of one list reads its
// operands apart and merges them as it goes (RocksCursors::ReadListApart);
// other reads fold them; flushes fold a list's operands into one, and
// compactions into the list.
void SetPostingListMerging(rocksdb::ColumnFamilyOptions* o) { o->merge_operator = PostingListMergeOperator(); }

rocksdb::ColumnFamilyOptions ColumnFamilyOptionsFor(Cf cf, const StoreOptions& options) {
  static std::shared_ptr<rocksdb::Cache> cache;  // shared by every store in the process
  static std::once_flag once;
  std::call_once(once, [&] { cache = rocksdb::NewLRUCache(options.block_cache_bytes); });
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.block_size = 16 * 1024;
  // A hash index in each data block: a point read (a posting list per join
  // step, a name, a claim record) finds its key in the block without the
  // binary search and the scan after it (a quarter of a two-hop join's CPU
  // had been DataBlockIter::SeekImpl). Iterators still use the binary
  // index; old files without the hash read as before.
  t.data_block_index_type = rocksdb::BlockBasedTableOptions::kDataBlockBinaryAndHash;
  t.data_block_hash_table_util_ratio = 0.75;
  if (cf == Cf::kEvidence) {
    SetEvidenceCompression(&o, &t);
    o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
    o.write_buffer_size = 64 << 20;
    return o;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  auto supported = rocksdb::GetSupportedCompressions();
  bool lz4 = std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) != supported.end();
  // Index keys are 32 sorted bytes that delta-encode well; LZ4 squeezes the
  // rest cheaply. The bottom level gets zstd where available.
  o.compression = lz4 ? rocksdb::kLZ4Compression : rocksdb::kSnappyCompression;
  bool zstd = std::find(supported.begin(), supported.end(), rocksdb::kZSTD) != supported.end();
  if (zstd && (cf == Cf::kClaims || cf == Cf::kTxlog)) o.bottommost_compression = rocksdb::kZSTD;
  o.write_buffer_size = 64 << 20;
  if (cf == Cf::kSpPostings || cf == Cf::kPoPostings) SetPostingListMerging(&o);
  return o;
}

ClaimStore::CacheCounts RocksClaimStore::ListCacheCounts() const {
  if (!list_cache_) return {};
  const ListCache::Counts c = list_cache_->counts();
  return {c.hits, c.misses};
}

RocksClaimStore::~RocksClaimStore() {
  if (db_) {
    for (auto* h : cfs_)
      if (h) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db_->Close().PermitUncheckedError();
  }
}

Result<std::unique_ptr<ClaimStore>> ClaimStore::Open(const std::string& dir, const StoreOptions& options) {
  return RocksClaimStore::Open(dir, options);
}

Result<std::unique_ptr<ClaimStore>> RocksClaimStore::Open(const std::string& dir, const StoreOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(fs::path(dir) / "CURRENT", ec);
  if (exists && options.error_if_exists) return Status::AlreadyExists("store already exists in " + dir);
  if (!exists) {
    if (!options.create_if_missing || options.read_only)
      return Status::NotFound("no claimgraph store in " + dir);
    // The data directory holds every claim and the audit trail: owner-only.
    if (!fs::exists(dir, ec)) {
      if (!fs::create_directories(dir, ec)) return Status::IOError("cannot create " + dir + ": " + ec.message());
      ::chmod(dir.c_str(), 0700);
    }
  }

  std::unique_ptr<RocksClaimStore> store(new RocksClaimStore());
  store->dir_ = dir;
  store->options_ = options;

  if (exists) {
    std::vector<std::string> names;
    auto s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
    if (!s.ok()) return FromRocks(s, "opening " + dir);
    std::set<std::string> have(names.begin(), names.end());
    for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
      const Cf cf = static_cast<Cf>(i);
      if (have.count(CfName(cf))) continue;
      if (FormatThatAdded(cf) == 1)
        return Status::FailedPrecondition(dir + " is not a claimgraph store (no column family '" + CfName(cf) + "')");
      if (options.read_only)  // an older format: the family is created by the migration
        return NeedsMigration(dir, FormatThatAdded(cf) - 1);
    }
  }

  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  // An older store lacks the families later formats added; they are created
  // here and filled (if need be) by the migration below.
  db_options.create_missing_column_families = !options.read_only;
  db_options.IncreaseParallelism(2);
  db_options.max_open_files = 512;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < static_cast<int>(Cf::kCount); ++i) {
    Cf cf = static_cast<Cf>(i);
    descriptors.emplace_back(CfName(cf), ColumnFamilyOptionsFor(cf, options));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = options.read_only
                          ? rocksdb::DB::OpenForReadOnly(db_options, dir, descriptors, &handles, &raw)
                          : rocksdb::DB::Open(db_options, dir, descriptors, &handles, &raw);
  if (!s.ok()) return FromRocks(s, "opening store " + dir);
  store->db_.reset(raw);
  for (size_t i = 0; i < handles.size(); ++i) store->cfs_[i] = handles[i];

  std::string version;
  s = raw->Get(rocksdb::ReadOptions(), store->cf(Cf::kMeta), std::string(kMetaFormatVersion), &version);
  if (s.IsNotFound()) {
    if (exists) return Status::FailedPrecondition(dir + " has no format version: not a claimgraph store");
    std::string v;
    PutFixed32BE(&v, kFormatVersion);
    rocksdb::WriteBatch batch;
    batch.Put(store->cf(Cf::kMeta), std::string(kMetaFormatVersion), v);
    batch.Put(store->cf(Cf::kMeta), std::string(kMetaCounters), EncodeCounters(Counters{}));
    rocksdb::WriteOptions wo;
    wo.sync = true;
    CG_RETURN_IF_ERROR(FromRocks(raw->Write(wo, &batch), "initializing store"));
  } else if (!s.ok()) {
    return FromRocks(s, "reading format version");
  } else {
    ByteReader r(version);
    uint32_t v = r.Fixed32BE();
    // Format 5 changed only how lists are written (merge operands), not what
    // a format-4 store holds, and format 6 reads a format-5 by_source entry
    // (no value) through the claim records: read-only opens read either as it is.
    const bool readable_as_is = (v == 4 || v == 5) && options.read_only;
    if (r.ok() && v >= 1 && v < kFormatVersion && options.read_only && !readable_as_is) return NeedsMigration(dir, v);
    if (r.ok() && v == 1) {
      CG_RETURN_IF_ERROR(MigrateFormat1To2(store.get()).WithContext("migrating " + dir + " to format 2"));
      v = 2;
    }
    if (r.ok() && v == 2) {
      // Format 3 adds the evidence family, created empty by the open above.
      CG_RETURN_IF_ERROR(RecordFormatVersion(store.get(), 3).WithContext("migrating " + dir + " to format 3"));
      v = 3;
    }
    if (r.ok() && v == 3) {
      // Format 4: confidence codes in the indexes (rewritten here) and the
      // marks family (created empty by the open above).
      CG_RETURN_IF_ERROR(MigrateFormat3To4Confidence(store.get()).WithContext("migrating " + dir + " to format 4"));
      v = 4;
    }
    if (r.ok() && v == 4 && !options.read_only) {
      // Format 5: posting lists take merge operands (posting_list.h). Nothing
      // to rewrite; the version keeps a format-4 binary, which has no merge
      // operator to read them with, from opening the store.
      CG_RETURN_IF_ERROR(RecordFormatVersion(store.get(), 5).WithContext("migrating " + dir + " to format 5"));
      v = 5;
    }
    if (r.ok() && v == 5 && !options.read_only) {
      // Format 6: each by_source entry carries its claim's index entry.
      CG_RETURN_IF_ERROR(MigrateFormat5To6BySource(store.get()).WithContext("migrating " + dir + " to format 6"));
      v = 6;
    }
    if (!r.ok() || (v != kFormatVersion && !readable_as_is))
      return Status::FailedPrecondition("store " + dir + " has on-disk format version " +
                                        (r.ok() ? std::to_string(v) : std::string("<unreadable>")) +
                                        "; this build reads version " + std::to_string(kFormatVersion));
  }
  CG_RETURN_IF_ERROR(store->LoadHead());
  store->list_cache_ = std::make_unique<ListCache>(options.list_cache_bytes);
  return std::unique_ptr<ClaimStore>(std::move(store));
}

Status RocksClaimStore::LoadHead() {
  const RecordReader records(this, nullptr);
  ChainHead head;
  CG_ASSIGN_OR_RETURN(head.counters, records.GetCounters());
  if (head.counters.last_tx > 0) {
    Result<TxRecord> newest = records.GetTxRecord(head.counters.last_tx);
    // meta says the log goes this far: its end missing is damage, not absence.
    if (newest.status().code() == StatusCode::kNotFound)
      return Status::Corruption("txlog record " + std::to_string(head.counters.last_tx) + " (the newest) is missing");
    CG_ASSIGN_OR_RETURN(TxRecord rec, std::move(newest));
    head.last_hash = rec.hash;
    head.last_time_us = rec.time_us;
  }
  CG_ASSIGN_OR_RETURN(std::vector<Mark> marks, ReadMarksAfter(nullptr, 0));
  {
    std::lock_guard<std::mutex> lock(state_mu_);
    marks_ = MarkTable::Extend(MarkTable(), std::move(marks), head.counters.last_tx);
  }
  PublishHead(head);
  return Status::Ok();
}

Result<std::vector<Mark>> RocksClaimStore::ReadMarksAfter(const rocksdb::Snapshot* snapshot, TxId after) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kMarks)));
  std::vector<Mark> out;
  std::string start;
  PutFixed64BE(&start, after + 1);
  for (it->Seek(start); it->Valid(); it->Next()) {
    Mark m;
    if (!DecodeMark(it->key().ToStringView(), it->value().ToStringView(), &m))
      return Status::Corruption("malformed entry in marks");
    out.push_back(std::move(m));
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading marks"));
  return out;
}

std::shared_ptr<const MarkTable> RocksClaimStore::marks() const {
  std::lock_guard<std::mutex> lock(state_mu_);
  return marks_;
}

void RocksClaimStore::PublishMarks(std::shared_ptr<const MarkTable> table) {
  std::lock_guard<std::mutex> lock(state_mu_);
  marks_ = std::move(table);
}

Status RocksClaimStore::ReadPostingList(Cf cf, const std::string& key, std::vector<Posting>* out) const {
  std::string value;
  CG_ASSIGN_OR_RETURN(bool found, RecordReader(this, nullptr).GetIfPresent(cf, key, "a posting list", &value));
  if (!found) return Status::Ok();
  if (!DecodePostingList(value, out)) return Status::Corruption(std::string("malformed list in ") + CfName(cf));
  return Status::Ok();
}

RocksClaimStore::ChainHead RocksClaimStore::head() const {
  std::lock_guard<std::mutex> lock(state_mu_);
  return head_;
}

void RocksClaimStore::PublishHead(const ChainHead& head) {
  std::lock_guard<std::mutex> lock(state_mu_);
  const bool moved = head.counters.last_tx != head_.counters.last_tx;
  head_ = head;
  if (moved) committed_.notify_all();
}

TxId RocksClaimStore::WaitForCommit(TxId after, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(state_mu_);
  committed_.wait_for(lock, timeout, [&] { return head_.counters.last_tx > after; });
  return head_.counters.last_tx;
}

void RocksClaimStore::PublishHeadAndInvalidate(const ChainHead& head, const std::set<EntityId>& changed,
                                               bool predicates_changed, const std::set<SourceId>& changed_sources) {
  std::unique_lock<std::shared_mutex> lock(cache_mu_);
  PublishHead(head);
  for (EntityId id : changed) entity_cache_.erase(id);
  for (SourceId id : changed_sources) source_cache_.erase(id);
  if (predicates_changed) predicate_cache_.reset();
}

std::shared_ptr<const std::vector<Predicate>> RocksClaimStore::CachedPredicates() const {
  std::shared_lock<std::shared_mutex> lock(cache_mu_);
  return predicate_cache_;
}

void RocksClaimStore::CachePredicates(TxId view_last_tx, std::shared_ptr<const std::vector<Predicate>> predicates) const {
  std::unique_lock<std::shared_mutex> lock(cache_mu_);
  if (view_last_tx == head().counters.last_tx) predicate_cache_ = std::move(predicates);
}

std::shared_ptr<const Entity> RocksClaimStore::CachedEntity(EntityId id, TxId view_last_tx) const {
  std::shared_lock<std::shared_mutex> lock(cache_mu_);
  auto it = entity_cache_.find(id);
  return it == entity_cache_.end() || it->second.cached_at > view_last_tx ? nullptr : it->second.record;
}

void RocksClaimStore::CacheEntity(TxId view_last_tx, std::shared_ptr<const Entity> entity) const {
  std::unique_lock<std::shared_mutex> lock(cache_mu_);
  if (view_last_tx != head().counters.last_tx) return;  // an older snapshot: its record may be stale
  if (entity_cache_.size() >= 1000000) entity_cache_.clear();  // bounded: a cache, not a copy
  const uint64_t id = entity->id;  // (the right side of = is evaluated first: it moves entity)
  entity_cache_[id] = {std::move(entity), view_last_tx};
}

std::shared_ptr<const Source> RocksClaimStore::CachedSource(SourceId id, TxId view_last_tx) const {
  std::shared_lock<std::shared_mutex> lock(cache_mu_);
  auto it = source_cache_.find(id);
  return it == source_cache_.end() || it->second.cached_at > view_last_tx ? nullptr : it->second.record;
}

void RocksClaimStore::CacheSource(TxId view_last_tx, std::shared_ptr<const Source> source) const {
  std::unique_lock<std::shared_mutex> lock(cache_mu_);
  if (view_last_tx != head().counters.last_tx) return;  // an older snapshot: its record may be stale
  if (source_cache_.size() >= 1000000) source_cache_.clear();  // bounded: a cache, not a copy
  const uint64_t id = source->id;  // (the right side of = is evaluated first: it moves source)
  source_cache_[id] = {std::move(source), view_last_tx};
}

// How many names (and, apart, source keys) the store keeps resolved; past
// it the table starts again. A point query's names are few and hot: 100k
// covers the working set without holding a large store's dictionary.
constexpr size_t kMaxCachedNameIds = 100000;

std::optional<uint64_t> RocksClaimStore::CachedNameId(Cf cf, std::string_view key, TxId view_last_tx) const {
  const NameIds& ids = cf == Cf::kAlias ? alias_ids_ : source_key_ids_;
  std::shared_lock<std::shared_mutex> lock(name_ids_mu_);
  auto it = ids.find(key);
  if (it == ids.end() || it->second.seen_at > view_last_tx) return std::nullopt;
  return it->second.id;
}

void RocksClaimStore::CacheNameId(Cf cf, std::string_view key, uint64_t id, TxId view_last_tx) const {
  NameIds& ids = cf == Cf::kAlias ? alias_ids_ : source_key_ids_;
  std::unique_lock<std::shared_mutex> lock(name_ids_mu_);
  // Bounded: a cache, not a copy (~100 bytes an entry, so ~10 MiB at most).
  if (ids.size() >= kMaxCachedNameIds) ids.clear();
  auto [it, added] = ids.try_emplace(std::string(key), NameId{id, view_last_tx});
  if (!added) it->second.seen_at = std::min(it->second.seen_at, view_last_tx);
}

TxId RocksClaimStore::LastTx() const { return head().counters.last_tx; }

Result<std::unique_ptr<ReadView>> RocksClaimStore::NewReadView(std::optional<TxId> as_of, ViewOptions options) const {
  // The table first: a commit publishes it after writing, so the snapshot
  // taken next has every mark the table has, and maybe newer ones.
  std::shared_ptr<const MarkTable> table = marks();
  ScopedSnapshot snapshot(db_.get());
  CG_ASSIGN_OR_RETURN(const Counters counters, CountersAt(snapshot.get()));
  TxId horizon = as_of.value_or(counters.last_tx);
  if (horizon > counters.last_tx) {
    return Status::NotFound("transaction " + std::to_string(horizon) + " does not exist yet (the newest is " +
                            std::to_string(counters.last_tx) + ")");
  }
  // A commit between its write and its publication; its marks matter only
  // to a view as of it.
  if (counters.last_tx > table->covered() && horizon > table->covered()) {
    CG_ASSIGN_OR_RETURN(std::vector<Mark> tail, ReadMarksAfter(snapshot.get(), table->covered()));
    table = MarkTable::Extend(*table, std::move(tail), counters.last_tx);
  }
  return NewRocksReadView(this, std::move(snapshot), horizon, counters, std::move(table), options);
}

uint64_t RocksClaimStore::NextInstance() {
  static std::atomic<uint64_t> instances{0};
  return ++instances;
}

Result<Counters> RocksClaimStore::CountersAt(const rocksdb::Snapshot* snapshot) const {
  struct Kept {
    uint64_t instance = 0, generation = 0, sequence = 0;
    Counters counters;
  };
  thread_local Kept kept;
  const uint64_t sequence = snapshot->GetSequenceNumber();
  const uint64_t generation = counters_generation_.load(std::memory_order_acquire);
  if (kept.instance == instance_ && kept.generation == generation && kept.sequence == sequence) return kept.counters;
  CG_ASSIGN_OR_RETURN(const Counters counters, RecordReader(this, snapshot).GetCounters());
  // Kept under the generation read before the Get: files ingested meanwhile
  // make it stale at once.
  kept = Kept{instance_, generation, sequence, counters};
  return counters;
}

void RocksClaimStore::ForgetCounters() const { counters_generation_.fetch_add(1, std::memory_order_acq_rel); }

Result<std::unique_ptr<WriteTransaction>> RocksClaimStore::BeginWrite(const WriteOptions& options) {
  if (options_.read_only) return Status::FailedPrecondition("store is open read-only");
  return NewRocksWriteTransaction(this, options);
}

uint64_t RocksClaimStore::ApproximateDiskBytes() const {
  uint64_t total = 0;
  for (auto* h : cfs_) {
    uint64_t v = 0;
    if (db_->GetIntProperty(h, "rocksdb.total-sst-files-size", &v)) total += v;
  }
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec))
    if (entry.path().extension() == ".log") total += entry.file_size(ec);
  return total;
}

uint64_t RocksClaimStore::EvidenceDiskBytes() const {
  uint64_t v = 0;
  return db_->GetIntProperty(cf(Cf::kEvidence), "rocksdb.total-sst-files-size", &v) ? v : 0;
}

Status RocksClaimStore::Flush() {
  rocksdb::FlushOptions fo;
  std::vector<rocksdb::ColumnFamilyHandle*> handles(cfs_.begin(), cfs_.end());
  return FromRocks(db_->Flush(fo, handles), "flushing store");
}

Status RocksClaimStore::Checkpoint(const std::string& dir) const {
  rocksdb::Checkpoint* raw = nullptr;
  CG_RETURN_IF_ERROR(FromRocks(rocksdb::Checkpoint::Create(db_.get(), &raw), "starting a checkpoint"));
  std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
  // Memtables are flushed first (log_size_for_flush 0); RocksDB still copies
  // the live WAL it needs, so the copy is one atomic-write boundary across
  // every column family.
  return FromRocks(checkpoint->CreateCheckpoint(dir, 0), "writing a checkpoint to " + dir);
}

namespace {

Result<std::unique_ptr<rocksdb::DB>> OpenRaw(const std::string& dir, std::vector<rocksdb::ColumnFamilyHandle*>* handles) {
  std::vector<std::string> names;
  auto s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  if (!s.ok()) return FromRocks(s, "listing column families");
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& n : names) {
    rocksdb::ColumnFamilyOptions o;
    // Raw reads of a list see it folded, as the store's own reads do.
    if (n == CfName(Cf::kSpPostings) || n == CfName(Cf::kPoPostings)) SetPostingListMerging(&o);
    descriptors.emplace_back(n, o);
  }
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::Open(rocksdb::DBOptions(), dir, descriptors, handles, &raw);
  if (!s.ok()) return FromRocks(s, "opening raw store");
  return std::unique_ptr<rocksdb::DB>(raw);
}

rocksdb::ColumnFamilyHandle* FindHandle(const std::vector<rocksdb::ColumnFamilyHandle*>& handles, std::string_view name) {
  for (auto* h : handles)
    if (h->GetName() == name) return h;
  return nullptr;
}

Status RecordRawFormatVersion(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles,
                              uint32_t version) {
  std::string v;
  PutFixed32BE(&v, version);
  return FromRocks(db->Put(rocksdb::WriteOptions(), FindHandle(handles, "meta"), std::string(kMetaFormatVersion), v),
                   "raw write");
}

// Format 6 → 5 for the downgrade hooks: by_source values go back to empty.
Status StripBySourceValues(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
  auto* h = FindHandle(handles, CfName(Cf::kBySource));
  rocksdb::WriteBatch batch;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
  for (it->SeekToFirst(); it->Valid(); it->Next()) batch.Put(h, it->key(), "").PermitUncheckedError();
  CG_RETURN_IF_ERROR(FromRocks(it->status(), "raw scan"));
  return FromRocks(db->Write(rocksdb::WriteOptions(), &batch), "raw write");
}

// Format 4 → 3 for the downgrade hooks: index values and postings lose their
// confidence codes (lists go back to version 1).
Status StripConfidenceCodes(rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& handles) {
  rocksdb::WriteBatch batch;
  for (TripleIndex index : {TripleIndex::kSpo, TripleIndex::kOsp}) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), FindHandle(handles, CfName(CfOf(index)))));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      IndexEntry e;
      if (!DecodeIndexValue(it->value().ToStringView(), &e)) return Status::Corruption("not a format-4 index value");
      std::string v;
      PutVarint(&v, e.asserted_tx);
      PutVarint(&v, e.retracted_tx);
      PutVarint(&v, e.source);
      v.push_back(static_cast<char>(e.modality));
      batch.Put(FindHandle(handles, CfName(CfOf(index))), it->key(), v).PermitUncheckedError();
    }
  }
  for (Cf lists : {Cf::kSpPostings, Cf::kPoPostings}) {
    auto* h = FindHandle(handles, CfName(lists));
    if (!h) continue;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::vector<Posting> list;
      if (!DecodePostingList(it->value().ToStringView(), &list)) return Status::Corruption("not a version-2 list");
      std::string v(1, '\x01');
      uint64_t third = 0, claim = 0;
      for (const Posting& p : list) {
        PutVarint(&v, p.third - third);
        PutVarint(&v, p.third == third && claim != 0 ? p.claim - claim : p.claim);
        PutVarint(&v, p.asserted_tx);
        PutVarint(&v, p.retracted_tx);
        PutVarint(&v, p.source);
        v.push_back(static_cast<char>(p.modality));
        third = p.third;
        claim = p.claim;
      }
      batch.Put(h, it->key(), v).PermitUncheckedError();
    }
  }
  return FromRocks(db->Write(rocksdb::WriteOptions(), &batch), "raw write");
}

}  // namespace

Status TEST_RawPut(const std::string& dir, std::string_view cf_name, std::string_view key,
                   std::optional<std::string_view> value) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  auto* h = FindHandle(handles, cf_name);
  Status st = h ? Status::Ok() : Status::NotFound("no column family " + std::string(cf_name));
  if (st.ok()) {
    rocksdb::Slice k(key.data(), key.size());
    st = FromRocks(value ? db->Put(rocksdb::WriteOptions(), h, k, rocksdb::Slice(value->data(), value->size()))
                         : db->Delete(rocksdb::WriteOptions(), h, k),
                   "raw write");
  }
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

Result<std::string> TEST_RawGet(const std::string& dir, std::string_view cf_name, std::string_view key) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  auto* h = FindHandle(handles, cf_name);
  std::string value;
  Status st = h ? FromRocks(db->Get(rocksdb::ReadOptions(), h, rocksdb::Slice(key.data(), key.size()), &value), "raw get")
                : Status::NotFound("no column family " + std::string(cf_name));
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  if (!st.ok()) return st;
  return value;
}

Status TEST_DowngradeToFormat1(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  Status st = StripBySourceValues(db.get(), handles);
  if (st.ok()) st = StripConfidenceCodes(db.get(), handles);
  for (Cf cf : {Cf::kSpPostings, Cf::kPoPostings, Cf::kEvidence, Cf::kMarks})
    if (auto* h = FindHandle(handles, CfName(cf)); h && st.ok()) st = FromRocks(db->DropColumnFamily(h), "dropping");
  // Format 1 kept a pos entry per claim: rebuilt from spo.
  if (st.ok()) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), FindHandle(handles, "spo")));
    rocksdb::WriteBatch batch;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      IndexEntry e;
      if (!DecodeTripleKey(TripleIndex::kSpo, it->key().ToStringView(), &e)) continue;
      batch.Put(FindHandle(handles, "pos"), EncodeTripleKey(TripleIndex::kPos, e.subject, e.predicate, e.object, e.claim),
                it->value()).PermitUncheckedError();
    }
    st = FromRocks(db->Write(rocksdb::WriteOptions(), &batch), "raw write");
  }
  if (st.ok()) st = RecordRawFormatVersion(db.get(), handles, 1);
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

namespace {

// Drops the families later formats added and records `version`.
Status DowngradeDropping(const std::string& dir, std::initializer_list<Cf> dropped, uint32_t version) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  Status st = StripBySourceValues(db.get(), handles);
  if (st.ok()) st = StripConfidenceCodes(db.get(), handles);
  for (Cf cf : dropped)
    if (auto* h = FindHandle(handles, CfName(cf)); h && st.ok()) st = FromRocks(db->DropColumnFamily(h), "dropping");
  if (st.ok()) st = RecordRawFormatVersion(db.get(), handles, version);
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

}  // namespace

Status TEST_DowngradeToFormat2(const std::string& dir) { return DowngradeDropping(dir, {Cf::kEvidence, Cf::kMarks}, 2); }

Status TEST_DowngradeToFormat3(const std::string& dir) { return DowngradeDropping(dir, {Cf::kMarks}, 3); }

Status TEST_CompactPostingLists(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  rocksdb::CompactRangeOptions o;
  o.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  Status st;
  for (Cf lists : {Cf::kSpPostings, Cf::kPoPostings})
    if (st.ok()) st = FromRocks(db->CompactRange(o, FindHandle(handles, CfName(lists)), nullptr, nullptr), "compacting");
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

Status TEST_DowngradeToFormat4(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  // A format-4 store has whole lists only: each list, read folded, is put back
  // whole over its operands.
  rocksdb::WriteBatch batch;
  Status st = StripBySourceValues(db.get(), handles);
  for (Cf lists : {Cf::kSpPostings, Cf::kPoPostings}) {
    auto* h = FindHandle(handles, CfName(lists));
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    for (it->SeekToFirst(); it->Valid(); it->Next()) batch.Put(h, it->key(), it->value()).PermitUncheckedError();
    if (st.ok()) st = FromRocks(it->status(), "raw scan");
  }
  if (st.ok()) st = FromRocks(db->Write(rocksdb::WriteOptions(), &batch), "raw write");
  if (st.ok()) st = RecordRawFormatVersion(db.get(), handles, 4);
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

Status TEST_DowngradeToFormat5(const std::string& dir) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  CG_ASSIGN_OR_RETURN(auto db, OpenRaw(dir, &handles));
  Status st = StripBySourceValues(db.get(), handles);
  if (st.ok()) st = RecordRawFormatVersion(db.get(), handles, 5);
  for (auto* x : handles) db->DestroyColumnFamilyHandle(x).PermitUncheckedError();
  return st;
}

Status RocksClaimStore::PurgeEvidence(const std::string& key) {
  // Every family flushed first, so that no write-ahead log file still needed
  // holds the text (RocksDB deletes a log file once nothing in it is unflushed).
  CG_RETURN_IF_ERROR(Flush());
  rocksdb::CompactRangeOptions o;
  o.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  std::string end = key + '\0';  // just past the key
  rocksdb::Slice b(key), e(end);
  return FromRocks(db_->CompactRange(o, cf(Cf::kEvidence), &b, &e), "compacting the redacted text away");
}

}  // namespace claimgraph::storage
