// The top of every query: RETURN projection or GROUP BY aggregation, then
// DISTINCT, ORDER BY, OFFSET/LIMIT, the max-rows limit, and delivery to a
// RowSink (streaming) or into the QueryResult.
#pragma once

#include "engine/executor/pipeline.h"
#include "engine/query_result.h"

namespace claimgraph::engine {

Status BuildResult(Pipeline* main, const BoundQuery& query, ExecContext* ctx, RowSink* sink, QueryResult* out);

}  // namespace claimgraph::engine
