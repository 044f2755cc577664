// nquads-prov, writing (codec/nquads/prov_claim.h): a claim's quads in the
// fixed order of the table in docs/architecture.md.
#include "base/modality.h"
#include "base/timestamp.h"
#include "codec/literal.h"
#include "codec/nquads/nquads_writer.h"
#include "codec/nquads/prov_claim.h"
#include "codec/nquads/quad_claim.h"
#include "codec/nquads/term_mapping.h"

namespace claimgraph::codec {
namespace {

RdfTerm Iri(std::string value) { return {RdfTerm::Kind::kIri, std::move(value), "", ""}; }
RdfTerm Term(std::string_view ns, std::string_view local) { return Iri(std::string(ns) + std::string(local)); }
RdfTerm Plain(std::string value) { return {RdfTerm::Kind::kLiteral, std::move(value), "", ""}; }
RdfTerm Typed(std::string value, std::string_view xsd_local) {
  return {RdfTerm::Kind::kLiteral, std::move(value), std::string(kXsd) + std::string(xsd_local), ""};
}
RdfTerm ClaimIri(uint64_t id) { return Iri(std::string(kClaimGraphPrefix) + std::to_string(id)); }
RdfTerm PrincipalIri(std::string_view name) {
  return Iri(std::string(kPrincipalIriPrefix) + PercentEncode(name));
}
// A partial date typed as what it is (xsd:gYear, gYearMonth, date); text
// that is no date (a source's free-form published date) as a plain string.
RdfTerm DateTerm(const std::string& text) {
  Result<Literal> date = MakeDateLiteral(text);
  return date.ok() ? LiteralToTerm(*date) : Plain(text);
}

}  // namespace

uint64_t ProvQuadWriter::Write(const FileClaim& f, std::string* out) {
  const ClaimDraft& c = f.claim;
  const RdfTerm claim = ClaimIri(f.id);
  const RdfTerm source = SourceToIri(c.source.key);
  uint64_t quads = 0;
  auto emit = [&](const RdfTerm& subject, const RdfTerm& predicate, const RdfTerm& object) {
    Quad q;
    q.subject = subject;
    q.predicate = predicate;
    q.object = object;
    *out += FormatQuad(q);
    *out += '\n';
    ++quads;
  };
  auto vocab = [](std::string_view local) { return Term(kVocabPrefix, local); };

  Quad triple = QuadOfClaim(c, "");
  triple.graph = claim;
  *out += FormatQuad(triple);
  *out += '\n';
  ++quads;

  emit(claim, Term(kProv, "wasDerivedFrom"), source);
  if (!f.principal.empty()) emit(claim, Term(kProv, "wasAttributedTo"), PrincipalIri(f.principal));
  emit(claim, Term(kProv, "generatedAtTime"), Typed(base::FormatTimestamp(f.asserted_at_us), "dateTime"));
  emit(claim, vocab("transaction"), Typed(std::to_string(f.tx), "integer"));
  if (!c.quote.empty()) emit(claim, vocab("quote"), Plain(c.quote));
  if (c.has_span) {
    emit(claim, vocab("spanBegin"), Typed(std::to_string(c.span_begin), "integer"));
    emit(claim, vocab("spanEnd"), Typed(std::to_string(c.span_end), "integer"));
  }
  emit(claim, vocab("confidence"), Typed(CanonicalNumber(c.confidence), "double"));
  emit(claim, vocab("modality"), Plain(base::ModalityName(c.modality)));
  if (!c.method.empty()) emit(claim, vocab("method"), Plain(c.method));
  if (!c.valid.from.empty()) emit(claim, vocab("validFrom"), DateTerm(c.valid.from));
  if (!c.valid.to.empty()) emit(claim, vocab("validTo"), DateTerm(c.valid.to));
  if (f.retracted()) {
    emit(claim, vocab("retractedInTransaction"), Typed(std::to_string(f.retracted_tx), "integer"));
    if (!f.retracted_by.empty()) emit(claim, vocab("retractedBy"), PrincipalIri(f.retracted_by));
    emit(claim, Term(kProv, "invalidatedAtTime"), Typed(base::FormatTimestamp(f.retracted_at_us), "dateTime"));
    if (!f.retract_reason.empty()) emit(claim, vocab("retractReason"), Plain(f.retract_reason));
  }
  if (f.deprecated()) {
    emit(claim, vocab("deprecatedInTransaction"), Typed(std::to_string(f.deprecated_tx), "integer"));
    emit(claim, vocab("deprecateReason"), Plain(f.deprecate_reason));
  }

  if (sources_written_.insert(c.source.key).second) {
    const SourceDraft& s = c.source;
    if (!s.title.empty()) emit(source, Term(kDcterms, "title"), Plain(s.title));
    if (!s.publisher.empty()) emit(source, Term(kDcterms, "publisher"), Plain(s.publisher));
    if (!s.published.empty()) emit(source, Term(kDcterms, "date"), DateTerm(s.published));
    if (!s.url.empty()) emit(source, Term(kDcterms, "source"), Typed(s.url, "anyURI"));
    if (!s.sha256.empty()) emit(source, vocab("sha256"), Plain(s.sha256));
    if (f.source_deprecated()) {
      emit(source, vocab("deprecatedInTransaction"), Typed(std::to_string(f.source_deprecated_tx), "integer"));
      emit(source, vocab("deprecateReason"), Plain(f.source_deprecate_reason));
    }
  }
  return quads;
}

}  // namespace claimgraph::codec
