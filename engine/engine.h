// Engine::Execute: one ClaimQL statement in, a result (or a Status) out.
// The whole pipeline reads in one function — parse, bind, plan, execute — as
// DuckDB's ClientContext does.
#pragma once

#include <string_view>

#include "engine/query_result.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

class Engine {
 public:
  explicit Engine(storage::ClaimStore* store) : store_(store) {}

  // Errors: InvalidArgument (syntax or semantic, with line:column and caret),
  // NotFound, FailedPrecondition, PermissionDenied (a write with read_only),
  // DeadlineExceeded, Cancelled, ResourceExhausted (a limit, named). A failed
  // statement writes nothing.
  Result<QueryResult> Execute(std::string_view text, const ExecuteOptions& options, RowSink* sink = nullptr);

  storage::ClaimStore* store() const { return store_; }

 private:
  storage::ClaimStore* store_;
};

}  // namespace claimgraph::engine
