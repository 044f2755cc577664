// The HTTP API's JSON: protobuf's own JSON mapping of the claimgraph.v1
// messages (so the HTTP API is the gRPC API in JSON, not a second schema),
// with two allowances for a person with curl:
//   - a `bytes` field (QueryRequest.statement, IngestDocumentRequest.text)
//     is written as a plain JSON string, not base64;
//   - `timeout_ms`, beside the message's fields, is the call's deadline.
// And one error shape for every failure:
//   {"code": 3, "status": "INVALID_ARGUMENT", "message": "...",
//    "line": 1, "column": 15, "length": 8}
// where line/column/length are there when the message names a position.
#pragma once

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "claimgraph/v1/claimgraph.pb.h"

namespace claimgraph::server {

struct JsonRequestExtras {
  std::optional<uint64_t> timeout_ms;
};

// Fills `out` from a JSON object: the request body (empty = {}), with the
// fields in `fixed` (path parameters, e.g. {"id": "12"}) set over it.
// INVALID_ARGUMENT naming the byte or the field at fault.
Status ParseJsonRequest(std::string_view body, const std::map<std::string, std::string>& fixed,
                        google::protobuf::Message* out, JsonRequestExtras* extras);

// Fills `out` from URL query parameters (a GET): each names a field of the
// message, its value written as in a URL (`by_predicate=true`, `id=12`).
Status ParseQueryParameters(const std::multimap<std::string, std::string>& params,
                            const std::map<std::string, std::string>& fixed, google::protobuf::Message* out,
                            JsonRequestExtras* extras);

// One message as JSON: field names as in the .proto, every field printed
// (zeros and empty strings too, unless `print_defaults` is false), enums by
// name, 64-bit numbers as strings.
std::string ToJson(const google::protobuf::Message& message, bool print_defaults = true);

// One line of /v1/query: the QueryResponse as ToJson prints it, except that
// rows leave out an empty `provenance` (the mapping's default): printing
// every default field makes protobuf build a tree of each row first, which
// tripled the server's CPU per row.
std::string QueryResponseJson(const v1::QueryResponse& message);

// The error object for `status` (not OK): the body of an error response.
std::string ErrorJson(const grpc::Status& status);
// The same object as a stream's last line: {"error": {...}}.
std::string StreamErrorJson(const grpc::Status& status);

// The HTTP status that goes with a gRPC code.
int HttpStatusFor(grpc::StatusCode code);

}  // namespace claimgraph::server
