// Deprecation marks: a deprecated claim (or every claim of a deprecated
// source) is skipped by default scans and kept for history, AS OF and
// WITH DEPRECATED; restores undo it; the marks family is checked against the
// log; a format-3 store gains the family.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/key_codec.h"
#include "storage/marks.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::ScanIds;
using testing::TempDir;
using testing::ValueOrDie;

Mark ClaimMark(ClaimId id, TxId tx, bool deprecated) { return {Mark::Target::kClaim, id, tx, deprecated, "r"}; }
Mark SourceMark(SourceId id, TxId tx, bool deprecated) { return {Mark::Target::kSource, id, tx, deprecated, "r"}; }

TEST(MarkTableTest, HiddenAsOfFollowsEachTargetsNewestMark) {
  auto t = MarkTable::Extend(MarkTable(), {ClaimMark(7, 3, true), SourceMark(2, 4, true)}, 4);
  t = MarkTable::Extend(*t, {ClaimMark(7, 6, false)}, 6);
  t = MarkTable::Extend(*t, {}, 9);  // a commit without marks shares them
  EXPECT_EQ(t->covered(), 9u);
  EXPECT_EQ(t->HiddenAsOf(2), nullptr);  // before any mark
  auto at3 = t->HiddenAsOf(3);
  ASSERT_NE(at3, nullptr);
  EXPECT_TRUE(at3->Hides(7, 1));
  EXPECT_FALSE(at3->Hides(8, 2));  // the source's mark comes at tx 4
  auto at5 = t->HiddenAsOf(5);
  EXPECT_TRUE(at5->Hides(7, 1));
  EXPECT_TRUE(at5->Hides(8, 2));
  auto now = t->HiddenAsOf(9);
  EXPECT_FALSE(now->Hides(7, 1));  // restored at 6
  EXPECT_TRUE(now->Hides(7, 2));   // but its source hides any claim of it
  EXPECT_EQ(t->All(Mark::Target::kClaim, 7, 9).size(), 2u);
  EXPECT_EQ(t->All(Mark::Target::kClaim, 7, 5).size(), 1u);
  EXPECT_FALSE(t->Latest(Mark::Target::kClaim, 7, 9)->deprecated);
  EXPECT_FALSE(t->Latest(Mark::Target::kSource, 3, 9).has_value());
}

TEST(MarkCodecTest, KeyAndOpRoundTrip) {
  Mark m{Mark::Target::kSource, 42, 17, true, "outlet \"discredited\""};
  Mark back;
  ASSERT_TRUE(DecodeMark(EncodeMarkKey(m), EncodeMarkValue(m), &back));
  EXPECT_EQ(back, m);
  TxOperation op{TxOperation::Kind::kMark, m.id, 1, EncodeMarkOp(m)};
  Mark from_op;
  ASSERT_TRUE(DecodeMarkOp(op, 17, &from_op));
  EXPECT_EQ(from_op, m);
  EXPECT_FALSE(DecodeMark(EncodeMarkKey(m).substr(1), EncodeMarkValue(m), &back));
  EXPECT_FALSE(DecodeMark(EncodeMarkKey(m), std::string("\x07", 1), &back));
}

struct Built {
  EntityId a = 0, b = 0, c = 0;
  PredicateId p = 0;
  SourceId s1 = 0, s2 = 0;
  ClaimId ab = 0, ac = 0, bc = 0;  // ab from s1; ac, bc from s2
};

Built Build(ClaimStore* store) {
  Built b;
  auto tx = Begin(store);
  b.a = ValueOrDie(tx->ResolveOrCreateEntity("A"));
  b.b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
  b.c = ValueOrDie(tx->ResolveOrCreateEntity("C"));
  b.p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
  b.s1 = ValueOrDie(tx->UpsertSource({"s1", "", "", "", "", ""}));
  b.s2 = ValueOrDie(tx->UpsertSource({"s2", "", "", "", "", ""}));
  auto claim = [&](EntityId s, EntityId o, SourceId src) {
    ClaimInput in;
    in.subject = s;
    in.predicate = b.p;
    in.object = o;
    in.source = src;
    return ValueOrDie(tx->Assert(in));
  };
  b.ab = claim(b.a, b.b, b.s1);
  b.ac = claim(b.a, b.c, b.s2);
  b.bc = claim(b.b, b.c, b.s2);
  ValueOrDie(tx->Commit());  // tx 1
  return b;
}

Status Mark1(ClaimStore* store, Mark::Target target, uint64_t id, bool deprecate, const std::string& reason = "why") {
  auto tx = Begin(store);
  CG_RETURN_IF_ERROR(tx->SetDeprecated(target, id, deprecate, reason));
  return tx->Commit().status();
}

TEST(DeprecationTest, ScansSkipDeprecatedClaimsAndKeepThemForHistory) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Built b = Build(store.get());
  ASSERT_TRUE(Mark1(store.get(), Mark::Target::kClaim, b.ab, true).ok());          // tx 2
  ASSERT_TRUE(Mark1(store.get(), Mark::Target::kSource, b.s2, true).ok());         // tx 3
  const TriplePattern all{std::nullopt, b.p, std::nullopt};
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_TRUE(ScanIds(*view, all).empty());
  EXPECT_EQ(ValueOrDie(view->CountClaims({}, 100)), 0u);
  EXPECT_TRUE(ValueOrDie(view->ClaimsBySource(b.s2)).empty());
  auto history = view->ScanAllVersions(all);
  int n = 0;
  for (; history->Valid(); history->Next()) ++n;
  EXPECT_EQ(n, 3);
  EXPECT_EQ(view->DeprecationOf(b.ab, b.s1)->target, Mark::Target::kClaim);
  EXPECT_EQ(view->DeprecationOf(b.bc, b.s2)->target, Mark::Target::kSource);  // through its source

  auto with = ValueOrDie(store->NewReadView(std::nullopt, ViewOptions{true}));
  EXPECT_EQ(ScanIds(*with, all), (std::set<ClaimId>{b.ab, b.ac, b.bc}));
  // Every access path: one list, the lists under a word, spo and osp seeks.
  for (TriplePattern p : {TriplePattern{b.a, b.p, std::nullopt}, TriplePattern{std::nullopt, b.p, b.c},
                          TriplePattern{b.a, std::nullopt, std::nullopt}, TriplePattern{b.a, b.p, b.b},
                          TriplePattern{std::nullopt, std::nullopt, b.c}, TriplePattern{}}) {
    EXPECT_TRUE(ScanIds(*view, p).empty());
    EXPECT_FALSE(ScanIds(*with, p).empty());
  }
  auto before = ValueOrDie(store->NewReadView(TxId{2}));  // the source's mark has not happened yet
  EXPECT_EQ(ScanIds(*before, all), (std::set<ClaimId>{b.ac, b.bc}));
  EXPECT_FALSE(before->DeprecationOf(b.bc, b.s2).has_value());
  auto first = ValueOrDie(store->NewReadView(TxId{1}));
  EXPECT_EQ(ScanIds(*first, all).size(), 3u);

  // A claim the deprecated source adds later is hidden too.
  ClaimId later = 0;
  {
    auto tx = Begin(store.get());  // holds the writer lock while it lives
    ClaimInput in;
    in.subject = b.c;
    in.predicate = b.p;
    in.object = b.c;
    in.source = b.s2;
    later = ValueOrDie(tx->Assert(in));
    ValueOrDie(tx->Commit());
  }
  EXPECT_TRUE(ScanIds(*ValueOrDie(store->NewReadView()), all).empty());

  // Restoring the source shows its claims again; the claim's own mark stays.
  ASSERT_TRUE(Mark1(store.get(), Mark::Target::kSource, b.s2, false, "").ok());
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), all), (std::set<ClaimId>{b.ac, b.bc, later}));
  // Marks survive a reopen (loaded from the family), and the log verifies.
  history.reset();  // every cursor before its view, every view before its store
  view.reset();
  with.reset();
  before.reset();
  first.reset();
  store.reset();
  store = OpenStore(dir.path());
  EXPECT_EQ(ScanIds(*ValueOrDie(store->NewReadView()), all), (std::set<ClaimId>{b.ac, b.bc, later}));
  EXPECT_EQ(ValueOrDie(store->NewReadView())->MarksOf(Mark::Target::kSource, b.s2).size(), 2u);
  EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
  EXPECT_TRUE(ValueOrDie(store->VerifyIndexes()).ok);
}

// A commit publishes its marks after its write: a view taken in between has
// a snapshot newer than the store's mark table and must read the missing
// marks itself. Claim ab is deprecated at every even transaction and
// restored at every odd one, while readers check each view against its own
// transaction.
TEST(DeprecationTest, EveryViewSeesExactlyTheMarksOfItsTransactionUnderConcurrentCommits) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Built b = Build(store.get());  // tx 1
  std::atomic<bool> done{false};
  std::atomic<int> views{0}, wrong{0};
  auto reader = [&] {
    while (!done.load()) {
      auto view = ValueOrDie(store->NewReadView());
      const bool hidden = view->as_of() >= 2 && view->as_of() % 2 == 0;
      const bool scanned = ScanIds(*view, {b.a, b.p, std::nullopt}).count(b.ab) > 0;
      if (scanned == hidden || view->DeprecationOf(b.ab, b.s1).has_value() != hidden) ++wrong;
      ++views;
    }
  };
  std::thread r1(reader), r2(reader);
  Status written;
  for (int i = 0; i < 300 && written.ok(); ++i) written = Mark1(store.get(), Mark::Target::kClaim, b.ab, i % 2 == 0, "flip");
  done = true;
  r1.join();
  r2.join();
  ASSERT_TRUE(written.ok()) << written.ToString();
  EXPECT_EQ(wrong.load(), 0) << "of " << views.load() << " views";
  EXPECT_GT(views.load(), 0);
  EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
}

TEST(DeprecationTest, RefusesWhatWouldNotChangeAnythingAndWritesNothing) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Built b = Build(store.get());
  auto code = [&](Mark::Target t, uint64_t id, bool dep, const std::string& reason = "why") {
    return Mark1(store.get(), t, id, dep, reason).code();
  };
  EXPECT_EQ(code(Mark::Target::kClaim, b.ab, true, ""), StatusCode::kInvalidArgument);  // no reason
  EXPECT_EQ(code(Mark::Target::kClaim, 999, true), StatusCode::kNotFound);
  EXPECT_EQ(code(Mark::Target::kSource, 999, true), StatusCode::kNotFound);
  EXPECT_EQ(code(Mark::Target::kClaim, b.ab, false), StatusCode::kFailedPrecondition);  // not deprecated
  ASSERT_EQ(code(Mark::Target::kSource, b.s2, true), StatusCode::kOk);
  EXPECT_EQ(code(Mark::Target::kSource, b.s2, true), StatusCode::kFailedPrecondition);  // already
  Status through_source = Mark1(store.get(), Mark::Target::kClaim, b.ac, false);
  EXPECT_EQ(through_source.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(through_source.message().find("source 's2'"), std::string::npos) << through_source.ToString();
  {
    auto tx = Begin(store.get());
    ASSERT_TRUE(tx->Retract(b.ab, "gone").ok());
    EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, b.ab, true, "x").code(), StatusCode::kFailedPrecondition);
    ASSERT_TRUE(tx->SetDeprecated(Mark::Target::kClaim, b.bc, true, "x").ok());
    EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, b.bc, false, "").code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(tx->Retract(b.bc, "and retracted").code(), StatusCode::kFailedPrecondition);  // one or the other
  }  // abandoned: nothing written
  auto view = ValueOrDie(store->NewReadView());
  EXPECT_EQ(view->last_tx(), 2u);
  // bc's only mark is its source's, from tx 2; the abandoned claim mark is not there.
  EXPECT_EQ(view->DeprecationOf(b.bc, b.s2)->target, Mark::Target::kSource);
  EXPECT_TRUE(view->MarksOf(Mark::Target::kClaim, b.bc).empty());
  EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
}

// An import restoring an export's deprecated claim asserts and deprecates it
// in one transaction: online (claims held in the transaction) and bulk
// (claims streamed into the sorts) alike. Only a deprecation is a change for
// a claim with no marks yet; a claim the transaction retracts cannot be.
TEST(DeprecationTest, AClaimAssertedByTheSameTransactionCanBeDeprecatedInIt) {
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "bulk" : "online");
    TempDir dir;
    auto store = OpenStore(dir.path());
    Built b = Build(store.get());
    ClaimId fresh = 0, dropped = 0;
    {
      auto tx = Begin(store.get(), "tester", bulk);
      auto claim = [&](EntityId s, EntityId o) {
        ClaimInput in;
        in.subject = s;
        in.predicate = b.p;
        in.object = o;
        in.source = b.s1;
        return ValueOrDie(tx->Assert(in));
      };
      fresh = claim(b.c, b.a);
      dropped = claim(b.c, b.b);
      EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, fresh, false, "").code(), StatusCode::kFailedPrecondition);
      ASSERT_TRUE(tx->SetDeprecated(Mark::Target::kClaim, fresh, true, "doubtful").ok());
      EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, fresh, true, "again").code(), StatusCode::kFailedPrecondition);
      EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, dropped + 5, true, "x").code(), StatusCode::kNotFound);
      ASSERT_TRUE(tx->RestoreRetraction(dropped, "gone", "someone", 1).ok());
      EXPECT_EQ(tx->SetDeprecated(Mark::Target::kClaim, dropped, true, "x").code(), StatusCode::kFailedPrecondition);
      EXPECT_EQ(tx->RestoreRetraction(fresh, "gone", "someone", 1).code(), StatusCode::kFailedPrecondition);
      ValueOrDie(tx->Commit());  // tx 2
    }
    auto view = ValueOrDie(store->NewReadView());
    std::optional<Mark> m = view->DeprecationOf(fresh, b.s1);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->tx, 2u);
    EXPECT_EQ(m->reason, "doubtful");
    TriplePattern from_c;
    from_c.subject = b.c;
    EXPECT_TRUE(ScanIds(*view, from_c).empty());  // hidden; the other one retracted
    auto all = ValueOrDie(store->NewReadView(std::nullopt, ViewOptions{true}));
    EXPECT_EQ(ScanIds(*all, from_c), (std::set<ClaimId>{fresh}));
    // The log reads in order: the assertion, then the mark.
    TxRecord rec = ValueOrDie(view->GetTx(2));
    size_t assert_at = rec.ops.size(), mark_at = rec.ops.size();
    for (size_t i = 0; i < rec.ops.size(); ++i) {
      if (rec.ops[i].kind == TxOperation::Kind::kAssertRange) assert_at = i;
      if (rec.ops[i].kind == TxOperation::Kind::kMark) mark_at = i;
    }
    EXPECT_LT(assert_at, mark_at);
    EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
  }
}

TEST(DeprecationTest, VerifyLogCatchesAChangedMissingOrForgedMark) {
  TempDir dir;
  Mark m;
  {
    auto store = OpenStore(dir.path());
    Built b = Build(store.get());
    ASSERT_TRUE(Mark1(store.get(), Mark::Target::kClaim, b.ab, true, "misquote").ok());  // tx 2
    m = Mark{Mark::Target::kClaim, b.ab, 2, true, "misquote"};
  }
  const std::string key = EncodeMarkKey(m);
  Mark changed = m;
  changed.deprecated = false;  // "restored" in place: the claim would show again
  ASSERT_TRUE(TEST_RawPut(dir.path(), "marks", key, EncodeMarkValue(changed)).ok());
  {
    auto report = ValueOrDie(OpenStore(dir.path())->VerifyLog());
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_bad_tx, 2u);
    EXPECT_NE(report.problem.find("changed"), std::string::npos) << report.problem;
  }
  ASSERT_TRUE(TEST_RawPut(dir.path(), "marks", key, std::nullopt).ok());
  {
    auto report = ValueOrDie(OpenStore(dir.path())->VerifyLog());
    EXPECT_FALSE(report.ok);
    EXPECT_NE(report.problem.find("missing"), std::string::npos) << report.problem;
  }
  ASSERT_TRUE(TEST_RawPut(dir.path(), "marks", key, EncodeMarkValue(m)).ok());
  Mark forged{Mark::Target::kSource, 1, 1, true, "forged"};
  ASSERT_TRUE(TEST_RawPut(dir.path(), "marks", EncodeMarkKey(forged), EncodeMarkValue(forged)).ok());
  auto report = ValueOrDie(OpenStore(dir.path())->VerifyLog());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_tx, 1u);
  EXPECT_NE(report.problem.find("does not record"), std::string::npos) << report.problem;
}

TEST(DeprecationTest, AFormat3StoreGainsTheMarksFamily) {
  TempDir dir;
  Built b;
  {
    auto store = OpenStore(dir.path());
    b = Build(store.get());
  }
  ASSERT_TRUE(TEST_DowngradeToFormat3(dir.path()).ok());
  StoreOptions read_only;
  read_only.read_only = true;
  auto refused = ClaimStore::Open(dir.path(), read_only);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("format 3"), std::string::npos) << refused.status().ToString();
  {
    auto store = OpenStore(dir.path());  // migrates: the family is created, empty
    EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
    ASSERT_TRUE(Mark1(store.get(), Mark::Target::kClaim, b.ab, true).ok());
  }
  auto again = ValueOrDie(ClaimStore::Open(dir.path(), read_only));
  EXPECT_EQ(ScanIds(*ValueOrDie(again->NewReadView()), {std::nullopt, b.p, std::nullopt}),
            (std::set<ClaimId>{b.ac, b.bc}));
}

}  // namespace
}  // namespace claimgraph::storage
