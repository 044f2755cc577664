#include "engine/binder/bound_query.h"

namespace claimgraph::engine {

std::set<int> BoundPattern::Slots() const {
  std::set<int> out;
  if (subject.is_variable()) out.insert(subject.slot);
  if (object.is_variable()) out.insert(object.slot);
  if (predicate_slot >= 0) out.insert(predicate_slot);
  if (claim_slot >= 0) out.insert(claim_slot);
  if (claim_source_slot >= 0) out.insert(claim_source_slot);
  if (claim_belief_slot >= 0) out.insert(claim_belief_slot);
  return out;
}

std::set<int> BoundExpr::Slots() const {
  std::set<int> out;
  if ((kind == Kind::kSlot || kind == Kind::kAttribute) && slot >= 0) out.insert(slot);
  for (const auto& c : children) {
    auto s = c.Slots();
    out.insert(s.begin(), s.end());
  }
  if (subquery) {
    // An EXISTS block reads the outer variables it shares with the query;
    // those are the slots it needs bound before it can run.
    for (const auto& p : subquery->patterns) {
      auto s = p.Slots();
      out.insert(s.begin(), s.end());
    }
  }
  return out;
}

bool BoundExpr::HasAggregate() const {
  if (kind == Kind::kAggregate) return true;
  for (const auto& c : children)
    if (c.HasAggregate()) return true;
  return false;
}

}  // namespace claimgraph::engine
