// Kept evidence through the engine: a batch that keeps its source's text (as
// ingestion does), SHOW SOURCE [WITH TEXT] and GetSource, AUDIT VERIFY
// EVIDENCE naming a changed text and a changed quote, and REDACT SOURCE.
#include <gtest/gtest.h>

#include "base/sha256.h"
#include "engine/batch_write.h"
#include "engine/engine.h"
#include "storage/claim_store.h"
#include "storage/key_codec.h"
#include "tests/storage/test_dir.h"

namespace claimgraph::engine {
namespace {

using testing::TempDir;

template <class T>
T ValueOrDie(Result<T> r) {
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

const std::string kText = "Japan and Britain signed a defence pact in London.";

class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Open();
    ValueOrDie(engine_->Execute("DEFINE PREDICATE pact SYMMETRIC", {}));  // tx 1; the claims are tx 2
    std::vector<ClaimDraft> drafts(2);
    for (auto& d : drafts) {
      d.predicate = "pact";
      d.source = {"doc-a", "A title", "", "", "", base::Sha256Hex(kText)};
      d.has_span = true;
      d.method = "rules:test";
    }
    drafts[0].subject = "Japan";
    drafts[0].object_text = "Britain";
    drafts[0].span_begin = 0;
    drafts[0].span_end = 5;
    drafts[0].quote = "Japan";
    drafts[1].subject = "Britain";
    drafts[1].object_text = "London";
    drafts[1].span_begin = 43;
    drafts[1].span_end = 49;
    drafts[1].quote = "London";
    const TextToKeep keep{"doc-a", kText};
    BatchResult b = ValueOrDie(AssertBatch(*engine_, drafts, "ingester", "", &keep));
    ASSERT_EQ(b.claim_ids.size(), 2u);
    first_ = b.claim_ids[0];
  }
  void Open() {
    store_ = ValueOrDie(storage::ClaimStore::Open(dir_.path(), storage::StoreOptions{}));
    engine_ = std::make_unique<Engine>(store_.get());
  }
  void Close() {
    engine_.reset();
    store_.reset();
  }
  std::string Field(const QueryResult& r, const std::string& name) {
    for (const auto& row : r.rows)
      if (row[0].ToString() == name) return row[1].ToString();
    return "<no field " + name + ">";
  }
  QueryResult Run(const std::string& statement, const std::string& principal = "local") {
    ExecuteOptions o;
    o.principal = principal;
    return ValueOrDie(engine_->Execute(statement, o));
  }
  TempDir dir_;
  std::unique_ptr<storage::ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
  ClaimId first_ = 0;
};

TEST_F(EvidenceTest, ShowSourceAndGetSourceSayTheTextIsKeptAndGiveItOnRequest) {
  QueryResult r = Run("SHOW SOURCE \"doc-a\"");
  EXPECT_EQ(Field(r, "text_state"), "kept");
  EXPECT_EQ(Field(r, "text_bytes"), std::to_string(kText.size()));
  EXPECT_EQ(Field(r, "claims"), "2");
  EXPECT_EQ(Field(r, "text"), "<no field text>");  // only WITH TEXT
  EXPECT_EQ(Field(Run("SHOW SOURCE \"doc-a\" WITH TEXT"), "text"), kText);
  SourceSummary s = ValueOrDie(engine_->GetSource("doc-a", true));
  EXPECT_EQ(s.evidence.state, "kept");
  EXPECT_EQ(s.evidence.text, kText);
  EXPECT_EQ(ValueOrDie(engine_->GetSource("doc-a")).evidence.text, "");
  EXPECT_EQ(engine_->Execute("SHOW SOURCE \"nope\"", {}).status().code(), StatusCode::kNotFound);
}

TEST_F(EvidenceTest, AuditVerifyEvidenceIsOkOnAnIntactStore) {
  QueryResult r = Run("AUDIT VERIFY EVIDENCE");
  VerifyReport report = ValueOrDie(engine_->Verify(false, true));
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(r.message, VerifyMessage(report));
  EXPECT_NE(r.message.find("\nevidence ok: 1 kept text (" + std::to_string(kText.size()) +
                           " bytes) match their SHA-256, 2 quotes match their spans"),
            std::string::npos)
      << r.message;
  ASSERT_EQ(r.columns.size(), 9u);
  EXPECT_EQ(r.columns[5], "evidence");
  EXPECT_EQ(r.rows[0][5].ToString(), "true");
  // Combinable with INDEXES, in either order.
  for (const char* both : {"AUDIT VERIFY INDEXES EVIDENCE", "AUDIT VERIFY EVIDENCE INDEXES"}) {
    QueryResult b = Run(both);
    EXPECT_NE(b.message.find("indexes ok"), std::string::npos) << b.message;
    EXPECT_NE(b.message.find("evidence ok"), std::string::npos) << b.message;
  }
}

TEST_F(EvidenceTest, AFlippedByteOfTheTextNamesItsSourceAndTheFirstClaimItBreaks) {
  Close();
  std::string changed = kText;
  changed[45] ^= 0x01;  // inside "London": the second claim breaks, the first does not
  ASSERT_TRUE(storage::TEST_RawPut(dir_.path(), "evidence", base::Sha256Digest(kText), "\x01" + changed).ok());
  Open();
  QueryResult r = Run("AUDIT VERIFY EVIDENCE");
  EXPECT_EQ(r.rows[0][0].ToString(), "false");
  EXPECT_EQ(r.message.substr(0, 9), "audit ok:") << r.message;  // the chain does not hold the text
  EXPECT_NE(r.message.find("\nEVIDENCE FAILED: the text of source \"doc-a\" no longer hashes to its SHA-256 " +
                           base::Sha256Hex(kText).substr(0, 16) + "...; the first claim it breaks is claim " +
                           std::to_string(first_ + 1) + " (its quote differs from bytes 43..49 of the text)"),
            std::string::npos)
      << r.message;
}

TEST_F(EvidenceTest, AFlippedByteOfAQuoteNamesTheClaim) {
  Close();
  const std::string key = storage::EncodeClaimKey(first_, storage::kClaimAssertionTag);
  std::string record = ValueOrDie(storage::TEST_RawGet(dir_.path(), "claims", key));
  record[record.find("Japan")] ^= 0x01;
  ASSERT_TRUE(storage::TEST_RawPut(dir_.path(), "claims", key, record).ok());
  Open();
  QueryResult r = Run("AUDIT VERIFY EVIDENCE");
  EXPECT_EQ(r.rows[0][0].ToString(), "false");
  // The log's digest of the claim record catches it too; each says so.
  EXPECT_EQ(r.message, "AUDIT FAILED at tx 2: claim records written by this transaction were changed\n"
                       "EVIDENCE FAILED: claim " + std::to_string(first_) +
                       " of source \"doc-a\": its quote differs from bytes 0..5 of the text");
}

TEST_F(EvidenceTest, RedactSourceRemovesTheTextKeepsTheClaimsAndTheChainVerifies) {
  EXPECT_EQ(engine_->Execute("REDACT SOURCE \"doc-a\"", {}).status().code(), StatusCode::kInvalidArgument);
  ExecuteOptions reader;
  reader.read_only = true;
  EXPECT_EQ(engine_->Execute("REDACT SOURCE \"doc-a\" REASON \"x\"", reader).status().code(),
            StatusCode::kPermissionDenied);
  QueryResult done = Run("REDACT SOURCE \"doc-a\" REASON \"takedown 7\"", "legal");
  EXPECT_EQ(done.stats.written_tx, 3u);
  EXPECT_NE(done.message.find("redacted the text of source \"doc-a\""), std::string::npos) << done.message;
  QueryResult shown = Run("SHOW SOURCE \"doc-a\" WITH TEXT");
  EXPECT_EQ(Field(shown, "text_state"), "redacted");
  EXPECT_TRUE(shown.rows.back()[1].is_null());  // WITH TEXT: no text to show
  EXPECT_EQ(Field(shown, "redacted_by"), "legal");
  EXPECT_EQ(Field(shown, "redact_reason"), "takedown 7");
  EXPECT_EQ(Field(shown, "redacted_tx"), "3");
  EXPECT_EQ(Field(shown, "sha256"), base::Sha256Hex(kText));
  EXPECT_EQ(Field(shown, "claims"), "2");
  EXPECT_EQ(ValueOrDie(engine_->GetClaim(first_)).quote, "Japan");
  VerifyReport report = ValueOrDie(engine_->Verify(true, true));
  EXPECT_TRUE(report.ok()) << VerifyMessage(report);
  EXPECT_EQ(report.transactions_checked, 3u);
  EXPECT_EQ(report.texts_redacted, 1u);
  EXPECT_NE(VerifyMessage(report).find("; 1 text redacted"), std::string::npos) << VerifyMessage(report);
  EXPECT_EQ(engine_->Execute("REDACT SOURCE \"doc-a\" REASON \"again\"", {}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace claimgraph::engine
