// What Engine::Execute returns, and the options it takes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "engine/records.h"
#include "engine/value.h"

namespace claimgraph::engine {

struct ExecuteOptions {
  std::string principal = "local";
  // Limits: exceeding one ends the statement with an error naming it.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  const std::atomic<bool>* cancelled = nullptr;  // set by the caller to stop a running query
  std::function<bool()> cancel_requested;         // polled too (a gRPC client that went away)
  uint64_t max_rows = 1000000;                    // result rows
  uint32_t max_path_depth = 64;                   // steps a path may take
  uint64_t max_memory_bytes = 512ull << 20;       // hash tables, visited sets, sorts, groups
  bool read_only = false;                         // refuse writes (a reader's session)
  // REDACT removes a text's bytes (a takedown): the admin role only. Local
  // callers (the offline tools, a server without --auth-file) are admins.
  bool admin = true;
  bool explain = false;  // plan a MATCH as if it began with EXPLAIN (the Explain RPC); other statements are refused
  // Read a MATCH as if it said AS OF TX n (QueryRequest.as_of_tx), so a
  // client can travel in time without editing the text (which would move
  // every position an error reports). InvalidArgument for a statement with
  // its own AS OF (at its line:column), for any other statement, and, as
  // the clause is, for a transaction beyond the newest.
  std::optional<TxId> as_of_tx;
};

struct QueryStats {
  uint64_t rows = 0;
  double elapsed_ms = 0;
  // CPU time of the thread that ran the statement, over the same span as
  // elapsed_ms: what a benchmark compares with another engine's CPU time when
  // the machine is shared (wall time then includes waiting for a core).
  double cpu_ms = 0;
  TxId as_of_tx = 0;
  TxId written_tx = 0;  // the transaction a write statement committed (0 if none)
};

// The names of a statement's entities, by id, as its rows would carry them.
class EntityNames {
 public:
  virtual ~EntityNames() = default;
  // The view stays valid until the next call.
  virtual Result<std::string_view> Name(uint64_t entity) = 0;
};

// Receives rows as they are produced (streaming). Returning a non-OK Status
// stops the query with that status (a disconnected client).
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Before any row. `as_of` is QueryResult::as_of: known before the rows, so
  // a streaming sink can send it with the first batch.
  virtual Status Header(const std::vector<std::string>& columns, std::optional<TxId> as_of) = 0;
  virtual Status Row(const std::vector<Value>& row, const std::vector<uint64_t>& provenance) = 0;
  // Offered before the rows of a streamed answer (and withdrawn with null
  // after its last row). A sink that writes an entity from what it kept of
  // the entity's last appearance (the gRPC wire encoder) returns true: then
  // a cell that returns an entity variable may come as Value::Entity(id, "")
  // — the id alone, no name looked up or copied — and the sink asks `names`
  // for the names it has not kept. In a 20k-row join, building each cell's
  // name and encoding it again was a third of the statement's instructions.
  virtual bool TakeEntitiesById(EntityNames* names) {
    (void)names;
    return false;
  }
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;          // empty when a RowSink took them
  std::vector<std::vector<uint64_t>> provenance; // parallel to rows, when WITH PROVENANCE
  bool with_provenance = false;
  std::vector<std::string> warnings;
  std::string message;  // for writes and AUDIT: "asserted claim 12 in tx 5"
  std::string plan;     // EXPLAIN output
  // The transaction a MATCH ran AS OF read (its clause or
  // ExecuteOptions::as_of_tx); empty when it read the newest state.
  std::optional<TxId> as_of;
  QueryStats stats;
};

}  // namespace claimgraph::engine
