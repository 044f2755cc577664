// A W3C RDF 1.1 N-Quads (and so N-Triples) line parser.
// Grammar: https://www.w3.org/TR/n-quads/#sec-grammar — statements are one per
// line, so the parser works a line at a time and reports the column of the
// first offending character.
#pragma once

#include <optional>
#include <string_view>

#include "codec/line_error.h"
#include "codec/nquads/rdf_term.h"

namespace claimgraph::codec {

// Parses one line (a trailing '\r' is ignored). Returns:
//  - a Quad for a statement, with the column of each term,
//  - nullopt with *error empty for a blank or comment-only line,
//  - nullopt with *error set for a syntax error (its column in [1, size + 1]).
std::optional<Quad> ParseNQuadsLine(std::string_view line, LineError* error);

}  // namespace claimgraph::codec
