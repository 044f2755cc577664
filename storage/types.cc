#include "storage/types.h"

#include <cmath>
#include <utility>

namespace claimgraph::storage {

const char* TermKindName(TermKind kind) {
  switch (kind) {
    case TermKind::kEntity: return "entity";
    case TermKind::kString: return "string";
    case TermKind::kNumber: return "number";
    case TermKind::kDate: return "date";
  }
  return "unknown";
}

const char* EvidenceStateName(Evidence::State state) {
  switch (state) {
    case Evidence::State::kNone: return "none";
    case Evidence::State::kKept: return "kept";
    case Evidence::State::kRedacted: return "redacted";
  }
  return "none";
}

const char* MarkTargetName(Mark::Target target) {
  return target == Mark::Target::kSource ? "source" : "claim";
}

uint32_t ConfidenceCodeOf(double c) {
  if (!(c >= 0 && c <= 1)) return kConfidenceInRecord;  // NaN fails too
  const uint32_t code = static_cast<uint32_t>(std::round(c * 1000)) + 1;
  // The decode must give c back bit for bit (−0.0 equals 0.0 but is not it).
  if (std::signbit(c) || ConfidenceOfCode(code) != c) return kConfidenceInRecord;
  return code;
}

IndexEntry IndexEntryOf(const Claim& c, TxId asserted_tx, TxId retracted_tx) {
  return {c.subject, c.predicate, c.object, c.id, asserted_tx, retracted_tx, c.source, c.modality,
          ConfidenceCodeOf(c.confidence)};
}

ClaimIdentity IdentityOf(const Claim& c, bool symmetric) {
  ClaimIdentity id{c.subject, c.predicate, c.object, c.source, c.has_span, c.span_begin, c.span_end, c.modality, c.quote};
  if (!c.has_span) id.span_begin = id.span_end = 0;
  // Only an entity object can change places with the subject.
  if (symmetric && IsEntityTerm(id.object) && id.object < id.subject) std::swap(id.subject, id.object);
  return id;
}

}  // namespace claimgraph::storage
