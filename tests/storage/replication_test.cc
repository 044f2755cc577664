// Cluster replication inside the store (storage/replication.h): a commit on
// one store, published through a recording publisher, applied to another
// store gives the same history — same transactions, same hash chain, same
// indexes — and the store refuses what would fork or skip its chain.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/storage/store_fixture.h"

namespace claimgraph::storage {
namespace {

using testing::Begin;
using testing::OpenStore;
using testing::TempDir;
using testing::ValueOrDie;

// The stream, in memory: stores every payload at the next sequence, or
// fails every publish with `fail` when set.
class RecordingPublisher final : public CommitPublisher {
 public:
  Result<uint64_t> Publish(TxId tx, std::string_view hash, uint64_t expected_last, std::string_view payload,
                           base::Deadline) override {
    if (!fail.ok()) return fail;
    EXPECT_EQ(expected_last, stream.size()) << "tx " << tx << " expects the stream's last sequence";
    EXPECT_EQ(hash.size(), 32u);
    stream.emplace_back(payload);
    return stream.size();
  }
  std::vector<std::string> stream;
  Status fail = Status::Ok();
};

// Two transactions: names, then claims, one retracted and one deprecated.
void WriteHistory(ClaimStore* store) {
  EntityId a, b;
  PredicateId p;
  SourceId s;
  {
    auto tx = Begin(store);
    a = ValueOrDie(tx->ResolveOrCreateEntity("A"));
    b = ValueOrDie(tx->ResolveOrCreateEntity("B"));
    p = ValueOrDie(tx->ResolveOrDeclarePredicate("pact"));
    s = ValueOrDie(tx->UpsertSource({"doc", "Title", "", "", "", ""}));
    ValueOrDie(tx->Commit());
  }
  std::vector<ClaimId> ids;
  {
    auto tx = Begin(store);
    for (int i = 0; i < 3; ++i) {
      ClaimInput in;
      in.subject = i == 2 ? b : a;
      in.predicate = p;
      in.object = i == 2 ? a : b;
      in.source = s;
      in.quote = "quote " + std::to_string(i);
      ids.push_back(ValueOrDie(tx->Assert(in)));
    }
    ValueOrDie(tx->Commit());
  }
  auto tx = Begin(store);
  ASSERT_TRUE(tx->Retract(ids[0], "wrong").ok());
  ASSERT_TRUE(tx->SetDeprecated(Mark::Target::kClaim, ids[1], true, "outdated").ok());
  ValueOrDie(tx->Commit());
}

// WriteHistory's commits, each recorded as the stream would carry it.
void PublishHistory(ClaimStore* writer, RecordingPublisher* stream) {
  writer->SetCommitPublisher(stream);
  WriteHistory(writer);
  writer->SetCommitPublisher(nullptr);
}

std::string HeadHash(const ClaimStore& store) {
  auto view = ValueOrDie(store.NewReadView());
  return ValueOrDie(view->GetTx(view->last_tx())).hash;
}

TEST(ReplicationTest, AppliedStreamGivesTheWritersHistory) {
  TempDir da, db;
  RecordingPublisher stream;
  auto writer = OpenStore(da.path());
  PublishHistory(writer.get(), &stream);
  ASSERT_EQ(stream.stream.size(), 3u);
  ReplicationPosition at = ValueOrDie(writer->GetReplicationPosition());
  EXPECT_EQ(at.sequence, 3u);
  EXPECT_EQ(at.tx, writer->LastTx());
  EXPECT_EQ(at.hash, HeadHash(*writer));

  auto follower = OpenStore(db.path());
  for (size_t i = 0; i < stream.stream.size(); ++i)
    EXPECT_TRUE(ValueOrDie(follower->ApplyReplicated(i + 1, stream.stream[i])));
  EXPECT_EQ(follower->LastTx(), writer->LastTx());
  EXPECT_EQ(HeadHash(*follower), HeadHash(*writer));
  EXPECT_EQ(ValueOrDie(follower->GetReplicationPosition()).sequence, 3u);
  EXPECT_TRUE(ValueOrDie(follower->VerifyLog()).ok);
  AuditReport indexes = ValueOrDie(follower->VerifyIndexes());
  EXPECT_TRUE(indexes.ok) << indexes.problem;

  // What a reader sees: names, the live claims (not the retracted or the
  // deprecated one), the marks.
  auto wv = ValueOrDie(writer->NewReadView());
  auto fv = ValueOrDie(follower->NewReadView());
  EntityId a = ValueOrDie(fv->FindEntity("A"));
  EXPECT_EQ(a, ValueOrDie(wv->FindEntity("A")));
  TriplePattern all;
  EXPECT_EQ(testing::ScanIds(*fv, all), testing::ScanIds(*wv, all));
  EXPECT_EQ(testing::ScanIds(*fv, all).size(), 1u);
  EXPECT_EQ(ValueOrDie(fv->FindSource("doc")).title, "Title");

  // A redelivered message is skipped, not applied twice.
  EXPECT_FALSE(ValueOrDie(follower->ApplyReplicated(2, stream.stream[1])));
  EXPECT_EQ(follower->LastTx(), writer->LastTx());

  // The follower's own commits go on from the same head: its next tx
  // continues the chain the writer built.
  auto tx = Begin(follower.get());
  ValueOrDie(tx->ResolveOrCreateEntity("C"));
  CommitInfo next = ValueOrDie(tx->Commit());
  EXPECT_EQ(next.tx, writer->LastTx() + 1);
  EXPECT_TRUE(ValueOrDie(follower->VerifyLog()).ok);
}

TEST(ReplicationTest, AGapIsRefusedAndWritesNothing) {
  TempDir da, db;
  RecordingPublisher stream;
  auto writer = OpenStore(da.path());
  PublishHistory(writer.get(), &stream);
  auto follower = OpenStore(db.path());
  auto applied = follower->ApplyReplicated(2, stream.stream[1]);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().message().find("cannot catch up"), std::string::npos) << applied.status().ToString();
  EXPECT_EQ(follower->LastTx(), 0u);
}

// A transaction that spans several stream messages (its parts, or an
// abandoned set before it) is applied from the first of them, and the store
// records the last; the first must still be the next one.
TEST(ReplicationTest, ATransactionSpanningSeveralMessagesRecordsItsLast) {
  TempDir da, db;
  RecordingPublisher stream;
  auto writer = OpenStore(da.path());
  PublishHistory(writer.get(), &stream);
  ASSERT_GE(stream.stream.size(), 2u);
  auto follower = OpenStore(db.path());
  auto gap = follower->ApplyReplicated(2, 4, stream.stream[0]);
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.status().message().find("cannot catch up"), std::string::npos) << gap.status().ToString();
  EXPECT_FALSE(follower->ApplyReplicated(5, 4, stream.stream[0]).ok()) << "not a range";
  EXPECT_EQ(follower->LastTx(), 0u);

  ASSERT_TRUE(ValueOrDie(follower->ApplyReplicated(1, 4, stream.stream[0])));
  EXPECT_EQ(ValueOrDie(follower->GetReplicationPosition()).sequence, 4u);
  EXPECT_FALSE(ValueOrDie(follower->ApplyReplicated(3, 4, stream.stream[0]))) << "applied already";
  ASSERT_TRUE(ValueOrDie(follower->ApplyReplicated(5, 5, stream.stream[1])));
  EXPECT_EQ(ValueOrDie(follower->GetReplicationPosition()).sequence, 5u);
  EXPECT_EQ(follower->LastTx(), 2u);
  EXPECT_TRUE(ValueOrDie(follower->VerifyLog()).ok);
}

TEST(ReplicationTest, ATransactionThatDoesNotContinueTheChainIsRefused) {
  TempDir da, db;
  RecordingPublisher stream;
  auto writer = OpenStore(da.path());
  PublishHistory(writer.get(), &stream);
  auto other = OpenStore(db.path());
  {
    auto tx = Begin(other.get());
    ValueOrDie(tx->ResolveOrCreateEntity("Z"));
    ValueOrDie(tx->Commit());
  }
  auto applied = other->ApplyReplicated(1, stream.stream[0]);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.status().message().find("diverged"), std::string::npos) << applied.status().ToString();
  EXPECT_EQ(other->LastTx(), 1u);
  EXPECT_EQ(ValueOrDie(other->GetReplicationPosition()).sequence, 0u);

  // A payload changed in transit breaks the record's hash or digest.
  TempDir dc;
  auto fresh = OpenStore(dc.path());
  std::string bad = stream.stream[1];
  bad[bad.size() / 2] ^= 0x01;
  ASSERT_TRUE(ValueOrDie(fresh->ApplyReplicated(1, stream.stream[0])));
  EXPECT_FALSE(fresh->ApplyReplicated(2, bad).ok());
  EXPECT_EQ(fresh->LastTx(), 1u);
}

TEST(ReplicationTest, AFailedPublishWritesNothing) {
  TempDir da;
  RecordingPublisher stream;
  stream.fail = Status::IOError("cut off from NATS");
  auto store = OpenStore(da.path());
  store->SetCommitPublisher(&stream);
  auto tx = Begin(store.get());
  ValueOrDie(tx->ResolveOrCreateEntity("A"));
  auto committed = tx->Commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_EQ(committed.status().code(), StatusCode::kIOError);
  EXPECT_EQ(store->LastTx(), 0u);
  tx.reset();
  EXPECT_EQ(ValueOrDie(store->NewReadView())->FindEntity("A").status().code(), StatusCode::kNotFound);

  // A bulk commit cannot go through the stream: refused.
  stream.fail = Status::Ok();
  auto bulk = Begin(store.get(), "tester", /*bulk=*/true);
  ValueOrDie(bulk->ResolveOrCreateEntity("B"));
  EXPECT_EQ(bulk->Commit().status().code(), StatusCode::kFailedPrecondition);
  bulk.reset();  // releases the writer lock SetCommitPublisher takes
  store->SetCommitPublisher(nullptr);
}

}  // namespace
}  // namespace claimgraph::storage
