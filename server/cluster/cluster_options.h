// claimgraphd serve --cluster: how a node reaches the cluster's NATS servers
// and what it calls the stream (docs/scale-out.md, "Running it").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph::server::cluster {

struct ClusterOptions {
  std::vector<std::string> servers;  // nats://HOST:PORT, at least one
  uint64_t node_id = 0;              // positive, unique in the cluster
  std::string cluster_name = "claimgraph";
  std::string creds_file;                  // NATS user credentials (JWT + seed)
  std::string tls_ca, tls_cert, tls_key;   // TLS to NATS: the CA, and a client certificate with its key
  int publish_wait_ms = 2000;              // one publish's wait for JetStream's ack
  int publish_budget_ms = 10000;           // how long a write retries a publish NATS did not confirm
  int lease_ttl_ms = 3000;                 // --lease-ttl-ms: the writer lease's TTL (renewed every TTL/10)
  // A transaction's message body above this goes as several `tx-part`
  // messages of at most this size (the servers' max_payload is 8 MB; a
  // document's kept text rides in its transaction). --cluster-part-bytes,
  // for tests that need parts without megabytes.
  size_t part_bytes = size_t{4} << 20;
  std::string advertise;                   // --advertise HOST:PORT: where other nodes forward writes to this one
};

// "nats://a:4222,nats://b:4222" → the list; InvalidArgument naming a bad entry.
Result<std::vector<std::string>> ParseServerList(std::string_view list);
// Checks the options a node cannot run without (servers, node id, TLS pairs).
Status CheckClusterOptions(const ClusterOptions& options);

// CLAIMGRAPH_TX and claimgraph.tx for the cluster name "claimgraph".
std::string StreamName(const ClusterOptions& options);
std::string SubjectName(const ClusterOptions& options);

}  // namespace claimgraph::server::cluster
