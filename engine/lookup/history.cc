// A claim's life, oldest first: the History RPC and HISTORY CLAIM.
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
  return events;
}

Result<std::vector<HistoryEvent>> Engine::ClaimHistory(ClaimId id) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadClaimHistory(*view, id);
}

}  // namespace claimgraph::engine
