// Statement kinds other than MATCH, one function each (statements/*.cc).
#pragma once

#include <string_view>

#include "engine/query_result.h"
#include "grammar/ast.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

struct StatementContext {
  storage::ClaimStore* store;
  std::string_view text;  // the statement, for diagnostics
  const ExecuteOptions& options;
  RowSink* sink;
};

Result<QueryResult> ExecuteMatch(const StatementContext& ctx, const grammar::Query& query);
Result<QueryResult> ExecuteAssert(const StatementContext& ctx, const grammar::AssertStatement& s);
Result<QueryResult> ExecuteRetract(const StatementContext& ctx, const grammar::RetractStatement& s);
Result<QueryResult> ExecuteDefinePredicate(const StatementContext& ctx, const grammar::DefinePredicateStatement& s);
Result<QueryResult> ExecuteDefineEntity(const StatementContext& ctx, const grammar::DefineEntityStatement& s);
Result<QueryResult> ExecuteShow(const StatementContext& ctx, const grammar::ShowStatement& s);
Result<QueryResult> ExecuteHistoryClaim(const StatementContext& ctx, const grammar::HistoryClaimStatement& s);
Result<QueryResult> ExecuteHistoryFact(const StatementContext& ctx, const grammar::HistoryFactStatement& s);
Result<QueryResult> ExecuteAuditVerify(const StatementContext& ctx, const grammar::AuditVerifyStatement& s);
Result<QueryResult> ExecuteChanges(const StatementContext& ctx, const grammar::ChangesStatement& s);
Result<QueryResult> ExecuteRedact(const StatementContext& ctx, const grammar::RedactStatement& s);
Result<QueryResult> ExecuteMark(const StatementContext& ctx, const grammar::MarkStatement& s);

// Sends a fully built result through the statement's sink (if any), within
// the max-rows limit like any query.
Status Deliver(const StatementContext& sc, QueryResult* result);

}  // namespace claimgraph::engine
