#include "server/cluster/cluster_node.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

namespace claimgraph::server::cluster {

Result<std::unique_ptr<ClusterNode>> ClusterNode::Start(engine::Engine* engine, const ClusterOptions& options) {
  CG_RETURN_IF_ERROR(CheckClusterOptions(options));
  std::unique_ptr<ClusterNode> node(new ClusterNode(engine, options));
  CG_ASSIGN_OR_RETURN(node->link_, NatsLink::Connect(options));
  node->publisher_ = std::make_unique<StreamPublisher>(options, node->link_.get(), &node->state_);
  node->store_ = std::make_unique<engine::ReplicatedStore>(engine, node->publisher_.get());
  CG_ASSIGN_OR_RETURN(engine::ReplicaPosition at, node->store_->Position());
  if (at.sequence == 0 && engine->LastTx() > 0)
    spdlog::warn("cluster: this store has {} transactions but never applied the stream: it joins only a cluster "
                 "whose stream continues its hash chain (seed every node from one store)",
                 engine->LastTx());
  spdlog::info("cluster: node {} at stream sequence {} (tx {}), NATS {}", options.node_id, at.sequence, at.tx,
               node->link_->connected() ? "connected" : node->link_->CutOffReason());
  node->loop_ = std::make_unique<ApplyLoop>(options, node->link_.get(), node->store_.get(), &node->state_);
  engine::ReplicatedStore* store = node->store_.get();
  StreamState* state = &node->state_;
  node->lease_ = std::make_unique<WriterLease>(options, node->link_.get(), &node->state_, [store, state]() -> uint64_t {
    // Parts taken in but never applied (stream_state.h) count as caught up.
    auto at = store->Position();
    return std::max<uint64_t>(at.ok() ? at->sequence : 0, state->parts_through.load());
  });
  node->publisher_->RequireLease(node->lease_.get());
  return node;
}

ClusterNode::~ClusterNode() {
  publisher_->RequireLease(nullptr);
  lease_.reset();
  loop_.reset();
  store_.reset();
  publisher_.reset();
  link_.reset();
}

std::string ClusterNode::Describe() const {
  std::string out = "node " + std::to_string(options_.node_id) + ", applied tx " + std::to_string(engine_->LastTx());
  auto at = store_->Position();
  if (at.ok()) {
    out += " (stream seq " + std::to_string(at->sequence);
    // Parts taken in but not applied (stream_state.h) are not behind.
    const uint64_t known = state_.last_known, through = std::max<uint64_t>(at->sequence, state_.parts_through);
    if (known > through) out += ", " + std::to_string(known - through) + " behind";
    out += ")";
  }
  out += ", " + lease_->Describe();
  if (std::string failed = state_.failure(); !failed.empty()) return out + ", STOPPED APPLYING: " + failed + ": may be stale";
  if (std::string cut = link_->CutOffReason(); !cut.empty()) return out + ", DISCONNECTED: " + cut + ": may be stale";
  return out + ", connected";
}

bool ClusterNode::WritesAvailable(std::string* why) const {
  if (std::string failed = state_.failure(); !failed.empty()) {
    *why = "this node stopped applying the stream: " + failed;
    return false;
  }
  if (std::string cut = link_->CutOffReason(); !cut.empty()) {
    *why = "this node is " + cut;
    return false;
  }
  if (!state_.ready) {
    *why = "the cluster's stream is not ready yet";
    return false;
  }
  return true;
}

void ClusterNode::StartLease(const std::string& address) {
  spdlog::info("cluster: node {} competes for the writer lease (TTL {} ms), advertising {}", options_.node_id,
               options_.lease_ttl_ms, address);
  lease_->Start(address);
}

Result<WriteRoute> ClusterNode::RouteWrite(std::optional<std::chrono::steady_clock::time_point> deadline) const {
  auto until = std::chrono::steady_clock::now() + 2 * std::chrono::milliseconds(options_.lease_ttl_ms);
  if (deadline) until = std::min(until, *deadline - std::chrono::milliseconds(50));
  for (;;) {
    std::string why;
    if (!WritesAvailable(&why)) return Status::IOError(why);
    LeaseHolder holder = lease_->Holder();
    if (holder.self) return WriteRoute{};
    if (holder.node != 0) return WriteRoute{false, holder.node, holder.address};
    if (std::chrono::steady_clock::now() >= until) {
      lease_->MayWrite(&why);
      return Status::IOError("no writer: " + why + "; retry");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

bool ClusterNode::CatchUpAfterRace(const Status& failure,
                                   std::optional<std::chrono::steady_clock::time_point> deadline) {
  if (!IsWriteRace(failure)) return false;
  // At most 5 s of waiting, and never past the call's deadline.
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  if (deadline) until = std::min(until, *deadline);
  const uint64_t target = state_.last_known;
  while (std::chrono::steady_clock::now() < until) {
    if (!state_.failure().empty()) return false;
    auto at = store_->Position();
    if (!at.ok()) return false;
    if (std::max<uint64_t>(at->sequence, state_.parts_through.load()) >= target) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

}  // namespace claimgraph::server::cluster
