// A claimgraphd node in cluster mode: its NATS connection, its store's door
// for replication, the publisher every commit goes through and the apply
// loop (docs/scale-out.md). What the calls need from it is ClusterView.
//
// Order of destruction matters: the lease is released first (another node
// takes over at once), the apply loop stops, then the store forgets the
// publisher, then the connection closes.
#pragma once

#include <memory>

#include "engine/engine.h"
#include "engine/replication.h"
#include "server/cluster/apply_loop.h"
#include "server/cluster/cluster_options.h"
#include "server/cluster/lease.h"
#include "server/cluster/nats_link.h"
#include "server/cluster/stream_publisher.h"
#include "server/cluster/stream_state.h"
#include "server/cluster_view.h"

namespace claimgraph::server::cluster {

class ClusterNode final : public ClusterView {
 public:
  // Connects (an unreachable NATS is not an error: see NatsLink) and starts
  // applying the stream. InvalidArgument for bad options.
  static Result<std::unique_ptr<ClusterNode>> Start(engine::Engine* engine, const ClusterOptions& options);
  ~ClusterNode() override;

  // Competes for the writer lease from now on, advertising `address`
  // (HOST:PORT of this node's gRPC server) for forwarded writes.
  void StartLease(const std::string& address);

  std::string Describe() const override;
  bool WritesAvailable(std::string* why) const override;
  uint64_t NodeId() const override { return options_.node_id; }
  Result<WriteRoute> RouteWrite(std::optional<std::chrono::steady_clock::time_point> deadline) const override;
  bool CatchUpAfterRace(const Status& failure,
                        std::optional<std::chrono::steady_clock::time_point> deadline) override;

 private:
  ClusterNode(engine::Engine* engine, const ClusterOptions& options) : engine_(engine), options_(options) {}

  engine::Engine* engine_;
  const ClusterOptions options_;
  StreamState state_;
  std::unique_ptr<NatsLink> link_;
  std::unique_ptr<StreamPublisher> publisher_;
  std::unique_ptr<engine::ReplicatedStore> store_;
  std::unique_ptr<ApplyLoop> loop_;
  std::unique_ptr<WriterLease> lease_;
};

}  // namespace claimgraph::server::cluster
