// The HTTP/JSON API: the claimgraph.v1 calls at REST-style paths, each a thin
// adapter over the core (claimgraph_core.h) like its gRPC twin. See
// docs/api.md ("HTTP/JSON") for the paths, the JSON and the errors.
#pragma once

#include <httplib.h>

#include "server/claimgraph_core.h"
#include "server/http_call.h"

namespace claimgraph::server {

class HttpApi {
 public:
  HttpApi(ClaimGraphCore* core, HttpEndpoint endpoint, size_t max_body_bytes)
      : core_(*core), endpoint_(endpoint), max_body_bytes_(max_body_bytes) {}

  // Adds the /v1 routes, and the JSON answer for what no route takes.
  void Register(httplib::Server* server);

 private:
  // A unary call: admit, read the request (path parameters, then the JSON
  // body of a POST or the query parameters of a GET), let the core answer.
  template <typename Request, typename Response>
  void Unary(const char* method, Status (ClaimGraphCore::*work)(CallContext&, const Request&, Response*),
             const httplib::Request& http, httplib::Response* out, const std::map<std::string, std::string>& fixed);
  void Query(const httplib::Request& http, httplib::Response* out);
  void Export(const httplib::Request& http, httplib::Response* out);
  // 404 for a path no route takes, 413 for a body over the limit, 400 for
  // what httplib could not read: as JSON errors, logged.
  httplib::Server::HandlerResponse Unrouted(const httplib::Request& http, httplib::Response& out);

  ClaimGraphCore& core_;
  HttpEndpoint endpoint_;
  size_t max_body_bytes_;
};

}  // namespace claimgraph::server
