// A stored claim, its ends, predicate and source by name: GetClaim and
// GetClaims (the RPCs, IngestDocument's answer) and SHOW CLAIM.
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

SourceRecord ToSourceRecord(const storage::Source& s) {
  return {s.id, s.key, s.title, s.publisher, s.published, s.url, s.sha256};
}

Result<Value> ObjectValue(const storage::ReadView& view, storage::TermId object) {
  if (storage::IsEntityTerm(object)) {
    CG_ASSIGN_OR_RETURN(storage::Entity e, view.GetEntity(object));
    return Value::Entity(e.id, e.name);
  }
  CG_ASSIGN_OR_RETURN(storage::Literal l, view.GetLiteral(object));
  switch (l.kind) {
    case storage::TermKind::kNumber: {
      Value v = Value::Number(l.number);
      v.integer = codec::IsIntegerLiteral(l.lexical);  // as it was written
      return v;
    }
    case storage::TermKind::kDate: return Value::Date(l.lexical);
    default: return Value::String(l.lexical);
  }
}

Result<ClaimRecord> ResolveClaim(const storage::ReadView& view, const storage::Claim& c) {
  ClaimRecord r;
  r.id = c.id;
  CG_ASSIGN_OR_RETURN(storage::Entity subject, view.GetEntity(c.subject));
  r.subject = Value::Entity(subject.id, std::move(subject.name));
  CG_ASSIGN_OR_RETURN(storage::Predicate predicate, view.GetPredicate(c.predicate));
  r.predicate = Value::Predicate(predicate.id, std::move(predicate.name));
  CG_ASSIGN_OR_RETURN(r.object, ObjectValue(view, c.object));
  CG_ASSIGN_OR_RETURN(storage::Source source, view.GetSource(c.source));
  r.source = ToSourceRecord(source);
  r.has_span = c.has_span;
  r.span_begin = c.span_begin;
  r.span_end = c.span_end;
  r.quote = c.quote;
  r.confidence = c.confidence;
  r.method = c.method;
  r.modality = c.modality;
  r.valid = c.valid;
  r.asserted_tx = c.asserted_tx;
  r.principal = c.principal;
  r.asserted_at_us = c.asserted_at_us;
  r.retracted_tx = c.retracted_tx;
  r.retract_reason = c.retract_reason;
  r.retracted_by = c.retracted_by;
  r.retracted_at_us = c.retracted_at_us;
  if (std::optional<storage::Mark> m = view.DeprecationOf(c.id, c.source)) {
    r.deprecated_tx = m->tx;
    r.deprecated_reason = m->reason;
    r.deprecated_by_source = m->target == storage::Mark::Target::kSource;
  }
  return r;
}

Result<ClaimRecord> Engine::GetClaim(ClaimId id) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  CG_ASSIGN_OR_RETURN(storage::Claim claim, view->GetClaim(id));
  return ResolveClaim(*view, claim);
}

Result<std::vector<ClaimRecord>> Engine::GetClaims(const std::vector<ClaimId>& ids) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  std::vector<ClaimRecord> out;
  out.reserve(ids.size());
  for (ClaimId id : ids) {
    CG_ASSIGN_OR_RETURN(storage::Claim claim, view->GetClaim(id));
    CG_ASSIGN_OR_RETURN(ClaimRecord record, ResolveClaim(*view, claim));
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace claimgraph::engine
