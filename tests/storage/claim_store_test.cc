#include "storage/claim_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "storage/byte_codec.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::ScanIds;
using testing::TempDir;
using testing::ValueOrDie;

struct Schema {
  EntityId us, japan, uk, china;
  PredicateId pact, targets;
  SourceId src;
};

Schema Populate(ClaimStore* store) {
  auto tx = Begin(store);
  Schema s;
  s.us = ValueOrDie(tx->UpsertEntity({"United States", "country", {"US", "U.S.", "USA", "Washington"}}));
  s.japan = ValueOrDie(tx->UpsertEntity({"Japan", "country", {"Tokyo"}}));
  s.uk = ValueOrDie(tx->UpsertEntity({"United Kingdom", "country", {"UK", "Britain", "Whitehall"}}));
  s.china = ValueOrDie(tx->UpsertEntity({"China", "country", {"Beijing", "PRC"}}));
  Predicate pact;
  pact.name = "pact";
  pact.symmetric = true;
  s.pact = ValueOrDie(tx->DefinePredicate(pact));
  Predicate targets;
  targets.name = "targets";
  targets.inverse = "targeted-by";
  s.targets = ValueOrDie(tx->DefinePredicate(targets));
  s.src = ValueOrDie(tx->UpsertSource({"004_8cc8e2fcc4fc9a24", "US-Japan cyber cooperation comes to life",
                                       "Nikkei Asian Review", "2015-06-04", "", ""}));
  ValueOrDie(tx->Commit());
  return s;
}

ClaimInput MakeClaim(EntityId s, PredicateId p, TermId o, SourceId src) {
  ClaimInput c;
  c.subject = s;
  c.predicate = p;
  c.object = o;
  c.source = src;
  return c;
}

TEST(ClaimStore, ASourceTextHashOnceRecordedNeverChanges) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  const std::string a(64, 'a'), b(64, 'b');
  {
    auto tx = Begin(store.get());
    ValueOrDie(tx->UpsertSource({"wire-1", "T", "P", "2024-01-01", "", a}));
    ValueOrDie(tx->Commit());
  }
  auto tx = Begin(store.get());
  EXPECT_TRUE(tx->UpsertSource({"wire-1", "New title", "", "", "", ""}).ok());  // metadata may change
  EXPECT_TRUE(tx->UpsertSource({"wire-1", "", "", "", "", a}).ok());            // the same text again
  auto clash = tx->UpsertSource({"wire-1", "", "", "", "", b});
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(clash.status().message().find("wire-1"), std::string::npos) << clash.status().message();
  // Within one transaction too: the first hash recorded is the one.
  auto fresh = tx->UpsertSource({"wire-2", "", "", "", "", a});
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE(tx->UpsertSource({"wire-2", "", "", "", "", b}).ok());
  ValueOrDie(tx->Commit());
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ValueOrDie(view->FindSource("wire-1")).sha256, a);
  EXPECT_EQ(ValueOrDie(view->FindSource("wire-1")).title, "New title");
}

TEST(ClaimStore, EntitiesAreFoundByAnyAliasIgnoringCaseAndPunctuation) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  auto view = ValueOrDie(store->NewReadView());
  for (const char* name : {"U.S.", "US", "us", "usa", "United States", "united-states", "WASHINGTON"})
    EXPECT_EQ(ValueOrDie(view->FindEntity(name)), s.us) << name;
  EXPECT_EQ(view->FindEntity("Atlantis").status().code(), StatusCode::kNotFound);
  Entity us = ValueOrDie(view->GetEntity(s.us));
  EXPECT_EQ(us.name, "United States");
  EXPECT_EQ(us.type, "country");
  // "US" and "U.S." are one alias once normalized: the first spelling is kept.
  EXPECT_EQ(us.aliases, (std::vector<std::string>{"US", "USA", "Washington"}));
}

TEST(ClaimStore, UpsertMergesAliasesAndRenamesAnEntityMetUnderAnAlias) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    ValueOrDie(tx->ResolveOrCreateEntity("US"));
    ValueOrDie(tx->Commit());
  }
  auto tx = Begin(store.get());
  EntityId id = ValueOrDie(tx->UpsertEntity({"United States", "country", {"US", "America"}}));
  ValueOrDie(tx->Commit());
  auto view = ValueOrDie(store->NewReadView());
  Entity e = ValueOrDie(view->GetEntity(id));
  EXPECT_EQ(e.name, "United States");
  EXPECT_EQ(ValueOrDie(view->FindEntity("america")), id);
  EXPECT_EQ(ValueOrDie(view->FindEntity("u.s.")), id);
  EXPECT_EQ(ValueOrDie(view->ListEntities()).size(), 1u);
}

TEST(ClaimStore, AnAliasOfTwoEntitiesIsRefused) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Populate(store.get());
  auto tx = Begin(store.get());
  auto r = tx->UpsertEntity({"Japan", "", {"UK"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(r.status().message().find("United Kingdom"), std::string::npos) << r.status().message();
}

TEST(ClaimStore, PredicateRulesAreChecked) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Populate(store.get());
  auto tx = Begin(store.get());
  Predicate bad;
  bad.name = "targeted-by";  // already the inverse of targets
  EXPECT_EQ(tx->DefinePredicate(bad).status().code(), StatusCode::kAlreadyExists);
  bad.name = "1abc";
  EXPECT_EQ(tx->DefinePredicate(bad).status().code(), StatusCode::kInvalidArgument);
  Predicate sym;
  sym.name = "allied";
  sym.symmetric = true;
  sym.inverse = "allied-by";
  EXPECT_EQ(tx->DefinePredicate(sym).status().code(), StatusCode::kInvalidArgument);
}

TEST(ClaimStore, ClaimKeepsItsFullProvenance) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  auto tx = Begin(store.get(), "analyst-7");
  ClaimInput in = MakeClaim(s.japan, s.pact, s.uk, s.src);
  in.has_span = true;
  in.span_begin = 1893;
  in.span_end = 2051;
  in.quote = "Japan and the UK signed \xE2\x80\x9c" "2+2\xE2\x80\x9d talks";
  in.confidence = 0.9;
  in.method = "manual";
  in.modality = Modality::kReported;
  ClaimId id = ValueOrDie(tx->Assert(in));
  CommitInfo info = ValueOrDie(tx->Commit());
  EXPECT_EQ(info.tx, 2u);
  EXPECT_EQ(info.claims, 1u);
  auto view = ValueOrDie(store->NewReadView());
  Claim c = ValueOrDie(view->GetClaim(id));
  EXPECT_EQ(c.subject, s.japan);
  EXPECT_EQ(c.object, s.uk);
  EXPECT_EQ(c.span_begin, 1893u);
  EXPECT_EQ(c.span_end, 2051u);
  EXPECT_EQ(c.quote, in.quote);
  EXPECT_DOUBLE_EQ(c.confidence, 0.9);
  EXPECT_EQ(c.modality, Modality::kReported);
  EXPECT_EQ(c.principal, "analyst-7");
  EXPECT_EQ(c.asserted_tx, 2u);
  EXPECT_GT(c.asserted_at_us, 0);
  EXPECT_EQ(ValueOrDie(view->ClaimsBySource(s.src)), std::vector<ClaimId>{id});
  TxRecord rec = ValueOrDie(view->GetTx(2));
  EXPECT_EQ(rec.principal, "analyst-7");
}

TEST(ClaimStore, ClaimsBySourceAsOfAnEarlierTransactionSkipsLaterClaims) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  ClaimId early = 0, late = 0;
  TxId early_tx = 0;
  {  // a transaction holds the writer lock until it is gone
    auto first = Begin(store.get());
    early = ValueOrDie(first->Assert(MakeClaim(s.japan, s.pact, s.uk, s.src)));
    early_tx = ValueOrDie(first->Commit()).tx;
  }
  {
    auto second = Begin(store.get());
    ClaimInput later = MakeClaim(s.uk, s.pact, s.japan, s.src);
    later.quote = "a later passage";
    late = ValueOrDie(second->Assert(later));
    ASSERT_TRUE(second->Retract(early, "misread").ok());
    ValueOrDie(second->Commit());
  }
  // As of the first transaction: the early claim, live; the later one not yet.
  auto then = ValueOrDie(store->NewReadView(early_tx));
  EXPECT_EQ(ValueOrDie(then->ClaimsBySource(s.src)), std::vector<ClaimId>{early});
  auto now = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ValueOrDie(now->ClaimsBySource(s.src)), std::vector<ClaimId>{late});
}

TEST(ClaimStore, InvalidClaimsAreRejectedWithTheReason) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  auto tx = Begin(store.get());
  auto bad = MakeClaim(s.japan, s.pact, s.uk, s.src);
  bad.confidence = 1.5;
  EXPECT_EQ(tx->Assert(bad).status().code(), StatusCode::kInvalidArgument);
  bad = MakeClaim(s.japan, 999, s.uk, s.src);
  EXPECT_NE(tx->Assert(bad).status().message().find("predicate"), std::string::npos);
  bad = MakeClaim(s.japan, s.pact, s.uk, 0);
  EXPECT_NE(tx->Assert(bad).status().message().find("source"), std::string::npos);
}

TEST(ClaimStore, AnAbandonedTransactionLeavesNothing) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  TxId before = store->LastTx();
  {
    auto tx = Begin(store.get());
    EntityId fr = ValueOrDie(tx->UpsertEntity({"France", "country", {"Paris"}}));
    ValueOrDie(tx->Assert(MakeClaim(fr, s.pact, s.japan, s.src)));
    auto bad = MakeClaim(fr, s.pact, s.japan, s.src);
    bad.confidence = -1;
    ASSERT_FALSE(tx->Assert(bad).ok());
    // The caller gives up on the batch: the transaction is dropped uncommitted.
  }
  EXPECT_EQ(store->LastTx(), before);
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(view->FindEntity("France").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ScanIds(*view, {}).empty());
  // The ids it had taken are not burnt into the store: the next claim is claim 1.
  auto tx = Begin(store.get());
  EXPECT_EQ(ValueOrDie(tx->Assert(MakeClaim(s.japan, s.pact, s.uk, s.src))), 1u);
}

TEST(ClaimStore, RetractionNeverDeletesAndAsOfSeesThePast) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  ClaimId a, b;
  {
    auto tx = Begin(store.get());
    a = ValueOrDie(tx->Assert(MakeClaim(s.japan, s.pact, s.uk, s.src)));
    b = ValueOrDie(tx->Assert(MakeClaim(s.china, s.targets, s.us, s.src)));
    EXPECT_EQ(ValueOrDie(tx->Commit()).tx, 2u);
  }
  {
    auto tx = Begin(store.get(), "reviewer");
    ASSERT_OK(tx->Retract(a, "misread: proposal, not a pact"));
    EXPECT_EQ(ValueOrDie(tx->Commit()).tx, 3u);
  }
  {
    auto tx = Begin(store.get());
    Status again = tx->Retract(a, "twice");
    EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(again.message().find("tx 3"), std::string::npos);
    EXPECT_EQ(tx->Retract(12345, "never was").code(), StatusCode::kNotFound);
  }
  auto now = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ScanIds(*now, {}), std::set<ClaimId>{b});
  Claim ra = ValueOrDie(now->GetClaim(a));  // still there, with why it ended
  EXPECT_EQ(ra.retracted_tx, 3u);
  EXPECT_EQ(ra.retract_reason, "misread: proposal, not a pact");
  EXPECT_EQ(ra.retracted_by, "reviewer");

  auto at2 = ValueOrDie(store->NewReadView(2));
  EXPECT_EQ(ScanIds(*at2, {}), (std::set<ClaimId>{a, b}));
  EXPECT_EQ(ValueOrDie(at2->GetClaim(a)).retracted_tx, 0u);
  auto at1 = ValueOrDie(store->NewReadView(1));
  EXPECT_TRUE(ScanIds(*at1, {}).empty());
  EXPECT_EQ(store->NewReadView(99).status().code(), StatusCode::kNotFound);

  TxRecord t3 = ValueOrDie(now->GetTx(3));
  EXPECT_EQ(ValueOrDie(now->TxAtTime(t3.time_us)), 3u);
  EXPECT_EQ(ValueOrDie(now->TxAtTime(0)), 0u);
}

TEST(ClaimStore, ReadViewIsASnapshot) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  auto before = ValueOrDie(store->NewReadView());
  auto tx = Begin(store.get());
  ValueOrDie(tx->Assert(MakeClaim(s.japan, s.pact, s.uk, s.src)));
  ValueOrDie(tx->Commit());
  EXPECT_TRUE(ScanIds(*before, {}).empty());
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), {}).size(), 1u);
}

// Names found are kept across views (rocks_internal.h): a view of a
// snapshot taken before a name was written must still not find it, even
// after a newer view has looked the name up, and either order of the two.
TEST(ClaimStore, AViewDoesNotFindANameWrittenAfterItsSnapshot) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    ValueOrDie(tx->ResolveOrCreateEntity("Early"));
    ValueOrDie(tx->Commit());
  }
  auto before = ValueOrDie(store->NewReadView());
  EXPECT_EQ(before->FindEntity("Later").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(before->FindSource("doc-later").status().code(), StatusCode::kNotFound);
  auto tx = Begin(store.get());
  EntityId later = ValueOrDie(tx->UpsertEntity({"Later", "thing", {"Afterwards"}}));
  SourceId doc = ValueOrDie(tx->UpsertSource({"doc-later", "T", "P", "2024-01-01", "", ""}));
  ValueOrDie(tx->Commit());
  auto after = ValueOrDie(store->NewReadView());
  for (int round = 0; round < 2; ++round) {  // the second round answers from the cache
    EXPECT_EQ(ValueOrDie(after->FindEntity("later")), later);
    EXPECT_EQ(ValueOrDie(after->FindEntity("Afterwards")), later);
    EXPECT_EQ(ValueOrDie(after->FindSource("doc-later")).id, doc);
    EXPECT_EQ(before->FindEntity("Later").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(before->FindEntity("Afterwards").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(before->FindSource("doc-later").status().code(), StatusCode::kNotFound);
    EXPECT_EQ(ValueOrDie(before->FindEntity("Early")), ValueOrDie(after->FindEntity("early")));
  }
}

// A view reads the entity and source records of its own snapshot, even after
// a newer view has put the changed records in the store's cache: a statement
// that began before DEFINE ENTITY renamed an entity names it the old way in
// every row.
TEST(ClaimStore, AViewKeepsTheRecordsOfItsSnapshotWhenNewerOnesAreCached) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  EntityId e;
  SourceId doc;
  {
    auto tx = Begin(store.get());
    e = ValueOrDie(tx->ResolveOrCreateEntity("Old Name"));
    doc = ValueOrDie(tx->UpsertSource({"doc", "First title", "P", "2024-01-01", "", ""}));
    ValueOrDie(tx->Commit());
  }
  auto before = ValueOrDie(store->NewReadView());
  EXPECT_EQ(ValueOrDie(before->GetEntity(e)).name, "Old Name");  // cached as of this view
  EXPECT_EQ(ValueOrDie(before->GetSource(doc)).title, "First title");
  {
    auto tx = Begin(store.get());
    EXPECT_EQ(ValueOrDie(tx->UpsertEntity({"New Name", "", {"Old Name"}})), e);
    ValueOrDie(tx->UpsertSource({"doc", "Second title", "", "", "", ""}));
    ValueOrDie(tx->Commit());
  }
  auto after = ValueOrDie(store->NewReadView());
  for (int round = 0; round < 2; ++round) {  // the second round: the new records are in the cache
    EXPECT_EQ(ValueOrDie(after->GetEntity(e)).name, "New Name");
    EXPECT_EQ(ValueOrDie(after->GetSource(doc)).title, "Second title");
    EXPECT_EQ(ValueOrDie(before->GetEntity(e)).name, "Old Name") << "round " << round;
    EXPECT_EQ(ValueOrDie(before->GetSource(doc)).title, "First title") << "round " << round;
  }
}

TEST(ClaimStore, EverythingSurvivesReopen) {
  TempDir dir;
  Schema s;
  ClaimId id;
  {
    auto store = OpenStore(dir.path());
    s = Populate(store.get());
    auto tx = Begin(store.get());
    auto lit = ValueOrDie(tx->InternLiteral({TermKind::kDate, "2015-04-27", 0}));
    id = ValueOrDie(tx->Assert(MakeClaim(s.japan, s.pact, lit, s.src)));
    ValueOrDie(tx->Commit());
  }
  auto store = OpenStore(dir.path());
  EXPECT_EQ(store->LastTx(), 2u);
  auto view = ValueOrDie(store->NewReadView());
  Claim c = ValueOrDie(view->GetClaim(id));
  EXPECT_EQ(KindOfTerm(c.object), TermKind::kDate);
  EXPECT_EQ(ValueOrDie(view->GetLiteral(c.object)).lexical, "2015-04-27");
  EXPECT_EQ(ValueOrDie(view->FindPredicate("targets")).inverse, "targeted-by");
  EXPECT_EQ(ValueOrDie(view->FindSource("004_8cc8e2fcc4fc9a24")).publisher, "Nikkei Asian Review");
  // New ids continue after reopen.
  auto tx = Begin(store.get());
  EXPECT_EQ(ValueOrDie(tx->Assert(MakeClaim(s.japan, s.pact, s.uk, s.src))), id + 1);
  EXPECT_EQ(ValueOrDie(tx->Commit()).tx, 3u);
  EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
}

TEST(ClaimStore, UnknownFormatVersionIsAClearError) {
  TempDir dir;
  { OpenStore(dir.path()); }
  std::string v;
  PutFixed32BE(&v, 99);
  ASSERT_OK(TEST_RawPut(dir.path(), "meta", "format_version", v));
  auto r = ClaimStore::Open(dir.path(), StoreOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("version 99"), std::string::npos) << r.status().message();
}

TEST(ClaimStore, DataDirectoryIsOwnerOnly) {
  TempDir dir;
  { OpenStore(dir.path()); }
  struct stat st;
  ASSERT_EQ(::stat(dir.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

}  // namespace
}  // namespace claimgraph::storage

namespace claimgraph::storage {
namespace {

// ForEachClaimRecord (BELIEF's batched read): the records asked for, in the
// order asked, across more than one MultiGet batch; a retracted claim's record
// is still there (callers decide visibility); an unknown id is NotFound.
TEST(ClaimStore, ForEachClaimRecordReadsTheRecordsAskedForInOrder) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Schema s = Populate(store.get());
  std::vector<ClaimId> ids;
  {
    auto tx = Begin(store.get());
    for (int i = 0; i < 600; ++i) {
      ClaimInput c = MakeClaim(s.us, s.targets, s.china, s.src);
      c.has_span = true;
      c.span_begin = c.span_end = uint64_t(i);
      c.confidence = double(i % 100) / 100;
      ids.push_back(ValueOrDie(tx->Assert(c)));
    }
    ValueOrDie(tx->Commit());
  }
  {
    auto tx = Begin(store.get());
    ASSERT_TRUE(tx->Retract(ids[7], "test").ok());
    ValueOrDie(tx->Commit());
  }
  auto view = ValueOrDie(store->NewReadView());
  std::vector<ClaimId> asked;
  for (size_t i = 0; i < ids.size(); i += 2) asked.push_back(ids[i]);  // 300: two batches of 256
  asked.insert(asked.begin() + 4, ids[7]);
  std::vector<ClaimId> seen;
  ASSERT_TRUE(view->ForEachClaimRecord(asked, [&](const Claim& c) {
                    EXPECT_DOUBLE_EQ(c.confidence, double((c.id - ids[0]) % 100) / 100) << c.id;
                    EXPECT_EQ(c.source, s.src);
                    seen.push_back(c.id);
                    return Status::Ok();
                  }).ok());
  EXPECT_EQ(seen, asked);
  Status missing = view->ForEachClaimRecord({ids[0], ids.back() + 1000}, [](const Claim&) { return Status::Ok(); });
  EXPECT_EQ(missing.code(), StatusCode::kNotFound) << missing.ToString();
}

}  // namespace
}  // namespace claimgraph::storage
