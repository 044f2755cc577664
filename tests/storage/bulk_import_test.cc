// The offline bulk path (sorted SST files, one atomic ingest) produces the same
// store as online commits.
#include <gtest/gtest.h>

#include <filesystem>
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

void Load(ClaimStore* store, bool bulk, uint64_t seed, size_t memory_budget = kDefaultBulkMemoryBudget) {
  std::mt19937_64 rng(seed);
  WriteOptions o;
  o.principal = "loader";
  o.bulk = bulk;
  o.bulk_memory_budget = memory_budget;
  auto tx = ValueOrDie(store->BeginWrite(o));
  SourceId src = ValueOrDie(tx->UpsertSource({"doc", "Title", "Pub", "2020-01-01", "", ""}));
  PredicateId p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
  ClaimId first = 0;
  for (int i = 0; i < 3000; ++i) {
    ClaimInput in;
    in.subject = ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", rng() % 200)));
    in.object = ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", rng() % 200)));
    in.predicate = p;
    in.source = src;
    in.quote = Numbered("q", i);
    ClaimId id = ValueOrDie(tx->Assert(in));
    if (first == 0) first = id;
  }
  ASSERT_OK(tx->Retract(first + 4, "bulk retraction of a claim in the same load"));
  ValueOrDie(tx->Commit());
}

TEST(BulkImport, SameContentAsOnlineCommits) {
  TempDir a, b;
  auto online = OpenStore(a.path());
  auto bulk = OpenStore(b.path());
  Load(online.get(), false, 1);
  Load(bulk.get(), true, 1);
  auto va = ValueOrDie(online->NewReadView());
  auto vb = ValueOrDie(bulk->NewReadView());
  EXPECT_EQ(ScanIds(*va, {}), ScanIds(*vb, {}));
  EXPECT_EQ(ScanIds(*va, {}).size(), 2999u);
  EntityId e7 = ValueOrDie(vb->FindEntity("e7"));
  EXPECT_EQ(ScanIds(*va, {.subject = e7}), ScanIds(*vb, {.subject = e7}));
  EXPECT_EQ(ValueOrDie(vb->GetClaim(5)).retracted_tx, 1u);
  EXPECT_EQ(ValueOrDie(vb->GetClaim(100)).quote, "q99");
  AuditReport r = ValueOrDie(bulk->VerifyLog());
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.claims_checked, 3000u);
}

TEST(BulkImport, BulkOnTopOfExistingDataAndThenOnlineWrites) {
  TempDir d;
  {
    auto store = OpenStore(d.path());
    Load(store.get(), false, 1);
    Load(store.get(), true, 2);
    auto tx = Begin(store.get());
    ASSERT_OK(tx->Retract(4000, "after bulk"));
    ValueOrDie(tx->Commit());
  }
  auto store = OpenStore(d.path());
  EXPECT_EQ(store->LastTx(), 3u);
  auto v = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*v, {}).size(), 6000u - 3u);
  EXPECT_EQ(ValueOrDie(v->ListEntities()).size(), 200u);  // the second load reused every entity
  AuditReport r = ValueOrDie(store->VerifyLog());
  EXPECT_TRUE(r.ok) << r.problem;
}

// Entities created by name (held in the transaction's compact table until
// commit) and then defined in the same transaction — renamed, given a type
// and an alias — are written once, as defined, with every name found, in both
// paths; an entity defined on its own in between keeps its place in id order.
TEST(BulkImport, EntitiesCreatedByNameThenDefinedInTheSameTransaction) {
  std::vector<Entity> listed[2];
  for (bool bulk : {false, true}) {
    TempDir d;
    auto store = OpenStore(d.path());
    WriteOptions o;
    o.bulk = bulk;
    auto tx = ValueOrDie(store->BeginWrite(o));
    const EntityId freedonia = ValueOrDie(tx->ResolveOrCreateEntity("Freedonia"));
    const EntityId defined = ValueOrDie(tx->UpsertEntity({"Grand Fenwick", "country", {"Fenwick"}}));
    const EntityId sylvania = ValueOrDie(tx->ResolveOrCreateEntity("Sylvania"));
    EXPECT_EQ(ValueOrDie(tx->ResolveOrCreateEntity("FREEDONIA")), freedonia);  // the same normal form
    EXPECT_EQ(ValueOrDie(tx->UpsertEntity({"Marxonia", "country", {"Freedonia"}})), freedonia);
    EXPECT_EQ(ValueOrDie(tx->UpsertEntity({"Sylvania", "country", {}})), sylvania);
    const EntityId ruritania = ValueOrDie(tx->ResolveOrCreateEntity("Ruritania"));
    EXPECT_EQ(ValueOrDie(tx->GetEntity(ruritania)).name, "Ruritania");  // read back before commit
    EXPECT_EQ(ValueOrDie(tx->FindEntity("marxonia")), freedonia);
    EXPECT_LT(freedonia, defined);
    EXPECT_LT(defined, sylvania);
    EXPECT_LT(sylvania, ruritania);
    ValueOrDie(tx->Commit());

    auto v = ValueOrDie(store->NewReadView());
    const Entity m = ValueOrDie(v->GetEntity(freedonia));
    EXPECT_EQ(m.name, "Marxonia");
    EXPECT_EQ(m.type, "country");
    EXPECT_EQ(m.aliases, std::vector<std::string>{"Freedonia"});
    for (const char* name : {"Marxonia", "freedonia", "FREEDONIA"}) EXPECT_EQ(ValueOrDie(v->FindEntity(name)), freedonia);
    EXPECT_EQ(ValueOrDie(v->FindEntity("fenwick")), defined);
    EXPECT_EQ(ValueOrDie(v->GetEntity(sylvania)).type, "country");
    EXPECT_EQ(ValueOrDie(v->FindEntity("ruritania")), ruritania);
    EXPECT_EQ(ValueOrDie(v->GetEntity(ruritania)).type, "");
    listed[bulk] = ValueOrDie(v->ListEntities());
    EXPECT_EQ(listed[bulk].size(), 4u);
    AuditReport r = ValueOrDie(store->VerifyLog());
    EXPECT_TRUE(r.ok) << r.problem;
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(d.path()) / "bulk-import.tmp"));
  }
  EXPECT_EQ(listed[0], listed[1]);
}

// Sources created by key alone (the compact table, as an N-Quads graph
// makes them) and then given metadata in the same transaction are written
// once, with it; a source created with metadata keeps its place in id order.
TEST(BulkImport, SourcesCreatedByKeyThenGivenMetadataInTheSameTransaction) {
  std::vector<Source> listed[2];
  for (bool bulk : {false, true}) {
    TempDir d;
    auto store = OpenStore(d.path());
    WriteOptions o;
    o.bulk = bulk;
    auto tx = ValueOrDie(store->BeginWrite(o));
    const SourceId a = ValueOrDie(tx->UpsertSource({"doc-a", "", "", "", "", ""}));
    const SourceId b = ValueOrDie(tx->UpsertSource({"doc-b", "Title B", "", "", "", ""}));
    const SourceId c = ValueOrDie(tx->UpsertSource({"doc-c", "", "", "", "", ""}));
    EXPECT_EQ(ValueOrDie(tx->UpsertSource({"doc-a", "", "", "", "", ""})), a);
    EXPECT_EQ(ValueOrDie(tx->UpsertSource({"doc-a", "Title A", "Pub", "", "", ""})), a);
    EXPECT_EQ(ValueOrDie(tx->FindSource("doc-c")), c);
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
    ValueOrDie(tx->Commit());

    auto v = ValueOrDie(store->NewReadView());
    EXPECT_EQ(ValueOrDie(v->GetSource(a)).title, "Title A");
    EXPECT_EQ(ValueOrDie(v->GetSource(a)).publisher, "Pub");
    EXPECT_EQ(ValueOrDie(v->FindSource("doc-a")).id, a);
    EXPECT_EQ(ValueOrDie(v->FindSource("doc-b")).title, "Title B");
    EXPECT_EQ(ValueOrDie(v->FindSource("doc-c")).id, c);
    EXPECT_EQ(ValueOrDie(v->GetSource(c)).key, "doc-c");
    listed[bulk] = ValueOrDie(v->ListSources());
    EXPECT_EQ(listed[bulk].size(), 3u);
    AuditReport r = ValueOrDie(store->VerifyLog());
    EXPECT_TRUE(r.ok) << r.problem;
  }
  EXPECT_EQ(listed[0], listed[1]);
}

// A transaction keeps the names it finds in the store in a bounded cache
// (65,536 each for aliases and source keys): a bulk transaction on a store
// holding more names than that finds every one, and what it adds itself —
// a new entity's aliases, a new source with metadata — is found however
// often the cache has started again.
TEST(BulkImport, NamesFoundInTheStoreAreCachedWithinABoundAndWhatIsAddedStaysFound) {
  constexpr int kNames = 70000;  // more than the cache keeps
  TempDir d;
  auto store = OpenStore(d.path());
  std::vector<EntityId> ids(kNames);
  std::vector<SourceId> sources(kNames);
  {
    WriteOptions o;
    o.bulk = true;
    auto tx = ValueOrDie(store->BeginWrite(o));
    for (int i = 0; i < kNames; ++i) {
      ids[i] = ValueOrDie(tx->ResolveOrCreateEntity(Numbered("old-", i)));
      sources[i] = ValueOrDie(tx->UpsertSource({Numbered("doc-", i), "", "", "", "", ""}));
    }
    ValueOrDie(tx->Commit());
  }
  for (bool bulk : {true, false}) {
    WriteOptions o;
    o.bulk = bulk;
    auto tx = ValueOrDie(store->BeginWrite(o));
    const std::string suffix = bulk ? "B" : "O";
    const EntityId added = ValueOrDie(tx->UpsertEntity({"Newland" + suffix, "country", {"NL" + suffix}}));
    const SourceId memo = ValueOrDie(tx->UpsertSource({"memo" + suffix, "Memo", "Press", "2024", "", ""}));
    for (int round = 0; round < 2; ++round) {
      for (int i = 0; i < kNames; ++i) {
        ASSERT_EQ(ValueOrDie(tx->FindEntity(Numbered("OLD-", i))), ids[i]) << i;
        ASSERT_EQ(ValueOrDie(tx->FindSource(Numbered("doc-", i))), sources[i]) << i;
      }
      EXPECT_EQ(ValueOrDie(tx->FindEntity("nl" + suffix)), added) << "round " << round;
      EXPECT_EQ(ValueOrDie(tx->FindEntity("Newland" + suffix)), added);
      EXPECT_EQ(ValueOrDie(tx->FindSource("memo" + suffix)), memo);
      EXPECT_EQ(ValueOrDie(tx->UpsertSource({"memo" + suffix, "", "", "", "", ""})), memo);
    }
    // An existing entity given an alias after its name was forgotten keeps its id.
    EXPECT_EQ(ValueOrDie(tx->UpsertEntity({"old-7", "", {"Seven" + suffix}})), ids[7]);
    EXPECT_EQ(ValueOrDie(tx->FindEntity("seven" + suffix)), ids[7]);
    ValueOrDie(tx->Commit());
    auto v = ValueOrDie(store->NewReadView());
    EXPECT_EQ(ValueOrDie(v->FindEntity("NL" + suffix)), added);
    EXPECT_EQ(ValueOrDie(v->FindEntity("seven" + suffix)), ids[7]);
    EXPECT_EQ(ValueOrDie(v->FindSource("memo" + suffix)).publisher, "Press");
    EXPECT_EQ(ValueOrDie(v->FindEntity("old-69999")), ids[69999]);
  }
  AuditReport r = ValueOrDie(store->VerifyLog());
  EXPECT_TRUE(r.ok) << r.problem;
}

// Retractions of claims streamed into the sorts already (the first load's
// claim 5) and of claims stored before (the second load retracts the first's
// claim 3004 - 3000), with every sort spilled into dozens of runs.
TEST(BulkImport, ATinyMemoryBudgetGivesTheSameStoreWithRetractions) {
  TempDir a, b;
  auto spilled = OpenStore(a.path());
  auto held = OpenStore(b.path());
  for (auto [store, budget] : {std::pair{spilled.get(), size_t{64} << 10}, std::pair{held.get(), size_t{1} << 30}}) {
    Load(store, true, 1, budget);
    Load(store, true, 2, budget);
    auto tx = Begin(store, "loader", true);
    ASSERT_OK(tx->Retract(2, "an older claim, retracted by a bulk transaction"));
    ValueOrDie(tx->Commit());
  }
  auto va = ValueOrDie(spilled->NewReadView());
  auto vb = ValueOrDie(held->NewReadView());
  EXPECT_EQ(ScanIds(*va, {}), ScanIds(*vb, {}));
  EXPECT_EQ(ScanIds(*va, {}).size(), 6000u - 3u);
  for (ClaimId id : {2u, 5u, 3005u}) {
    EXPECT_NE(ValueOrDie(va->GetClaim(id)).retracted_tx, 0u) << id;
    EXPECT_EQ(ValueOrDie(va->GetClaim(id)).retracted_tx, ValueOrDie(vb->GetClaim(id)).retracted_tx) << id;
  }
  EntityId e7 = ValueOrDie(va->FindEntity("e7"));
  EXPECT_EQ(ScanIds(*va, {.subject = e7}), ScanIds(*vb, {.subject = e7}));
  EXPECT_EQ(ScanIds(*va, {.object = e7}), ScanIds(*vb, {.object = e7}));
  EXPECT_EQ(ValueOrDie(va->ClaimsBySource(1)), ValueOrDie(vb->ClaimsBySource(1)));
  for (auto* store : {spilled.get(), held.get()}) {
    AuditReport log = ValueOrDie(store->VerifyLog());
    EXPECT_TRUE(log.ok) << log.problem;
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
}

// The duplicate rule in a bulk transaction whose table of asserted identities
// spills (a tiny budget): every outcome — the id handed back and whether it
// was a duplicate — is the one a budget that holds everything gives, for
// duplicates asserted long before (in earlier runs), duplicates of claims
// stored by an earlier load, and an identity asserted, retracted and asserted
// again (the duplicate of it is then the newest claim).
std::vector<std::pair<ClaimId, bool>> AssertWithDuplicates(ClaimStore* store, size_t memory_budget) {
  std::vector<std::pair<ClaimId, bool>> outcomes;
  WriteOptions o;
  o.principal = "loader";
  o.bulk = true;
  o.bulk_memory_budget = memory_budget;
  auto tx = ValueOrDie(store->BeginWrite(o));
  SourceId src = ValueOrDie(tx->UpsertSource({"doc2", "Title", "Pub", "2020-01-01", "", ""}));
  PredicateId p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
  std::mt19937_64 rng(3);
  auto input = [&](uint64_t n) {
    ClaimInput in;
    in.subject = ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", n % 200)));
    in.object = ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", n / 200 % 200)));
    in.predicate = p;
    in.source = src;
    in.quote = Numbered("q", n % 3000);
    return in;
  };
  for (int i = 0; i < 6000; ++i) {
    const AssertOutcome out = ValueOrDie(tx->AssertUnlessLiveClaim(input(rng() % 9000)));
    outcomes.emplace_back(out.id, out.duplicate);
    if (i == 100) {  // retracted here; its identity comes again below as a new claim
      Status s = tx->Retract(out.id, "retracted within the load");
      EXPECT_TRUE(s.ok()) << s.ToString();
    }
  }
  ValueOrDie(tx->Commit());
  return outcomes;
}

TEST(BulkImport, DuplicatesInATinyBudgetGiveTheSameOutcomesAsInABigOne) {
  TempDir a, b;
  auto spilled = OpenStore(a.path());
  auto held = OpenStore(b.path());
  const auto tiny = AssertWithDuplicates(spilled.get(), 64 << 10);
  const auto big = AssertWithDuplicates(held.get(), size_t{1} << 30);
  EXPECT_EQ(tiny, big);
  size_t duplicates = 0;
  for (const auto& o : tiny) duplicates += o.second;
  EXPECT_GT(duplicates, 1000u);
  EXPECT_LT(duplicates, 5000u);
  // The same claims again, on top: duplicates of stored claims, but for the
  // retracted identity (asserted anew).
  const auto tiny_again = AssertWithDuplicates(spilled.get(), 64 << 10);
  EXPECT_EQ(tiny_again, AssertWithDuplicates(held.get(), size_t{1} << 30));
  size_t new_claims = 0;
  for (const auto& o : tiny_again) new_claims += !o.second;
  EXPECT_LE(new_claims, 5u);
  auto va = ValueOrDie(spilled->NewReadView());
  auto vb = ValueOrDie(held->NewReadView());
  EXPECT_EQ(ScanIds(*va, {}), ScanIds(*vb, {}));
  AuditReport indexes = ValueOrDie(spilled->VerifyIndexes());
  EXPECT_TRUE(indexes.ok) << indexes.problem;
}

}  // namespace
}  // namespace claimgraph::storage
