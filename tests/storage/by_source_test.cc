// The by_source index (format 6): each entry carries its claim's whole index
// entry, so FROM SOURCE reads one prefix and no claim record. Checked against
// the claim records across online commits, bulk imports, retractions, a
// deprecation and every AS OF; a format-5 store (values empty) read as it is
// and migrated; VerifyIndexes naming a forged entry.
#include <gtest/gtest.h>

#include <tuple>

#include "storage/byte_codec.h"
#include "storage/key_codec.h"
#include "tests/storage/random_history.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::Loaded;
using testing::LoadRandomHistory;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

// What a source scan should yield, from the claim records: the visible claims
// of `source` that match `p`, in spo order.
std::vector<IndexEntry> Expected(const ReadView& view, ClaimId max_claim, SourceId source, const TriplePattern& p,
                                 ClaimId hidden) {
  std::vector<IndexEntry> out;
  for (ClaimId id = 1; id <= max_claim; ++id) {
    auto c = view.GetClaim(id);
    if (!c.ok() || c->retracted_tx != 0 || c->source != source || (id == hidden && view.HidesDeprecated())) continue;
    if ((p.subject && *p.subject != c->subject) || (p.predicate && *p.predicate != c->predicate) ||
        (p.object && *p.object != c->object))
      continue;
    out.push_back(IndexEntryOf(*c, c->asserted_tx, 0));
  }
  std::sort(out.begin(), out.end(), [](const IndexEntry& a, const IndexEntry& b) {
    return std::tie(a.subject, a.predicate, a.object, a.claim) < std::tie(b.subject, b.predicate, b.object, b.claim);
  });
  return out;
}

std::vector<IndexEntry> Scanned(const ReadView& view, SourceId source, const TriplePattern& p) {
  std::vector<IndexEntry> out;
  auto c = view.ScanSources({source}, p);
  for (; c->Valid(); c->Next()) out.push_back(c->entry());
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;
}

std::vector<ClaimId> IdsOf(const std::vector<IndexEntry>& entries) {
  std::vector<ClaimId> ids;
  for (const IndexEntry& e : entries) ids.push_back(e.claim);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Every source, every AS OF, with and without a bound subject.
void ExpectSourceScansMatchClaims(ClaimStore* store, const Loaded& l, ClaimId hidden) {
  for (TxId as_of = 1; as_of <= store->LastTx(); ++as_of) {
    auto view = ValueOrDie(store->NewReadView(as_of));
    for (const char* key : {"doc0", "doc1", "doc2"}) {
      auto source = view->FindSource(key);
      if (!source.ok()) continue;  // not yet upserted as of this transaction
      const SourceId id = source->id;
      const auto want = Expected(*view, l.max_claim, id, {}, hidden);
      // The planner's estimate first (it keeps a small source's entries for
      // the scan that follows): every entry, visible or not.
      EXPECT_GE(ValueOrDie(view->EstimateSourceClaims(id)), want.size());
      EXPECT_EQ(Scanned(*view, id, {}), want) << key << " as of " << as_of;
      EXPECT_EQ(Scanned(*view, id, {}), want) << key << " as of " << as_of << ", read again";
      EXPECT_EQ(ValueOrDie(view->ClaimsBySource(id)), IdsOf(want)) << key << " as of " << as_of;
      for (EntityId s : l.entities)
        EXPECT_EQ(Scanned(*view, id, {.subject = s}), Expected(*view, l.max_claim, id, {.subject = s}, hidden));
    }
  }
}

// A random history, then one live claim deprecated (its source scans must skip it).
ClaimId LoadWithADeprecation(ClaimStore* store, uint64_t seed, Loaded* l) {
  *l = LoadRandomHistory(store, seed);
  auto view = ValueOrDie(store->NewReadView());
  ClaimId live = 0;
  for (ClaimId id = 1; id <= l->max_claim && !live; ++id)
    if (ValueOrDie(view->GetClaim(id)).retracted_tx == 0) live = id;
  auto tx = Begin(store);
  EXPECT_TRUE(tx->SetDeprecated(Mark::Target::kClaim, live, true, "test").ok());
  ValueOrDie(tx->Commit());
  return live;
}

TEST(BySourceStore, EverySourceScanMatchesTheClaimsAtEveryTransaction) {
  for (uint64_t seed : {1, 2, 3}) {
    TempDir d;
    auto store = OpenStore(d.path());
    Loaded l;
    const ClaimId hidden = LoadWithADeprecation(store.get(), seed, &l);
    ExpectSourceScansMatchClaims(store.get(), l, hidden);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
}

// The planner chooses between a source's claims and a triple index by this
// estimate. A source still in the memtable used to be sized by RocksDB's
// sample of its skip list, which varies from run to run: a plan test failed
// about once in fifteen. Below a few thousand entries it is counted.
TEST(BySourceStore, ASourceOfAFewThousandClaimsIsCountedWhereverItLies) {
  for (int claims : {129, 1200, 3000}) {
    TempDir d;
    auto store = OpenStore(d.path());
    auto tx = Begin(store.get());
    const SourceId big = ValueOrDie(tx->UpsertSource({"big", "T", "P", "2020-01-01", "", ""}));
    const EntityId hub = ValueOrDie(tx->ResolveOrCreateEntity("hub"));
    const PredicateId pact = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
    for (int i = 0; i < claims; ++i) {
      ClaimInput in;
      in.subject = hub;
      in.predicate = pact;
      in.object = ValueOrDie(tx->ResolveOrCreateEntity(testing::Numbered("e", i)));
      in.source = big;
      in.quote = 'q';
      ValueOrDie(tx->Assert(in));
    }
    ValueOrDie(tx->Commit());
    EXPECT_EQ(ValueOrDie(ValueOrDie(store->NewReadView())->EstimateSourceClaims(big)), uint64_t(claims))
        << "in the memtable";
    ASSERT_OK(store->Flush());
    EXPECT_EQ(ValueOrDie(ValueOrDie(store->NewReadView())->EstimateSourceClaims(big)), uint64_t(claims))
        << "in a table file";
  }
}

TEST(BySourceStore, ARetractionRewritesTheEntry) {
  TempDir d;
  auto store = OpenStore(d.path());
  Loaded l = LoadRandomHistory(store.get(), 7);
  auto view = ValueOrDie(store->NewReadView());
  ClaimId live = 0;
  for (ClaimId id = 1; id <= l.max_claim && !live; ++id)
    if (ValueOrDie(view->GetClaim(id)).retracted_tx == 0) live = id;
  const Claim before = ValueOrDie(view->GetClaim(live));
  auto tx = Begin(store.get());
  ASSERT_OK(tx->Retract(live, "wrong"));
  const TxId retracted_in = ValueOrDie(tx->Commit()).tx;
  view.reset();
  store.reset();
  const std::string value = ValueOrDie(TEST_RawGet(d.path(), "by_source", EncodeBySourceKey(before.source, live)));
  EXPECT_EQ(value, EncodeBySourceValue(IndexEntryOf(before, before.asserted_tx, retracted_in)));
}

TEST(BySourceStore, AFormat5StoreIsReadAsItIsAndMigratedWhenOpenedReadWrite) {
  TempDir d;
  Loaded l;
  ClaimId hidden;
  SourceId doc1;
  {
    auto store = OpenStore(d.path());
    hidden = LoadWithADeprecation(store.get(), 4, &l);
    doc1 = ValueOrDie(ValueOrDie(store->NewReadView())->FindSource("doc1")).id;
  }
  const ClaimId first_of_doc1 = [&] {
    auto store = OpenStore(d.path());
    return ValueOrDie(ValueOrDie(store->NewReadView())->ClaimsBySource(doc1)).front();
  }();
  const std::string key = EncodeBySourceKey(doc1, first_of_doc1);
  const std::string format6_value = ValueOrDie(TEST_RawGet(d.path(), "by_source", key));
  ASSERT_FALSE(format6_value.empty());
  ASSERT_OK(TEST_DowngradeToFormat5(d.path()));
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "by_source", key)), "");
  std::string v5, v6;
  PutFixed32BE(&v5, 5);
  PutFixed32BE(&v6, 6);
  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto store = ValueOrDie(ClaimStore::Open(d.path(), read_only));  // read through the claim records
    ExpectSourceScansMatchClaims(store.get(), l, hidden);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "meta", "format_version")), v5);  // read-only wrote nothing
  {
    auto store = OpenStore(d.path());  // migrates
    ExpectSourceScansMatchClaims(store.get(), l, hidden);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "meta", "format_version")), v6);
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "by_source", key)), format6_value);
}

TEST(BySourceStore, VerifyIndexesNamesAForgedOrMisfiledEntry) {
  TempDir d;
  Loaded l;
  SourceId doc0, doc1;
  ClaimId claim;
  {
    auto store = OpenStore(d.path());
    l = LoadRandomHistory(store.get(), 5);
    auto view = ValueOrDie(store->NewReadView());
    doc0 = ValueOrDie(view->FindSource("doc0")).id;
    doc1 = ValueOrDie(view->FindSource("doc1")).id;
    claim = ValueOrDie(view->ClaimsBySource(doc0)).front();
  }
  auto verify = [&] { return ValueOrDie(OpenStore(d.path())->VerifyIndexes()); };
  const std::string key = EncodeBySourceKey(doc0, claim);
  const std::string good = ValueOrDie(TEST_RawGet(d.path(), "by_source", key));
  IndexEntry e;
  ASSERT_TRUE(DecodeBySourceEntry(key, good, &e));
  IndexEntry forged = e;
  forged.modality = e.modality == Modality::kDenied ? Modality::kAsserted : Modality::kDenied;
  ASSERT_OK(TEST_RawPut(d.path(), "by_source", key, EncodeBySourceValue(forged)));
  AuditReport r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("claim " + std::to_string(claim) + ": its by_source entry"), std::string::npos) << r.problem;
  // Filed under another source: the value no longer matches its key.
  ASSERT_OK(TEST_RawPut(d.path(), "by_source", key, std::nullopt));
  ASSERT_OK(TEST_RawPut(d.path(), "by_source", EncodeBySourceKey(doc1, claim), good));
  r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("malformed entry in by_source"), std::string::npos) << r.problem;
  // Removed.
  ASSERT_OK(TEST_RawPut(d.path(), "by_source", EncodeBySourceKey(doc1, claim), std::nullopt));
  r = verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("claim " + std::to_string(claim) + " is missing from by_source"), std::string::npos)
      << r.problem;
  ASSERT_OK(TEST_RawPut(d.path(), "by_source", key, good));
  EXPECT_TRUE(verify().ok);
}

}  // namespace
}  // namespace claimgraph::storage
