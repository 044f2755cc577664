#pragma once

#include "engine/executor/pipeline.h"

namespace claimgraph::engine {

// Passes the row on when the expression is true.
std::unique_ptr<Step> NewFilterStep(ExecContext* ctx, const BoundExpr& e);
// Left outer join with a sub-pipeline: every match, or the row itself once
// (its `slots` left unbound) when nothing matches.
std::unique_ptr<Step> NewOptionalStep(std::unique_ptr<Pipeline> sub, std::vector<int> slots);

}  // namespace claimgraph::engine
