// A W3C RDF 1.1 N-Quads (and so N-Triples) line parser.
// Grammar: https://www.w3.org/TR/n-quads/#sec-grammar — statements are one per
// line, so the parser works a line at a time and reports the column of the
// first offending character.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::io {

struct RdfTerm {
  enum class Kind { kIri, kBlankNode, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // IRI text (escapes decoded), blank node label (without "_:"), or literal lexical form
  std::string datatype;  // literal datatype IRI ("" = xsd:string or a language-tagged string)
  std::string language;  // literal language tag, without '@'
  bool operator==(const RdfTerm&) const = default;
};

struct Quad {
  RdfTerm subject, predicate, object;
  std::optional<RdfTerm> graph;  // nullopt = the default graph
};

struct ParseError {
  size_t column = 0;  // 1-based byte column in the line
  std::string message;
};

// Parses one line. Returns:
//  - a Quad for a statement,
//  - nullopt with *error empty for a blank or comment-only line,
//  - nullopt with *error set for a syntax error.
std::optional<Quad> ParseNQuadsLine(std::string_view line, ParseError* error);

// Serializes a term in N-Quads syntax (IRIs and strings escaped as the spec's
// canonical N-Triples form asks).
std::string FormatTerm(const RdfTerm& term);
std::string FormatQuad(const Quad& quad);

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

}  // namespace claimgraph::io
