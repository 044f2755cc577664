// Every node's one apply thread (docs/scale-out.md, "The apply loop"): makes
// sure the stream exists, then reads it with an ordered consumer from the
// sequence after the one the store has applied, and applies each message
// through the engine, in order. The writer's own messages arrive too and
// are skipped (its commit applied them already), as are sequences delivered
// again (sequence_order.h). A gap at a subscription's start (the start
// purged: nats.c starts silently at the first message left) or a
// transaction that does not continue the store's hash chain stops the loop
// for good, with the reason in StreamState: the node keeps answering reads
// and refuses writes.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

#include "engine/replication.h"
#include "server/cluster/cluster_options.h"
#include "server/cluster/nats_link.h"
#include "server/cluster/stream_state.h"

namespace claimgraph::server::cluster {

class ApplyLoop {
 public:
  ApplyLoop(const ClusterOptions& options, NatsLink* link, engine::ReplicatedStore* store, StreamState* state);
  ~ApplyLoop();  // stops the thread
  ApplyLoop(const ApplyLoop&) = delete;
  ApplyLoop& operator=(const ApplyLoop&) = delete;

 private:
  void Run();
  // Creates the stream, or finds it with our configuration. False: not now
  // (retry later) or never (state failed).
  bool EnsureStream();
  // Reads from the store's position until an error that needs a new
  // subscription, or stop.
  void Consume();
  // nats.c's ordered consumer is meant to recreate itself when the NATS
  // server holding it dies, but in CI (load ~8) a follower once stayed at tx
  // 1 for 50 s after one of three servers was killed, through the servers'
  // return, without an error from NextMsg. So the loop does not rely on it:
  // nothing delivered for kStallAfter while the stream's last sequence is
  // past the store's position means subscribing again from that position.
  bool StalledBehindStream(std::chrono::steady_clock::time_point last_delivery);

  const ClusterOptions options_;
  const int replicas_;
  NatsLink* link_;
  engine::ReplicatedStore* store_;
  StreamState* state_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace claimgraph::server::cluster
