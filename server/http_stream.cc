#include "server/http_stream.h"

#include <chrono>
#include <optional>
#include <string>

#include "server/http_json.h"
#include "server/status_convert.h"

namespace claimgraph::server {
namespace {

// Everything one stream holds until httplib has sent it: the call (its log
// line and its place in the drain), its query slot and what it runs.
struct Stream {
  Stream(ClaimGraphCore* core, std::unique_ptr<HttpCall> call, StreamedCall run)
      : call(std::move(call)), run(std::move(run)) {
    slot.emplace(&core->slots());
  }
  std::unique_ptr<HttpCall> call;
  std::optional<QuerySlot> slot;  // freed as soon as the call ends, before httplib finishes the response
  StreamedCall run;
  bool answered = false;  // the call ran and its status is logged
};

// Whether the client is still there costs two system calls; the engine asks
// far more often than that is worth.
constexpr auto kClientCheckInterval = std::chrono::milliseconds(50);

}  // namespace

void StreamJsonLines(ClaimGraphCore* core, std::unique_ptr<HttpCall> call, StreamedCall run,
                     httplib::Response* response) {
  auto stream = std::make_shared<Stream>(core, std::move(call), std::move(run));
  if (!stream->slot->acquired()) {
    stream->call->Respond(response, core->slots().Refusal(), nullptr);
    return;
  }
  SetApiHeaders(response);
  auto provide = [stream](size_t, httplib::DataSink& sink) {
    CallContext& context = stream->call->context();
    auto next_check = std::chrono::steady_clock::now();
    bool gone = false;
    context.cancelled = [&] {
      auto now = std::chrono::steady_clock::now();
      if (!gone && now >= next_check) {
        gone = !sink.is_writable();
        next_check = now + kClientCheckInterval;
      }
      return gone;
    };
    auto write = [&sink](std::string_view line) { return sink.write(line.data(), line.size()); };
    grpc::Status status = ToGrpcStatus(stream->run(context, *stream->slot, write));
    stream->slot.reset();
    if (!status.ok()) {
      std::string line = StreamErrorJson(status);
      line.push_back('\n');
      sink.write(line.data(), line.size());  // a client that went away reads nothing more
    }
    context.cancelled = nullptr;  // it refers to this sink
    RequestLog& log = stream->call->log();
    log.set_rows(context.rows);
    log.set_http_status(200);
    log.Done(status);
    stream->answered = true;
    sink.done();
    return true;
  };
  // The stream's state (and so its log line, slot and drain ticket) lives
  // until httplib is done with the response.
  response->set_chunked_content_provider("application/x-ndjson", std::move(provide), [stream](bool) {
    if (!stream->answered) {  // the client left before the call ran
      stream->call->log().set_http_status(200);
      stream->call->log().Done(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
    }
    stream->call.reset();
  });
}

}  // namespace claimgraph::server
