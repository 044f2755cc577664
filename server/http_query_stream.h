// POST /v1/query: a statement's answer streamed as JSON lines
// (application/x-ndjson), each line one QueryResponse as gRPC sends it — the
// header with the first rows, row batches, the trailer with the last rows.
//
// The statement runs inside httplib's chunked content provider, because only
// there can the server see that the client went away (DataSink::is_writable):
// a closed tab or an aborted fetch cancels the query as a gRPC cancel does.
// The price: the status line (200) is written before the statement runs, so
// an error found while it runs — a bad statement, a deadline, a role — is
// the stream's last line, {"error": {...}} (as gRPC itself answers HTTP 200
// and puts grpc-status in the trailers). Refusals known before the stream
// (drain, token, origin, bad JSON, no query slot) get their own HTTP status.
#pragma once

#include <httplib.h>

#include <memory>

#include "server/claimgraph_core.h"
#include "server/http_call.h"

namespace claimgraph::server {

// `call` is admitted, with its deadline set from the request.
void StreamQuery(ClaimGraphCore* core, std::unique_ptr<HttpCall> call, v1::QueryRequest request,
                 httplib::Response* response);

}  // namespace claimgraph::server
