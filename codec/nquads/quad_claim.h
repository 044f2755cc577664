// What an N-Quads line says as a claim, and the line a claim is written as:
// the subject and object are entities (or the object a typed literal), the
// predicate is the IRI's last segment, the source is the graph (a quad in the
// default graph gets the default source). The names follow term_mapping.h.
//
// `claimgraphd import` and `claimgraph load` both map quads with QuadMapper,
// so a file means the same claims, and is refused for the same reasons,
// through either.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "codec/claim_draft.h"
#include "codec/line_error.h"
#include "codec/nquads/rdf_term.h"

namespace claimgraph::codec {

// The source of quads in the default graph unless a tool is told otherwise
// (--default-source), and the source an N-Quads export writes to the default
// graph: so an export imports back to the same sources.
inline constexpr std::string_view kDefaultSource = "default";

// Method recorded for a claim read from N-Quads.
inline constexpr std::string_view kNQuadsMethod = "import:nquads";

// Maps the quads of one file, remembering each IRI's name: a file names the
// same few entities, predicates and graphs on many lines. Not thread-safe.
class QuadMapper {
 public:
  // `default_source`: the source of quads in the default graph
  // (`--default-source`, "default" unless given).
  explicit QuadMapper(std::string default_source) : default_source_(std::move(default_source)) {}

  // The claim `quad` states: a bare claim (no span, quote or modality; all a
  // quad can say) with method "import:nquads". nullopt with *error (its column
  // at the term at fault) when a literal does not fit its datatype, an IRI or
  // blank node names no entity (no letters or digits), the predicate IRI has
  // no name segment, or the quad names no source.
  std::optional<ClaimDraft> Map(const Quad& quad, LineError* error);

 private:
  // The entity name `term` stands for, or "" when it names none.
  const std::string& EntityName(const RdfTerm& term);

  static constexpr size_t kMaxCached = 1 << 16;  // entries of each entity memo
  std::string default_source_;
  std::unordered_map<std::string, std::string> iri_entities_, blank_entities_, predicates_;
};

// The quad a claim is written as; its graph is the source unless the source
// is `default_source` (then the default graph, which imports back to it).
Quad QuadOfClaim(const ClaimDraft& claim, std::string_view default_source);

}  // namespace claimgraph::codec
