// The engine: the only door to the data. Everything above it — the gRPC
// service, claimgraphd's offline commands, the benchmarks — opens a store
// through Engine::Open and reads and writes through the engine's calls; none
// of them sees a storage type (the build checks it: tools/check_layering.py).
//
// Execute runs one ClaimQL statement: the whole pipeline reads in one function
// — parse, bind, plan, execute — as DuckDB's ClientContext does. The typed
// calls below it answer what an RPC needs without a statement's text; the
// SHOW, HISTORY and AUDIT statements use the same code (engine/lookup/).
// The write calls (batch_write.h, ingest/ingest_document.h, io/) take the
// Engine too.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/query_result.h"
#include "grammar/parse_cache.h"
#include "engine/records.h"

namespace claimgraph::storage {
class ClaimStore;  // the engine's business: no caller above it needs the definition
}

namespace claimgraph::engine {

struct OpenOptions {
  bool create_if_missing = true;
  bool read_only = false;  // a read-only RocksDB handle: export, stats, verify, query
};

// Engine::Changes: the log between two points (CHANGES SINCE TX, Watch).
struct ChangesRequest {
  TxId since_tx = 0;             // changes of the transactions after this one...
  std::optional<TxId> until_tx;  // ...up to and including this one (default: the newest)
  // `s p o` as in CHANGES ... MATCH (the Watch RPC's text); "" = every change.
  std::string pattern;
  // The vector form refuses a span with more changes (ResourceExhausted
  // naming it); the visitor form streams and has no limit.
  uint64_t max_changes = 100000;
};

// Receives the changes in log order (tx ascending, then as the transaction
// wrote them). A non-OK Status stops the walk with that status.
struct ChangeVisitor {
  std::function<Status(const ChangeEvent&)> change;
  // After every transaction walked, matching or not (may be empty): a
  // caller can note progress and check for cancellation between them.
  std::function<Status(TxId tx)> tx_done;
};

class Engine {
 public:
  // Opens (or creates) the store in `dir`.
  static Result<std::unique_ptr<Engine>> Open(const std::string& dir, const OpenOptions& options);
  // Over a store someone else owns and keeps open (tests, benchmarks).
  explicit Engine(storage::ClaimStore* store);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Errors: InvalidArgument (syntax or semantic, with line:column and caret),
  // NotFound, FailedPrecondition, PermissionDenied (a write with read_only),
  // DeadlineExceeded, Cancelled, ResourceExhausted (a limit, named). A failed
  // statement writes nothing.
  Result<QueryResult> Execute(std::string_view text, const ExecuteOptions& options, RowSink* sink = nullptr);

  // A claim, live or retracted (NotFound: "claim 12 not found").
  Result<ClaimRecord> GetClaim(ClaimId id) const;
  // Several, read from one snapshot, in the order asked.
  Result<std::vector<ClaimRecord>> GetClaims(const std::vector<ClaimId>& ids) const;
  // A source by key, with how many of its claims are live and the state of
  // its kept text (kept, redacted, none); with `include_text`, the text too.
  Result<SourceSummary> GetSource(std::string_view key, bool include_text = false) const;
  // Counts of the current state; `by_predicate` adds one count per predicate.
  Result<StoreStats> Stats(bool by_predicate = false) const;
  // The hash chain and the claim records it covers; with `indexes`, the
  // derived indexes too; with `evidence`, the kept texts against their
  // SHA-256s and the claims' quotes against the texts (each holds the writer
  // lock while it runs: O(claims)).
  Result<VerifyReport> Verify(bool indexes, bool evidence = false) const;
  // A claim's assertion and retraction, oldest first.
  Result<std::vector<HistoryEvent>> ClaimHistory(ClaimId id) const;

  // Every claim asserted, retracted (deprecated, restored) by the
  // transactions in (since_tx, until_tx], matching the pattern: a diff
  // between two states, read from the transaction log (not a snapshot).
  // InvalidArgument when since_tx or until_tx is beyond the newest
  // transaction, when until_tx < since_tx, or for a bad pattern (its
  // line:column and caret; an unknown predicate as MATCH says it). Returns
  // the last transaction walked (until_tx, or the newest).
  Result<TxId> Changes(const ChangesRequest& request, const ChangeVisitor& visitor) const;
  Result<std::vector<ChangeEvent>> Changes(const ChangesRequest& request) const;
  // The newest committed transaction.
  TxId LastTx() const;
  // Blocks until a transaction after `after` is committed (through this
  // engine) or `timeout` passes; returns the newest transaction either way.
  // Callers that must notice cancellation wait in short slices.
  TxId WaitForCommit(TxId after, std::chrono::milliseconds timeout) const;

  // Writes buffered data to disk (before a clean stop).
  Status Flush();

  // The engine's own files and the tests use the store directly.
  storage::ClaimStore* store() const { return store_; }
  // Statements of a shape seen before skip lexing and parsing
  // (grammar/parse_cache.h); tests warm it and read its counters.
  grammar::ParseCache* parse_cache() const { return parse_cache_.get(); }

 private:
  std::unique_ptr<storage::ClaimStore> owned_;
  storage::ClaimStore* store_;
  std::unique_ptr<grammar::ParseCache> parse_cache_;
};

}  // namespace claimgraph::engine
