// A claim's life, oldest first: the History RPC and HISTORY CLAIM.
#include <algorithm>

#include "engine/engine.h"
#include "engine/lookup/lookup.h"
#include "engine/value.h"

namespace claimgraph::engine {

Result<std::vector<HistoryEvent>> ReadClaimHistory(const storage::ReadView& view, ClaimId id) {
  CG_ASSIGN_OR_RETURN(storage::Claim c, view.GetClaim(id));
  std::vector<HistoryEvent> events;
  CG_ASSIGN_OR_RETURN(storage::TxRecord asserted, view.GetTx(c.asserted_tx));
  events.push_back({c.asserted_tx, asserted.time_us, "asserted", asserted.principal,
                    std::string(base::ModalityName(c.modality)) + ", confidence " + FormatNumber(c.confidence) +
                        ", method " + c.method});
  if (c.retracted_tx) {
    CG_ASSIGN_OR_RETURN(storage::TxRecord retracted, view.GetTx(c.retracted_tx));
    events.push_back({c.retracted_tx, retracted.time_us, "retracted", retracted.principal, c.retract_reason});
  }
  // Deprecations and restores, of the claim and of its source (which hide
  // or show it as much as its own).
  CG_ASSIGN_OR_RETURN(storage::Source source, view.GetSource(c.source));
  for (auto target : {storage::Mark::Target::kClaim, storage::Mark::Target::kSource}) {
    const bool of_source = target == storage::Mark::Target::kSource;
    for (const storage::Mark& m : view.MarksOf(target, of_source ? c.source : id)) {
      CG_ASSIGN_OR_RETURN(storage::TxRecord rec, view.GetTx(m.tx));
      std::string event = std::string(of_source ? "source " : "") + (m.deprecated ? "deprecated" : "restored");
      std::string detail = of_source ? "source \"" + source.key + "\"" + (m.reason.empty() ? "" : ": " + m.reason) : m.reason;
      events.push_back({m.tx, rec.time_us, std::move(event), rec.principal, std::move(detail)});
    }
  }
  std::stable_sort(events.begin(), events.end(), [](const HistoryEvent& a, const HistoryEvent& b) { return a.tx < b.tx; });
  return events;
}

Result<std::vector<HistoryEvent>> Engine::ClaimHistory(ClaimId id) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadClaimHistory(*view, id);
}

}  // namespace claimgraph::engine
