// The planner: orders a block's patterns by estimated selectivity (from index
// statistics: claim counts per bound prefix, read from the snapshot), picks an
// index nested-loop or a hash join for each, places every filter right after
// the pattern that binds its last variable, and builds the pipelines (the main
// one, OPTIONAL sub-pipelines, EXISTS sub-plans).
#pragma once

#include <memory>
#include <optional>
#include <set>

#include "engine/binder/bound_query.h"
#include "engine/executor/pattern_step.h"
#include "engine/executor/pipeline.h"

namespace claimgraph::engine {

class Planner {
 public:
  explicit Planner(ExecContext* ctx) : ctx_(ctx) {}
  Result<std::unique_ptr<Pipeline>> PlanQuery(const BoundQuery& query);

 private:
  Result<std::unique_ptr<Pipeline>> PlanBlock(const std::vector<BoundPattern>& patterns,
                                              const std::vector<const BoundExpr*>& filters, std::set<int> bound,
                                              double input_rows, std::set<int>* bound_out);
  Status PlanSubqueries(const BoundExpr& e, const std::set<int>& bound);
  // Claims matching the pattern's constants (capped), both directions for symmetric.
  Result<double> BaseCount(const BoundPattern& p);
  Result<double> EstimatePerInput(const BoundPattern& p, const std::set<int>& bound);
  std::string IndexLabel(const BoundPattern& p, const std::set<int>& bound) const;
  // Claims of the FROM SOURCE / FROM PUBLISHER sources, by the by_source
  // index's statistics; nothing when the query has no such scope or names
  // too many sources to read one by one.
  Result<std::optional<double>> ScopedSourceClaims();
  // The sources a scan of `p` can be limited to, read through by_source
  // (possibly none at all), or nothing when its index range (`range` claims)
  // is the cheaper read: the
  // FROM SOURCE / PUBLISHER scope, narrowed by the block's filters that read
  // nothing but the source of p's claim (?c.source, ?c.publisher,
  // ?c.published, ?c.title), each evaluated on every source.
  Result<std::optional<std::vector<storage::SourceId>>> SourcesToScan(const BoundPattern& p,
                                                       const std::vector<const BoundExpr*>& filters, double range);

  // The claims a scan of `p` can be limited to when the block's filters bound
  // ?c.tx (p's claim) by constants: the claim ids those transactions
  // asserted, found by binary search, since ids ascend with transactions.
  // Nothing when no filter bounds it.
  Result<std::optional<ClaimIdRange>> ClaimsToScan(const BoundPattern& p, const std::vector<const BoundExpr*>& filters);

  ExecContext* ctx_;
  bool explain_ = false;  // EXPLAIN shows estimates even where nothing needs choosing
  size_t slots_ = 0;
  double entities_ = 1;
  std::optional<std::optional<double>> source_claims_;  // ScopedSourceClaims, once per query
  // One read-ahead per query: the view keeps one prefetched batch, so a
  // second one (a deeper join, an OPTIONAL's) would only displace the first.
  bool read_ahead_placed_ = false;
};

}  // namespace claimgraph::engine
