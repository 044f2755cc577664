// Claims as N-Quads that any RDF store reads, with their provenance
// ("nquads-prov", docs/architecture.md "Claims as RDF with provenance"):
// each claim is a named graph <urn:claimgraph:claim:N> holding its one
// triple, and the default graph says about that graph, in PROV-O, Dublin
// Core and claimgraph's own terms (kVocabPrefix), everything a JSONL export
// says about the claim; the source's title, publisher, date, URL and SHA-256
// are statements about the source IRI, written once, after the first claim
// that derives from it.
//
// The writer's order is fixed (claims in the order given, statements in the
// order of the table in the docs), so exporting the same store twice gives
// the same bytes. The reader takes the statements in any order: a claim is
// assembled from every quad about its graph, so a file another store
// re-serialized reads back too.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "codec/file_claim.h"
#include "codec/line_error.h"
#include "codec/nquads/rdf_term.h"

namespace claimgraph::codec {

inline constexpr std::string_view kClaimGraphPrefix = "urn:claimgraph:claim:";
inline constexpr std::string_view kPrincipalIriPrefix = "urn:claimgraph:principal:";
// Terms PROV-O and Dublin Core lack: quote, span, confidence, ...
inline constexpr std::string_view kVocabPrefix = "urn:claimgraph:vocab:";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";

// Method recorded for a claim read from nquads-prov that names none.
inline constexpr std::string_view kNQuadsProvMethod = "import:nquads-prov";

// True when `quad` is in a claim graph or about one: what makes an N-Quads
// file nquads-prov (its first statement is the first claim's triple).
bool IsProvQuad(const Quad& quad);
// Whether the first statement of `in` is an nquads-prov one; `in` is left
// where it was (false, unread, when it cannot seek back).
bool IsProvNQuads(std::istream& in);

// Writes claims one after another.
class ProvQuadWriter {
 public:
  // Appends the lines of `claim` (each ending in '\n') to *out: its triple in
  // its graph, the statements about the graph, and, the first time the source
  // is met, the statements about the source. Returns how many quads.
  uint64_t Write(const FileClaim& claim, std::string* out);

 private:
  std::set<std::string> sources_written_;
};

// One claim read back, or what is wrong with it.
struct ProvClaim {
  uint64_t line = 0;  // of the quad at fault, or of the claim's first quad
  LineError error;    // message non-empty: the claim is refused
  FileClaim claim;
};

// Reads the statements of one file; the claims come out of Finish, in the
// order of their numbers (N in <urn:claimgraph:claim:N>), so an export
// imports into an empty store with the same ids.
class ProvReader {
 public:
  // One line, numbered from 1 (without its '\n'); blank and comment lines
  // are fine. A syntax error is kept and reported by Finish.
  void Add(uint64_t line_no, std::string_view line);
  // The claims, and every error (a syntax error, a statement that fits no
  // claim, a claim without its triple or source) at its line.
  std::vector<ProvClaim> Finish();

 private:
  struct Statement {
    Quad quad;
    uint64_t line = 0;
  };
  struct Partial {
    uint64_t first_line = 0;
    std::vector<Statement> triples, about;
  };
  std::map<uint64_t, Partial> claims_;
  // Source key -> statements about it. By key, not by IRI: two spellings of
  // one source (<urn:claimgraph:source:https://x> and <https://x>) describe
  // the same source, and a description split between them was lost on the
  // way back out (the fuzzer's nquads_prov finding of session 10). An IRI
  // that names no source is kept under kNoSource + the IRI, to be reported.
  std::map<std::string, std::vector<Statement>> sources_;
  std::vector<ProvClaim> errors_;
};

}  // namespace claimgraph::codec
