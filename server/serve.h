// claimgraphd serve: the gRPC server on an embedded store.
#pragma once

#include <string>

#include "server/service.h"

namespace claimgraph::server {

struct ServeCommand {
  std::string data_dir;
  std::string listen = "127.0.0.1:7687";
  std::string auth_file;
  std::string tls_cert, tls_key;
  int max_message_bytes = 16 << 20;
  ServiceLimits limits;
  int drain_seconds = 10;
  std::string ingest_schema, ingest_rules;  // both, to serve IngestDocument
};

// Serves until SIGTERM or SIGINT, then drains in-flight calls (up to
// drain_seconds), flushes the store and returns 0.
int RunServe(const ServeCommand& cmd);

}  // namespace claimgraph::server
