// Read-ahead for index joins: the inner side's point reads batched.
#pragma once

#include <memory>

#include "engine/executor/pipeline.h"

namespace claimgraph::engine {

// `source` (the step before an index join) run ahead by up to a batch of
// rows, and the reads `next` (the join) will open for them asked of the view
// in one batch (ReadView::Prefetch): an index nested-loop join's inner lookups
// become sorted MultiGets instead of one point read per outer row. Rows come
// out as `source` gives them; the batch starts small and doubles, so a LIMIT
// reads little ahead.
std::unique_ptr<Step> NewLookaheadStep(ExecContext* ctx, std::unique_ptr<Step> source, const Step* next);


}  // namespace claimgraph::engine
