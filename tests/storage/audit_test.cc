// Tamper evidence: change, remove or reorder txlog records (or the claim
// records they cover) with the RocksDB API directly; VerifyLog names the first
// bad transaction.
#include <gtest/gtest.h>

#include "storage/byte_codec.h"
#include "storage/key_codec.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

// Builds a store with 6 transactions: schema, then five of claims.
void Build(const std::string& dir) {
  auto store = OpenStore(dir);
  EntityId a, b;
  PredicateId p;
  SourceId s;
  {
    auto tx = Begin(store.get());
    a = ValueOrDie(tx->ResolveOrCreateEntity("A"));
    b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
    p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
    s = ValueOrDie(tx->UpsertSource({"doc", "", "", "", "", ""}));
    ValueOrDie(tx->Commit());
  }
  for (int i = 0; i < 5; ++i) {
    auto tx = Begin(store.get());
    ClaimInput in;
    in.subject = a;
    in.predicate = p;
    in.object = b;
    in.source = s;
    in.quote = "quote " + std::to_string(i);
    ValueOrDie(tx->Assert(in));
    if (i == 3) ASSERT_OK(tx->Retract(1, "wrong"));
    ValueOrDie(tx->Commit());
  }
  AuditReport ok = ValueOrDie(store->VerifyLog());
  ASSERT_TRUE(ok.ok) << ok.problem;
  EXPECT_EQ(ok.transactions_checked, 6u);
  EXPECT_EQ(ok.claims_checked, 5u);
}

AuditReport Verify(const std::string& dir) { return ValueOrDie(OpenStore(dir)->VerifyLog()); }

TEST(Audit, EveryFlippedByteOfARecordIsFoundAndNamed) {
  TempDir dir;
  Build(dir.path());
  const std::string key = EncodeTxKey(4);
  const std::string original = ValueOrDie(TEST_RawGet(dir.path(), "txlog", key));
  for (size_t i = 0; i < original.size(); i += 7) {
    std::string tampered = original;
    tampered[i] ^= 0x01;
    ASSERT_OK(TEST_RawPut(dir.path(), "txlog", key, tampered));
    AuditReport r = Verify(dir.path());
    EXPECT_FALSE(r.ok) << "byte " << i;
    EXPECT_EQ(r.first_bad_tx, 4u) << "byte " << i << ": " << r.problem;
  }
  ASSERT_OK(TEST_RawPut(dir.path(), "txlog", key, original));
  EXPECT_TRUE(Verify(dir.path()).ok);
}

TEST(Audit, ARemovedRecordIsNamed) {
  TempDir dir;
  Build(dir.path());
  ASSERT_OK(TEST_RawPut(dir.path(), "txlog", EncodeTxKey(3), std::nullopt));
  AuditReport r = Verify(dir.path());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_tx, 3u) << r.problem;
  EXPECT_NE(r.problem.find("missing"), std::string::npos) << r.problem;
}

TEST(Audit, ARemovedNewestRecordIsNamed) {
  TempDir dir;
  Build(dir.path());
  // Without its newest record the store refuses to open at all.
  ASSERT_OK(TEST_RawPut(dir.path(), "txlog", EncodeTxKey(6), std::nullopt));
  auto r = ClaimStore::Open(dir.path(), StoreOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("6"), std::string::npos);
}

TEST(Audit, SwappedRecordsAreFound) {
  TempDir dir;
  Build(dir.path());
  std::string r3 = ValueOrDie(TEST_RawGet(dir.path(), "txlog", EncodeTxKey(3)));
  std::string r4 = ValueOrDie(TEST_RawGet(dir.path(), "txlog", EncodeTxKey(4)));
  ASSERT_OK(TEST_RawPut(dir.path(), "txlog", EncodeTxKey(3), r4));
  ASSERT_OK(TEST_RawPut(dir.path(), "txlog", EncodeTxKey(4), r3));
  AuditReport r = Verify(dir.path());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_tx, 3u) << r.problem;
}

TEST(Audit, AChangedClaimRecordNamesTheTransactionThatWroteIt) {
  TempDir dir;
  Build(dir.path());
  std::string key = EncodeClaimKey(2, kClaimAssertionTag);  // claim 2 was asserted in tx 3
  std::string v = ValueOrDie(TEST_RawGet(dir.path(), "claims", key));
  v[v.size() / 2] ^= 0x20;
  ASSERT_OK(TEST_RawPut(dir.path(), "claims", key, v));
  AuditReport r = Verify(dir.path());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_tx, 3u) << r.problem;
}

// The digest covers a claim's valid time when it has one: a changed date, or
// the valid time cut off (which leaves a well-formed record of the layout
// before valid time), is found and named.
TEST(Audit, AChangedOrRemovedValidTimeIsFound) {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto tx = Begin(store.get());
    ClaimInput in;
    in.subject = ValueOrDie(tx->ResolveOrCreateEntity("A"));
    in.predicate = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
    in.object = ValueOrDie(tx->ResolveOrCreateEntity("B"));
    in.source = ValueOrDie(tx->UpsertSource({"doc", "", "", "", "", ""}));
    in.valid = {"1949", "1991"};
    ValueOrDie(tx->Assert(in));
    ValueOrDie(tx->Commit());
    AuditReport ok = ValueOrDie(store->VerifyLog());
    ASSERT_TRUE(ok.ok) << ok.problem;
  }
  const std::string key = EncodeClaimKey(1, kClaimAssertionTag);
  const std::string original = ValueOrDie(TEST_RawGet(dir.path(), "claims", key));
  ASSERT_EQ(original.substr(original.size() - 10), std::string("\x04" "1949" "\x04" "1991"));
  std::string changed = original;
  changed.back() = '2';  // valid_to "1992"
  std::string cut = original.substr(0, original.size() - 10);
  for (const std::string& tampered : {changed, cut}) {
    ASSERT_OK(TEST_RawPut(dir.path(), "claims", key, tampered));
    AuditReport r = Verify(dir.path());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_tx, 1u) << r.problem;
  }
  ASSERT_OK(TEST_RawPut(dir.path(), "claims", key, original));
  EXPECT_TRUE(Verify(dir.path()).ok);
}

TEST(Audit, ARemovedRetractionIsFound) {
  TempDir dir;
  Build(dir.path());
  ASSERT_OK(TEST_RawPut(dir.path(), "claims", EncodeClaimKey(1, kClaimRetractionTag), std::nullopt));
  AuditReport r = Verify(dir.path());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_tx, 5u) << r.problem;
}

}  // namespace
}  // namespace claimgraph::storage
