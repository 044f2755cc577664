#include "server/call_gate.h"

namespace claimgraph::server {

bool CallGate::Enter() {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_) return false;
  ++running_;
  return true;
}

void CallGate::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (--running_ == 0) idle_.notify_all();
}

int CallGate::Close() {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  return running_;
}

bool CallGate::closing() {
  std::lock_guard<std::mutex> lock(mu_);
  return closed_;
}

bool CallGate::WaitIdle(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_until(lock, deadline, [this] { return running_ == 0; });
}

}  // namespace claimgraph::server
