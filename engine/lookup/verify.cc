// Verification of the hash-chained log and, on request, of the derived
// indexes: the VerifyAudit RPC, `claimgraphd verify [--indexes]` and AUDIT
// VERIFY [INDEXES].
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<VerifyReport> VerifyStore(const storage::ClaimStore& store, bool indexes) {
  VerifyReport r;
  CG_ASSIGN_OR_RETURN(storage::AuditReport log, store.VerifyLog());
  r.log_ok = log.ok;
  r.transactions_checked = log.transactions_checked;
  r.claims_checked = log.claims_checked;
  r.first_bad_tx = log.first_bad_tx;
  r.log_problem = log.problem;
  // Indexes derived from a log that does not verify prove nothing.
  if (indexes && log.ok) {
    CG_ASSIGN_OR_RETURN(storage::AuditReport derived, store.VerifyIndexes());
    r.indexes_checked = true;
    r.indexes_ok = derived.ok;
    r.index_claims_checked = derived.claims_checked;
    r.index_problem = derived.problem;
  }
  return r;
}

Result<VerifyReport> Engine::Verify(bool indexes) const { return VerifyStore(*store_, indexes); }

}  // namespace claimgraph::engine
