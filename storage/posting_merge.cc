#include "storage/posting_merge.h"

#include <string_view>
#include <vector>

#include "storage/posting_list.h"

namespace claimgraph::storage {
namespace {

// Not an AssociativeMergeOperator: that folds one operand at a time, which
// re-merges a hub's whole list once per pending operand. FullMergeV2 and
// PartialMergeMulti see every operand at once and fold them in one pass.
class PostingListUpsert final : public rocksdb::MergeOperator {
 public:
  // The name is recorded in table files; changing it is a format change.
  const char* Name() const override { return "claimgraph.PostingListUpsert"; }

  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    std::string_view base;
    if (in.existing_value) base = in.existing_value->ToStringView();
    std::vector<std::string_view> updates;
    updates.reserve(in.operand_list.size());
    for (const rocksdb::Slice& s : in.operand_list) updates.push_back(s.ToStringView());
    // False makes the read (or compaction) fail with Corruption: a malformed
    // list is reported, never silently dropped.
    return FoldPostingUpdates(in.existing_value ? &base : nullptr, updates, &out->new_value);
  }

  // Upserting is associative (the later update wins either way), so
  // operands fold into one operand without the base: what a flush does with
  // a hub's operands whose list is in an older file.
  bool PartialMergeMulti(const rocksdb::Slice&, const std::deque<rocksdb::Slice>& operands, std::string* out,
                         rocksdb::Logger*) const override {
    std::vector<std::string_view> updates;
    updates.reserve(operands.size());
    for (const rocksdb::Slice& s : operands) updates.push_back(s.ToStringView());
    return FoldPostingUpdates(nullptr, updates, out);
  }
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> PostingListMergeOperator() {
  static const std::shared_ptr<rocksdb::MergeOperator> op = std::make_shared<PostingListUpsert>();
  return op;
}

}  // namespace claimgraph::storage
