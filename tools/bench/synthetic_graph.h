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
  float confidence;
};

struct SyntheticGraph {
  std::vector<std::string> entities, predicates, sources;
  std::vector<SyntheticClaim> claims;
  std::string Quote(const SyntheticClaim& c) const;
};

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
