// Cluster mode's --schema (docs/scale-out.md, "Ingestion in a cluster"): the
// store is brought up to the schema file through the cluster, not at start
// -- a write then would come before the node has caught up with the stream,
// and only the writer may write. A thread tries once a second until it
// succeeds. On the writer it writes what the store lacks, one transaction
// through the stream; on another node it succeeds writing nothing once that
// node has applied the writer's schema transaction (until then its publish
// is refused as not the writer, and it tries again). A schema that
// contradicts the store (another node's different file, a definition
// changed on purpose) stops the thread with the error logged; IngestDocument
// then answers that error.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "base/status.h"
#include "engine/engine.h"

namespace claimgraph::server {

class SchemaKeeper {
 public:
  SchemaKeeper(engine::Engine* engine, std::string path);
  ~SchemaKeeper();  // stops the thread
  SchemaKeeper(const SchemaKeeper&) = delete;
  SchemaKeeper& operator=(const SchemaKeeper&) = delete;

  // OK once the store holds the schema (tried now if it does not yet); else
  // why not: IOError while the cluster cannot take the write (this node is
  // not the writer, no quorum), FailedPrecondition when the schema
  // contradicts the store.
  Status Ensure();

 private:
  void Run();

  engine::Engine* engine_;
  const std::string path_;
  std::mutex mu_;     // one attempt at a time
  Status state_;      // guarded by mu_: OK when done, else the last attempt's error
  bool done_ = false; // guarded by mu_
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;  // guarded by stop_mu_
  std::thread thread_;
};

}  // namespace claimgraph::server
