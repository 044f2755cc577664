// VerifyIndexes: the derived indexes against the claim records they derive from.
//
// Why: VerifyLog proves the log and the claim records unaltered, but answers
// are read from spo, osp, the posting lists and by_source; an entry changed, added or
// removed there would change answers without touching what VerifyLog checks.
// Every entry of every index must equal its claim record (triple, asserted and
// retracted tx, source, modality, and the confidence code format 4 carries:
// an entry claiming a confidence its record does not have would change
// BELIEF), and every claim must appear in each index exactly once.
#include <rocksdb/iterator.h>

#include <vector>

#include "storage/byte_codec.h"
#include "storage/posting_list.h"
#include "storage/rocks_internal.h"

namespace claimgraph::storage {
namespace {

std::string Describe(const IndexEntry& e) {
  return "(s " + std::to_string(e.subject) + ", p " + std::to_string(e.predicate) + ", o " + std::to_string(e.object) +
         ", asserted tx " + std::to_string(e.asserted_tx) + ", retracted tx " + std::to_string(e.retracted_tx) +
         ", source " + std::to_string(e.source) + ", modality " + ModalityName(e.modality) + ", confidence code " +
         std::to_string(e.confidence) + ")";
}

// Checks one index's entries, in any order, against the claims.
class IndexCheck {
 public:
  IndexCheck(const std::vector<std::optional<IndexEntry>>& expected, const char* index, AuditReport* report)
      : expected_(expected), seen_(expected.size(), false), index_(index), report_(report) {}

  // False once a problem is recorded (the report names the first).
  bool Entry(const IndexEntry& e) {
    if (e.claim >= expected_.size() || !expected_[e.claim])
      return Fail(std::string(index_) + " holds claim " + std::to_string(e.claim) + ", which has no claim record");
    if (seen_[e.claim]) return Fail(std::string(index_) + " holds claim " + std::to_string(e.claim) + " twice");
    seen_[e.claim] = true;
    if (!(e == *expected_[e.claim]))
      return Fail("claim " + std::to_string(e.claim) + ": its " + index_ + " entry " + Describe(e) +
                  " differs from the claim record " + Describe(*expected_[e.claim]));
    return true;
  }
  bool Complete() {
    for (ClaimId id = 0; id < expected_.size(); ++id)
      if (expected_[id] && !seen_[id]) return Fail("claim " + std::to_string(id) + " is missing from " + index_);
    return true;
  }
  bool Fail(std::string problem) {
    report_->ok = false;
    report_->problem = std::move(problem);
    return false;
  }

 private:
  const std::vector<std::optional<IndexEntry>>& expected_;
  std::vector<bool> seen_;
  const char* index_;
  AuditReport* report_;
};

}  // namespace

Result<AuditReport> RocksClaimStore::VerifyIndexes() const {
  // No commit may run between reading the claims and reading the indexes.
  std::lock_guard<std::mutex> lock(writer_mutex());
  AuditReport report;
  std::vector<std::optional<IndexEntry>> expected(head().counters.next_claim);
  {
    CG_ASSIGN_OR_RETURN(auto view, NewReadView(std::nullopt));
    CG_RETURN_IF_ERROR(view->ForEachClaim([&](const Claim& c) -> Status {
      if (c.id >= expected.size()) expected.resize(c.id + 1);
      expected[c.id] = IndexEntryOf(c, c.asserted_tx, c.retracted_tx);
      ++report.claims_checked;
      return Status::Ok();
    }));
  }
  for (TripleIndex index : {TripleIndex::kSpo, TripleIndex::kOsp}) {
    IndexCheck check(expected, CfName(CfOf(index)), &report);
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(CfOf(index))));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      IndexEntry e;
      if (!DecodeIndexEntry(index, it->key().ToStringView(), it->value().ToStringView(), &e)) {
        check.Fail(std::string("malformed entry in ") + CfName(CfOf(index)));
        return report;
      }
      if (!check.Entry(e)) return report;
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning an index"));
    if (!check.Complete()) return report;
  }
  {  // format 2 keeps no pos entries: any there were written behind the store's back
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(Cf::kPos)));
    it->SeekToFirst();
    if (it->Valid()) {
      report.ok = false;
      report.problem = "pos holds entries, which format 2 never writes";
      return report;
    }
  }
  {  // by_source: each claim under its own source, with its whole entry (format 6)
    IndexCheck check(expected, CfName(Cf::kBySource), &report);
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(Cf::kBySource)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string_view key = it->key().ToStringView(), value = it->value().ToStringView();
      IndexEntry e;
      bool decoded;
      if (value.empty()) {  // a format-5 entry, read through the claim record: only its key can be wrong
        decoded = DecodeBySourceKey(key, &e.source, &e.claim);
        if (decoded && e.claim < expected.size() && expected[e.claim]) {
          const SourceId source = e.source;
          e = *expected[e.claim];
          e.source = source;
        }
      } else {
        decoded = DecodeBySourceEntry(key, value, &e);
      }
      if (!decoded) {
        check.Fail("malformed entry in by_source");
        return report;
      }
      if (!check.Entry(e)) return report;
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning by_source"));
    if (!check.Complete()) return report;
  }
  for (PostingKind kind : {PostingKind::kSubjectPredicate, PostingKind::kPredicateObject}) {
    const Cf lists = CfOf(kind);
    IndexCheck check(expected, CfName(lists), &report);
    std::unique_ptr<rocksdb::Iterator> it(db()->NewIterator(rocksdb::ReadOptions(), cf(lists)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      uint64_t first, second;
      if (!DecodePostingKey(it->key().ToStringView(), &first, &second)) {
        check.Fail(std::string("malformed key in ") + CfName(lists));
        return report;
      }
      PostingDecoder decoder(it->value().ToStringView());
      Posting p;
      while (decoder.Next(&p))
        if (!check.Entry(EntryOf(kind, first, second, p))) return report;
      if (!decoder.ok()) {
        check.Fail(std::string("malformed list in ") + CfName(lists));
        return report;
      }
    }
    CG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning posting lists"));
    if (!check.Complete()) return report;
  }
  return report;
}

}  // namespace claimgraph::storage
