// RDF 1.1 terms and quads as the N-Quads parser reads them and the writer
// writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimgraph::codec {

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
  // Where each term starts in its line (1-based byte columns; 0 when the quad
  // was not parsed from a line), so that an error found after parsing — a
  // literal that does not fit its datatype, an IRI that names no entity —
  // points at the term. Not part of the quad's value.
  struct Columns {
    uint32_t subject = 0, predicate = 0, object = 0, graph = 0;
  } columns;
};

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

}  // namespace claimgraph::codec
