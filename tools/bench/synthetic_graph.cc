#include "tools/bench/synthetic_graph.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "storage/claim_store.h"

namespace claimgraph::bench {

std::string SyntheticGraph::Quote(const SyntheticClaim& c) const {
  return "According to " + sources[c.source] + ", " + entities[c.subject] + " and " + entities[c.object] +
         " agreed to cooperate closely (" + predicates[c.predicate] + ").";
}

SyntheticGraph MakeSyntheticGraph(uint64_t n, uint64_t seed) {
  SyntheticGraph g;
  std::mt19937_64 rng(seed);
  const uint64_t num_entities = std::max<uint64_t>(10, n / 10);
  const uint64_t num_sources = std::max<uint64_t>(3, n / 100);
  for (uint64_t i = 0; i < num_entities; ++i) g.entities.push_back("entity-" + std::to_string(i));
  // "p" + std::to_string(i) would draw GCC 12's -Wrestrict false positive (GCC bug 105329).
  for (int i = 0; i < 20; ++i) g.predicates.push_back(std::string("p").append(std::to_string(i)));
  for (uint64_t i = 0; i < num_sources; ++i) g.sources.push_back("doc-" + std::to_string(i));

  // Zipf(1.1) over entities: entity 0 is the biggest hub.
  std::vector<double> cdf(num_entities);
  double sum = 0;
  for (uint64_t i = 0; i < num_entities; ++i) cdf[i] = (sum += 1.0 / std::pow(double(i + 1), 1.1));
  std::uniform_real_distribution<double> u(0, sum);
  auto entity = [&] { return uint32_t(std::lower_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin()); };
  // Predicates are skewed too: p0 is the most common.
  std::vector<double> pcdf(20);
  double psum = 0;
  for (int i = 0; i < 20; ++i) pcdf[i] = (psum += 1.0 / (i + 1));
  std::uniform_real_distribution<double> pu(0, psum);

  g.claims.reserve(n);
  while (g.claims.size() < n) {
    SyntheticClaim c{};
    c.subject = entity();
    c.object = entity();
    c.predicate = uint32_t(std::lower_bound(pcdf.begin(), pcdf.end(), pu(rng)) - pcdf.begin());
    int backing = 1 + int(rng() % 3);  // 1-3 claims per fact, from distinct sources
    uint32_t first_source = uint32_t(rng() % num_sources);
    for (int k = 0; k < backing && g.claims.size() < n; ++k) {
      c.source = uint32_t((first_source + k * 7919) % num_sources);
      c.span_begin = uint32_t(rng() % 20000);
      c.span_end = c.span_begin + 40 + uint32_t(rng() % 200);
      c.confidence_pct = uint8_t(50 + rng() % 50);
      g.claims.push_back(c);
    }
  }
  return g;
}

}  // namespace claimgraph::bench

namespace claimgraph::bench {

void LoadSynthetic(const SyntheticGraph& g, storage::ClaimStore* store) {
  storage::WriteOptions wo;
  wo.principal = "bench";
  wo.bulk = true;
  auto tx = std::move(store->BeginWrite(wo)).value();
  std::vector<storage::EntityId> e(g.entities.size());
  for (size_t i = 0; i < e.size(); ++i) e[i] = tx->ResolveOrCreateEntity(g.entities[i]).value();
  std::vector<storage::PredicateId> p(g.predicates.size());
  for (size_t i = 0; i < p.size(); ++i) p[i] = tx->ResolveOrDeclarePredicate(g.predicates[i]).value();
  std::vector<storage::SourceId> s(g.sources.size());
  for (size_t i = 0; i < s.size(); ++i)
    s[i] = tx->UpsertSource({g.sources[i], "Title of " + g.sources[i], "Publisher " + std::to_string(i % 50),
                             "2024-01-01", "", ""}).value();
  for (const auto& c : g.claims) {
    storage::ClaimInput in;
    in.subject = e[c.subject];
    in.predicate = p[c.predicate];
    in.object = e[c.object];
    in.source = s[c.source];
    in.has_span = true;
    in.span_begin = c.span_begin;
    in.span_end = c.span_end;
    in.quote = g.Quote(c);
    in.confidence = c.confidence();
    in.method = "rules:1";
    tx->Assert(in).value();
  }
  if (!tx->Commit().ok()) std::abort();
}

void AppendNQuad(const SyntheticGraph& g, const SyntheticClaim& c, std::string* out) {
  out->append("<urn:e:").append(g.entities[c.subject]).append("> <urn:p:").append(g.predicates[c.predicate]);
  out->append("> <urn:e:").append(g.entities[c.object]).append("> <urn:s:").append(g.sources[c.source]);
  out->append("> .\n");
}

}  // namespace claimgraph::bench
