// ClaimStore: claims with provenance on an embedded store. This header is the
// whole storage API the engine sees; no RocksDB type appears in it.
//
// Concurrency: any number of ReadViews at once (each is a consistent snapshot);
// one WriteTransaction at a time (BeginWrite blocks until the previous one is
// committed or abandoned). A transaction is all or nothing: until Commit()
// returns OK nothing of it is visible or durable, and abandoning it writes
// nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/deadline.h"
#include "base/memory_account.h"
#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage {

struct StoreOptions {
  bool create_if_missing = true;
  bool error_if_exists = false;
  bool read_only = false;
  // fsync the write-ahead log on every commit; an acknowledged transaction
  // survives a power loss.
  bool sync_commits = true;
  size_t block_cache_bytes = 256 << 20;
  // Posting lists kept across queries by the transaction they were read at
  // (storage/list_cache.h); 0 keeps none.
  size_t list_cache_bytes = 64 << 20;
};

// What a read view yields besides the claims visible as of its transaction.
struct ViewOptions {
  // Deprecated claims too (WITH DEPRECATED); by default a scan skips them.
  bool include_deprecated = false;
};

// How a pattern with these positions bound is read: a posting list (or the
// lists under a one-word prefix) when exactly the leading words of an sp or
// po list key are bound, else a per-claim index. The planner names it in
// EXPLAIN; the read view follows it.
enum class AccessPath { kSpPostings, kPoPostings, kSpo, kOsp, kFullScan };
AccessPath ChooseAccessPath(bool subject, bool predicate, bool object);
const char* AccessPathName(AccessPath path);

// Iterates index entries of visible claims in index-key order.
class ClaimCursor {
 public:
  virtual ~ClaimCursor() = default;
  virtual bool Valid() const = 0;
  virtual const IndexEntry& entry() const = 0;
  virtual void Next() = 0;
  // Moves past the current entry and every following entry of the same
  // triple (a fact's claims are adjacent in every cursor's order): a fact
  // pattern that has the one usable claim a row needs skips the rest. A
  // posting-list cursor skips them without decoding.
  virtual void NextFact() {
    const IndexEntry e = entry();
    do {
      Next();
    } while (Valid() && entry().subject == e.subject && entry().predicate == e.predicate && entry().object == e.object);
  }
  // Not OK when iteration stopped on an error (corrupt key, I/O).
  virtual Status status() const = 0;
};

// A consistent read-only snapshot of the store, seen as of one transaction.
// A view (and its cursors, which must not outlive it) serves one thread at a
// time; open one view per query.
class ReadView {
 public:
  virtual ~ReadView() = default;
  // Claims asserted at or before this tx and not retracted at or before it are visible.
  virtual TxId as_of() const = 0;
  // The newest transaction in this snapshot (>= as_of()).
  virtual TxId last_tx() const = 0;
  // Entities ever defined (for planning statistics; retraction does not change it).
  virtual uint64_t EntityCount() const = 0;

  // One posting list (or the lists under a prefix), or one prefix seek on spo
  // or osp, as ChooseAccessPath says; yields only visible claims.
  virtual std::unique_ptr<ClaimCursor> Scan(const TriplePattern& pattern) const = 0;
  // Like Scan, but also yields claims retracted at or before as_of() and
  // deprecated ones, whatever the view's options (history).
  virtual std::unique_ptr<ClaimCursor> ScanAllVersions(const TriplePattern& pattern) const = 0;
  // Claim ids of visible claims from one source, ascending (deprecated ones
  // only when the view includes them).
  virtual Result<std::vector<ClaimId>> ClaimsBySource(SourceId source) const = 0;
  // The visible claims of these sources that match `pattern`, read through
  // the by_source index (FROM SOURCE on a few sources' claims without a
  // triple index's whole range), in spo order — subject, predicate, object,
  // then claim id — so that the claims of one fact are adjacent, as in Scan.
  virtual std::unique_ptr<ClaimCursor> ScanSources(const std::vector<SourceId>& sources,
                                                   const TriplePattern& pattern) const = 0;
  // Planning statistics for ScanSource: the source's by_source entries,
  // exact when few, from RocksDB's size estimate otherwise; ignores visibility.
  virtual Result<uint64_t> EstimateSourceClaims(SourceId source) const = 0;
  // The visible claims with ids in [first, end) that match `pattern`, in id
  // order, read from the claim records: a scan by transaction, since claim
  // ids ascend with the transactions that assert them (one writer at a time).
  virtual std::unique_ptr<ClaimCursor> ScanClaimRange(ClaimId first, ClaimId end,
                                                      const TriplePattern& pattern) const = 0;
  // The smallest claim id asserted in transaction `tx` or later; one past
  // the last claim when there is none. O(log claims) point reads.
  virtual Result<ClaimId> FirstClaimFromTx(TxId tx) const = 0;
  // Reads ahead the posting lists that Scan will open for these patterns, in
  // one sorted batch (RocksDB MultiGet: keys in one block share its lookup),
  // for an index join whose inner side seeks once per outer row. Patterns
  // that are not one whole list are ignored; a later Scan of a prefetched
  // pattern takes its list instead of a Get, and each Prefetch replaces the
  // previous batch. An error here is not the query's: the Scan reads again.
  virtual void Prefetch(const std::vector<TriplePattern>& patterns) const = 0;
  // Number of visible claims matching the pattern, counting at most `cap`.
  virtual Result<uint64_t> CountClaims(const TriplePattern& pattern, uint64_t cap) const = 0;
  // Planning statistics: index entries under the pattern's prefix — exact for
  // small ranges, from RocksDB's size estimates of the key range otherwise.
  // Cheap (no full scan) and ignores visibility.
  virtual Result<uint64_t> EstimateClaims(const TriplePattern& pattern) const = 0;

  // Lookups return NotFound when the id or name does not exist.
  // GetClaim returns the record whatever its visibility (provenance is never hidden).
  virtual Result<Claim> GetClaim(ClaimId id) const = 0;
  virtual Result<Entity> GetEntity(EntityId id) const = 0;
  // The same record, shared with the store's entity cache (no copy).
  virtual Result<std::shared_ptr<const Entity>> GetEntityShared(EntityId id) const = 0;
  virtual Result<EntityId> FindEntity(std::string_view name_or_alias) const = 0;
  virtual Result<Predicate> GetPredicate(PredicateId id) const = 0;
  virtual Result<Predicate> FindPredicate(std::string_view name) const = 0;
  virtual Result<Source> GetSource(SourceId id) const = 0;
  // The same record, shared with the store's source cache (no copy, and no
  // read once cached: BELIEF asks for every source's publisher in each query).
  virtual Result<std::shared_ptr<const Source>> GetSourceShared(SourceId id) const = 0;
  virtual Result<Source> FindSource(std::string_view key) const = 0;
  virtual Result<Literal> GetLiteral(TermId id) const = 0;
  virtual Result<TermId> FindLiteral(const Literal& literal) const = 0;

  virtual Result<std::vector<Entity>> ListEntities() const = 0;
  virtual Result<std::vector<Predicate>> ListPredicates() const = 0;
  // The same list, shared with the store's cache: what every MATCH reads
  // (which predicates are symmetric) without copying each predicate's record.
  virtual Result<std::shared_ptr<const std::vector<Predicate>>> SharedPredicates() const = 0;
  virtual Result<std::vector<Source>> ListSources() const = 0;
  // Streaming forms, in id order, for listings that must not hold the whole
  // dictionary in memory: `fn` returns false to stop early.
  virtual Status ForEachEntity(const std::function<bool(const Entity&)>& fn) const = 0;
  virtual Status ForEachSource(const std::function<bool(const Source&)>& fn) const = 0;

  // The text with this SHA-256 (hex, as a source records it) as the evidence
  // family holds it: kept, redacted, or none (never kept, or "" given).
  virtual Result<Evidence> GetEvidence(std::string_view sha256_hex) const = 0;

  virtual Result<TxRecord> GetTx(TxId tx) const = 0;
  // The newest transaction committed at or before `time_us`; 0 if none.
  virtual Result<TxId> TxAtTime(int64_t time_us) const = 0;
  // Whether this view's scans skip deprecated claims and some are (as of it).
  virtual bool HidesDeprecated() const = 0;
  // Deprecation (marks.h), as of this view. The mark that makes the claim
  // deprecated — its own, else its source's — or nullopt when it is not.
  virtual std::optional<Mark> DeprecationOf(ClaimId claim, SourceId source) const = 0;
  // Every mark of one claim or source at or before as_of(), oldest first.
  virtual std::vector<Mark> MarksOf(Mark::Target target, uint64_t id) const = 0;

  // Visits every claim ever asserted (live or retracted), in id order.
  virtual Status ForEachClaim(const std::function<Status(const Claim&)>& visit) const = 0;
  // The assertion records of `ids` (ascending, each existing; retractions not
  // applied: for callers that found the claims visible through a scan), in id
  // order through one forward iterator — for an aggregate reading a field of
  // many claims (BELIEF's confidence), much cheaper than a point read each.
  virtual Status ForEachClaimRecord(const std::vector<ClaimId>& ids,
                                    const std::function<Status(const Claim&)>& visit) const = 0;
};

struct EntityInput {
  std::string name;
  std::string type;                  // "" keeps the current type
  std::vector<std::string> aliases;  // added to the existing ones
};

struct SourceInput {
  std::string key;
  std::string title, publisher, published, url, sha256;  // "" keeps the current value
};

struct ClaimInput {
  EntityId subject = 0;
  PredicateId predicate = 0;
  TermId object = 0;
  SourceId source = 0;
  bool has_span = false;
  uint64_t span_begin = 0, span_end = 0;
  std::string quote;
  double confidence = 1.0;
  std::string method = "manual";
  Modality modality = Modality::kAsserted;
  base::ValidTime valid;       // checked by the caller (base::CheckValidTime)
  std::string principal;       // "" = the transaction's principal
  int64_t asserted_at_us = 0;  // 0 = the transaction's time
};

// The record a claim input becomes, before its id, transaction and defaults.
Claim ClaimRecordOf(const ClaimInput& claim);
// The same into *out, reusing its strings' memory (a bulk load's one Claim).
void AssignClaimRecord(const ClaimInput& claim, Claim* out);
ClaimIdentity IdentityOf(const ClaimInput& claim, bool symmetric);

// What a bulk commit spilled (0 for an online commit).
struct BulkSinkStats {
  uint64_t runs_spilled = 0;   // the external sorts' sorted runs written to temporary files
  uint64_t names_spilled = 0;  // new entities and sources the dictionary spilled (spilling_name_table.h)
};

inline constexpr size_t kDefaultBulkMemoryBudget = size_t{512} << 20;
// The part of a bulk import's budget given to the N-Quads importer's
// numbering of terms (engine/io/quad_terms.h), which starts again when it
// passes it; storage/bulk_sink.cc keeps every share of the budget.
size_t BulkTermNumberingBudget(size_t memory_budget);

struct CommitInfo {
  TxId tx = 0;
  ClaimId first_claim = 0;  // claims asserted in this tx are [first_claim, first_claim + claims)
  uint64_t claims = 0;
  uint64_t retracted = 0;
  // The claim ids the writer answered its caller with (SetAnsweredClaims),
  // kept with the idempotency key so a retry gets the same answer.
  std::vector<ClaimId> answered;
  BulkSinkStats bulk;
};

// What AssertUnlessLive did: asserted a new claim, or found the claim live
// already (`duplicate`, with the live claim's id) and wrote nothing.
struct AssertOutcome {
  ClaimId id = 0;
  bool duplicate = false;
};

// Builds one transaction. Lookups see the store plus this transaction's own writes.
class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;  // without Commit(): nothing is written

  // Creates the entity or merges into the existing one found by its name or
  // any of the given aliases. An alias that already names another entity is
  // AlreadyExists.
  virtual Result<EntityId> UpsertEntity(const EntityInput& input) = 0;
  // The entity that has `name` as an alias, or a new entity with that canonical name.
  virtual Result<EntityId> ResolveOrCreateEntity(std::string_view name) = 0;
  virtual Result<EntityId> FindEntity(std::string_view name) = 0;
  virtual Result<Entity> GetEntity(EntityId id) = 0;
  // Declares (or redeclares) a predicate. A predicate must not be the inverse
  // name of another one.
  virtual Result<PredicateId> DefinePredicate(const Predicate& definition) = 0;
  // The declared predicate, or a new directed predicate with defaults.
  virtual Result<PredicateId> ResolveOrDeclarePredicate(std::string_view name) = 0;
  virtual Result<Predicate> FindPredicate(std::string_view name) = 0;
  // Every predicate: the store's and this transaction's, in id order.
  virtual Result<std::vector<Predicate>> ListPredicates() = 0;
  virtual Result<SourceId> UpsertSource(const SourceInput& input) = 0;
  virtual Result<SourceId> FindSource(std::string_view key) = 0;
  virtual Result<TermId> InternLiteral(const Literal& literal) = 0;

  // Writes the claim as given, whatever is already stored: write paths use
  // AssertUnlessLive (below), which keeps one live claim per identity.
  virtual Result<ClaimId> Assert(const ClaimInput& claim) = 0;
  // The live claim with the same identity as `claim` (ClaimIdentity in
  // types.h): one in the store not retracted by this transaction, or one
  // asserted earlier in this transaction and not retracted in it. A bare
  // claim (no span, no quote, asserted: all an N-Quads line can say) is
  // matched by any stored live claim of its triple and source.
  virtual Result<std::optional<ClaimId>> FindLiveClaim(const ClaimInput& claim) = 0;
  // FindLiveClaim, then Assert unless a claim is live: AssertUnlessLive
  // (below) calls this; a store may do both with one lookup.
  virtual Result<AssertOutcome> AssertUnlessLiveClaim(const ClaimInput& claim);
  // A claim in the store with the same identity, asserted at
  // `claim.asserted_at_us` and retracted at `retracted_at_us`: the same
  // piece of history met again (an export imported into the store it came from).
  virtual Result<std::optional<ClaimId>> FindRetractedRecord(const ClaimInput& claim, int64_t retracted_at_us) = 0;
  // FailedPrecondition if already retracted, NotFound if it never existed.
  virtual Status Retract(ClaimId claim, std::string_view reason) = 0;
  // Retract, keeping who retracted it and when from an exported record
  // (restoring a JSONL export). The txlog still records this transaction's principal.
  virtual Status RestoreRetraction(ClaimId claim, std::string_view reason, std::string_view retracted_by,
                                   int64_t retracted_at_us) = 0;

  // Keeps `text` — exactly the bytes the source's spans count in — by its
  // SHA-256, which must be the one the source records (set by UpsertSource
  // in this transaction or before). A text already in the store, kept or
  // redacted, is not written again: two sources with one text share it, and
  // a takedown is not undone by ingesting the text anew.
  virtual Status KeepText(SourceId source, std::string_view text) = 0;
  // Deprecates (`deprecated`) or restores a claim or a source (Mark in
  // types.h); `reason` is required for a deprecation. FailedPrecondition
  // when the target is already in that state (a claim deprecated through its
  // source is restored by restoring the source), when a claim is retracted,
  // or when this transaction marked the same target already; NotFound when
  // it does not exist.
  virtual Status SetDeprecated(Mark::Target target, uint64_t id, bool deprecated, std::string_view reason) = 0;

  // Removes the source's kept text (a takedown): its SHA-256, the source and
  // its claims stay, and the redaction — who, when, `reason` — is recorded in
  // the text's place and in the txlog. The text is content-addressed, so
  // every source with the same text loses it. FailedPrecondition when no text
  // is kept for the source or it was redacted already.
  virtual Status RedactText(SourceId source, std::string_view reason) = 0;

  // The commit an earlier transaction with this idempotency key made, if any
  // (checked under the writer lock, so two retries cannot both apply).
  virtual Result<std::optional<CommitInfo>> FindCommitted(std::string_view idempotency_key) = 0;
  // Recorded with the idempotency key (WriteOptions) and returned by
  // FindCommitted as CommitInfo::answered: the ids a batch answered with,
  // one per input claim, duplicates naming the live claim.
  virtual void SetAnsweredClaims(std::vector<ClaimId> ids) = 0;

  virtual Result<CommitInfo> Commit() = 0;
};

// The one rule every write path follows: a claim whose identity is already
// live is a duplicate and is not written again.
Result<AssertOutcome> AssertUnlessLive(WriteTransaction& tx, const ClaimInput& claim);

struct WriteOptions {
  std::string principal = "local";
  std::string note;
  // Recorded with the commit (in the same atomic write) so that a retried
  // batch can find it: see WriteTransaction::FindCommitted.
  std::string idempotency_key;
  // Offline bulk mode: buffer everything, sort per column family, write SST
  // files and ingest them atomically. For `claimgraphd import` only: the
  // store must not serve other writers meanwhile.
  bool bulk = false;
  // The caller's deadline. In a cluster the commit's publish gives up by
  // then, answering why (no quorum, ...), rather than after its own budget,
  // and a commit that reaches its publish past it is refused unwritten.
  base::Deadline deadline;
  // Called now and then during a bulk commit with a stage name and a count.
  std::function<void(std::string_view stage, uint64_t done, uint64_t total)> progress;
  // Bulk only: the bytes a bulk transaction holds in memory — its tables of
  // new names and asserted identities, and its commit's sorts, which spill
  // sorted runs to temporary files beside the store (storage/external_sort.h)
  // at their shares of what the tables leave. One account
  // (base/memory_account.h): the caller's, which its own tables (an
  // importer's term numbering) charge too, or one of this size.
  size_t bulk_memory_budget = kDefaultBulkMemoryBudget;
  base::MemoryAccount* bulk_memory_account = nullptr;
  // Tests only: a bulk commit's merges fail after this many records each (0:
  // never), to check that nothing is left behind.
  uint64_t TEST_bulk_fail_merge_after = 0;
};

struct AuditReport {
  bool ok = true;
  uint64_t transactions_checked = 0;
  uint64_t claims_checked = 0;
  TxId first_bad_tx = 0;  // 0 when ok
  std::string problem;    // what is wrong with first_bad_tx
};

// The kept texts against their SHA-256s and the claims' quotes against the
// texts (VerifyEvidence).
struct EvidenceReport {
  bool ok = true;
  uint64_t texts_checked = 0;   // kept texts hashed
  uint64_t text_bytes = 0;      // their size, uncompressed
  uint64_t texts_redacted = 0;  // redacted: nothing to hash, not a failure
  uint64_t quotes_checked = 0;  // claims with a span into a kept text
  std::string problem;          // the first problem: its source, and the first claim it breaks
};

// ---- Cluster replication (docs/scale-out.md) ----
// Where a store in a cluster stands in the cluster's transaction stream: the
// stream sequence it has applied last, with that transaction and its hash. All
// zero for a store that never applied a replicated transaction.
struct ReplicationPosition {
  uint64_t sequence = 0;
  TxId tx = 0;
  std::string hash;  // raw 32 bytes; empty with sequence 0
};

// Sends each online commit to the cluster's stream before the store writes
// it. Called under the writer lock, once per transaction that writes
// something; `hash` is the transaction's txlog hash (raw 32 bytes),
// `expected_last` the sequence this store has applied, `payload` everything
// the commit writes (ApplyReplicated's input on every other node).
class CommitPublisher {
 public:
  virtual ~CommitPublisher() = default;
  // The stream sequence the transaction was stored at. Not OK: the commit
  // fails with this status and writes nothing here (it may still be in the
  // stream, which ApplyReplicated then brings).
  // `deadline`: the commit's caller's (WriteOptions::deadline).
  virtual Result<uint64_t> Publish(TxId tx, std::string_view hash, uint64_t expected_last, std::string_view payload,
                                   base::Deadline deadline) = 0;
};

class ClaimStore {
 public:
  // Opens or creates the store in `dir`. A store written with another format
  // version is a FailedPrecondition naming both versions.
  static Result<std::unique_ptr<ClaimStore>> Open(const std::string& dir, const StoreOptions& options);
  virtual ~ClaimStore() = default;

  // A snapshot as of `as_of` (nullopt = the newest transaction). NotFound
  // when `as_of` is beyond the newest transaction.
  virtual Result<std::unique_ptr<ReadView>> NewReadView(std::optional<TxId> as_of = std::nullopt,
                                                        ViewOptions options = {}) const = 0;
  virtual Result<std::unique_ptr<WriteTransaction>> BeginWrite(const WriteOptions& options) = 0;
  // Recomputes the hash chain and every claim record's digest; names the first bad tx.
  virtual Result<AuditReport> VerifyLog() const = 0;
  // The derived indexes (spo, osp, the posting lists) against the claim
  // records: every entry equal to its claim, every claim in each index once.
  // Holds the writer lock while it runs (O(claims)).
  virtual Result<AuditReport> VerifyIndexes() const = 0;
  // Every kept text against its SHA-256 (the key it is stored under, which
  // its sources record) and every claim with a span into a kept text against
  // the text: the span within it, the quote (when there is one) equal to its
  // bytes. A text the txlog says was kept must be there, kept or redacted.
  // Holds the writer lock while it runs (O(claims + text bytes)).
  virtual Result<EvidenceReport> VerifyEvidence() const = 0;
  virtual TxId LastTx() const = 0;
  // Blocks until a transaction newer than `after` is committed through this
  // handle, or `timeout` passes; returns LastTx() either way. No polling of
  // the disk: a condition variable notified where a commit publishes the new
  // head. Commits made by another process (this handle read-only) are not seen.
  virtual TxId WaitForCommit(TxId after, std::chrono::milliseconds timeout) const = 0;
  // Approximate bytes on disk (SST + WAL).
  virtual uint64_t ApproximateDiskBytes() const = 0;
  // Posting-list reads the list cache answered and did not, since the store
  // opened (StoreOptions::list_cache_bytes).
  struct CacheCounts {
    uint64_t hits = 0, misses = 0;
  };
  virtual CacheCounts ListCacheCounts() const = 0;
  // Bytes of the kept texts' table files, compressed (flushed data only):
  // what keeping the evidence costs.
  virtual uint64_t EvidenceDiskBytes() const = 0;
  // Flushes memtables (used before measuring size and at shutdown).
  virtual Status Flush() = 0;
  // A consistent copy of the whole store in `dir`, which must not exist
  // (RocksDB's Checkpoint: hard links to the table files on the same file
  // system, copies elsewhere). Opened, it reads as this store did at one
  // commit boundary during the call — the cluster's replication position
  // included, which is in the same atomic writes. Commits may go on meanwhile.
  virtual Status Checkpoint(const std::string& dir) const = 0;

  // Cluster mode (storage/replication.cc). With a publisher set, every
  // online commit is published first and written only when the stream has
  // stored it, with the stream sequence recorded in the same write; a bulk
  // commit is refused. nullptr: a single node again. The publisher must
  // outlive its use: unset it before destroying it.
  virtual void SetCommitPublisher(CommitPublisher* publisher) { (void)publisher; }
  virtual Result<ReplicationPosition> GetReplicationPosition() const {
    return Status::FailedPrecondition("this store does not replicate");
  }
  // Applies the transaction another node (or this one) published at
  // `sequence`: false when the store has applied that sequence already; an
  // error, writing nothing, when it is not the next one (a gap), when the
  // payload is malformed, or when its txlog record does not continue this
  // store's hash chain (a diverged store). A transaction sent in parts, or
  // one after the parts of a transaction its writer abandoned, spans the
  // messages from `first_sequence` to `sequence`: the first must be the
  // next, and the store records the last.
  virtual Result<bool> ApplyReplicated(uint64_t first_sequence, uint64_t sequence, std::string_view payload) {
    return Status::FailedPrecondition("this store does not replicate");
  }
  Result<bool> ApplyReplicated(uint64_t sequence, std::string_view payload) {
    return ApplyReplicated(sequence, sequence, payload);
  }
};

// For tamper-evidence tests only: writes `value` under `key` in the named
// column family, bypassing every invariant. `value == nullopt` deletes the key.
Status TEST_RawPut(const std::string& dir, std::string_view cf_name, std::string_view key,
                   std::optional<std::string_view> value);
// For tests only: the raw value under a key (NotFound if absent).
Result<std::string> TEST_RawGet(const std::string& dir, std::string_view cf_name, std::string_view key);
// For tests only: compacts a closed store's posting-list families whole,
// folding every merge operand into its list.
Status TEST_CompactPostingLists(const std::string& dir);
// For migration tests only: turns a closed store back into format 1 (drops
// the posting-list column families, records version 1).
Status TEST_DowngradeToFormat1(const std::string& dir);
// For migration tests only: turns a closed store back into format 2 (drops
// the evidence column family, records version 2).
Status TEST_DowngradeToFormat2(const std::string& dir);
// For migration tests only: turns a closed store back into format 3 (drops
// the marks column family; index values and posting lists without
// confidence codes; records version 3).
Status TEST_DowngradeToFormat3(const std::string& dir);
// For migration tests only: turns a closed store back into format 4 (every
// posting list written whole over its merge operands; records version 4).
Status TEST_DowngradeToFormat4(const std::string& dir);
// For migration tests only: turns a closed store back into format 5 (empty
// by_source values; records version 5).
Status TEST_DowngradeToFormat5(const std::string& dir);

}  // namespace claimgraph::storage
