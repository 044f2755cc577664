// Kept evidence: ingested texts stored once by SHA-256, checked against their
// hashes and against the claims' quotes, and redacted by a logged takedown.
// Corruption goes straight to RocksDB (TEST_RawPut), as audit_test.cc does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/sha256.h"
#include "storage/evidence.h"
#include "storage/key_codec.h"
#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

const std::string kText = "Japan and Britain signed a defence pact. Later, France joined the zebracorn talks.";
const std::string kOther = "A different document about nothing in particular.";

std::string Key(const std::string& text) { return base::Sha256Digest(text); }

struct Built {
  SourceId a = 0, b = 0;
  ClaimId first = 0;  // claims first (span 0..5 "Japan"), first + 1 (span 10..17 "Britain")
};

// Source "doc-a" with kText and two claims quoting it; with `shared`, a second
// source "doc-b" with the same text (kept once).
Built Build(ClaimStore* store, bool shared = false) {
  Built b;
  auto tx = Begin(store);
  EntityId x = ValueOrDie(tx->ResolveOrCreateEntity("Japan"));
  EntityId y = ValueOrDie(tx->ResolveOrCreateEntity("Britain"));
  PredicateId p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
  const std::string sha = base::Sha256Hex(kText);
  b.a = ValueOrDie(tx->UpsertSource({"doc-a", "", "", "", "", sha}));
  EXPECT_TRUE(tx->KeepText(b.a, kText).ok());
  if (shared) {
    b.b = ValueOrDie(tx->UpsertSource({"doc-b", "", "", "", "", sha}));
    EXPECT_TRUE(tx->KeepText(b.b, kText).ok());
  }
  ClaimInput in;
  in.subject = x;
  in.predicate = p;
  in.object = y;
  in.source = b.a;
  in.has_span = true;
  in.span_begin = 0;
  in.span_end = 5;
  in.quote = "Japan";
  b.first = ValueOrDie(tx->Assert(in));
  in.span_begin = 10;
  in.span_end = 17;
  in.quote = "Britain";
  ValueOrDie(tx->Assert(in));
  ValueOrDie(tx->Commit());
  return b;
}

TEST(Evidence, ATextIsKeptOnceByItsSha256AndReadBack) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Build(store.get(), /*shared=*/true);
  auto view = ValueOrDie(store->NewReadView());
  Evidence e = ValueOrDie(view->GetEvidence(base::Sha256Hex(kText)));
  EXPECT_EQ(e.state, Evidence::State::kKept);
  EXPECT_EQ(e.text, kText);
  EXPECT_EQ(ValueOrDie(view->GetEvidence(base::Sha256Hex(kOther))).state, Evidence::State::kNone);
  EXPECT_EQ(ValueOrDie(view->GetEvidence("")).state, Evidence::State::kNone);
  // Two sources, one record; the log names the first source that kept it.
  TxRecord rec = ValueOrDie(view->GetTx(1));
  int kept = 0;
  for (const auto& op : rec.ops) kept += op.kind == TxOperation::Kind::kKeepText;
  EXPECT_EQ(kept, 1);
  view.reset();
  // Kept again under a third source: nothing new to write for the text.
  {
    auto tx = Begin(store.get());
    SourceId c = ValueOrDie(tx->UpsertSource({"doc-c", "", "", "", "", base::Sha256Hex(kText)}));
    ASSERT_OK(tx->KeepText(c, kText));
    ValueOrDie(tx->Commit());
  }
  auto after = ValueOrDie(store->NewReadView());
  for (const auto& op : ValueOrDie(after->GetTx(2)).ops) EXPECT_NE(op.kind, TxOperation::Kind::kKeepText);
  after.reset();
  store.reset();
  EXPECT_EQ(ValueOrDie(TEST_RawGet(dir.path(), "evidence", Key(kText))), EncodeKeptText(kText));
}

TEST(Evidence, KeepTextRefusesATextThatIsNotTheSourcesOwn) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  auto tx = Begin(store.get());
  SourceId s = ValueOrDie(tx->UpsertSource({"doc", "", "", "", "", base::Sha256Hex(kText)}));
  Status st = tx->KeepText(s, kOther);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition) << st.ToString();
  SourceId bare = ValueOrDie(tx->UpsertSource({"bare", "", "", "", "", ""}));
  EXPECT_EQ(tx->KeepText(bare, kText).code(), StatusCode::kFailedPrecondition);
}

TEST(Evidence, AnAbandonedTransactionKeepsNoText) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  {
    auto tx = Begin(store.get());
    SourceId s = ValueOrDie(tx->UpsertSource({"doc", "", "", "", "", base::Sha256Hex(kText)}));
    ASSERT_OK(tx->KeepText(s, kText));
  }  // no Commit
  EXPECT_EQ(ValueOrDie(ValueOrDie(store->NewReadView())->GetEvidence(base::Sha256Hex(kText))).state,
            Evidence::State::kNone);
  EXPECT_FALSE(TEST_RawGet(dir.path(), "evidence", Key(kText)).ok());
}

TEST(Evidence, AnIntactStoreVerifies) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Build(store.get(), true);
  EvidenceReport r = ValueOrDie(store->VerifyEvidence());
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.texts_checked, 1u);
  EXPECT_EQ(r.text_bytes, kText.size());
  EXPECT_EQ(r.quotes_checked, 2u);
  EXPECT_EQ(r.texts_redacted, 0u);
}

TEST(Evidence, AFlippedByteOfATextNamesItsSourceAndTheFirstClaimItBreaks) {
  TempDir dir;
  Built b;
  { b = Build(OpenStore(dir.path()).get()); }
  std::string changed = kText;
  changed[12] ^= 0x01;  // inside "Britain" (10..17): the second claim breaks, the first does not
  ASSERT_OK(TEST_RawPut(dir.path(), "evidence", Key(kText), EncodeKeptText(changed)));
  EvidenceReport r = ValueOrDie(OpenStore(dir.path())->VerifyEvidence());
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("the text of source \"doc-a\" no longer hashes"), std::string::npos) << r.problem;
  EXPECT_NE(r.problem.find("the first claim it breaks is claim " + std::to_string(b.first + 1)), std::string::npos)
      << r.problem;
  // A byte no quote reads: the text is still named.
  changed = kText;
  changed[50] ^= 0x01;
  ASSERT_OK(TEST_RawPut(dir.path(), "evidence", Key(kText), EncodeKeptText(changed)));
  r = ValueOrDie(OpenStore(dir.path())->VerifyEvidence());
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.find("no claim's quote reads the changed bytes"), std::string::npos) << r.problem;
}

TEST(Evidence, AFlippedByteOfAQuoteNamesTheClaim) {
  TempDir dir;
  Built b;
  { b = Build(OpenStore(dir.path()).get()); }
  const std::string key = EncodeClaimKey(b.first, kClaimAssertionTag);
  std::string record = ValueOrDie(TEST_RawGet(dir.path(), "claims", key));
  size_t at = record.find("Japan");
  ASSERT_NE(at, std::string::npos);
  record[at + 1] ^= 0x01;
  ASSERT_OK(TEST_RawPut(dir.path(), "claims", key, record));
  auto store = OpenStore(dir.path());
  EvidenceReport r = ValueOrDie(store->VerifyEvidence());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "claim " + std::to_string(b.first) + " of source \"doc-a\": its quote differs from bytes 0..5 of the text");
  EXPECT_FALSE(ValueOrDie(store->VerifyLog()).ok);  // the log's digest catches the record too
}

TEST(Evidence, ATextRemovedBehindTheStoresBackIsMissing) {
  TempDir dir;
  { Build(OpenStore(dir.path()).get()); }
  ASSERT_OK(TEST_RawPut(dir.path(), "evidence", Key(kText), std::nullopt));
  EvidenceReport r = ValueOrDie(OpenStore(dir.path())->VerifyEvidence());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem, "the text of source \"doc-a\" (kept in tx 1) is missing");
}

bool FilesHold(const std::string& dir, const std::string& needle) {
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(Evidence, ARedactionRemovesTheTextKeepsTheClaimsAndTheChainVerifies) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Built b = Build(store.get(), /*shared=*/true);
  {
    storage::WriteOptions o;
    o.principal = "legal";
    o.note = "REDACT SOURCE doc-b";
    auto tx = ValueOrDie(store->BeginWrite(o));
    ASSERT_OK(tx->RedactText(b.b, "takedown request 7"));
    EXPECT_EQ(ValueOrDie(tx->Commit()).tx, 2u);
  }
  auto view = ValueOrDie(store->NewReadView());
  Evidence e = ValueOrDie(view->GetEvidence(base::Sha256Hex(kText)));
  EXPECT_EQ(e.state, Evidence::State::kRedacted);  // for doc-a too: one text
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(e.redacted_tx, 2u);
  EXPECT_EQ(e.redacted_by, "legal");
  EXPECT_EQ(e.reason, "takedown request 7");
  EXPECT_EQ(e.redacted_source, b.b);
  // The log records it with its principal and reason; the chain verifies.
  TxRecord rec = ValueOrDie(view->GetTx(2));
  EXPECT_EQ(rec.principal, "legal");
  ASSERT_EQ(rec.ops.size(), 1u);
  EXPECT_EQ(rec.ops[0].kind, TxOperation::Kind::kRedact);
  EXPECT_EQ(rec.ops[0].record, EncodeRedactOp(Key(kText), "takedown request 7"));
  AuditReport log = ValueOrDie(store->VerifyLog());
  EXPECT_TRUE(log.ok) << log.problem;
  EXPECT_EQ(log.transactions_checked, 2u);
  // Claims and the hash stay; verification reports the redaction, not a failure.
  EXPECT_EQ(ValueOrDie(view->GetClaim(b.first)).quote, "Japan");
  EXPECT_EQ(ValueOrDie(view->FindSource("doc-a")).sha256, base::Sha256Hex(kText));
  EvidenceReport r = ValueOrDie(store->VerifyEvidence());
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.texts_redacted, 1u);
  EXPECT_EQ(r.texts_checked, 0u);
  EXPECT_EQ(r.quotes_checked, 0u);
  // Not redacted twice, and not kept again by a later ingestion of the text.
  {
    auto tx = Begin(store.get());
    EXPECT_EQ(tx->RedactText(b.a, "again").code(), StatusCode::kFailedPrecondition);
    SourceId c = ValueOrDie(tx->UpsertSource({"doc-c", "", "", "", "", base::Sha256Hex(kText)}));
    ASSERT_OK(tx->KeepText(c, kText));
    ValueOrDie(tx->Commit());
  }
  EXPECT_EQ(ValueOrDie(ValueOrDie(store->NewReadView())->GetEvidence(base::Sha256Hex(kText))).state,
            Evidence::State::kRedacted);
  // The bytes are gone from the store's files (log files and tables).
  ASSERT_OK(store->Flush());
  EXPECT_FALSE(FilesHold(dir.path(), "zebracorn"));
}

TEST(Evidence, RedactionNeedsAReasonAndAKeptText) {
  TempDir dir;
  auto store = OpenStore(dir.path());
  Built b = Build(store.get());
  auto tx = Begin(store.get());
  EXPECT_EQ(tx->RedactText(b.a, "").code(), StatusCode::kInvalidArgument);
  SourceId bare = ValueOrDie(tx->UpsertSource({"bare", "", "", "", "", ""}));
  EXPECT_EQ(tx->RedactText(bare, "why").code(), StatusCode::kFailedPrecondition);
  SourceId unkept = ValueOrDie(tx->UpsertSource({"unkept", "", "", "", "", base::Sha256Hex(kOther)}));
  EXPECT_EQ(tx->RedactText(unkept, "why").code(), StatusCode::kFailedPrecondition);
}

TEST(Evidence, AFormat2StoreGainsTheEvidenceFamilyWhenOpenedReadWrite) {
  TempDir dir;
  {
    auto store = OpenStore(dir.path());
    auto tx = Begin(store.get());
    ValueOrDie(tx->UpsertSource({"doc-a", "", "", "", "", base::Sha256Hex(kText)}));
    ValueOrDie(tx->Commit());
  }
  ASSERT_OK(TEST_DowngradeToFormat2(dir.path()));
  StoreOptions read_only;
  read_only.read_only = true;
  auto refused = ClaimStore::Open(dir.path(), read_only);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("format 2"), std::string::npos) << refused.status().ToString();
  {
    auto store = OpenStore(dir.path());  // migrates: the family is created, empty
    EXPECT_TRUE(ValueOrDie(store->VerifyEvidence()).ok);
    EXPECT_TRUE(ValueOrDie(store->VerifyLog()).ok);
    auto tx = Begin(store.get());  // and keeps texts from now on
    SourceId a = ValueOrDie(tx->FindSource("doc-a"));
    ASSERT_OK(tx->KeepText(a, kText));
    ValueOrDie(tx->Commit());
  }
  auto again = ValueOrDie(ClaimStore::Open(dir.path(), read_only));  // format 3 now: read-only opens
  EXPECT_EQ(ValueOrDie(ValueOrDie(again->NewReadView())->GetEvidence(base::Sha256Hex(kText))).text, kText);
  EXPECT_TRUE(ValueOrDie(again->VerifyEvidence()).ok);
}

}  // namespace
}  // namespace claimgraph::storage
