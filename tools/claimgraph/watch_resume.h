// Where a resumed watch starts and what of it was already printed: the
// client's half of the Watch RPC's contract (a transaction's changes arrive
// in order, possibly over several messages, `complete` on the last). After a
// disconnect the watch is called again after the last complete transaction;
// a transaction cut off mid-way arrives again from its start, and the
// changes of it already delivered are skipped. No gRPC type: unit-tested alone.
#pragma once

#include <algorithm>
#include <cstdint>

namespace claimgraph::cli {

class WatchResume {
 public:
  explicit WatchResume(uint64_t since) : since_(since) {}

  // The since_tx of the next call.
  uint64_t since() const { return since_; }
  // A new stream begins (positions count from its first message).
  void StartStream() { current_tx_ = position_ = 0; }
  // One change of a message of `tx`, in order: true to deliver it, false
  // when an earlier stream delivered it already.
  bool Take(uint64_t tx) {
    if (tx != current_tx_) {
      current_tx_ = tx;
      position_ = 0;
    }
    const bool seen = tx == partial_tx_ && position_ < partial_delivered_;
    ++position_;
    return !seen;
  }
  // After each message (after its changes were Taken).
  void EndMessage(uint64_t tx, bool complete) {
    if (tx != current_tx_) {  // a message without changes
      current_tx_ = tx;
      position_ = 0;
    }
    if (complete) {
      since_ = tx;
      partial_tx_ = partial_delivered_ = 0;
      return;
    }
    if (tx != partial_tx_) partial_delivered_ = 0;
    partial_tx_ = tx;
    partial_delivered_ = std::max(partial_delivered_, position_);
  }

 private:
  uint64_t since_;
  uint64_t current_tx_ = 0, position_ = 0;               // this stream's
  uint64_t partial_tx_ = 0, partial_delivered_ = 0;      // a transaction cut off mid-way
};

}  // namespace claimgraph::cli
