// Posting lists (format 2): the codec, the upsert rule, and that a store
// answers every pattern the lists serve exactly as its claims say — across
// online commits, bulk imports on top, retractions, every AS OF, and after
// migrating a format-1 store.
#include "storage/posting_list.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

#include "storage/byte_codec.h"
#include "storage/key_codec.h"
#include "tests/numbered.h"
#include "tests/storage/random_history.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::Loaded;
using testing::LoadRandomHistory;
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

TEST(PostingList, CountingAListsPostingsEqualsDecodingThem) {
  std::mt19937_64 rng(11);
  for (size_t n : {0, 1, 2, 17, 300, 5000}) {
    auto list = RandomSortedList(rng, n);
    // Values that take one to ten varint bytes: transactions, sources and
    // claim ids far apart.
    for (Posting& p : list)
      if (rng() % 3 == 0) p.source = rng() >> (rng() % 64);
    if (!list.empty()) list.back().asserted_tx = UINT64_MAX;
    std::string encoded = EncodePostingList(list);
    std::vector<Posting> back;
    ASSERT_TRUE(DecodePostingList(encoded, &back));
    EXPECT_EQ(CountPostings(encoded), back.size()) << n;
  }
  EXPECT_EQ(CountPostings(""), 0u);
  EXPECT_EQ(CountPostings(std::string("\x07\x01\x01", 3)), 0u);  // no such version
}

// The first posting of each third, as a fact pattern reads a list when one
// claim of a fact is all it needs.
std::vector<Posting> FirstOfEachThird(const std::vector<Posting>& list) {
  std::vector<Posting> out;
  for (const Posting& p : list)
    if (out.empty() || out.back().third != p.third) out.push_back(p);
  return out;
}

TEST(PostingList, SkippingAThirdsOtherPostingsLandsOnTheNextThird) {
  std::mt19937_64 rng(12);
  for (size_t n : {0, 1, 2, 17, 300, 5000}) {
    auto list = RandomSortedList(rng, n);
    for (Posting& p : list)  // fields of one to ten varint bytes
      if (rng() % 3 == 0) p.source = rng() >> (rng() % 64);
    const std::string encoded = EncodePostingList(list);
    PostingDecoder d(encoded);
    std::vector<Posting> read;
    Posting p;
    while (d.Next(&p)) {
      read.push_back(p);
      d.SkipSameThird();
    }
    EXPECT_TRUE(d.ok()) << n;
    EXPECT_EQ(read, FirstOfEachThird(list)) << n;
    // Cut anywhere: never a posting that is not there, and a cut list is
    // reported (the skip leaves what it cannot skip to Next).
    for (size_t cut = 1; n > 0 && n < 300 && cut < encoded.size(); ++cut) {
      PostingDecoder cut_d(std::string_view(encoded).substr(0, cut));
      std::vector<Posting> got;
      while (cut_d.Next(&p)) {
        got.push_back(p);
        cut_d.SkipSameThird();
      }
      const auto want = FirstOfEachThird(list);
      ASSERT_LE(got.size(), want.size()) << cut;
      EXPECT_TRUE(std::equal(got.begin(), got.end(), want.begin())) << cut;
    }
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

// Online commits write merge operands (format 5); folding them must give
// exactly the list UpsertPostings gives from the same updates in order.
TEST(PostingList, FoldingOperandsEqualsUpsertingTheirUpdates) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 40; ++round) {
    const bool has_base = round % 4 != 0;
    std::vector<Posting> base = has_base ? RandomSortedList(rng, rng() % 300) : std::vector<Posting>{};
    std::vector<Posting> want = base;
    std::vector<std::string> operands;
    for (int k = 0, n = 1 + rng() % 20; k < n; ++k) {
      std::vector<Posting> updates = RandomSortedList(rng, 1 + rng() % 30);
      // Retractions: postings already in the base or an earlier operand,
      // re-written with a retracted_tx.
      for (const std::vector<Posting>* from : {&base, &want})
        if (!from->empty())
          for (int r = 0; r < 3; ++r) {
            Posting p = (*from)[rng() % from->size()];
            p.retracted_tx = 100 + k;
            updates.push_back(p);
          }
      UpsertPostings(&updates, {});  // an operand is a sorted list, one posting per claim
      operands.push_back(EncodePostingList(updates));
      UpsertPostings(&want, updates);
    }
    const std::string base_value = EncodePostingList(base);
    const std::string_view base_view = base_value;
    std::vector<std::string_view> views(operands.begin(), operands.end());
    std::string folded;
    ASSERT_TRUE(FoldPostingUpdates(has_base ? &base_view : nullptr, views, &folded));
    EXPECT_EQ(folded, EncodePostingList(want)) << round;
    // Partly folded first (what a flush does without the base), then folded
    // with the base: the same list.
    std::string partial;
    const size_t half = views.size() / 2;
    ASSERT_TRUE(FoldPostingUpdates(nullptr, {views.begin() + half, views.end()}, &partial));
    std::vector<std::string_view> staged(views.begin(), views.begin() + half);
    staged.push_back(partial);
    ASSERT_TRUE(FoldPostingUpdates(has_base ? &base_view : nullptr, staged, &folded));
    EXPECT_EQ(folded, EncodePostingList(want)) << round;
  }
  std::string out;
  std::string_view good = "\x02", bad = "\x07";
  EXPECT_TRUE(FoldPostingUpdates(nullptr, {good}, &out));
  EXPECT_FALSE(FoldPostingUpdates(nullptr, {good, bad}, &out));
  EXPECT_FALSE(FoldPostingUpdates(&bad, {good}, &out));
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

// At every transaction, or every `stride`-th and the last.
void ExpectListsMatchClaims(ClaimStore* store, const Loaded& l, TxId stride = 1) {
  const TxId last = store->LastTx();
  for (TxId as_of = 1; as_of <= last; as_of = as_of < last && as_of + stride > last ? last : as_of + stride) {
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

Loaded LoadHubHistory(ClaimStore* store, uint64_t seed, int commits);  // below

// NextFact yields the first visible entry of each triple of a full scan:
// on lists read whole, and on lists whose merge operands a scan reads apart
// (a hub's many small commits).
void ExpectNextFactSkipsToEachTriple(ClaimStore* store, const Loaded& l) {
  auto view = ValueOrDie(store->NewReadView());
  auto check = [&](const TriplePattern& p) {
    std::vector<IndexEntry> want;
    for (auto c = view->Scan(p); c->Valid(); c->Next()) {
      const IndexEntry& e = c->entry();
      if (want.empty() || want.back().subject != e.subject || want.back().predicate != e.predicate ||
          want.back().object != e.object)
        want.push_back(e);
    }
    std::vector<IndexEntry> got;
    auto c = view->Scan(p);
    for (; c->Valid(); c->NextFact()) got.push_back(c->entry());
    EXPECT_TRUE(c->status().ok()) << c->status().ToString();
    EXPECT_EQ(got, want);
  };
  for (EntityId s : l.entities) {
    check({.subject = s});
    for (PredicateId p : l.predicates) check({.subject = s, .predicate = p});
  }
  for (PredicateId p : l.predicates) {
    check({.predicate = p});
    for (EntityId o : l.entities) check({.predicate = p, .object = o});
  }
}

TEST(PostingListStore, NextFactSkipsToTheNextTripleWholeOrWithOperandsPending) {
  TempDir d;
  auto store = OpenStore(d.path());
  Loaded l = LoadRandomHistory(store.get(), 4);
  ExpectNextFactSkipsToEachTriple(store.get(), l);
  TempDir hub_dir;
  auto hub_store = OpenStore(hub_dir.path());
  Loaded hub = LoadHubHistory(hub_store.get(), 23, 300);  // operands pending in the memtable
  ExpectNextFactSkipsToEachTriple(hub_store.get(), hub);
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

// Many small online commits on one hub, with retractions of claims earlier
// commits made: every commit adds merge operands to the same few lists, left
// in the memtable (nothing folds them at write time) for reads to merge.
Loaded LoadHubHistory(ClaimStore* store, uint64_t seed, int commits) {
  std::mt19937_64 rng(seed);
  Loaded l;
  SourceId src = 0;
  for (int t = 0; t < commits; ++t) {
    auto tx = Begin(store);
    if (l.entities.empty()) {
      src = ValueOrDie(tx->UpsertSource({"doc", "T", "P", "2020-01-01", "", ""}));
      for (int i = 0; i < 3; ++i) l.entities.push_back(ValueOrDie(tx->ResolveOrCreateEntity(Numbered("e", i))));
      for (int i = 0; i < 2; ++i) l.predicates.push_back(ValueOrDie(tx->ResolveOrDeclarePredicate(Numbered("p", i))));
    }
    for (int i = 0, n = 1 + rng() % 3; i < n; ++i) {
      ClaimInput in;
      in.subject = rng() % 5 == 0 ? l.entities[1 + rng() % 2] : l.entities[0];  // e0: the hub
      in.predicate = l.predicates[rng() % l.predicates.size()];
      in.object = l.entities[rng() % l.entities.size()];
      in.source = src;
      in.confidence = (rng() % 101) / 100.0;
      in.modality = static_cast<Modality>(rng() % 4);
      l.max_claim = std::max(l.max_claim, ValueOrDie(tx->Assert(in)));
    }
    if (t % 5 == 4) tx->Retract(1 + rng() % l.max_claim, "test").ok();  // may repeat: fine
    ValueOrDie(tx->Commit());
  }
  return l;
}

// The list under (first, second) rebuilt from the claim records.
std::string RebuiltList(ClaimStore* store, const Loaded& l, PostingKind kind, uint64_t first, uint64_t second) {
  auto view = ValueOrDie(store->NewReadView());
  std::vector<Posting> list;
  for (ClaimId id = 1; id <= l.max_claim; ++id) {
    Claim c = ValueOrDie(view->GetClaim(id));
    IndexEntry e{.subject = c.subject, .predicate = c.predicate, .object = c.object, .claim = id,
                 .asserted_tx = c.asserted_tx, .retracted_tx = c.retracted_tx, .source = c.source,
                 .modality = c.modality, .confidence = ConfidenceCodeOf(c.confidence)};
    if (PostingKeyOf(kind, e) == EncodePostingKey(first, second)) list.push_back(PostingOf(kind, e));
  }
  UpsertPostings(&list, {});
  return EncodePostingList(list);
}

TEST(PostingListStore, ManySmallCommitsOnAHubReadAsTheRebuiltList) {
  TempDir d;
  Loaded l;
  std::string sp_want, po_want;
  {
    auto store = OpenStore(d.path());
    l = LoadHubHistory(store.get(), 21, 400);
    ExpectListsMatchClaims(store.get(), l, /*stride=*/37);
    sp_want = RebuiltList(store.get(), l, PostingKind::kSubjectPredicate, l.entities[0], l.predicates[0]);
    po_want = RebuiltList(store.get(), l, PostingKind::kPredicateObject, l.predicates[1], l.entities[0]);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }  // closed unflushed: the operands come back from the write-ahead log
  const std::string sp_key = EncodePostingKey(l.entities[0], l.predicates[0]);
  const std::string po_key = EncodePostingKey(l.predicates[1], l.entities[0]);
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "sp_postings", sp_key)), sp_want);
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "po_postings", po_key)), po_want);
  ASSERT_OK(TEST_CompactPostingLists(d.path()));  // every operand folded into its list
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "sp_postings", sp_key)), sp_want);
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "po_postings", po_key)), po_want);
  auto store = OpenStore(d.path());
  AuditReport indexes = ValueOrDie(store->VerifyIndexes());
  EXPECT_TRUE(indexes.ok) << indexes.problem;
  ExpectListsMatchClaims(store.get(), l, /*stride=*/37);
  // The planner's count of a hub list is the folded list's.
  auto view = ValueOrDie(store->NewReadView());
  std::vector<Posting> list;
  ASSERT_TRUE(DecodePostingList(sp_want, &list));
  EXPECT_EQ(ValueOrDie(view->EstimateClaims({.subject = l.entities[0], .predicate = l.predicates[0]})), list.size());
  // More commits on the compacted lists: each list is then a base in a file
  // and operands in the memtable, which a scan of one list reads apart
  // (GetMergeOperands) and merges as it goes; the same claims at every step.
  Loaded more = LoadHubHistory(store.get(), 22, 200);
  ASSERT_EQ(more.entities, l.entities);
  ExpectListsMatchClaims(store.get(), more, /*stride=*/29);
}

TEST(PostingListStore, AFormat4StoreIsReadAsItIsAndMigratedWhenOpenedReadWrite) {
  TempDir d;
  Loaded l;
  {
    auto store = OpenStore(d.path());
    l = LoadHubHistory(store.get(), 5, 120);
  }
  ASSERT_OK(TEST_DowngradeToFormat4(d.path()));
  std::string v4;
  PutFixed32BE(&v4, 4);
  ASSERT_EQ(ValueOrDie(TEST_RawGet(d.path(), "meta", "format_version")), v4);
  StoreOptions read_only;
  read_only.read_only = true;
  {
    auto store = ValueOrDie(ClaimStore::Open(d.path(), read_only));  // no operands to fold: read as it is
    ExpectListsMatchClaims(store.get(), l, /*stride=*/13);
  }
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "meta", "format_version")), v4);  // read-only wrote nothing
  {
    auto store = OpenStore(d.path());  // migrates
    Loaded more = LoadHubHistory(store.get(), 6, 60);  // operands on top of format 4's whole lists
    l.max_claim = more.max_claim;  // ids go on; the same entities and predicates, by name
    ExpectListsMatchClaims(store.get(), l, /*stride=*/13);
    AuditReport indexes = ValueOrDie(store->VerifyIndexes());
    EXPECT_TRUE(indexes.ok) << indexes.problem;
  }
  std::string now;  // format 5, then on to the current format
  PutFixed32BE(&now, kFormatVersion);
  EXPECT_EQ(ValueOrDie(TEST_RawGet(d.path(), "meta", "format_version")), now);
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
