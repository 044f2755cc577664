// Posting lists (format 2): the codec, the upsert rule, and that a store
// answers every pattern the lists serve exactly as its claims say — across
// online commits, bulk imports on top, retractions, every AS OF, and after
// migrating a format-1 store.
#include "storage/posting_list.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

#include "storage/key_codec.h"
#include "tests/numbered.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::Numbered;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

std::vector<Posting> RandomSortedList(std::mt19937_64& rng, size_t n) {
  std::map<std::pair<uint64_t, uint64_t>, Posting> m;
  while (m.size() < n) {
    Posting p{1 + rng() % 50, 1 + rng() % 100000, 1 + rng() % 9, rng() % 3 == 0 ? 10 + rng() % 5 : 0,
              rng() % 1000, static_cast<Modality>(rng() % 4)};
    if (rng() % 7 == 0) p.third = (1ull << 63) | rng() % 1000;  // literal term ids use the high bit
    p.confidence = static_cast<uint32_t>(rng() % 1002);          // a code, or kConfidenceInRecord
    m[{p.third, p.claim}] = p;
  }
  std::vector<Posting> out;
  for (auto& [k, p] : m) out.push_back(p);
  return out;
}

TEST(PostingList, EncodeDecodeRoundTrip) {
  std::mt19937_64 rng(3);
  for (size_t n : {0, 1, 2, 17, 1000}) {
    auto list = RandomSortedList(rng, n);
    std::vector<Posting> back;
    ASSERT_TRUE(DecodePostingList(EncodePostingList(list), &back));
    EXPECT_EQ(back, list) << n;
  }
}

TEST(PostingList, MalformedValuesAreReportedNotMisread) {
  std::mt19937_64 rng(4);
  std::string good = EncodePostingList(RandomSortedList(rng, 20));
  std::vector<Posting> out;
  EXPECT_FALSE(DecodePostingList("", &out));
  std::string unknown_version = good;
  unknown_version[0] = '\x07';
  EXPECT_FALSE(DecodePostingList(unknown_version, &out));
  for (size_t cut = 2; cut < good.size(); cut += 3) {
    out.clear();
    EXPECT_FALSE(DecodePostingList(good.substr(0, cut), &out) && out.size() == 20) << cut;
  }
  std::string bad_modality = EncodePostingList({{5, 9, 1, 0, 2, Modality::kDenied}});
  bad_modality[bad_modality.size() - 2] = 9;  // the modality, before a 1-byte confidence code
  EXPECT_FALSE(DecodePostingList(bad_modality, &out));
  std::string version1 = good;  // format 3's lists: read by the migration only
  version1[0] = '\x01';
  EXPECT_FALSE(DecodePostingList(version1, &out));
}

// A version-1 list (format 3) is what a version-2 list is without the
// confidence codes: PostingDecoder reads it when asked to (the migration).
TEST(PostingList, Version1ListsAreReadOnlyWhenAskedFor) {
  std::string v1(1, '\x01');
  for (uint64_t x : {5, 9, 1, 0, 2}) v1.push_back(static_cast<char>(x));  // third, claim, txs, source
  v1.push_back(static_cast<char>(Modality::kDenied));
  Posting p;
  PostingDecoder strict(v1);
  EXPECT_FALSE(strict.Next(&p));
  EXPECT_FALSE(strict.ok());
  PostingDecoder lenient(v1, /*also_version1=*/true);
  ASSERT_TRUE(lenient.Next(&p));
  EXPECT_EQ(p, (Posting{5, 9, 1, 0, 2, Modality::kDenied, kConfidenceInRecord}));
  EXPECT_FALSE(lenient.Next(&p));
  EXPECT_TRUE(lenient.ok());
}

TEST(PostingList, UpsertKeepsOnePostingPerClaimAndTheNewestUpdate) {
  std::vector<Posting> list = {{1, 10, 1, 0, 7}, {2, 11, 1, 0, 7}, {2, 12, 2, 0, 7}};
  std::vector<Posting> updates = {{2, 11, 1, 5, 7}, {1, 3, 3, 0, 8}, {9, 20, 3, 0, 8}, {2, 11, 1, 6, 7}};
  UpsertPostings(&list, updates);
  std::vector<Posting> want = {{1, 3, 3, 0, 8}, {1, 10, 1, 0, 7}, {2, 11, 1, 6, 7}, {2, 12, 2, 0, 7}, {9, 20, 3, 0, 8}};
  EXPECT_EQ(list, want);
}

// What a pattern should return, from the claims themselves (not the indexes).
std::vector<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> Expected(const ReadView& view, ClaimId max_claim,
                                                                         const TriplePattern& p, bool s_first) {
  std::vector<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> out;
  for (ClaimId id = 1; id <= max_claim; ++id) {
    auto c = view.GetClaim(id);
    if (!c.ok() || c->retracted_tx != 0) continue;
    if ((p.subject && *p.subject != c->subject) || (p.predicate && *p.predicate != c->predicate) ||
        (p.object && *p.object != c->object))
      continue;
    out.push_back(s_first ? std::make_tuple(c->subject, c->predicate, c->object, id)
                          : std::make_tuple(c->predicate, c->object, c->subject, id));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> Scanned(const ReadView& view, const TriplePattern& p,
                                                                        bool s_first) {
  std::vector<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>> out;
  auto c = view.Scan(p);
  for (; c->Valid(); c->Next()) {
    const IndexEntry& e = c->entry();
    EXPECT_EQ(e.retracted_tx, 0u);
    out.push_back(s_first ? std::make_tuple(e.subject, e.predicate, e.object, e.claim)
                          : std::make_tuple(e.predicate, e.object, e.subject, e.claim));
  }
  EXPECT_TRUE(c->status().ok()) << c->status().ToString();
  return out;  // NOT sorted here: the cursor's own order must be index order
}

// Random transactions: online batches, bulk imports on top, retractions.
struct Loaded {
  std::vector<EntityId> entities;
  std::vector<PredicateId> predicates;
  ClaimId max_claim = 0;
};
Loaded LoadRandomHistory(ClaimStore* store, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Loaded l;
  for (int t = 0; t < 12; ++t) {
    auto tx = Begin(store, "tester", /*bulk=*/t % 4 == 3);
    SourceId src = ValueOrDie(tx->UpsertSource({"doc" + std::to_string(t % 3), "T", "P", "2020-01-01", "", ""}));
    if (l.entities.empty())
      for (int i = 0; i < 6; ++i) l.entities.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
    if (l.predicates.empty())
      for (int i = 0; i < 3; ++i) l.predicates.push_back(ValueOrDie(tx->ResolveOrDeclarePredicate(Numbered("p", i))));
    int n = 1 + rng() % 40;
    for (int i = 0; i < n; ++i) {
      ClaimInput in;
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

void ExpectListsMatchClaims(ClaimStore* store, const Loaded& l) {
  for (TxId as_of = 1; as_of <= store->LastTx(); ++as_of) {
    auto view = ValueOrDie(store->NewReadView(as_of));
    // Counting every claim reads the po lists, not spo.
    EXPECT_EQ(ValueOrDie(view->CountClaims({}, UINT64_MAX)), Expected(*view, l.max_claim, {}, true).size());
    for (EntityId s : l.entities) {
      EXPECT_EQ(Scanned(*view, {.subject = s}, true), Expected(*view, l.max_claim, {.subject = s}, true));
      for (PredicateId p : l.predicates)
        EXPECT_EQ(Scanned(*view, {.subject = s, .predicate = p}, true),
                  Expected(*view, l.max_claim, {.subject = s, .predicate = p}, true));
    }
    for (PredicateId p : l.predicates) {
      EXPECT_EQ(Scanned(*view, {.predicate = p}, false), Expected(*view, l.max_claim, {.predicate = p}, false));
      for (EntityId o : l.entities)
        EXPECT_EQ(Scanned(*view, {.predicate = p, .object = o}, false),
                  Expected(*view, l.max_claim, {.predicate = p, .object = o}, false));
    }
  }
}

TEST(PostingListStore, EveryListPatternMatchesTheClaimsAtEveryTransaction) {
  for (uint64_t seed : {1, 2, 3}) {
    TempDir d;
    auto store = OpenStore(d.path());
    Loaded l = LoadRandomHistory(store.get(), seed);
    ExpectListsMatchClaims(store.get(), l);
  }
}

TEST(PostingListStore, AFormat1StoreIsMigratedWhenOpenedReadWrite) {
  TempDir d;
  Loaded l;
  {
    auto store = OpenStore(d.path());
    l = LoadRandomHistory(store.get(), 9);
  }
  ASSERT_OK(TEST_DowngradeToFormat1(d.path()));
  StoreOptions read_only;
  read_only.read_only = true;
  auto refused = ClaimStore::Open(d.path(), read_only);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("format 1"), std::string::npos) << refused.status().ToString();
  {
    auto store = OpenStore(d.path());  // migrates
    ExpectListsMatchClaims(store.get(), l);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());  // pos dropped, lists complete
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  auto again = ValueOrDie(ClaimStore::Open(d.path(), read_only));  // format 2 now: read-only opens
  auto view = ValueOrDie(again->NewReadView());
  EXPECT_EQ(Scanned(*view, {.subject = l.entities[0]}, true),
            Expected(*view, l.max_claim, {.subject = l.entities[0]}, true));
}

// VerifyIndexes: the derived indexes must equal what the claim records say.
class VerifyIndexesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore(dir_.path());
    loaded_ = LoadRandomHistory(store.get(), 5);
    AuditReport clean = ValueOrDie(store->VerifyIndexes());
    ASSERT_TRUE(clean.ok) << clean.problem;
    EXPECT_EQ(clean.claims_checked, loaded_.max_claim);
  }
  AuditReport Verify() {
    auto store = OpenStore(dir_.path());
    return ValueOrDie(store->VerifyIndexes());
  }
  TempDir dir_;
  Loaded loaded_;
};

TEST_F(VerifyIndexesTest, AnAlteredIndexEntryIsNamed) {
  IndexEntry e;
  {
    auto store = OpenStore(dir_.path());
    auto view = ValueOrDie(store->NewReadView());
    auto c = view->Scan({.subject = loaded_.entities[0]});
    ASSERT_TRUE(c->Valid());
    e = c->entry();
  }
  IndexEntry forged = e;
  forged.retracted_tx = 0;
  forged.asserted_tx = e.asserted_tx + 1;  // claims it arrived later
  ASSERT_OK(TEST_RawPut(dir_.path(), "osp", EncodeTripleKey(TripleIndex::kOsp, e.subject, e.predicate, e.object, e.claim),
                        EncodeIndexValue(forged)));
  AuditReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("claim " + std::to_string(e.claim) + ": its osp entry"), std::string::npos) << r.problem;
}

TEST_F(VerifyIndexesTest, APostingRemovedFromAListIsFound) {
  std::string key = EncodePostingKey(loaded_.entities[1], loaded_.predicates[0]);
  std::string value = ValueOrDie(TEST_RawGet(dir_.path(), "sp_postings", key));
  std::vector<Posting> list;
  ASSERT_TRUE(DecodePostingList(value, &list));
  ASSERT_FALSE(list.empty());
  ClaimId dropped = list.back().claim;
  list.pop_back();
  ASSERT_OK(TEST_RawPut(dir_.path(), "sp_postings", key, EncodePostingList(list)));
  AuditReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("claim " + std::to_string(dropped) + " is missing from sp_postings"), std::string::npos)
      << r.problem;
}

TEST_F(VerifyIndexesTest, AnEntryWithoutAClaimAndStrayPosEntriesAreFound) {
  ASSERT_OK(TEST_RawPut(dir_.path(), "spo", EncodeTripleKey(TripleIndex::kSpo, 1, 1, 1, 999999),
                        EncodeIndexValue({1, 1, 1, 999999, 1, 0, 1, Modality::kAsserted})));
  AuditReport r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("spo holds claim 999999, which has no claim record"), std::string::npos) << r.problem;
  ASSERT_OK(TEST_RawPut(dir_.path(), "spo", EncodeTripleKey(TripleIndex::kSpo, 1, 1, 1, 999999), std::nullopt));
  EXPECT_TRUE(Verify().ok);
  ASSERT_OK(TEST_RawPut(dir_.path(), "pos", EncodeTripleKey(TripleIndex::kPos, 1, 1, 1, 1),
                        EncodeIndexValue({1, 1, 1, 1, 1, 0, 1, Modality::kAsserted})));
  r = Verify();
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("pos holds entries"), std::string::npos) << r.problem;
}

}  // namespace
}  // namespace claimgraph::storage
