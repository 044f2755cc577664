// A random history for store tests: online batches with bulk imports on
// top, three sources, few entities (hubs with long lists) and retractions.
#pragma once

#include <algorithm>
#include <random>
#include <vector>

#include "storage/claim_store.h"
#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::testing {

// Random transactions: online batches, bulk imports on top, retractions.
struct Loaded {
  std::vector<storage::EntityId> entities;
  std::vector<storage::PredicateId> predicates;
  storage::ClaimId max_claim = 0;
};
inline Loaded LoadRandomHistory(storage::ClaimStore* store, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Loaded l;
  for (int t = 0; t < 12; ++t) {
    auto tx = Begin(store, "tester", /*bulk=*/t % 4 == 3);
    storage::SourceId src = ValueOrDie(tx->UpsertSource({"doc" + std::to_string(t % 3), "T", "P", "2020-01-01", "", ""}));
    if (l.entities.empty())
      for (int i = 0; i < 6; ++i) l.entities.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
    if (l.predicates.empty())
      for (int i = 0; i < 3; ++i) l.predicates.push_back(ValueOrDie(tx->ResolveOrDeclarePredicate(Numbered("p", i))));
    int n = 1 + rng() % 40;
    for (int i = 0; i < n; ++i) {
      storage::ClaimInput in;
      in.subject = l.entities[rng() % l.entities.size()];  // few entities: hubs with long lists
      in.predicate = l.predicates[rng() % l.predicates.size()];
      in.object = l.entities[rng() % l.entities.size()];
      in.source = src;
      in.quote = 'q';  // a char: GCC 12 warns -Wrestrict on = "q" (false positive, GCC bug 105329)
      l.max_claim = std::max(l.max_claim, ValueOrDie(tx->Assert(in)));
    }
    for (int r = 0; r < 3 && l.max_claim > 0; ++r) tx->Retract(1 + rng() % l.max_claim, "test").ok();  // may repeat: fine
    ValueOrDie(tx->Commit());
  }
  return l;
}

}  // namespace claimgraph::testing
