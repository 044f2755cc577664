// A node's connection to the cluster's NATS servers and its JetStream
// context. NATS types stay in server/cluster/. The client library reconnects
// by itself (to any server in the list, forever); this class records when
// the node was cut off and why, for the answers it gives meanwhile.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "server/cluster/cluster_options.h"

namespace claimgraph::server::cluster {

class NatsLink {
 public:
  // Starts connecting. Unreachable servers are not an error: the node starts
  // cut off and connects when one answers. Bad options (a credentials or TLS
  // file that cannot be read) are InvalidArgument.
  static Result<std::unique_ptr<NatsLink>> Connect(const ClusterOptions& options);
  ~NatsLink();
  NatsLink(const NatsLink&) = delete;
  NatsLink& operator=(const NatsLink&) = delete;

  jsCtx* js() const { return js_; }
  bool connected() const;
  // "" while connected; else e.g. "cut off from NATS since 2026-12-01T12:00:01Z
  // (nats://127.0.0.1:4222: connection refused)".
  std::string CutOffReason() const;

 private:
  NatsLink() = default;
  static void OnConnected(natsConnection* nc, void* self);
  static void OnDisconnected(natsConnection* nc, void* self);
  void SetConnected(bool connected, std::string why);

  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
  mutable std::mutex mu_;
  bool connected_ = false;                                                 // guarded by mu_
  std::string why_ = "no server of --cluster has answered yet";                                // guarded by mu_
  std::chrono::system_clock::time_point since_ = std::chrono::system_clock::now();  // guarded by mu_
};

// A NATS status as text, with the library's last error when there is one.
std::string NatsError(natsStatus s);
// UTC, to the second: 2026-12-01T12:00:01Z.
std::string UtcTime(std::chrono::system_clock::time_point t);

}  // namespace claimgraph::server::cluster
