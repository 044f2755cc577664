// What the apply loop knows about the cluster's stream and the publisher
// needs (and the other way round), shared between their threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace claimgraph::server::cluster {

struct StreamState {
  // The stream exists with our configuration (the apply loop made sure).
  std::atomic<bool> ready{false};
  // The highest stream sequence seen: delivered to the apply loop or named
  // by a publish refused because the stream had moved on.
  std::atomic<uint64_t> last_known{0};
  // The last sequence the apply loop has taken in without a transaction to
  // apply yet: parts of one still arriving, or of one its writer abandoned
  // (never the part that completes a transaction, which counts only once
  // applied). Above the store's position only by such parts; a writer
  // appends after them (they are never applied), and a node that has taken
  // them in counts as caught up.
  std::atomic<uint64_t> parts_through{0};

  // Why this node stopped applying (a gap, a diverged chain, a stream with
  // another configuration): "" while it applies. Writes are refused then.
  std::string failure() const {
    std::lock_guard<std::mutex> lock(mu);
    return failure_text;
  }
  void Fail(std::string why) {
    std::lock_guard<std::mutex> lock(mu);
    if (failure_text.empty()) failure_text = std::move(why);
  }
  void NoteSequence(uint64_t seq) {
    uint64_t cur = last_known.load();
    while (seq > cur && !last_known.compare_exchange_weak(cur, seq)) {
    }
  }

  mutable std::mutex mu;
  std::string failure_text;  // guarded by mu
};

}  // namespace claimgraph::server::cluster
