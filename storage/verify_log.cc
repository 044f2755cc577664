// VerifyLog: the hash-chained transaction log and the claim records it vouches for.
//
// Walks txlog from tx 1 at one snapshot. Each record must hash to its stored
// hash, carry its own tx id and the previous record's hash (so a record
// changed, removed or reordered breaks the chain), and its records_digest
// must equal the SHA-256 recomputed over the claim and retraction records the
// transaction wrote (so a changed claim record is caught too). The log must
// end where meta's counters say it does. The marks family (deprecations,
// which decide what answers show) must hold exactly the marks the log
// records, each as recorded. VerifyIndexes (verify_indexes.cc)
// checks what is derived from those records.
#include <rocksdb/iterator.h>

#include <set>

#include "storage/marks.h"
#include "storage/record_reader.h"
#include "storage/rocks_internal.h"
#include "storage/tx_log.h"

namespace claimgraph::storage {

Result<AuditReport> RocksClaimStore::VerifyLog() const {
  AuditReport report;
  const ScopedSnapshot snapshot(db_.get());
  const RecordReader records(this, snapshot.get());
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();
  CG_ASSIGN_OR_RETURN(const Counters counters, records.GetCounters());

  auto fail = [&](TxId tx, std::string problem) {
    report.ok = false;
    report.first_bad_tx = tx;
    report.problem = std::move(problem);
    return report;
  };
  // A record this transaction wrote, added to its digest. Unreadable counts
  // as missing: either way the log no longer vouches for it.
  std::string record;
  auto add = [&](RecordsDigest* digest, ClaimId claim, uint8_t tag) {
    auto found = records.GetIfPresent(Cf::kClaims, EncodeClaimKey(claim, tag), "a claim record", &record);
    if (!found.ok() || !*found) return false;
    digest->Add(record);
    return true;
  };

  std::set<std::string> mark_keys;  // every mark the log records
  std::string prev_hash(kHashSize, '\0');
  TxId expected = 1;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kTxlog)));
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++expected) {
    TxId tx;
    if (!DecodeTxKey(it->key().ToStringView(), &tx))
      return fail(expected, "txlog has a malformed key");
    if (tx != expected)
      return fail(expected, tx > expected ? "record is missing (the log jumps to tx " + std::to_string(tx) + ")"
                                          : "record is out of order");
    std::string_view value(it->value().data(), it->value().size());
    if (!VerifyTxRecordHash(value)) return fail(tx, "record hash does not match its contents");
    TxRecord rec;
    Status st = DecodeTxRecord(value, &rec);
    if (!st.ok()) return fail(tx, st.message());
    if (rec.tx != tx) return fail(tx, "record carries tx " + std::to_string(rec.tx) + " (moved or reordered)");
    if (rec.prev_hash != prev_hash) return fail(tx, "previous-hash link is broken (a record before it was changed, removed or reordered)");
    // Recompute the digest of every claim record this transaction wrote.
    RecordsDigest digest;
    for (const auto& op : rec.ops) {
      if (op.kind == TxOperation::Kind::kAssertRange) {
        for (ClaimId c = op.first; c < op.first + op.count; ++c) {
          if (!add(&digest, c, kClaimAssertionTag)) return fail(tx, "claim " + std::to_string(c) + " record is missing");
          ++report.claims_checked;
        }
      } else if (op.kind == TxOperation::Kind::kRetract) {
        if (!add(&digest, op.first, kClaimRetractionTag))
          return fail(tx, "retraction record of claim " + std::to_string(op.first) + " is missing");
      } else if (op.kind == TxOperation::Kind::kMark) {
        Mark m;
        if (!DecodeMarkOp(op, tx, &m)) return fail(tx, "a mark operation is malformed");
        std::string key = EncodeMarkKey(m), value;
        const std::string what = std::string("the mark of ") + MarkTargetName(m.target) + " " + std::to_string(m.id);
        auto found = records.GetIfPresent(Cf::kMarks, key, "a mark", &value);
        if (!found.ok() || !*found) return fail(tx, what + " is missing");
        if (value != EncodeMarkValue(m)) return fail(tx, what + " was changed");
        mark_keys.insert(std::move(key));
      }
    }
    if (digest.Finish() != rec.records_digest)
      return fail(tx, "claim records written by this transaction were changed");
    prev_hash = rec.hash;
    ++report.transactions_checked;
  }
  CG_RETURN_IF_ERROR(FromRocks(it->status(), "reading txlog"));
  std::unique_ptr<rocksdb::Iterator> marks(db_->NewIterator(ro, cf(Cf::kMarks)));
  for (marks->SeekToFirst(); marks->Valid(); marks->Next()) {
    if (mark_keys.count(marks->key().ToString())) continue;
    Mark m;
    if (!DecodeMark(marks->key().ToStringView(), marks->value().ToStringView(), &m))
      return fail(expected, "the marks family holds a malformed entry");
    return fail(m.tx, std::string("the marks family holds a mark of ") + MarkTargetName(m.target) + " " +
                          std::to_string(m.id) + " that the log does not record");
  }
  CG_RETURN_IF_ERROR(FromRocks(marks->status(), "reading marks"));
  if (expected - 1 != counters.last_tx) {
    if (expected - 1 < counters.last_tx)
      return fail(expected, "record is missing (the store's newest transaction is " + std::to_string(counters.last_tx) + ")");
    return fail(counters.last_tx + 1, "record exists beyond the store's newest transaction " +
                                          std::to_string(counters.last_tx));
  }
  return report;
}

}  // namespace claimgraph::storage
