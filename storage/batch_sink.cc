// Online commits: one WriteBatch across all column families, WAL on, synced.
#include <rocksdb/write_batch.h>

#include <map>

#include "storage/commit_sink.h"
#include "storage/posting_list.h"
#include "storage/replication.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

class BatchSink final : public CommitSink {
 public:
  explicit BatchSink(RocksClaimStore* store) : store_(store) {}

  void Put(Cf cf, std::string key, std::string value) override {
    Check(batch_.Put(store_->cf(cf), key, value));
  }

  void PutIndexEntries(const IndexEntry& e) override {
    std::string value = EncodeIndexValue(e);
    // Format 2 has no pos entries: po_postings answers every pattern pos did.
    for (TripleIndex index : {TripleIndex::kSpo, TripleIndex::kOsp})
      Check(batch_.Put(store_->cf(CfOf(index)), EncodeTripleKey(index, e.subject, e.predicate, e.object, e.claim), value));
    for (PostingKind kind : {PostingKind::kSubjectPredicate, PostingKind::kPredicateObject})
      postings_[static_cast<int>(kind)][PostingKeyOf(kind, e)].push_back(PostingOf(kind, e));
    Check(batch_.Put(store_->cf(Cf::kBySource), EncodeBySourceKey(e.source, e.claim), EncodeBySourceValue(e)));
  }

  void RetractStreamed(uint64_t, TxId) override {}  // online commits do not stream

  Result<std::string> EncodeForReplication() override {
    CG_RETURN_IF_ERROR(status_);
    CG_RETURN_IF_ERROR(AddPostingLists());
    return EncodeReplicatedBatch(*store_, batch_);
  }

  Status Finish() override {
    CG_RETURN_IF_ERROR(status_);
    CG_RETURN_IF_ERROR(AddPostingLists());
    rocksdb::WriteOptions wo;
    // In a cluster the stream has stored the transaction (replicated) before
    // this write: a local write lost to a power cut is replayed from it
    // (storage/replication.h), so it need not wait for the disk.
    wo.sync = store_->options().sync_commits && store_->commit_publisher() == nullptr;
    return FromRocks(store_->db()->Write(wo, &batch_), "committing transaction");
  }

 private:
  // One merge operand per list this transaction touches: its own postings,
  // sorted, one per claim (a claim asserted and retracted in this
  // transaction arrives twice; the later wins). The list itself is not read:
  // the merge operator folds the operand in when the list is next read,
  // flushed or compacted (posting_list.h), so a commit on a hub costs its own
  // claims. The operands go in the same WriteBatch as the claims, so a crash
  // leaves all of the commit or none of it.
  Status AddPostingLists() {
    if (postings_added_) return status_;  // EncodeForReplication added them
    postings_added_ = true;
    std::string operand;
    for (PostingKind kind : {PostingKind::kSubjectPredicate, PostingKind::kPredicateObject}) {
      const Cf cf = CfOf(kind);
      for (auto& [key, updates] : postings_[static_cast<int>(kind)]) {
        std::vector<Posting> sorted;
        UpsertPostings(&sorted, std::move(updates));
        EncodePostingList(sorted, &operand);
        Check(batch_.Merge(store_->cf(cf), key, operand));
      }
    }
    return status_;
  }

  void Check(const rocksdb::Status& s) {
    if (!s.ok() && status_.ok()) status_ = FromRocks(s, "building write batch");
  }
  RocksClaimStore* store_;
  rocksdb::WriteBatch batch_;
  std::map<std::string, std::vector<Posting>> postings_[2];  // by PostingKind, then list key
  Status status_;
  bool postings_added_ = false;
};

}  // namespace

std::unique_ptr<CommitSink> NewBatchSink(RocksClaimStore* store) { return std::make_unique<BatchSink>(store); }

}  // namespace claimgraph::storage
