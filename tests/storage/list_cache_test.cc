// The store keeps posting lists across views by the transaction a view's
// snapshot stands at (storage/list_cache.h). These pin down that a kept list
// answers only views of the same state: a commit, a retraction or a bulk
// import is seen by the next view, an older view keeps its snapshot even
// after a newer one kept the list, and a store that keeps nothing answers
// the same.
#include <gtest/gtest.h>

#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::ScanIds;
using testing::TempDir;
using testing::ValueOrDie;

struct Fixture {
  EntityId a, b, c;
  PredicateId p;
  SourceId src;
};

Fixture Populate(ClaimStore* store) {
  auto tx = Begin(store);
  Fixture f;
  f.a = ValueOrDie(tx->ResolveOrCreateEntity("A"));
  f.b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
  f.c = ValueOrDie(tx->ResolveOrCreateEntity("C"));
  f.p = ValueOrDie(tx->DefinePredicate(Predicate{0, "p"}));
  f.src = ValueOrDie(tx->UpsertSource({"doc", "", "", "", "", ""}));
  ValueOrDie(tx->Commit());
  return f;
}

ClaimId AssertOne(ClaimStore* store, const Fixture& f, EntityId s, EntityId o, bool bulk = false) {
  auto tx = Begin(store, "tester", bulk);
  ClaimInput in;
  in.subject = s;
  in.predicate = f.p;
  in.object = o;
  in.source = f.src;
  ClaimId id = ValueOrDie(tx->Assert(in));
  ValueOrDie(tx->Commit());
  return id;
}

// A's p list (sp) and C's p list (po): the two kinds of list a pattern reads.
TriplePattern OutOfA(const Fixture& f) { return TriplePattern{f.a, f.p, std::nullopt}; }
TriplePattern IntoC(const Fixture& f) { return TriplePattern{std::nullopt, f.p, f.c}; }

TEST(ListCache, ASecondViewOfTheSameStateIsAnsweredFromTheCache) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  const auto before = store->ListCacheCounts();
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), std::set<ClaimId>{ab});
  const auto first = store->ListCacheCounts();
  EXPECT_GT(first.misses, before.misses);
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), std::set<ClaimId>{ab});
  const auto second = store->ListCacheCounts();
  EXPECT_GT(second.hits, first.hits);
  EXPECT_EQ(second.misses, first.misses);
}

TEST(ListCache, TheViewAfterACommitSeesTheListAsCommitted) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  auto old_view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*old_view, OutOfA(f)), std::set<ClaimId>{ab});
  EXPECT_TRUE(ScanIds(*old_view, IntoC(f)).empty());  // an absent list is kept as absent
  const ClaimId ac = AssertOne(store.get(), f, f.a, f.c);
  auto new_view = ValueOrDie(store->NewReadView());
  for (int round = 0; round < 2; ++round) {  // the second round reads what the first kept
    EXPECT_EQ(ScanIds(*new_view, OutOfA(f)), (std::set<ClaimId>{ab, ac}));
    EXPECT_EQ(ScanIds(*new_view, IntoC(f)), std::set<ClaimId>{ac});
    EXPECT_EQ(ScanIds(*old_view, OutOfA(f)), std::set<ClaimId>{ab});
    EXPECT_TRUE(ScanIds(*old_view, IntoC(f)).empty());
  }
}

// The older view reads only after the newer one has kept the lists: it must
// still read its own snapshot.
TEST(ListCache, AnOlderViewReadingAfterANewerOneSeesItsOwnSnapshot) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  auto old_view = ValueOrDie(store->NewReadView());
  const ClaimId ac = AssertOne(store.get(), f, f.a, f.c);
  auto new_view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*new_view, OutOfA(f)), (std::set<ClaimId>{ab, ac}));
  EXPECT_EQ(ScanIds(*new_view, IntoC(f)), std::set<ClaimId>{ac});
  EXPECT_EQ(ScanIds(*old_view, OutOfA(f)), std::set<ClaimId>{ab});
  EXPECT_TRUE(ScanIds(*old_view, IntoC(f)).empty());
}

TEST(ListCache, ARetractionIsSeenByTheNextViewAndNotAsOfBefore) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  const TxId asserted_at = store->LastTx();
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), std::set<ClaimId>{ab});
  {
    auto tx = Begin(store.get());
    ASSERT_TRUE(tx->Retract(ab, "wrong").ok());
    ValueOrDie(tx->Commit());
  }
  for (int round = 0; round < 2; ++round) {
    EXPECT_TRUE(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)).empty());
    EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView(asserted_at)), OutOfA(f)), std::set<ClaimId>{ab});
  }
}

TEST(ListCache, ABulkImportIsSeenByTheNextView) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), std::set<ClaimId>{ab});
  EXPECT_TRUE(ScanIds(*ValueOrDie(store->NewReadView()), IntoC(f)).empty());
  const ClaimId ac = AssertOne(store.get(), f, f.a, f.c, /*bulk=*/true);
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*view, OutOfA(f)), (std::set<ClaimId>{ab, ac}));
  EXPECT_EQ(ScanIds(*view, IntoC(f)), std::set<ClaimId>{ac});
}

std::set<ClaimId> OfSource(const ReadView& view, SourceId source) {
  std::set<ClaimId> out;
  auto c = view.ScanSources({source}, TriplePattern{});
  for (; c->Valid(); c->Next()) out.insert(c->entry().claim);
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;
}

// A source's by_source entries are kept the same way (FROM SOURCE): the
// planner's estimate and the scan after it, in this view and the next.
TEST(ListCache, ASourcesClaimsAreSeenAsOfEachViewsState) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  auto old_view = ValueOrDie(store->NewReadView());
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(ValueOrDie(old_view->EstimateSourceClaims(f.src)), 1u);
    EXPECT_EQ(OfSource(*old_view, f.src), std::set<ClaimId>{ab});
  }
  const ClaimId ac = AssertOne(store.get(), f, f.a, f.c);
  auto new_view = ValueOrDie(store->NewReadView());
  const auto hits = store->ListCacheCounts().hits;
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(ValueOrDie(new_view->EstimateSourceClaims(f.src)), 2u);
    EXPECT_EQ(OfSource(*new_view, f.src), (std::set<ClaimId>{ab, ac}));
    EXPECT_EQ(OfSource(*old_view, f.src), std::set<ClaimId>{ab});
  }
  EXPECT_GT(store->ListCacheCounts().hits, hits);
  {
    auto tx = Begin(store.get());
    ASSERT_TRUE(tx->Retract(ab, "wrong").ok());
    ValueOrDie(tx->Commit());
  }
  EXPECT_EQ(OfSource(*ValueOrDie(store->NewReadView()), f.src), std::set<ClaimId>{ac});
  EXPECT_EQ(OfSource(*new_view, f.src), (std::set<ClaimId>{ab, ac}));
}

TEST(ListCache, AStoreThatKeepsNothingAnswersTheSame) {
  TempDir dir;
  StoreOptions options;
  options.list_cache_bytes = 0;
  auto store = ValueOrDie(ClaimStore::Open(dir.path(), options));
  Fixture f = Populate(store.get());
  const ClaimId ab = AssertOne(store.get(), f, f.a, f.b);
  for (int round = 0; round < 2; ++round)
    EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), std::set<ClaimId>{ab});
  const ClaimId ac = AssertOne(store.get(), f, f.a, f.c);
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), OutOfA(f)), (std::set<ClaimId>{ab, ac}));
  EXPECT_EQ(store->ListCacheCounts().hits, 0u);
  EXPECT_EQ(store->ListCacheCounts().misses, 0u);
}

}  // namespace
}  // namespace claimgraph::storage
