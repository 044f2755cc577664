// The claimgraph CLI's connection: a gRPC channel plus the bearer token, and
// one helper per call. The CLI is a gRPC client only.
#pragma once

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "claimgraph/v1/claimgraph.grpc.pb.h"
#include "base/status.h"

namespace claimgraph::cli {

struct Connection {
  std::string server = "127.0.0.1:7687";
  std::string token;
  std::string tls_ca;  // PEM file: connect with TLS, trusting this CA
  int timeout_seconds = 0;  // 0 = no deadline
};

class Client {
 public:
  explicit Client(const Connection& c);
  std::unique_ptr<grpc::ClientContext> Context() const;
  v1::ClaimGraph::Stub& stub() { return *stub_; }
  const std::string& token() const { return connection_.token; }

 private:
  Connection connection_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ClaimGraph::Stub> stub_;
};

// "CODE: message" for a failed call.
std::string Describe(const grpc::Status& s);

// A call's outcome as the Status the server started from (the inverse of the
// server's ToGrpcStatus), for code shared with the in-process tools.
Status ToStatus(const grpc::Status& s);

}  // namespace claimgraph::cli
