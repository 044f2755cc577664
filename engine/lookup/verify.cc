// Verification of the hash-chained log and, on request, of the derived
// indexes and the kept evidence: the VerifyAudit RPC, `claimgraphd verify
// [--indexes] [--evidence]` and AUDIT VERIFY [INDEXES] [EVIDENCE].
#include "base/sha256.h"
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<VerifyReport> VerifyStore(const storage::ClaimStore& store, bool indexes, bool evidence) {
  VerifyReport r;
  CG_ASSIGN_OR_RETURN(storage::AuditReport log, store.VerifyLog());
  r.log_ok = log.ok;
  r.transactions_checked = log.transactions_checked;
  r.claims_checked = log.claims_checked;
  r.first_bad_tx = log.first_bad_tx;
  r.log_problem = log.problem;
  {
    CG_ASSIGN_OR_RETURN(std::unique_ptr<storage::ReadView> view, store.NewReadView());
    r.head_tx = view->last_tx();
    if (r.head_tx > 0) {
      CG_ASSIGN_OR_RETURN(storage::TxRecord head, view->GetTx(r.head_tx));
      r.head_hash = base::HexEncode(head.hash);
    }
  }
  // Indexes derived from a log that does not verify prove nothing.
  if (indexes && log.ok) {
    CG_ASSIGN_OR_RETURN(storage::AuditReport derived, store.VerifyIndexes());
    r.indexes_checked = true;
    r.indexes_ok = derived.ok;
    r.index_claims_checked = derived.claims_checked;
    r.index_problem = derived.problem;
  }
  // A kept text is proved by its own SHA-256, the chain or not: checked
  // whatever the log says (a changed claim record breaks both; both say so).
  if (evidence) {
    CG_ASSIGN_OR_RETURN(storage::EvidenceReport kept, store.VerifyEvidence());
    r.evidence_checked = true;
    r.evidence_ok = kept.ok;
    r.texts_checked = kept.texts_checked;
    r.text_bytes = kept.text_bytes;
    r.texts_redacted = kept.texts_redacted;
    r.quotes_checked = kept.quotes_checked;
    r.evidence_problem = kept.problem;
  }
  return r;
}

Result<VerifyReport> Engine::Verify(bool indexes, bool evidence) const { return VerifyStore(*store_, indexes, evidence); }

}  // namespace claimgraph::engine
