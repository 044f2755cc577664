#include "server/http_api.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "engine/io/export.h"
#include "server/http_json.h"
#include "server/http_stream.h"
#include "server/status_convert.h"

namespace claimgraph::server {
namespace {

// The request's message: a POST's JSON body, or a GET's query parameters.
Status ReadRequest(const httplib::Request& http, const std::map<std::string, std::string>& fixed,
                   google::protobuf::Message* out, JsonRequestExtras* extras) {
  if (http.method == "GET") return ParseQueryParameters(http.params, fixed, out, extras);
  return ParseJsonRequest(http.body, fixed, out, extras);
}

// httplib's form-body limit is compiled into Debian's library: a larger
// body sent as a form (what `curl -d` does) is refused before any route.
constexpr size_t kHttplibFormLimit = 8192;

}  // namespace

template <typename Request, typename Response>
void HttpApi::Unary(const char* method, Status (ClaimGraphCore::*work)(CallContext&, const Request&, Response*),
                    const httplib::Request& http, httplib::Response* out,
                    const std::map<std::string, std::string>& fixed) {
  HttpCall call(method, http, core_, endpoint_);
  if (!call.ok()) return call.Refuse(out);
  Request request;
  JsonRequestExtras extras;
  if (Status read = ReadRequest(http, fixed, &request, &extras); !read.ok()) return call.Respond(out, read, nullptr);
  if (extras.timeout_ms) call.set_deadline_after_ms(*extras.timeout_ms);
  Response response;
  Status status = (core_.*work)(call.context(), request, &response);
  call.Respond(out, status, &response);
}

void HttpApi::Query(const httplib::Request& http, httplib::Response* out) {
  auto call = std::make_unique<HttpCall>("Query", http, core_, endpoint_);
  if (!call->ok()) return call->Refuse(out);
  v1::QueryRequest request;
  JsonRequestExtras extras;
  if (Status read = ParseJsonRequest(http.body, {}, &request, &extras); !read.ok())
    return call->Respond(out, read, nullptr);
  if (extras.timeout_ms) call->set_deadline_after_ms(*extras.timeout_ms);
  ClaimGraphCore* core = &core_;
  auto run = [core, request = std::move(request)](CallContext& context, const QuerySlot& slot,
                                                  const JsonLineWriter& write) {
    std::string line;
    return core->Query(context, slot, request, [&](v1::QueryResponse* message, bool) {
      line = QueryResponseJson(*message);
      line.push_back('\n');
      return write(line);
    });
  };
  StreamJsonLines(core, std::move(call), std::move(run), out);
}

void HttpApi::Export(const httplib::Request& http, httplib::Response* out) {
  auto call = std::make_unique<HttpCall>("Export", http, core_, endpoint_);
  if (!call->ok()) return call->Refuse(out);
  v1::ExportRequest request;
  JsonRequestExtras extras;
  if (Status read = ReadRequest(http, {}, &request, &extras); !read.ok()) return call->Respond(out, read, nullptr);
  // A format the exporters do not have is a 400 before the stream starts
  // (the core checks it again for gRPC, where every error is the status).
  if (auto format = io::ParseExportFormat(request.format()); !format.ok())
    return call->Respond(out, format.status(), nullptr);
  if (extras.timeout_ms) call->set_deadline_after_ms(*extras.timeout_ms);
  ClaimGraphCore* core = &core_;
  auto run = [core, request = std::move(request)](CallContext& context, const QuerySlot& slot,
                                                  const JsonLineWriter& write) {
    std::string line;
    return core->Export(context, slot, request, [&](v1::ExportChunk* chunk, bool) {
      line = ToJson(*chunk);
      line.push_back('\n');
      return write(line);
    });
  };
  StreamJsonLines(core, std::move(call), std::move(run), out);
}

void HttpApi::Register(httplib::Server* server) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  server->Post("/v1/query", [this](Req q, Res r) { Query(q, &r); });
  server->Post("/v1/export", [this](Req q, Res r) { Export(q, &r); });
  server->Get("/v1/export", [this](Req q, Res r) { Export(q, &r); });
  server->Post("/v1/explain", [this](Req q, Res r) { Unary("Explain", &ClaimGraphCore::Explain, q, &r, {}); });
  server->Post("/v1/assert", [this](Req q, Res r) { Unary("Assert", &ClaimGraphCore::Assert, q, &r, {}); });
  server->Post("/v1/retract", [this](Req q, Res r) { Unary("Retract", &ClaimGraphCore::Retract, q, &r, {}); });
  server->Post("/v1/ingest",
               [this](Req q, Res r) { Unary("IngestDocument", &ClaimGraphCore::IngestDocument, q, &r, {}); });
  server->Get(R"(/v1/claims/(\d+))", [this](Req q, Res r) {
    Unary("GetClaim", &ClaimGraphCore::GetClaim, q, &r, {{"id", q.matches[1]}});
  });
  server->Post("/v1/claims:batchGet",
               [this](Req q, Res r) { Unary("BatchGetClaims", &ClaimGraphCore::BatchGetClaims, q, &r, {}); });
  server->Get(R"(/v1/claims/(\d+)/history)", [this](Req q, Res r) {
    Unary("History", &ClaimGraphCore::History, q, &r, {{"claim_id", q.matches[1]}});
  });
  server->Get(R"(/v1/sources/(.+))", [this](Req q, Res r) {
    Unary("GetSource", &ClaimGraphCore::GetSource, q, &r, {{"key", q.matches[1]}});
  });
  server->Post("/v1/snapshot", [this](Req q, Res r) { Unary("Snapshot", &ClaimGraphCore::Snapshot, q, &r, {}); });
  server->Get("/v1/stats", [this](Req q, Res r) { Unary("Stats", &ClaimGraphCore::Stats, q, &r, {}); });
  auto verify = [this](Req q, Res r) { Unary("VerifyAudit", &ClaimGraphCore::VerifyAudit, q, &r, {}); };
  server->Get("/v1/audit/verify", verify);
  server->Post("/v1/audit/verify", verify);
  server->set_error_handler(
      httplib::Server::HandlerWithResponse([this](Req q, Res r) { return Unrouted(q, r); }));
}

httplib::Server::HandlerResponse HttpApi::Unrouted(const httplib::Request& http, httplib::Response& out) {
  if (!out.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // a route's own answer
  grpc::Status status;
  switch (out.status) {
    case 404:
      status = grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                            "no endpoint " + http.method + " " + http.path + " (docs/api.md lists them)");
      break;
    case 413:
      if (http.get_header_value("Content-Type") == "application/x-www-form-urlencoded" &&
          max_body_bytes_ > kHttplibFormLimit)
        status = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                              fmt::format("a form-encoded body is limited to {} bytes: send JSON with "
                                          "'Content-Type: application/json' (curl -H)",
                                          kHttplibFormLimit));
      else
        status = grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                              fmt::format("the request body is larger than the server's limit of {} bytes "
                                          "(--max-message-bytes)",
                                          max_body_bytes_));
      break;
    default:
      status = grpc::Status(out.status >= 500 ? grpc::StatusCode::INTERNAL : grpc::StatusCode::INVALID_ARGUMENT,
                            "the HTTP request could not be read (HTTP status " + std::to_string(out.status) + ")");
  }
  SetApiHeaders(&out);
  out.set_content(ErrorJson(status), "application/json");
  if (http.path.rfind("/v1/", 0) == 0) {  // static files are logged by the server's logger
    RequestLog log("Http");
    log.set_http_status(out.status);
    log.Done(status);
  }
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace claimgraph::server
