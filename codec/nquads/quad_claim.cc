#include "codec/nquads/quad_claim.h"

#include "base/normalize.h"
#include "codec/nquads/term_mapping.h"

namespace claimgraph::codec {
namespace {

std::nullopt_t Fail(LineError* error, uint32_t column, std::string message) {
  error->column = column;
  error->message = std::move(message);
  return std::nullopt;
}

}  // namespace

const std::string& QuadMapper::EntityName(const RdfTerm& t) {
  auto& cache = t.kind == RdfTerm::Kind::kBlankNode ? blank_entities_ : iri_entities_;
  auto it = cache.find(t.value);
  if (it != cache.end()) return it->second;
  // A memo: bounded, so that a file of a million entities does not hold each
  // IRI and name (the frequent ones come back at once). Nothing holds a
  // reference into it across calls (Map copies each name).
  if (cache.size() >= kMaxCached) cache.clear();
  std::string name = EntityNameFromTerm(t);
  if (base::NormalizeAlias(name).empty()) name.clear();
  return cache.emplace(t.value, std::move(name)).first->second;
}

std::optional<ClaimDraft> QuadMapper::Map(const Quad& q, LineError* error) {
  ClaimDraft d;
  const Quad::Columns& at = q.columns;
  auto no_entity = [&](const RdfTerm& t, uint32_t column) {
    return Fail(error, column, "<" + t.value + "> names no entity (no letters or digits)");
  };
  if (q.object.kind == RdfTerm::Kind::kLiteral) {
    Result<Literal> literal = LiteralFromTerm(q.object);
    if (!literal.ok()) return Fail(error, at.object, literal.status().message());
    SetObjectLiteral(*literal, &d);
  } else {
    d.object_text = EntityName(q.object);
    if (d.object_text.empty()) return no_entity(q.object, at.object);
  }
  d.subject = EntityName(q.subject);
  if (d.subject.empty()) return no_entity(q.subject, at.subject);
  auto predicate = predicates_.find(q.predicate.value);
  if (predicate == predicates_.end())
    predicate = predicates_.emplace(q.predicate.value, PredicateNameFromIri(q.predicate.value)).first;
  if (predicate->second.empty())
    return Fail(error, at.predicate, "predicate IRI <" + q.predicate.value + "> has no name segment");
  d.predicate = predicate->second;
  if (q.graph) {
    d.source.key = SourceKeyFromTerm(*q.graph);
    if (d.source.key.empty() || q.graph->value == kSourceIriPrefix)
      return Fail(error, at.graph, "the graph label names no source");
  } else {
    d.source.key = default_source_;
    if (d.source.key.empty()) return Fail(error, 0, "a quad in the default graph and no default source");
  }
  d.method = std::string(kNQuadsMethod);
  return d;
}

Quad QuadOfClaim(const ClaimDraft& c, std::string_view default_source) {
  Quad q;
  q.subject = EntityToIri(c.subject);
  q.predicate = PredicateToIri(c.predicate);
  q.object = c.object_kind == ClaimDraft::ObjectKind::kEntity ? EntityToIri(c.object_text)
                                                              : LiteralToTerm(ObjectLiteral(c));
  if (c.source.key != default_source) q.graph = SourceToIri(c.source.key);
  return q;
}

}  // namespace claimgraph::codec
