// Cluster mode: a write sent to a node that does not hold the writer lease
// is forwarded over gRPC to the node that does (its --advertise address,
// from the lease), and the writer's answer -- its tx included, for min_tx
// reads -- goes back to the client unchanged: the client need not know who
// writes (docs/scale-out.md, "Forwarding").
//
// The caller's `authorization` metadata travels unchanged and the writer
// authenticates and authorizes it again against its own --auth-file (every
// node of a cluster serves the same one), so a forwarding node cannot widen
// what a caller may do. The forwarding node adds `cg-forwarded-by: <node>`:
// a node receiving it does not forward again (no loops when two nodes
// disagree briefly about who writes). The metadata is not a credential: a
// client that sets it itself only loses forwarding.
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "server/call_context.h"

namespace claimgraph::server {

inline constexpr std::string_view kForwardedByMetadata = "cg-forwarded-by";

class WriteForwarder {
 public:
  // `credentials`: how this node reaches the others (TLS when it serves TLS).
  WriteForwarder(uint64_t node_id, std::shared_ptr<grpc::ChannelCredentials> credentials)
      : node_id_(node_id), credentials_(std::move(credentials)) {}

  // The writer's answer, as a Status (its code and message kept; a
  // transport failure names the writer it could not reach).
  Status Assert(const CallContext& call, const std::string& address, const v1::AssertRequest& request,
                v1::WriteResponse* response);
  Status Retract(const CallContext& call, const std::string& address, const v1::RetractRequest& request,
                 v1::WriteResponse* response);
  Status IngestDocument(const CallContext& call, const std::string& address,
                        const v1::IngestDocumentRequest& request, v1::IngestDocumentResponse* response);
  // Relays each message of the writer's answer to `write` (the last with
  // last = true). A client that went away ends the relay.
  using QueryWriter = std::function<bool(v1::QueryResponse* message, bool last)>;
  Status Query(const CallContext& call, const std::string& address, const v1::QueryRequest& request,
               const QueryWriter& write);

 private:
  v1::ClaimGraph::Stub& StubFor(const std::string& address);
  std::unique_ptr<grpc::ClientContext> ContextFor(const CallContext& call) const;
  Status Converted(const grpc::Status& status, const std::string& address) const;

  const uint64_t node_id_;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<v1::ClaimGraph::Stub>> stubs_;  // guarded by mu_; one channel per writer
};

}  // namespace claimgraph::server
