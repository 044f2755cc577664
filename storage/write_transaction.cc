// Store-independent parts of the write API: a claim input's identity and the
// duplicate rule every write path shares.
#include "storage/claim_store.h"

namespace claimgraph::storage {

Claim ClaimRecordOf(const ClaimInput& in) {
  Claim c;
  AssignClaimRecord(in, &c);
  return c;
}

void AssignClaimRecord(const ClaimInput& in, Claim* out) {
  Claim& c = *out;
  c.id = 0;
  c.subject = in.subject;
  c.predicate = in.predicate;
  c.object = in.object;
  c.source = in.source;
  c.has_span = in.has_span;
  c.span_begin = in.span_begin;
  c.span_end = in.span_end;
  c.quote = in.quote;
  c.confidence = in.confidence;
  c.method = in.method;
  c.modality = in.modality;
  c.valid = in.valid;
  c.asserted_tx = 0;
  c.principal = in.principal;
  c.asserted_at_us = in.asserted_at_us;
  c.retracted_tx = 0;
  c.retract_reason.clear();
  c.retracted_by.clear();
  c.retracted_at_us = 0;
}

ClaimIdentity IdentityOf(const ClaimInput& in, bool symmetric) { return IdentityOf(ClaimRecordOf(in), symmetric); }

Result<AssertOutcome> WriteTransaction::AssertUnlessLiveClaim(const ClaimInput& claim) {
  CG_ASSIGN_OR_RETURN(std::optional<ClaimId> live, FindLiveClaim(claim));
  if (live) return AssertOutcome{*live, true};
  CG_ASSIGN_OR_RETURN(ClaimId id, Assert(claim));
  return AssertOutcome{id, false};
}

Result<AssertOutcome> AssertUnlessLive(WriteTransaction& tx, const ClaimInput& claim) {
  return tx.AssertUnlessLiveClaim(claim);
}

}  // namespace claimgraph::storage
