// Bearer-token authentication: `authorization: Bearer <token>` metadata maps
// to a principal and a role. The auth file is JSON:
//   {"tokens": [{"token": "s3cret", "principal": "alice", "role": "writer"}]}
// Roles: reader (queries), writer (+ writes), admin (+ audit). Tokens are
// compared in constant time and never logged.
#pragma once

#include <grpcpp/grpcpp.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace claimgraph::server {

enum class Role { kReader = 0, kWriter = 1, kAdmin = 2 };
const char* RoleName(Role r);

struct Principal {
  std::string name;
  Role role = Role::kReader;
};

class Authenticator {
 public:
  // No auth file: every caller is the admin "local" (the server then listens
  // on loopback only).
  static Authenticator Open();
  static Result<Authenticator> Load(const std::string& path);

  bool enabled() const { return enabled_; }
  // UNAUTHENTICATED when the token is missing or unknown: the value of an
  // `authorization` gRPC metadata entry or HTTP header (`where` names which,
  // for the message), absent when the caller sent none.
  Result<Principal> AuthenticateBearer(std::optional<std::string_view> authorization, const char* where) const;
  Result<Principal> Authenticate(const grpc::ServerContext& context) const;
  // PERMISSION_DENIED unless `p` has at least `needed`.
  static Status Require(const Principal& p, Role needed, const char* what);

 private:
  struct Entry {
    std::string token;
    Principal principal;
  };
  bool enabled_ = false;
  std::vector<Entry> entries_;
};

}  // namespace claimgraph::server
