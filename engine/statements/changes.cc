// CHANGES SINCE TX n [UNTIL TX m] [MATCH s p o]: the log between two points,
// one row per change, streamed through the statement's sink.
#include "base/timestamp.h"
#include "engine/binder/binder.h"
#include "engine/lookup/lookup.h"
#include "engine/statements.h"

namespace claimgraph::engine {

namespace {

Status CheckLimits(const ExecuteOptions& o) {
  if ((o.cancelled && o.cancelled->load(std::memory_order_relaxed)) || (o.cancel_requested && o.cancel_requested()))
    return Status::Cancelled("query cancelled");
  if (o.deadline && std::chrono::steady_clock::now() > *o.deadline)
    return Status::DeadlineExceeded("query exceeded its deadline");
  return Status::Ok();
}

}  // namespace

Result<QueryResult> ExecuteChanges(const StatementContext& sc, const grammar::ChangesStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  Binder binder(*view, sc.text);
  const TxId newest = view->last_tx();
  if (s.since_tx > newest)
    return binder.Error(s.since_span, "transaction " + std::to_string(s.since_tx) +
                                          " is beyond the newest transaction, " + std::to_string(newest));
  const TxId until = s.until_tx.value_or(newest);
  if (s.until_tx && until > newest)
    return binder.Error(s.until_span, "transaction " + std::to_string(until) + " is beyond the newest transaction, " +
                                          std::to_string(newest));
  if (until < s.since_tx)
    return binder.Error(s.until_span, "UNTIL TX " + std::to_string(until) + " is before SINCE TX " +
                                          std::to_string(s.since_tx));
  QueryResult r;
  r.columns = {"tx", "time", "principal", "change", "claim", "subject", "predicate", "object", "source", "reason"};
  r.stats.as_of_tx = newest;
  std::optional<ChangeFilter> filter;
  if (s.pattern) {
    CG_ASSIGN_OR_RETURN(filter, BindChangeFilter(*view, sc.text, *s.pattern, &r.warnings));
  }

  // Rows go to the sink as they are found (a long span need not fit in
  // memory); either way max_rows bounds the answer, as for any query.
  if (sc.sink) CG_RETURN_IF_ERROR(sc.sink->Header(r.columns, r.as_of));
  static const std::vector<uint64_t> kNoProvenance;
  uint64_t rows = 0;
  ChangeVisitor visitor;
  visitor.change = [&](const ChangeEvent& e) -> Status {
    if (++rows > sc.options.max_rows)
      return Status::ResourceExhausted("the result has more than max_rows = " + std::to_string(sc.options.max_rows) +
                                       " rows: ask for a shorter span (UNTIL TX) or a pattern (MATCH)");
    std::vector<Value> row{Value::Integer(int64_t(e.tx)),
                           Value::String(base::FormatTimestamp(e.time_us)),
                           Value::String(e.principal),
                           Value::String(ChangeKindName(e.kind)),
                           Value::Claim(e.claim),
                           e.subject,
                           e.predicate,
                           e.object,
                           Value::String(e.source),
                           e.reason.empty() ? Value::Null() : Value::String(e.reason)};
    if (sc.sink) return sc.sink->Row(row, kNoProvenance);
    r.rows.push_back(std::move(row));
    return Status::Ok();
  };
  visitor.tx_done = [&](TxId) { return CheckLimits(sc.options); };
  CG_RETURN_IF_ERROR(WalkChanges(*sc.store, *view, s.since_tx, until, filter ? &*filter : nullptr, visitor));
  r.stats.rows = rows;
  return r;
}

}  // namespace claimgraph::engine
