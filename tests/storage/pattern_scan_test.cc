// Every triple-pattern shape, at several points in transaction time, against a
// brute-force scan of the claims we wrote, on a random graph.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::Numbered;
using testing::OpenStore;
using testing::ScanIds;
using testing::TempDir;
using testing::ValueOrDie;

struct Written {
  ClaimId id;
  EntityId s;
  PredicateId p;
  TermId o;
  TxId asserted;
  TxId retracted = 0;
};

// 12 transactions of 40 random claims (some with literal objects) over 25
// entities and 4 predicates, retracting about one in eight earlier claims in
// each; returns what was written.
std::vector<Written> WriteRandomGraph(ClaimStore* store, std::mt19937_64& rng) {
  std::vector<EntityId> entities;
  std::vector<PredicateId> predicates;
  std::vector<TermId> literals;
  SourceId src;
  {
    auto tx = Begin(store);
    for (int i = 0; i < 25; ++i) entities.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
    for (int i = 0; i < 4; ++i) predicates.push_back(ValueOrDie(tx->ResolveOrDeclarePredicate(Numbered("p", i))));
    for (int i = 0; i < 3; ++i)
      literals.push_back(ValueOrDie(tx->InternLiteral({TermKind::kNumber, std::to_string(i), double(i)})));
    src = ValueOrDie(tx->UpsertSource({"s", "", "", "", "", ""}));
    ValueOrDie(tx->Commit());
  }
  std::vector<Written> written;
  for (int round = 0; round < 12; ++round) {
    auto tx = Begin(store);
    std::vector<Written> added;
    for (int i = 0; i < 40; ++i) {
      Written w;
      w.s = entities[rng() % entities.size()];
      w.p = predicates[rng() % predicates.size()];
      w.o = (rng() % 5 == 0) ? literals[rng() % literals.size()] : entities[rng() % entities.size()];
      ClaimInput in;
      in.subject = w.s;
      in.predicate = w.p;
      in.object = w.o;
      in.source = src;
      w.id = ValueOrDie(tx->Assert(in));
      added.push_back(w);
    }
    std::vector<size_t> retract;
    for (size_t i = 0; i < written.size(); ++i)
      if (!written[i].retracted && rng() % 8 == 0) {
        EXPECT_TRUE(tx->Retract(written[i].id, "random").ok());
        retract.push_back(i);
      }
    TxId t = ValueOrDie(tx->Commit()).tx;
    for (auto& w : added) w.asserted = t;
    for (size_t i : retract) written[i].retracted = t;
    written.insert(written.end(), added.begin(), added.end());
  }
  return written;
}

std::set<ClaimId> Expected(const std::vector<Written>& written, const TriplePattern& pat, TxId as_of) {
  std::set<ClaimId> expected;
  for (const auto& w : written) {
    bool live = w.asserted <= as_of && (w.retracted == 0 || w.retracted > as_of);
    if (live && (!pat.subject || *pat.subject == w.s) && (!pat.predicate || *pat.predicate == w.p) &&
        (!pat.object || *pat.object == w.o))
      expected.insert(w.id);
  }
  return expected;
}

TriplePattern ShapeOf(const Written& probe, int mask) {
  TriplePattern pat;
  if (mask & 1) pat.subject = probe.s;
  if (mask & 2) pat.predicate = probe.p;
  if (mask & 4) pat.object = probe.o;
  return pat;
}

// A fresh store holding WriteRandomGraph's claims, and the generator that
// wrote them (the test draws its probes from it next).
struct RandomGraphStore {
  explicit RandomGraphStore(uint64_t seed) : rng(seed), store(OpenStore(dir.path())) {
    written = WriteRandomGraph(store.get(), rng);
  }
  TempDir dir;
  std::mt19937_64 rng;
  std::unique_ptr<ClaimStore> store;
  std::vector<Written> written;
};

TEST(PatternScan, EveryShapeMatchesBruteForceAtEveryTransaction) {
  RandomGraphStore g(42);
  auto& [dir, rng, store, written] = g;

  size_t checked = 0;
  for (TxId as_of = 1; as_of <= store->LastTx(); ++as_of) {
    auto view = ValueOrDie(store->NewReadView(as_of));
    for (int trial = 0; trial < 30; ++trial) {
      const Written& probe = written[rng() % written.size()];
      for (int mask = 0; mask < 8; ++mask) {
        const TriplePattern pat = ShapeOf(probe, mask);
        const std::set<ClaimId> expected = Expected(written, pat, as_of);
        ASSERT_EQ(ScanIds(*view, pat), expected) << "as_of " << as_of << " mask " << mask;
        EXPECT_EQ(ValueOrDie(view->CountClaims(pat, 1000000)), expected.size());
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

// An index join asks for a batch of lists at once (ReadView::Prefetch) and
// then scans them one by one: the scans must read the same claims whatever
// their order, with patterns that are not whole lists (ignored by Prefetch),
// lists that do not exist, scans of patterns never prefetched in between, and
// a second batch replacing the first.
TEST(PatternScan, PrefetchedListsReadAsScansInAnyOrder) {
  RandomGraphStore g(4242);
  auto& [dir, rng, store, written] = g;
  size_t checked = 0;
  for (TxId as_of = 2; as_of <= store->LastTx(); as_of += 3) {
    auto view = ValueOrDie(store->NewReadView(as_of));
    for (int batch = 0; batch < 20; ++batch) {
      std::vector<TriplePattern> patterns;
      for (int i = 0; i < 24; ++i) {
        const Written& a = written[rng() % written.size()];
        const Written& b = written[rng() % written.size()];
        // Mostly whole lists (sp and po), some with ends from two claims
        // (often absent), some other shapes.
        int mask = i % 4 == 3 ? int(rng() % 8) : (i % 2 ? 3 : 6);
        TriplePattern pat = ShapeOf(a, mask);
        if (i % 5 == 0 && pat.subject) pat.subject = b.s;
        patterns.push_back(pat);
      }
      view->Prefetch(patterns);
      std::vector<TriplePattern> order = patterns;
      if (batch % 3 == 1) std::shuffle(order.begin(), order.end(), rng);
      if (batch % 3 == 2) std::reverse(order.begin(), order.end());
      for (size_t i = 0; i < order.size(); ++i) {
        ASSERT_EQ(ScanIds(*view, order[i]), Expected(written, order[i], as_of)) << "as_of " << as_of << " scan " << i;
        if (i % 7 == 0) {  // a scan the batch did not announce
          const TriplePattern other = ShapeOf(written[rng() % written.size()], 3);
          ASSERT_EQ(ScanIds(*view, other), Expected(written, other, as_of));
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 1000u);
}

}  // namespace
}  // namespace claimgraph::storage
