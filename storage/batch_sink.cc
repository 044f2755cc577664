// Online commits: one WriteBatch across all column families, WAL on, synced.
#include <rocksdb/write_batch.h>

#include "storage/commit_sink.h"
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
    for (TripleIndex index : {TripleIndex::kSpo, TripleIndex::kPos, TripleIndex::kOsp})
      Check(batch_.Put(store_->cf(CfOf(index)), EncodeTripleKey(index, e.subject, e.predicate, e.object, e.claim), value));
  }

  void PutBySource(SourceId source, ClaimId claim) override {
    Check(batch_.Put(store_->cf(Cf::kBySource), EncodeBySourceKey(source, claim), ""));
  }

  void RetractStreamed(uint64_t, TxId) override {}  // online commits do not stream

  Status Finish() override {
    CG_RETURN_IF_ERROR(status_);
    rocksdb::WriteOptions wo;
    wo.sync = store_->options().sync_commits;
    return FromRocks(store_->db()->Write(wo, &batch_), "committing transaction");
  }

 private:
  void Check(const rocksdb::Status& s) {
    if (!s.ok() && status_.ok()) status_ = FromRocks(s, "building write batch");
  }
  RocksClaimStore* store_;
  rocksdb::WriteBatch batch_;
  Status status_;
};

}  // namespace

std::unique_ptr<CommitSink> NewBatchSink(RocksClaimStore* store) { return std::make_unique<BatchSink>(store); }

}  // namespace claimgraph::storage
