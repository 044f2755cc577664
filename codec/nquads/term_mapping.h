// How RDF terms map to claimgraph's names and values, both ways.
//
//  - Entities: <urn:claimgraph:entity:NAME> (NAME percent-encoded) is the entity
//    NAME; any other IRI is the entity that has the IRI text as an alias, or a new
//    entity whose canonical name is the IRI text. A blank node _:b is the entity
//    named "_:b" (labels are not scoped per file).
//  - Predicates: the last segment of the IRI after '#', '/' or ':'
//    (<urn:p:shares-intel> -> shares-intel).
//  - Sources: the graph IRI text, or NAME for <urn:claimgraph:source:NAME>.
//  - Literals: xsd numeric types -> number, xsd:date/dateTime/gYear/gYearMonth ->
//    date, everything else (xsd:string, language-tagged, other datatypes) -> string.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "codec/literal.h"
#include "codec/nquads/rdf_term.h"

namespace claimgraph::codec {

// Every IRI claimgraph writes with a meaning of its own starts with this: a
// name or key that itself starts with it is written under the entity or
// source prefix, percent-encoded, never as-is -- else an entity or a source
// named "urn:claimgraph:claim:5" would be written as the claim graph 5.
inline constexpr std::string_view kOwnIriPrefix = "urn:claimgraph:";
inline constexpr std::string_view kEntityIriPrefix = "urn:claimgraph:entity:";
inline constexpr std::string_view kPredicateIriPrefix = "urn:claimgraph:predicate:";
inline constexpr std::string_view kSourceIriPrefix = "urn:claimgraph:source:";

std::string PercentEncode(std::string_view text);
std::string PercentDecode(std::string_view text);
bool IsAbsoluteIri(std::string_view text);

// The entity name an IRI or blank node stands for (before alias resolution).
std::string EntityNameFromTerm(const RdfTerm& term);
std::string PredicateNameFromIri(std::string_view iri);
std::string SourceKeyFromTerm(const RdfTerm& term);

RdfTerm EntityToIri(std::string_view name);
RdfTerm PredicateToIri(std::string_view name);
RdfTerm SourceToIri(std::string_view key);

// Typed value of an RDF literal; InvalidArgument when the lexical form does
// not fit its datatype ("12x" as xsd:integer).
Result<Literal> LiteralFromTerm(const RdfTerm& term);
RdfTerm LiteralToTerm(const Literal& literal);

}  // namespace claimgraph::codec
