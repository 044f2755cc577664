// What the calls need to know about the cluster a node belongs to (cluster
// mode, docs/scale-out.md), without NATS: ClaimGraphCore asks it; the
// implementation is server/cluster/cluster_node.h. A single node has none.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"

namespace claimgraph::server {

// Where a write goes (ClusterView::RouteWrite).
struct WriteRoute {
  bool local = true;    // this node is the writer
  uint64_t node = 0;    // else the writer's node id
  std::string address;  // and its advertised gRPC address
};

class ClusterView {
 public:
  virtual ~ClusterView() = default;
  // One line for a query's trailer and for logs, e.g. "node 3, applied tx 42
  // (stream seq 57), connected" or "... DISCONNECTED from NATS since T
  // (reason): may be stale".
  virtual std::string Describe() const = 0;
  // Whether a write can succeed now; when not, *why names the reason.
  virtual bool WritesAvailable(std::string* why) const = 0;
  // This node's --node-id.
  virtual uint64_t NodeId() const = 0;
  // Where a write goes now: this node, when it holds the writer lease and
  // has caught up; else the writer's advertised address. While there is no
  // writer (a failover), waits for one until `deadline` (at most two lease
  // TTLs); then, or when this node cannot write at all (cut off from NATS,
  // stopped applying), an IOError (UNAVAILABLE) naming why.
  virtual Result<WriteRoute> RouteWrite(std::optional<std::chrono::steady_clock::time_point> deadline) const = 0;
  // After a write failed because another node appended to the stream first
  // (IsWriteRace): waits, until `deadline`, until this node has applied the
  // stream as far as that failure saw it. True: the write may be retried on
  // the caught-up store.
  virtual bool CatchUpAfterRace(const Status& failure,
                                std::optional<std::chrono::steady_clock::time_point> deadline) = 0;
};

// The message a write lost to another writer starts with (UNAVAILABLE).
inline constexpr std::string_view kWriteRacePrefix = "another node wrote to the cluster first";
inline bool IsWriteRace(const Status& s) {
  return s.code() == StatusCode::kIOError && s.message().rfind(kWriteRacePrefix, 0) == 0;
}

// The message a write refused on a node without the writer lease starts
// with (UNAVAILABLE; nothing was written): the call may be forwarded.
inline constexpr std::string_view kNotWriterPrefix = "this node is not the cluster's writer";
inline bool IsNotWriter(const Status& s) {
  return s.code() == StatusCode::kIOError && s.message().rfind(kNotWriterPrefix, 0) == 0;
}

}  // namespace claimgraph::server
