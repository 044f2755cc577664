// Internal to storage/: the RocksDB-backed implementation of ClaimStore.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/snapshot.h>

#include <absl/container/flat_hash_map.h>

#include <array>
#include <condition_variable>
#include <memory>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "storage/claim_store.h"
#include "storage/key_codec.h"
#include "storage/list_cache.h"
#include "storage/marks.h"
#include "storage/posting_list.h"

namespace claimgraph::storage {

Status FromRocks(const rocksdb::Status& s, std::string_view context);

// Id counters and the chain head, persisted in meta "counters" with every commit.
struct Counters {
  uint64_t next_entity = 1;
  uint64_t next_predicate = 1;
  uint64_t next_source = 1;
  uint64_t next_literal = 1;
  uint64_t next_claim = 1;
  TxId last_tx = 0;
};
std::string EncodeCounters(const Counters& c);
// migrate.cc: builds the posting lists of a format-1 store, then records format 2.
class RocksClaimStore;
Status MigrateFormat1To2(RocksClaimStore* store);
// migrate.cc: adds each claim's confidence code to every spo and osp value and
// every posting (lists version 2), then records format 4.
Status MigrateFormat3To4Confidence(RocksClaimStore* store);
// migrate.cc: writes each claim's index entry into its by_source value (from
// spo), then records format 6.
Status MigrateFormat5To6BySource(RocksClaimStore* store);
// Records `version` in meta, synced (a migration's last step).
Status RecordFormatVersion(RocksClaimStore* store, uint32_t version);
Status DecodeCounters(std::string_view in, Counters* out);

class RocksClaimStore final : public ClaimStore {
 public:
  ~RocksClaimStore() override;
  static Result<std::unique_ptr<ClaimStore>> Open(const std::string& dir, const StoreOptions& options);

  Result<std::unique_ptr<ReadView>> NewReadView(std::optional<TxId> as_of = std::nullopt,
                                                ViewOptions options = {}) const override;
  Result<std::unique_ptr<WriteTransaction>> BeginWrite(const WriteOptions& options) override;
  Result<AuditReport> VerifyLog() const override;      // verify_log.cc
  Result<AuditReport> VerifyIndexes() const override;  // verify_indexes.cc
  Result<EvidenceReport> VerifyEvidence() const override;  // verify_evidence.cc
  // Drops the overwritten bytes of a redacted text from the files (the
  // redaction's Put hides them; compaction removes them).
  Status PurgeEvidence(const std::string& key);
  // The newest stored posting list under `key` in `cf`, appended to *out
  // (nothing when there is none). For writers: they hold the writer lock.
  Status ReadPostingList(Cf cf, const std::string& key, std::vector<Posting>* out) const;
  TxId LastTx() const override;
  TxId WaitForCommit(TxId after, std::chrono::milliseconds timeout) const override;
  uint64_t ApproximateDiskBytes() const override;
  CacheCounts ListCacheCounts() const override;
  uint64_t EvidenceDiskBytes() const override;
  Status Flush() override;
  Status Checkpoint(const std::string& dir) const override;
  // Cluster mode: replication.cc.
  void SetCommitPublisher(CommitPublisher* publisher) override;
  Result<ReplicationPosition> GetReplicationPosition() const override;
  Result<bool> ApplyReplicated(uint64_t first_sequence, uint64_t sequence, std::string_view payload) override;
  using ClaimStore::ApplyReplicated;
  // For the transaction implementation (read under the writer lock).
  CommitPublisher* commit_publisher() const { return publisher_; }

  // For the transaction implementation.
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return cfs_[static_cast<int>(c)]; }
  const std::string& dir() const { return dir_; }
  const StoreOptions& options() const { return options_; }
  // Posting lists kept across views (list_cache.h); null while the store
  // opens (a migration rewrites lists without a transaction).
  const ListCache* list_cache() const { return list_cache_.get(); }
  // Committed state; read and replaced under state_mu_.
  struct ChainHead {
    Counters counters;
    std::string last_hash = std::string(32, '\0');
    int64_t last_time_us = 0;
  };
  ChainHead head() const;
  void PublishHead(const ChainHead& head);
  // Commit's last step: the new head becomes visible and cached records of
  // the entities it changed are dropped, atomically with respect to readers
  // filling the cache.
  void PublishHeadAndInvalidate(const ChainHead& head, const std::set<EntityId>& changed, bool predicates_changed,
                                const std::set<SourceId>& changed_sources);

  // Entity records cached across queries (every result row names entities).
  // Filled only by views of the newest transaction, so an old snapshot never
  // puts a stale name back after a commit changed it; a commit that changes
  // one drops it. A record is given only to views at or after the
  // transaction it was cached at: it held then and has not changed since,
  // while an older view (a statement that began before a DEFINE ENTITY
  // renamed it) reads its own snapshot's record, so one answer never shows
  // an entity under two names.
  std::shared_ptr<const Entity> CachedEntity(EntityId id, TxId view_last_tx) const;
  void CacheEntity(TxId view_last_tx, std::shared_ptr<const Entity> entity) const;
  // Source records, cached the same way (BELIEF reads each source's publisher).
  std::shared_ptr<const Source> CachedSource(SourceId id, TxId view_last_tx) const;
  void CacheSource(TxId view_last_tx, std::shared_ptr<const Source> source) const;
  // The predicate schema, cached the same way (every query reads it).
  std::shared_ptr<const std::vector<Predicate>> CachedPredicates() const;
  void CachePredicates(TxId view_last_tx, std::shared_ptr<const std::vector<Predicate>> predicates) const;
  // Names resolved to ids across queries (every statement binds its names
  // with a point read): an entity's normalized name or alias (Cf::kAlias) or
  // a source's dict key (Cf::kDict). Sound without invalidation because such
  // a key, once written, names its id for good -- UpsertEntity refuses to
  // move an alias to another entity, a source key is written once, nothing
  // deletes either -- so only whether a snapshot sees the key depends on the
  // snapshot: an entry keeps the earliest last_tx of a view that read it and
  // answers only views at that transaction or later. Found keys only (a key
  // not found may be written by the next commit).
  std::optional<uint64_t> CachedNameId(Cf cf, std::string_view key, TxId view_last_tx) const;
  void CacheNameId(Cf cf, std::string_view key, uint64_t id, TxId view_last_tx) const;
  std::mutex& writer_mutex() const { return writer_mu_; }
  // Every mark up to the published head (marks.h); a commit publishes the
  // next table after its write, before its head.
  std::shared_ptr<const MarkTable> marks() const;
  void PublishMarks(std::shared_ptr<const MarkTable> table);
  // The counters as of `snapshot`: every read view needs them, and between
  // writes every snapshot has the same sequence number, so the last ones read
  // are kept with the sequence they were read at (a pure function of it).
  Result<Counters> CountersAt(const rocksdb::Snapshot* snapshot) const;
  // After ingesting files: RocksDB may give an ingested file sequence 0 (no
  // overlap), changing what a snapshot sees without a new sequence number.
  void ForgetCounters() const;
  // The marks of transactions after `after`, read from `snapshot` (nullptr: the newest state).
  Result<std::vector<Mark>> ReadMarksAfter(const rocksdb::Snapshot* snapshot, TxId after) const;

 private:
  RocksClaimStore() = default;
  Status LoadHead();

  std::string dir_;
  StoreOptions options_;
  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<ListCache> list_cache_;
  std::array<rocksdb::ColumnFamilyHandle*, static_cast<int>(Cf::kCount)> cfs_{};
  mutable std::mutex state_mu_;
  ChainHead head_;         // guarded by state_mu_
  std::shared_ptr<const MarkTable> marks_ = std::make_shared<const MarkTable>();  // guarded by state_mu_
  // Notified (under state_mu_) whenever PublishHead moves last_tx: WaitForCommit.
  mutable std::condition_variable committed_;
  mutable std::shared_mutex cache_mu_;
  // Flat: a result's names are looked up here once per query each (up to
  // ~1M entries); a node map cost a cache miss more per lookup.
  template <typename T>
  struct CachedRecord {
    std::shared_ptr<const T> record;
    TxId cached_at;  // the last transaction of the view that read it
  };
  mutable absl::flat_hash_map<EntityId, CachedRecord<Entity>> entity_cache_;  // guarded by cache_mu_
  mutable absl::flat_hash_map<SourceId, CachedRecord<Source>> source_cache_;  // guarded by cache_mu_
  mutable std::shared_ptr<const std::vector<Predicate>> predicate_cache_;             // guarded by cache_mu_
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct NameId {
    uint64_t id;
    TxId seen_at;  // the earliest last_tx of a view that saw the key
  };
  using NameIds = std::unordered_map<std::string, NameId, NameHash, std::equal_to<>>;
  mutable std::shared_mutex name_ids_mu_;
  mutable NameIds alias_ids_;        // guarded by name_ids_mu_
  mutable NameIds source_key_ids_;   // guarded by name_ids_mu_
  mutable std::mutex writer_mu_;   // held by the one live WriteTransaction
  CommitPublisher* publisher_ = nullptr;  // guarded by writer_mu_
  // CountersAt's cache is per thread (a shared one behind a mutex made 16
  // concurrent point queries slower than the Get it saved): keyed by this
  // store's instance number, ForgetCounters's count and the sequence.
  const uint64_t instance_ = NextInstance();
  mutable std::atomic<uint64_t> counters_generation_{0};
  static uint64_t NextInstance();
};

// A RocksDB snapshot, released when this goes: declare it before the members
// that read it, so that they (their iterators) go first.
class ScopedSnapshot {
 public:
  explicit ScopedSnapshot(rocksdb::DB* db) : db_(db), snapshot_(db->GetSnapshot()) {}
  ScopedSnapshot(ScopedSnapshot&& other) noexcept
      : db_(other.db_), snapshot_(std::exchange(other.snapshot_, nullptr)) {}
  ScopedSnapshot& operator=(ScopedSnapshot&&) = delete;
  ~ScopedSnapshot() {
    if (snapshot_) db_->ReleaseSnapshot(snapshot_);
  }
  const rocksdb::Snapshot* get() const { return snapshot_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snapshot_;
};

std::unique_ptr<ReadView> NewRocksReadView(const RocksClaimStore* store, ScopedSnapshot snapshot, TxId as_of,
                                           const Counters& counters, std::shared_ptr<const MarkTable> marks,
                                           ViewOptions options);
Result<std::unique_ptr<WriteTransaction>> NewRocksWriteTransaction(RocksClaimStore* store,
                                                                   const WriteOptions& options);
// rocksdb::Options tuned per column family (compression, block cache).
rocksdb::ColumnFamilyOptions ColumnFamilyOptionsFor(Cf cf, const StoreOptions& options);

}  // namespace claimgraph::storage
