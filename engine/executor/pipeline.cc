#include "engine/executor/pipeline.h"

#include <cstdio>

namespace claimgraph::engine {

void Pipeline::Reset(const Row& seed) {
  row_ = seed;
  row_.slots.resize(slots_, 0);
  depth_ = 0;
  seed_emitted_ = false;
  started_.assign(steps_.size(), false);
  provenance_base_.assign(steps_.size(), 0);
  slots_base_.assign(steps_.size(), {});
}

Result<bool> Pipeline::Next(Row* out) {
  if (steps_.empty()) {  // no steps: the seed itself is the one row
    if (seed_emitted_) return false;
    seed_emitted_ = true;
    *out = row_;
    return true;
  }
  while (depth_ >= 0) {
    CG_RETURN_IF_ERROR(ctx_->Tick());
    Step& step = *steps_[depth_];
    if (!started_[depth_]) {
      provenance_base_[depth_] = row_.provenance.size();
      slots_base_[depth_] = row_.slots;
      CG_RETURN_IF_ERROR(step.Begin(row_));
      ++step.inputs;
      started_[depth_] = true;
    }
    // Undo what the previous extension at this depth (and deeper) bound.
    row_.provenance.resize(provenance_base_[depth_]);
    row_.slots = slots_base_[depth_];
    CG_ASSIGN_OR_RETURN(bool got, step.Advance(row_));
    if (!got) {
      started_[depth_] = false;
      --depth_;
      continue;
    }
    ++step.actual;
    if (depth_ + 1 == static_cast<int>(steps_.size())) {
      *out = row_;
      return true;
    }
    ++depth_;
  }
  return false;
}

std::string Pipeline::Explain(int indent) const {
  std::string out;
  for (size_t i = 0; i < steps_.size(); ++i) {
    const Step& s = *steps_[i];
    char figures[96];
    std::snprintf(figures, sizeof figures, "  (est %.0f, actual %llu)", s.estimate, (unsigned long long)s.actual);
    out += std::string(indent + 2 * i, ' ') + s.label + figures + "\n";
  }
  return out;
}

}  // namespace claimgraph::engine
