// Cluster replication inside the store: encoding a commit for the stream,
// publishing it before the write, and applying a transaction from the stream
// (replication.h, docs/scale-out.md).
#include "storage/replication.h"

#include <rocksdb/write_batch.h>

#include <set>
#include <vector>

#include "storage/byte_codec.h"
#include "storage/commit_sink.h"
#include "storage/marks.h"
#include "storage/rocks_internal.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {
namespace {

constexpr uint8_t kReplicatedTxVersion = 1;
enum class EntryOp : uint8_t { kPut = 1, kMerge = 2, kDelete = 3 };  // DO NOT CHANGE: in the stream

struct Entry {
  Cf cf;
  EntryOp op;
  std::string_view key, value;
};

// Column family ids are a store's own; the stream names families by Cf.
class BatchEncoder final : public rocksdb::WriteBatch::Handler {
 public:
  explicit BatchEncoder(const RocksClaimStore& store) : store_(store) {}
  rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    return Add(id, EntryOp::kPut, key, value);
  }
  rocksdb::Status MergeCF(uint32_t id, const rocksdb::Slice& key, const rocksdb::Slice& value) override {
    return Add(id, EntryOp::kMerge, key, value);
  }
  rocksdb::Status DeleteCF(uint32_t id, const rocksdb::Slice& key) override {
    return Add(id, EntryOp::kDelete, key, rocksdb::Slice());
  }
  std::string Finish() const {
    std::string out;
    out.push_back(static_cast<char>(kReplicatedTxVersion));
    PutVarint(&out, count_);
    out += entries_;
    return out;
  }

 private:
  rocksdb::Status Add(uint32_t id, EntryOp op, const rocksdb::Slice& key, const rocksdb::Slice& value) {
    for (int c = 0; c < static_cast<int>(Cf::kCount); ++c) {
      rocksdb::ColumnFamilyHandle* handle = store_.cf(static_cast<Cf>(c));
      if (handle && handle->GetID() == id) {
        entries_.push_back(static_cast<char>(c));
        entries_.push_back(static_cast<char>(op));
        PutLengthPrefixed(&entries_, std::string_view(key.data(), key.size()));
        PutLengthPrefixed(&entries_, std::string_view(value.data(), value.size()));
        ++count_;
        return rocksdb::Status::OK();
      }
    }
    return rocksdb::Status::InvalidArgument("column family id " + std::to_string(id) + " is not one of the store's");
  }
  const RocksClaimStore& store_;
  std::string entries_;
  uint64_t count_ = 0;
};

Status DecodeEntries(std::string_view payload, std::vector<Entry>* out) {
  ByteReader r(payload);
  const uint8_t version = r.Byte();
  if (r.ok() && version != kReplicatedTxVersion)
    return Status::FailedPrecondition("replicated transaction of format version " + std::to_string(version) +
                                      "; this claimgraphd reads version " + std::to_string(kReplicatedTxVersion));
  const uint64_t n = r.Varint();
  for (uint64_t i = 0; r.ok() && i < n; ++i) {
    Entry e;
    const uint8_t cf = r.Byte();
    const uint8_t op = r.Byte();
    e.key = r.LengthPrefixed();
    e.value = r.LengthPrefixed();
    if (!r.ok()) break;
    if (cf == 0 || cf >= static_cast<uint8_t>(Cf::kCount) || op < 1 || op > 3)
      return Status::Corruption("replicated transaction: entry " + std::to_string(i) + " has column family " +
                                std::to_string(cf) + " and operation " + std::to_string(op));
    e.cf = static_cast<Cf>(cf);
    e.op = static_cast<EntryOp>(op);
    out->push_back(e);
  }
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("replicated transaction: malformed payload");
  return Status::Ok();
}

}  // namespace

Result<std::string> EncodeReplicatedBatch(const RocksClaimStore& store, const rocksdb::WriteBatch& batch) {
  BatchEncoder encoder(store);
  CG_RETURN_IF_ERROR(FromRocks(batch.Iterate(&encoder), "encoding the transaction for the cluster"));
  return encoder.Finish();
}

std::string EncodeReplicationPosition(const ReplicationPosition& position) {
  std::string out;
  PutVarint(&out, position.sequence);
  PutVarint(&out, position.tx);
  PutLengthPrefixed(&out, position.hash);
  return out;
}

Result<ReplicationPosition> ReadReplicationPosition(const RocksClaimStore& store) {
  std::string value;
  rocksdb::Status s = store.db()->Get(rocksdb::ReadOptions(), store.cf(Cf::kMeta), kMetaReplicationApplied, &value);
  if (s.IsNotFound()) return ReplicationPosition{};
  CG_RETURN_IF_ERROR(FromRocks(s, "reading meta repl/applied"));
  ByteReader r(value);
  ReplicationPosition p;
  p.sequence = r.Varint();
  p.tx = r.Varint();
  p.hash = std::string(r.LengthPrefixed());
  if (!r.ok() || !r.AtEnd()) return Status::Corruption("meta repl/applied is malformed");
  return p;
}

Status PublishCommit(const RocksClaimStore& store, CommitPublisher& publisher, TxId tx, std::string_view hash,
                     CommitSink* sink, base::Deadline deadline) {
  CG_ASSIGN_OR_RETURN(std::string payload, sink->EncodeForReplication());
  CG_ASSIGN_OR_RETURN(ReplicationPosition applied, ReadReplicationPosition(store));
  CG_ASSIGN_OR_RETURN(uint64_t sequence, publisher.Publish(tx, hash, applied.sequence, payload, deadline));
  sink->Put(Cf::kMeta, std::string(kMetaReplicationApplied),
            EncodeReplicationPosition({sequence, tx, std::string(hash)}));
  return Status::Ok();
}

void RocksClaimStore::SetCommitPublisher(CommitPublisher* publisher) {
  std::lock_guard<std::mutex> lock(writer_mu_);  // not while a commit is publishing
  publisher_ = publisher;
}

Result<ReplicationPosition> RocksClaimStore::GetReplicationPosition() const {
  return ReadReplicationPosition(*this);
}

Result<bool> RocksClaimStore::ApplyReplicated(uint64_t first_sequence, uint64_t sequence, std::string_view payload) {
  std::lock_guard<std::mutex> writer(writer_mu_);
  CG_ASSIGN_OR_RETURN(ReplicationPosition applied, ReadReplicationPosition(*this));
  if (sequence <= applied.sequence) return false;
  if (first_sequence > sequence)
    return Status::InvalidArgument("stream sequences " + std::to_string(first_sequence) + " to " +
                                   std::to_string(sequence) + " are not a range");
  if (first_sequence != applied.sequence + 1)
    return Status::FailedPrecondition("cannot catch up: the stream gave sequence " + std::to_string(first_sequence) +
                                      " but this node has applied " + std::to_string(applied.sequence) +
                                      " (the messages between were purged: restore a snapshot)");
  std::vector<Entry> entries;
  CG_RETURN_IF_ERROR(DecodeEntries(payload, &entries));

  // The transaction must continue this store's chain: its record intact,
  // its number the next, its prev_hash our head, its claim records the
  // digest it names. Anything else is a diverged store: write nothing.
  const ChainHead head = this->head();
  const std::string where = "stream sequence " + std::to_string(sequence);
  std::optional<TxRecord> rec;
  std::optional<Counters> counters;
  RecordsDigest digest;
  for (const Entry& e : entries) {
    if (e.op != EntryOp::kPut) continue;
    if (e.cf == Cf::kTxlog) {
      if (rec) return Status::Corruption(where + ": two txlog records in one transaction");
      if (!VerifyTxRecordHash(e.value)) return Status::Corruption(where + ": the txlog record's hash does not match");
      rec.emplace();
      CG_RETURN_IF_ERROR(DecodeTxRecord(e.value, &*rec));
    } else if (e.cf == Cf::kMeta && e.key == kMetaCounters) {
      counters.emplace();
      CG_RETURN_IF_ERROR(DecodeCounters(e.value, &*counters));
    } else if (e.cf == Cf::kClaims) {
      digest.Add(e.value);
    }
  }
  if (!rec || !counters) return Status::Corruption(where + ": no txlog record or counters in the transaction");
  if (rec->tx != head.counters.last_tx + 1 || counters->last_tx != rec->tx)
    return Status::FailedPrecondition("diverged: " + where + " carries tx " + std::to_string(rec->tx) +
                                      " but this node's last tx is " + std::to_string(head.counters.last_tx));
  if (rec->prev_hash != head.last_hash)
    return Status::FailedPrecondition("diverged: tx " + std::to_string(rec->tx) + " (" + where +
                                      ") follows hash " + base::HexEncode(rec->prev_hash) + ", this node's head is " +
                                      base::HexEncode(head.last_hash));
  if (digest.Finish() != rec->records_digest)
    return Status::Corruption(where + ": the claim records do not match tx " + std::to_string(rec->tx) +
                              "'s records digest");

  rocksdb::WriteBatch batch;
  for (const Entry& e : entries) {
    rocksdb::ColumnFamilyHandle* handle = cf(e.cf);
    if (!handle) return Status::Corruption(where + ": a column family this store does not have");
    rocksdb::Status s = e.op == EntryOp::kPut     ? batch.Put(handle, e.key, e.value)
                        : e.op == EntryOp::kMerge ? batch.Merge(handle, e.key, e.value)
                                                  : batch.Delete(handle, e.key);
    CG_RETURN_IF_ERROR(FromRocks(s, "building the replicated write"));
  }
  CG_RETURN_IF_ERROR(FromRocks(
      batch.Put(cf(Cf::kMeta), kMetaReplicationApplied, EncodeReplicationPosition({sequence, rec->tx, rec->hash})),
      "building the replicated write"));

  // What the commit publishes after its write, rebuilt from the txlog record.
  std::vector<Mark> marks;
  std::set<EntityId> changed;
  std::set<SourceId> changed_sources;
  bool predicates_changed = false;
  for (const TxOperation& op : rec->ops) {
    if (op.kind == TxOperation::Kind::kEntity) changed.insert(op.first);
    if (op.kind == TxOperation::Kind::kSource) changed_sources.insert(op.first);
    if (op.kind == TxOperation::Kind::kPredicate) predicates_changed = true;
    if (op.kind == TxOperation::Kind::kMark) {
      Mark m;
      if (!DecodeMarkOp(op, rec->tx, &m)) return Status::Corruption(where + ": a malformed mark operation");
      marks.push_back(std::move(m));
    }
  }
  std::shared_ptr<const MarkTable> next_marks = MarkTable::Extend(*this->marks(), std::move(marks), rec->tx);
  // Unsynced: the stream holds this transaction; a write lost to a power cut
  // is applied again from it, repl/applied going back with it (one batch).
  rocksdb::WriteOptions wo;
  wo.sync = false;
  CG_RETURN_IF_ERROR(FromRocks(db()->Write(wo, &batch), "applying a replicated transaction"));
  PublishMarks(std::move(next_marks));
  ChainHead next = head;
  next.counters = *counters;
  next.last_hash = rec->hash;
  next.last_time_us = rec->time_us;
  PublishHeadAndInvalidate(next, changed, predicates_changed, changed_sources);
  return true;
}

}  // namespace claimgraph::storage
