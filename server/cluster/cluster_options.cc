#include "server/cluster/cluster_options.h"

#include <cctype>

namespace claimgraph::server::cluster {

Result<std::vector<std::string>> ParseServerList(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(start, comma - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
    const bool scheme = item.rfind("nats://", 0) == 0 || item.rfind("tls://", 0) == 0;
    const std::string_view rest = scheme ? item.substr(item.find("://") + 3) : item;
    const size_t colon = rest.rfind(':');
    if (item.empty() || !scheme || colon == std::string_view::npos || colon == 0 || colon + 1 == rest.size())
      return Status::InvalidArgument("--cluster: \"" + std::string(item) +
                                     "\" is not nats://HOST:PORT (the list is comma-separated)");
    out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

Status CheckClusterOptions(const ClusterOptions& o) {
  if (o.servers.empty()) return Status::InvalidArgument("--cluster needs at least one nats://HOST:PORT");
  if (o.node_id == 0) return Status::InvalidArgument("--cluster needs --node-id N, a positive integer unique in the cluster");
  if (o.tls_cert.empty() != o.tls_key.empty())
    return Status::InvalidArgument("--nats-tls-cert and --nats-tls-key go together");
  if (o.lease_ttl_ms < 500)
    return Status::InvalidArgument("--lease-ttl-ms " + std::to_string(o.lease_ttl_ms) +
                                   ": at least 500 (it is renewed every TTL/10 over NATS)");
  if (o.part_bytes < 1024 || o.part_bytes > (size_t{7} << 20))
    return Status::InvalidArgument("--cluster-part-bytes " + std::to_string(o.part_bytes) +
                                   ": from 1024 to 7 MiB (a part and its headers must fit the servers' 8 MB max_payload)");
  if (o.cluster_name.empty()) return Status::InvalidArgument("--cluster-name must not be empty");
  for (char c : o.cluster_name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return Status::InvalidArgument("--cluster-name \"" + o.cluster_name +
                                     "\": letters, digits, '_' and '-' only (it names a NATS stream)");
  return Status::Ok();
}

std::string StreamName(const ClusterOptions& o) {
  std::string name;
  for (char c : o.cluster_name) name.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name + "_TX";
}

std::string SubjectName(const ClusterOptions& o) { return o.cluster_name + ".tx"; }

}  // namespace claimgraph::server::cluster
