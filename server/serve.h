// claimgraphd serve: the gRPC server (and, with --http, the HTTP/JSON API and
// the explorer page) on an embedded store.
#pragma once

#include <string>

#include "server/claimgraph_core.h"
#include "server/cluster/cluster_options.h"

namespace claimgraph::server {

struct ServeCommand {
  std::string data_dir;
  std::string listen = "127.0.0.1:7687";
  std::string auth_file;
  std::string tls_cert, tls_key;
  // --peer-tls-ca: in a cluster, the CA (PEM bundle) that verifies the
  // writer's certificate when this node forwards writes to it; empty: the
  // node's own --tls-cert file (one certificate for every node, or a chain
  // whose root is in it).
  std::string peer_tls_ca;
  int max_message_bytes = 16 << 20;
  ServiceLimits limits;
  int drain_seconds = 10;
  std::string ingest_schema, ingest_rules;  // both, to serve IngestDocument
  std::string http_listen;                  // HOST:PORT of the HTTP API and the explorer; empty: none
  std::string web_dir;                      // the explorer's files; empty: <binary>/../web when it has them
  int http_threads = 8;
  // --snapshot-dir: where the Snapshot call writes (created when missing,
  // owner-only); empty: the call is refused.
  std::string snapshot_dir;
  // --cluster: a node of a replicated cluster on NATS JetStream
  // (docs/scale-out.md); empty servers: a single node.
  std::string cluster_servers;  // nats://HOST:PORT[,...], parsed into `cluster`
  cluster::ClusterOptions cluster;
};

// Serves until SIGTERM or SIGINT, then drains in-flight calls (up to
// drain_seconds), flushes the store and returns 0.
int RunServe(const ServeCommand& cmd);

}  // namespace claimgraph::server
