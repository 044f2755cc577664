// The start every HTTP API request shares, as AdmittedCall is for an RPC:
// its request log line, a place in the drain (call_gate.h), the browser
// checks (below), the caller's principal from `Authorization: Bearer`, and
// the CallContext the core works with. It answers through Respond, which
// converts a Status in one place (status_convert.h, then http_json.h).
//
// Browser checks. Without --auth-file every caller is the admin "local", so
// a page on another site must not be able to reach a server on loopback
// through the analyst's browser:
//   - a request whose Origin is not this server's own (or whose
//     Sec-Fetch-Site says cross-site) is refused: cross-site request forgery;
//   - on loopback, a request whose Host is not a loopback name is refused:
//     DNS rebinding (evil.example resolving to 127.0.0.1).
// curl sends no Origin and a loopback Host, so it is served.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>

#include "server/call_context.h"
#include "server/claimgraph_core.h"
#include "server/request_log.h"

namespace claimgraph::server {

struct HttpEndpoint {
  bool loopback = true;  // listening on a loopback address
  bool tls = false;
};

class HttpCall {
 public:
  HttpCall(const char* method, const httplib::Request& request, ClaimGraphCore& core, const HttpEndpoint& endpoint);

  bool ok() const { return admitted_; }
  // Answers why the call was not admitted (draining, a foreign origin, no token).
  void Refuse(httplib::Response* response) { Respond(response, refusal_, nullptr); }
  CallContext& context() { return call_; }
  void set_deadline_after_ms(uint64_t ms);
  // The answer: `body` as JSON when OK, else the error object with its
  // HTTP status. Logged with the rows the core counted.
  void Respond(httplib::Response* response, const Status& status, const google::protobuf::Message* body);
  void Respond(httplib::Response* response, const grpc::Status& status, const google::protobuf::Message* body);
  // For a stream whose status line went out before the answer was known.
  RequestLog& log() { return log_; }

 private:
  RequestLog log_;
  CallGate::Ticket ticket_;
  bool admitted_ = false;
  grpc::Status refusal_;
  CallContext call_;
};

// Response headers every /v1 answer carries (no caching of data, no sniffing).
void SetApiHeaders(httplib::Response* response);

}  // namespace claimgraph::server
