// Steps that do not read the indexes themselves: WHERE filters and OPTIONAL.
#include "engine/executor/evaluator.h"
#include "engine/executor/filter_steps.h"

namespace claimgraph::engine {
namespace {

class FilterStep final : public Step {
 public:
  FilterStep(ExecContext* ctx, const BoundExpr& e) : ctx_(ctx), e_(e) {}
  Status Begin(const Row& row) override {
    CG_ASSIGN_OR_RETURN(pass_, EvaluatePredicate(ctx_, e_, row));
    return Status::Ok();
  }
  Result<bool> Advance(Row&) override {
    bool p = pass_;
    pass_ = false;
    return p;
  }

 private:
  ExecContext* ctx_;
  const BoundExpr& e_;
  bool pass_ = false;
};

class OptionalStep final : public Step {
 public:
  OptionalStep(std::unique_ptr<Pipeline> sub, std::vector<int> slots) : sub_(std::move(sub)), slots_(std::move(slots)) {}
  Status Begin(const Row& row) override {
    Row seed = row;
    for (int s : slots_) seed.slots[s] = 0;
    seed.provenance.clear();
    base_ = seed;
    sub_->Reset(seed);
    matched_ = false;
    finished_ = false;
    return Status::Ok();
  }
  Result<bool> Advance(Row& row) override {
    if (finished_) return false;
    Row out;
    CG_ASSIGN_OR_RETURN(bool got, sub_->Next(&out));
    if (got) {
      matched_ = true;
      row.slots = std::move(out.slots);
      row.provenance.insert(row.provenance.end(), out.provenance.begin(), out.provenance.end());
      return true;
    }
    finished_ = true;
    if (matched_) return false;
    row.slots = base_.slots;  // no match: the optional variables stay NULL
    return true;
  }

 private:
  std::unique_ptr<Pipeline> sub_;
  std::vector<int> slots_;
  Row base_;
  bool matched_ = false, finished_ = false;
};

}  // namespace

std::unique_ptr<Step> NewFilterStep(ExecContext* ctx, const BoundExpr& e) { return std::make_unique<FilterStep>(ctx, e); }
std::unique_ptr<Step> NewOptionalStep(std::unique_ptr<Pipeline> sub, std::vector<int> slots) {
  return std::make_unique<OptionalStep>(std::move(sub), std::move(slots));
}

}  // namespace claimgraph::engine
