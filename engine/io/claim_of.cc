#include "engine/io/claim_of.h"

#include "engine/io/literal_convert.h"

namespace claimgraph::io {

Result<codec::FileClaim> FileClaimOf(const storage::Claim& c, NameCache& names) {
  codec::FileClaim f;
  codec::ClaimDraft& d = f.claim;
  CG_ASSIGN_OR_RETURN(const storage::Entity* s, names.Entity(c.subject));
  CG_ASSIGN_OR_RETURN(const storage::Predicate* p, names.Predicate(c.predicate));
  CG_ASSIGN_OR_RETURN(const storage::Source* src, names.Source(c.source));
  d.subject = s->name;
  d.predicate = p->name;
  if (storage::IsEntityTerm(c.object)) {
    CG_ASSIGN_OR_RETURN(const storage::Entity* o, names.Entity(c.object));
    d.object_text = o->name;
  } else {
    CG_ASSIGN_OR_RETURN(const storage::Literal* l, names.Literal(c.object));
    codec::SetObjectLiteral(FromStored(*l), &d);
  }
  d.source = {src->key, src->title, src->publisher, src->published, src->url, src->sha256};
  d.has_span = c.has_span;
  d.span_begin = c.span_begin;
  d.span_end = c.span_end;
  d.quote = c.quote;
  d.confidence = c.confidence;
  d.method = c.method;
  d.modality = c.modality;
  d.valid = c.valid;
  f.id = c.id;
  f.tx = c.asserted_tx;
  f.principal = c.principal;
  f.asserted_at_us = c.asserted_at_us;
  f.retracted_tx = c.retracted_tx;
  f.retract_reason = c.retract_reason;
  f.retracted_by = c.retracted_by;
  f.retracted_at_us = c.retracted_at_us;
  // Deprecation as of the view, so that an import hides what this store hid.
  // A retracted claim's own mark is left out: it is out of every answer anyway.
  auto latest = [&](storage::Mark::Target target, uint64_t id) -> std::optional<storage::Mark> {
    std::vector<storage::Mark> marks = names.view().MarksOf(target, id);
    if (marks.empty() || !marks.back().deprecated) return std::nullopt;
    return std::move(marks.back());
  };
  if (c.retracted_tx == 0)
    if (std::optional<storage::Mark> m = latest(storage::Mark::Target::kClaim, c.id)) {
      f.deprecated_tx = m->tx;
      f.deprecate_reason = std::move(m->reason);
    }
  if (std::optional<storage::Mark> m = latest(storage::Mark::Target::kSource, c.source)) {
    f.source_deprecated_tx = m->tx;
    f.source_deprecate_reason = std::move(m->reason);
  }
  return f;
}

}  // namespace claimgraph::io
