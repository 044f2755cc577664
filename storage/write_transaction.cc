// Store-independent parts of the write API: a claim input's identity and the
// duplicate rule every write path shares.
#include "storage/claim_store.h"

namespace claimgraph::storage {

ClaimIdentity IdentityOf(const ClaimInput& in, bool symmetric) {
  Claim c;
  c.subject = in.subject;
  c.predicate = in.predicate;
  c.object = in.object;
  c.source = in.source;
  c.has_span = in.has_span;
  c.span_begin = in.span_begin;
  c.span_end = in.span_end;
  c.modality = in.modality;
  c.quote = in.quote;
  return IdentityOf(c, symmetric);
}

Result<AssertOutcome> AssertUnlessLive(WriteTransaction& tx, const ClaimInput& claim) {
  CG_ASSIGN_OR_RETURN(std::optional<ClaimId> live, tx.FindLiveClaim(claim));
  if (live) return AssertOutcome{*live, true};
  CG_ASSIGN_OR_RETURN(ClaimId id, tx.Assert(claim));
  return AssertOutcome{id, false};
}

}  // namespace claimgraph::storage
