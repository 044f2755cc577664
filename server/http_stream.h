// A call whose answer is a stream of messages, over HTTP: JSON lines
// (application/x-ndjson), each line one message as gRPC sends it. POST
// /v1/query streams QueryResponse messages (the header with the first rows,
// row batches, the trailer with the last rows); POST /v1/export streams
// ExportChunk messages (whole lines of the export, the summary last).
//
// The call runs inside httplib's chunked content provider, because only
// there can the server see that the client went away (DataSink::is_writable):
// a closed tab or an aborted fetch cancels the call as a gRPC cancel does.
// The price: the status line (200) is written before the call runs, so an
// error found while it runs — a bad statement, a deadline, a role — is the
// stream's last line, {"error": {...}} (as gRPC itself answers HTTP 200 and
// puts grpc-status in the trailers). Refusals known before the stream
// (drain, token, origin, bad JSON, no query slot) get their own HTTP status.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string_view>

#include "server/claimgraph_core.h"
#include "server/http_call.h"

namespace claimgraph::server {

// Writes one line of the stream (its '\n' included); false: the client went away.
using JsonLineWriter = std::function<bool(std::string_view line)>;
// The core call a stream runs, given the call's context, its query slot
// (acquired) and the writer of its lines.
using StreamedCall = std::function<Status(CallContext& context, const QuerySlot& slot, const JsonLineWriter& write)>;

// `call` is admitted, with its deadline set from the request. Every streamed
// call holds a query slot: without a free one it is refused before the
// stream starts (429, as the slots say).
void StreamJsonLines(ClaimGraphCore* core, std::unique_ptr<HttpCall> call, StreamedCall run,
                     httplib::Response* response);

}  // namespace claimgraph::server
