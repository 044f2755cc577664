// A synthetic claims graph for benchmarks: power-law entity degrees (Zipf over
// entities for both ends), 20 predicates, each fact backed by 1-3 claims from
// distinct sources, every claim with a full provenance record.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace claimgraph::bench {

struct SyntheticClaim {
  uint32_t subject, predicate, object, source;  // indexes into the name tables
  uint32_t span_begin, span_end;
  // Two decimals, as a person or a rules file writes a confidence (0.50 to
  // 0.99): a double from the percentage, not a float widened to double
  // (0.57f is 0.5699999928…, a value no one enters, which store format 4
  // cannot carry in its indexes and reads from the claim record).
  uint8_t confidence_pct;
  double confidence() const { return confidence_pct / 100.0; }
};

struct SyntheticGraph {
  std::vector<std::string> entities, predicates, sources;
  std::vector<SyntheticClaim> claims;
  std::string Quote(const SyntheticClaim& c) const;
};

// One claim as an N-Quads line, terms as IRIs (urn:e:, urn:p:, urn:s:), the
// source as the graph: what load_bench and scale_bench import.
void AppendNQuad(const SyntheticGraph& g, const SyntheticClaim& c, std::string* out);

// Deterministic for a seed. entities defaults to claims / 10, sources to claims / 100.
SyntheticGraph MakeSyntheticGraph(uint64_t claims, uint64_t seed = 1);

}  // namespace claimgraph::bench

namespace claimgraph::storage {
class ClaimStore;
}

namespace claimgraph::bench {

// Loads the graph through the store's bulk path, every claim with quote,
// span, confidence and method. Aborts on error (benchmarks only).
void LoadSynthetic(const SyntheticGraph& g, storage::ClaimStore* store);

}  // namespace claimgraph::bench
