#include "server/http_call.h"

#include "server/http_json.h"
#include "server/http_server.h"
#include "server/status_convert.h"

namespace claimgraph::server {
namespace {

Status CheckBrowser(const httplib::Request& request, const HttpEndpoint& endpoint) {
  if (request.get_header_value("Sec-Fetch-Site") == "cross-site")
    return Status::PermissionDenied("cross-site requests are refused (Sec-Fetch-Site: cross-site)");
  std::string host = request.get_header_value("Host");
  if (endpoint.loopback && !IsLoopbackAddress(host))
    return Status::PermissionDenied("Host '" + host + "' is not a loopback name; this server listens on loopback only");
  if (request.has_header("Origin")) {
    std::string origin = request.get_header_value("Origin");
    std::string own = std::string(endpoint.tls ? "https://" : "http://") + host;
    if (origin != own) return Status::PermissionDenied("requests from origin '" + origin + "' are refused");
  }
  return Status::Ok();
}

std::optional<std::string_view> AuthorizationOf(const httplib::Request& request) {
  auto it = request.headers.find("Authorization");
  if (it == request.headers.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace

HttpCall::HttpCall(const char* method, const httplib::Request& request, ClaimGraphCore& core,
                   const HttpEndpoint& endpoint)
    : log_(method), ticket_(&core.gate()) {
  if (!ticket_.admitted()) {
    refusal_ = ShuttingDown();
    return;
  }
  if (Status browser = CheckBrowser(request, endpoint); !browser.ok()) {
    refusal_ = ToGrpcStatus(browser);
    return;
  }
  auto principal = core.auth().AuthenticateBearer(AuthorizationOf(request), "header");
  if (!principal.ok()) {
    refusal_ = ToGrpcStatus(principal.status());
    return;
  }
  admitted_ = true;
  call_.principal = std::move(principal).value();
  if (auto authorization = AuthorizationOf(request)) call_.authorization = std::string(*authorization);
  log_.set_principal(call_.principal.name);
}

void HttpCall::set_deadline_after_ms(uint64_t ms) {
  call_.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
}

void HttpCall::Respond(httplib::Response* response, const Status& status, const google::protobuf::Message* body) {
  Respond(response, ToGrpcStatus(status), body);
}

void HttpCall::Respond(httplib::Response* response, const grpc::Status& converted,
                       const google::protobuf::Message* body) {
  int http = HttpStatusFor(converted.error_code());
  SetApiHeaders(response);
  if (converted.ok()) response->set_content(body ? ToJson(*body) : "{}", "application/json");
  else response->set_content(ErrorJson(converted), "application/json");
  if (http == 401) response->set_header("WWW-Authenticate", "Bearer");
  response->status = http;
  log_.set_rows(call_.rows);
  log_.set_http_status(http);
  log_.Done(converted);
}

void SetApiHeaders(httplib::Response* response) {
  response->set_header("Cache-Control", "no-store");
  response->set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace claimgraph::server
