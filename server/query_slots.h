// The limit on statements running at once (--max-concurrent-queries), shared
// by every transport: a Query over gRPC, a Session statement, a Watch walk
// and a POST /v1/query each hold one slot while they run.
#pragma once

#include <atomic>
#include <string>

#include "base/status.h"

namespace claimgraph::server {

class QuerySlots {
 public:
  explicit QuerySlots(int max) : max_(max) {}
  // RESOURCE_EXHAUSTED: what a caller refused a slot is told.
  Status Refusal() const {
    return Status::ResourceExhausted("too many concurrent queries (max_concurrent_queries = " + std::to_string(max_) +
                                     ")");
  }

 private:
  friend class QuerySlot;
  std::atomic<int> running_{0};
  int max_;
};

// Holds one slot for the duration of a statement (when acquired()).
class QuerySlot {
 public:
  explicit QuerySlot(QuerySlots* slots) : slots_(slots) { acquired_ = slots_->running_.fetch_add(1) < slots_->max_; }
  ~QuerySlot() { slots_->running_.fetch_sub(1); }
  QuerySlot(const QuerySlot&) = delete;
  QuerySlot& operator=(const QuerySlot&) = delete;
  bool acquired() const { return acquired_; }

 private:
  QuerySlots* slots_;
  bool acquired_;
};

}  // namespace claimgraph::server
