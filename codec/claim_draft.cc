#include "codec/claim_draft.h"

namespace claimgraph::codec {

Literal ObjectLiteral(const ClaimDraft& d) {
  switch (d.object_kind) {
    case ClaimDraft::ObjectKind::kNumber: return {LiteralKind::kNumber, CanonicalNumber(d.object_number), d.object_number};
    case ClaimDraft::ObjectKind::kDate: return {LiteralKind::kDate, d.object_text, 0};
    default: return {LiteralKind::kString, d.object_text, 0};
  }
}

void SetObjectLiteral(const Literal& literal, ClaimDraft* d) {
  switch (literal.kind) {
    case LiteralKind::kNumber: d->object_kind = ClaimDraft::ObjectKind::kNumber; break;
    case LiteralKind::kDate: d->object_kind = ClaimDraft::ObjectKind::kDate; break;
    case LiteralKind::kString: d->object_kind = ClaimDraft::ObjectKind::kString; break;
  }
  d->object_text = literal.lexical;
  d->object_number = literal.number;
}

}  // namespace claimgraph::codec
