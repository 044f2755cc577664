#include "server/auth.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include <fstream>
#include <sstream>

namespace claimgraph::server {

const char* RoleName(Role r) {
  switch (r) {
    case Role::kReader: return "reader";
    case Role::kWriter: return "writer";
    case Role::kAdmin: return "admin";
  }
  return "?";
}

Authenticator Authenticator::Open() { return Authenticator(); }

Result<Authenticator> Authenticator::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read auth file " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("tokens") || !j["tokens"].is_array())
    return Status::InvalidArgument(path + ": expected {\"tokens\": [{\"token\", \"principal\", \"role\"}, ...]}");
  Authenticator a;
  a.enabled_ = true;
  size_t i = 0;
  for (const auto& t : j["tokens"]) {
    std::string where = path + ": tokens[" + std::to_string(i++) + "]";
    if (!t.is_object() || !t.value("token", nlohmann::json()).is_string() ||
        !t.value("principal", nlohmann::json()).is_string() || !t.value("role", nlohmann::json()).is_string())
      return Status::InvalidArgument(where + " needs string fields token, principal and role");
    Entry e;
    e.token = t["token"].get<std::string>();
    e.principal.name = t["principal"].get<std::string>();
    std::string role = t["role"].get<std::string>();
    if (role == "reader") e.principal.role = Role::kReader;
    else if (role == "writer") e.principal.role = Role::kWriter;
    else if (role == "admin") e.principal.role = Role::kAdmin;
    else return Status::InvalidArgument(where + ": role '" + role + "' is not reader, writer or admin");
    if (e.token.size() < 8) return Status::InvalidArgument(where + ": a token needs at least 8 characters");
    a.entries_.push_back(std::move(e));
  }
  return a;
}

Result<Principal> Authenticator::AuthenticateBearer(std::optional<std::string_view> authorization,
                                                    const char* where) const {
  if (!enabled_) return Principal{"local", Role::kAdmin};
  if (!authorization)
    return Status::Unauthenticated(std::string("missing 'authorization: Bearer <token>' ") + where);
  static constexpr std::string_view kBearer = "Bearer ";
  if (authorization->substr(0, kBearer.size()) != kBearer)
    return Status::Unauthenticated(std::string("the authorization ") + where + " must be 'Bearer <token>'");
  std::string_view token = authorization->substr(kBearer.size());
  for (const auto& e : entries_)
    if (e.token.size() == token.size() && CRYPTO_memcmp(e.token.data(), token.data(), token.size()) == 0)
      return e.principal;
  return Status::Unauthenticated("unknown token");
}

Result<Principal> Authenticator::Authenticate(const grpc::ServerContext& context) const {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return AuthenticateBearer(std::nullopt, "metadata");
  return AuthenticateBearer(std::string_view(it->second.data(), it->second.size()), "metadata");
}

Status Authenticator::Require(const Principal& p, Role needed, const char* what) {
  if (static_cast<int>(p.role) >= static_cast<int>(needed)) return Status::Ok();
  return Status::PermissionDenied("principal '" + p.name + "' (" + RoleName(p.role) + ") may not " + what + "; it needs the " +
                                  RoleName(needed) + " role");
}

}  // namespace claimgraph::server
