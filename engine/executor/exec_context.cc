#include "engine/executor/exec_context.h"

#include "engine/executor/pipeline.h"

namespace claimgraph::engine {

ExecContext::ExecContext(const storage::ReadView& view, const ExecuteOptions& options, bool with_provenance)
    : view_(view), options_(options), names_(view), with_provenance_(with_provenance) {}
ExecContext::~ExecContext() = default;

Status ExecContext::CheckNow() const {
  if ((options_.cancelled && options_.cancelled->load(std::memory_order_relaxed)) ||
      (options_.cancel_requested && options_.cancel_requested()))
    return Status::Cancelled("query cancelled");
  if (options_.deadline && std::chrono::steady_clock::now() > *options_.deadline)
    return Status::DeadlineExceeded("query exceeded its deadline");
  return Status::Ok();
}

Status ExecContext::Charge(uint64_t bytes) {
  used_bytes_ += bytes;
  peak_bytes_ = std::max(peak_bytes_, used_bytes_);
  if (used_bytes_ > options_.max_memory_bytes)
    return Status::ResourceExhausted("query exceeded the intermediate memory limit (max_memory_bytes = " +
                                     std::to_string(options_.max_memory_bytes) + ")");
  return Status::Ok();
}

Result<const storage::Claim*> ExecContext::Claim(storage::ClaimId id) {
  auto it = claims_.find(id);
  if (it != claims_.end()) return &it->second;
  CG_ASSIGN_OR_RETURN(storage::Claim c, view_.GetClaim(id));
  if (claims_.size() > 100000) claims_.clear();  // a cache, not a copy of the store
  return &claims_.emplace(id, std::move(c)).first->second;
}

}  // namespace claimgraph::engine
