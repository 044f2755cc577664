// MATCH: bind -> plan -> execute.
#include "engine/binder/binder.h"
#include "engine/executor/result_builder.h"
#include "engine/planner/planner.h"
#include "engine/statements.h"

namespace claimgraph::engine {

Result<QueryResult> ExecuteMatch(const StatementContext& sc, const grammar::Query& query) {
  CG_ASSIGN_OR_RETURN(auto current, sc.store->NewReadView());
  Binder binder(*current, sc.text);
  CG_ASSIGN_OR_RETURN(BoundQuery bound, binder.BindQuery(query, sc.options.as_of_tx));

  // AS OF reads an older snapshot of the same store; WITH DEPRECATED a view
  // that does not skip deprecated claims.
  std::unique_ptr<storage::ReadView> past;
  if (bound.as_of || bound.with_deprecated) {
    // The transaction the query was bound at, not whatever is newest now.
    CG_ASSIGN_OR_RETURN(past, sc.store->NewReadView(bound.as_of.value_or(current->as_of()),
                                                    storage::ViewOptions{bound.with_deprecated}));
  }
  const storage::ReadView& view = past ? *past : *current;

  ExecContext ctx(view, sc.options, bound.with_provenance);
  ctx.allowed_sources = bound.allowed_sources;
  ctx.valid = bound.valid;
  ctx.full_provenance = bound.full_provenance;
  CG_ASSIGN_OR_RETURN(auto predicates, view.SharedPredicates());
  for (const auto& p : *predicates)
    if (p.symmetric) ctx.symmetric_predicates.insert(p.id);

  Planner planner(&ctx);
  CG_ASSIGN_OR_RETURN(auto pipeline, planner.PlanQuery(bound));
  pipeline->Reset();

  QueryResult result;
  result.warnings = bound.warnings;
  result.stats.as_of_tx = view.as_of();
  result.as_of = bound.as_of;
  if (!bound.explain) {
    CG_RETURN_IF_ERROR(BuildResult(pipeline.get(), bound, &ctx, sc.sink, &result));
    return result;
  }
  // EXPLAIN runs the query (rows discarded) to report actual row counts.
  QueryResult discarded;
  CG_RETURN_IF_ERROR(BuildResult(pipeline.get(), bound, &ctx, nullptr, &discarded));
  std::string plan = "as of tx " + std::to_string(view.as_of()) +
                     (bound.with_deprecated ? ", deprecated claims included" : "") + "\n";
  if (bound.valid)
    plan += "valid time overlapping " + bound.valid->range.first + ".." + bound.valid->range.last +
            (bound.valid->or_unknown ? " or unknown" : "") + "\n";
  plan += pipeline->Explain(0);
  std::string top = discarded.columns.empty() ? "" : discarded.columns[0];
  for (size_t i = 1; i < discarded.columns.size(); ++i) top += ", " + discarded.columns[i];
  plan += std::string(bound.aggregating ? "Aggregate" : "Project") + (bound.distinct ? " DISTINCT " : " ") + top;
  if (!bound.order_by.empty()) plan += " | Sort";
  if (bound.limit || bound.offset) plan += " | Limit";
  plan += "  (rows " + std::to_string(discarded.stats.rows) + ")\n";
  result.plan = plan;
  result.columns = {"plan"};
  size_t start = 0;
  while (start < plan.size()) {
    size_t nl = plan.find('\n', start);
    result.rows.push_back({Value::String(plan.substr(start, nl - start))});
    start = nl == std::string::npos ? plan.size() : nl + 1;
  }
  CG_RETURN_IF_ERROR(Deliver(sc, &result));
  return result;
}

}  // namespace claimgraph::engine
