#include "engine/statements.h"

namespace claimgraph::engine {

Status Deliver(const StatementContext& sc, QueryResult* result) {
  RowSink* sink = sc.sink;
  if (result->rows.size() > sc.options.max_rows)
    return Status::ResourceExhausted("the result has more than max_rows = " + std::to_string(sc.options.max_rows) +
                                     " rows");
  result->stats.rows = result->rows.size();
  if (!sink) return Status::Ok();
  CG_RETURN_IF_ERROR(sink->Header(result->columns, result->as_of));
  static const std::vector<uint64_t> kNone;
  for (size_t i = 0; i < result->rows.size(); ++i)
    CG_RETURN_IF_ERROR(sink->Row(result->rows[i], i < result->provenance.size() ? result->provenance[i] : kNone));
  result->rows.clear();
  result->provenance.clear();
  return Status::Ok();
}

}  // namespace claimgraph::engine
