// Hash join of a plain pattern: built once from a scan of the pattern with
// its constants only, probed with each input row's join variables.
#include <unordered_map>

#include "engine/executor/pattern_step.h"

namespace claimgraph::engine {
namespace {

struct KeyHash {
  size_t operator()(const std::vector<uint64_t>& k) const {
    size_t h = 1469598103934665603ull;
    for (uint64_t v : k) h = (h ^ v) * 1099511628211ull;
    return h;
  }
};

class HashJoinStep final : public Step {
 public:
  HashJoinStep(ExecContext* ctx, const BoundPattern& p, std::vector<int> join_slots)
      : ctx_(ctx), join_slots_(std::move(join_slots)), scan_(NewPatternStep(ctx, p)) {
    for (int s : p.Slots()) pattern_slots_.push_back(s);
  }

  Status Begin(const Row& row) override {
    if (!built_) CG_RETURN_IF_ERROR(Build(row.slots.size()));
    key_.clear();
    for (int s : join_slots_) key_.push_back(row.slots[s]);
    auto range = table_.equal_range(key_);
    it_ = range.first;
    end_ = range.second;
    return Status::Ok();
  }

  Result<bool> Advance(Row& row) override {
    if (it_ == end_) return false;
    const Entry& e = it_->second;
    ++it_;
    for (size_t i = 0; i < pattern_slots_.size(); ++i) row.slots[pattern_slots_[i]] = e.values[i];
    row.provenance.insert(row.provenance.end(), provenance_.begin() + e.provenance_begin,
                          provenance_.begin() + e.provenance_begin + e.provenance_size);
    return true;
  }

 private:
  struct Entry {
    std::vector<uint64_t> values;  // parallel to pattern_slots_
    uint32_t provenance_begin = 0, provenance_size = 0;  // a range of provenance_
  };

  Status Build(size_t slots) {
    built_ = true;
    Row row{std::vector<uint64_t>(slots, 0), {}};
    CG_RETURN_IF_ERROR(scan_->Begin(row));
    while (true) {
      CG_RETURN_IF_ERROR(ctx_->Tick());
      Row r = row;
      CG_ASSIGN_OR_RETURN(bool got, scan_->Advance(r));
      if (!got) break;
      Entry e;
      for (int s : pattern_slots_) e.values.push_back(r.slots[s]);
      // All entries' claims live in one vector: no allocation per entry.
      e.provenance_begin = static_cast<uint32_t>(provenance_.size());
      e.provenance_size = static_cast<uint32_t>(r.provenance.size());
      provenance_.insert(provenance_.end(), r.provenance.begin(), r.provenance.end());
      std::vector<uint64_t> key;
      for (int s : join_slots_) key.push_back(r.slots[s]);
      CG_RETURN_IF_ERROR(ctx_->Charge(64 + 16 * (e.values.size() + key.size()) + 8 * e.provenance_size));
      table_.emplace(std::move(key), std::move(e));
    }
    return Status::Ok();
  }

  ExecContext* ctx_;
  std::vector<int> join_slots_, pattern_slots_;
  std::unique_ptr<Step> scan_;
  bool built_ = false;
  std::unordered_multimap<std::vector<uint64_t>, Entry, KeyHash> table_;
  std::vector<storage::ClaimId> provenance_;
  std::vector<uint64_t> key_;
  std::unordered_multimap<std::vector<uint64_t>, Entry, KeyHash>::const_iterator it_, end_;
};

}  // namespace

std::unique_ptr<Step> NewHashJoinStep(ExecContext* ctx, const BoundPattern& pattern, std::vector<int> join_slots) {
  return std::make_unique<HashJoinStep>(ctx, pattern, std::move(join_slots));
}

}  // namespace claimgraph::engine
