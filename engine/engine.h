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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/query_result.h"
#include "engine/records.h"

namespace claimgraph::storage {
class ClaimStore;  // the engine's business: no caller above it needs the definition
}

namespace claimgraph::engine {

struct OpenOptions {
  bool create_if_missing = true;
  bool read_only = false;  // a read-only RocksDB handle: export, stats, verify, query
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

  // Writes buffered data to disk (before a clean stop).
  Status Flush();

  // The engine's own files and the tests use the store directly.
  storage::ClaimStore* store() const { return store_; }

 private:
  std::unique_ptr<storage::ClaimStore> owned_;
  storage::ClaimStore* store_;
};

}  // namespace claimgraph::engine
