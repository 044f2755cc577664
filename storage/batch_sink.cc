// Online commits: one WriteBatch across all column families, WAL on, synced.
#include <rocksdb/write_batch.h>

#include <map>

#include "storage/commit_sink.h"
#include "storage/posting_list.h"
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
  }

  void PutBySource(SourceId source, ClaimId claim) override {
    Check(batch_.Put(store_->cf(Cf::kBySource), EncodeBySourceKey(source, claim), ""));
  }

  void RetractStreamed(uint64_t, TxId) override {}  // online commits do not stream

  Status Finish() override {
    CG_RETURN_IF_ERROR(status_);
    CG_RETURN_IF_ERROR(AddPostingLists());
    rocksdb::WriteOptions wo;
    wo.sync = store_->options().sync_commits;
    return FromRocks(store_->db()->Write(wo, &batch_), "committing transaction");
  }

 private:
  // Read-modify-write of every list this transaction touches. The writer
  // lock is held from BeginWrite to here, so the lists read are the newest.
  // A hub's list is rewritten whole by each transaction that touches it: one
  // write per list per transaction, however many claims it adds.
  Status AddPostingLists() {
    for (PostingKind kind : {PostingKind::kSubjectPredicate, PostingKind::kPredicateObject}) {
      const Cf cf = CfOf(kind);
      for (auto& [key, updates] : postings_[static_cast<int>(kind)]) {
        std::vector<Posting> list;
        CG_RETURN_IF_ERROR(store_->ReadPostingList(cf, key, &list));
        UpsertPostings(&list, std::move(updates));
        Check(batch_.Put(store_->cf(cf), key, EncodePostingList(list)));
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
};

}  // namespace

std::unique_ptr<CommitSink> NewBatchSink(RocksClaimStore* store) { return std::make_unique<BatchSink>(store); }

}  // namespace claimgraph::storage
