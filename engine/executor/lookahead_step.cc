#include "engine/executor/lookahead_step.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace claimgraph::engine {
namespace {

class LookaheadStep final : public Step {
 public:
  LookaheadStep(ExecContext* ctx, std::unique_ptr<Step> source, const Step* next)
      : ctx_(ctx), source_(std::move(source)), next_(next) {}

  Status Begin(const Row& row) override {
    input_ = row;
    batch_ = kFirstBatch;
    exhausted_ = false;
    ClearBuffer();
    return source_->Begin(row);
  }

  Result<bool> Advance(Row& row) override {
    if (taken_ == count_) {
      if (exhausted_) return false;
      CG_RETURN_IF_ERROR(Fill());
      if (count_ == 0) return false;
    }
    const size_t width = input_.slots.size();
    std::copy_n(slots_.begin() + taken_ * width, width, row.slots.begin());
    const size_t from = taken_ ? provenance_end_[taken_ - 1] : 0;
    row.provenance.insert(row.provenance.end(), provenance_.begin() + from,
                          provenance_.begin() + provenance_end_[taken_]);
    ++taken_;
    return true;
  }

 private:
  // First read-ahead, doubled at each refill up to the largest: a query with
  // a small LIMIT reads few rows ahead, a long join amortizes the batch.
  static constexpr size_t kFirstBatch = 16, kLargestBatch = 512;

  void ClearBuffer() {
    slots_.clear();
    provenance_.clear();
    provenance_end_.clear();
    count_ = taken_ = 0;
  }

  // Runs the source for up to a batch of rows, then asks the view for every
  // read the next step will open for them, at once.
  Status Fill() {
    ClearBuffer();
    Row scratch = input_;
    const size_t base = input_.provenance.size();
    reads_.clear();
    while (count_ < batch_) {
      CG_RETURN_IF_ERROR(ctx_->Tick());
      scratch.slots = input_.slots;
      scratch.provenance.resize(base);
      CG_ASSIGN_OR_RETURN(bool got, source_->Advance(scratch));
      if (!got) {
        exhausted_ = true;
        break;
      }
      slots_.insert(slots_.end(), scratch.slots.begin(), scratch.slots.end());
      provenance_.insert(provenance_.end(), scratch.provenance.begin() + base, scratch.provenance.end());
      provenance_end_.push_back(provenance_.size());
      next_->CollectReads(scratch, &reads_);
      ++count_;
    }
    batch_ = std::min(kLargestBatch, batch_ * 2);
    if (reads_.size() > 1) ctx_->view().Prefetch(reads_);
    return Status::Ok();
  }

  ExecContext* ctx_;
  std::unique_ptr<Step> source_;
  const Step* next_;
  Row input_;  // the row this step began with
  size_t batch_ = kFirstBatch;
  bool exhausted_ = false;
  // The rows read ahead: `count_` rows of input_.slots.size() slots each,
  // and each row's provenance claims (ending at provenance_end_[i]).
  std::vector<uint64_t> slots_;
  std::vector<storage::ClaimId> provenance_;
  std::vector<size_t> provenance_end_;
  size_t count_ = 0, taken_ = 0;
  std::vector<storage::TriplePattern> reads_;
};

}  // namespace

std::unique_ptr<Step> NewLookaheadStep(ExecContext* ctx, std::unique_ptr<Step> source, const Step* next) {
  // EXPLAIN shows the source's line: the read-ahead is marked on the join.
  std::string label = source->label;
  const double estimate = source->estimate;
  auto step = std::make_unique<LookaheadStep>(ctx, std::move(source), next);
  step->label = std::move(label);
  step->estimate = estimate;
  return step;
}

}  // namespace claimgraph::engine
