// Writing RDF terms and quads in N-Quads syntax: IRIs and strings escaped as
// the spec's canonical N-Triples form asks, so that whatever a term holds
// parses back (ParseNQuadsLine) to the same term.
#pragma once

#include <string>

#include "codec/nquads/rdf_term.h"

namespace claimgraph::codec {

std::string FormatTerm(const RdfTerm& term);
// One statement, "S P O [G] ." without a line break.
std::string FormatQuad(const Quad& quad);

}  // namespace claimgraph::codec
