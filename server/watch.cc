// The Watch RPC: the change feed. Committed changes after since_tx first,
// then each new transaction's as it commits (Engine::WaitForCommit, in short
// slices so that a cancelled call or a draining server is noticed). A
// transaction's changes go out together, `complete` on its last message;
// the stream ends with UNAVAILABLE naming the last transaction sent in full
// when the server stops, so that the client resumes after it. With
// progress_seconds, a quiet stream says how far it has looked (etcd's
// progress notifications): a filtered watch then resumes from there.
#include <chrono>
#include <optional>
#include <thread>

#include "base/timestamp.h"
#include "server/admitted_call.h"
#include "server/proto_convert.h"
#include "server/service.h"
#include "server/status_convert.h"
#include "server/streaming_sink.h"

namespace claimgraph::server {
namespace {

constexpr int kChangesPerMessage = 256;  // a larger transaction is split over several messages
constexpr auto kWaitSlice = std::chrono::milliseconds(100);  // how soon shutdown or a cancel is noticed
constexpr uint32_t kLongestProgressSeconds = 3600;

}  // namespace

grpc::Status ClaimGraphService::Watch(grpc::ServerContext* context, const v1::WatchRequest* request,
                                      grpc::ServerWriter<v1::WatchResponse>* writer) {
  AdmittedCall call("Watch", *context, core_);
  if (!call.ok()) return call.refusal();  // authenticated: every role may read
  RequestLog& log = call.log();
  auto stopping = [&] { return core_.gate().closing() || context->IsCancelled(); };
  if (request->progress_seconds() > kLongestProgressSeconds)
    return log.Done(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 "progress_seconds " + std::to_string(request->progress_seconds()) + " is over " +
                                     std::to_string(kLongestProgressSeconds)));

  engine::TxId done = request->since_tx();  // every matching change up to here was sent, complete
  uint64_t sent = 0;
  // Progress messages (progress_seconds): after that long without a
  // message, "every transaction through `done` examined".
  const auto progress_every = std::chrono::seconds(request->progress_seconds());
  auto last_message = std::chrono::steady_clock::now();
  v1::WatchResponse pending;  // the transaction being walked (has_pending: it has changes)
  bool has_pending = false;
  bool write_failed = false;
  const Status kStop = Status::Cancelled("watch stopped");
  engine::ChangeVisitor visitor;
  visitor.change = [&](const engine::ChangeEvent& e) -> Status {
    if (!has_pending) {
      pending.Clear();
      pending.set_tx(e.tx);
      pending.set_time(base::FormatTimestamp(e.time_us));
      pending.set_principal(e.principal);
      has_pending = true;
    } else if (pending.changes_size() >= kChangesPerMessage) {
      if (stopping()) return kStop;  // mid-transaction: the client resumes from the last complete one
      if (!writer->Write(pending)) {
        write_failed = true;
        return kStop;
      }
      last_message = std::chrono::steady_clock::now();
      pending.clear_changes();
    }
    ToProto(e, pending.add_changes());
    ++sent;
    return Status::Ok();
  };
  visitor.tx_done = [&](engine::TxId tx) -> Status {
    if (has_pending) {
      pending.set_complete(true);
      if (!writer->Write(pending)) {
        write_failed = true;
        return kStop;
      }
      last_message = std::chrono::steady_clock::now();
      has_pending = false;
    }
    done = tx;
    return stopping() ? kStop : Status::Ok();
  };

  // Between transactions only: `done` is then a place to resume from.
  auto progress_if_due = [&] {
    if (progress_every.count() == 0 || std::chrono::steady_clock::now() - last_message < progress_every) return;
    v1::WatchResponse progress;
    progress.set_tx(done);
    progress.set_complete(true);
    progress.set_progress(true);
    if (!writer->Write(progress)) write_failed = true;
    last_message = std::chrono::steady_clock::now();
  };

  bool first_walk = true;
  while (true) {
    // A walk through the log is a query: it holds one of the query slots
    // while it runs (waiting between commits holds none). The first is
    // refused as Query is; a later one waits for a slot, since the changes
    // stay in the log meanwhile.
    std::optional<QuerySlot> slot;
    slot.emplace(&core_.slots());
    while (!slot->acquired() && !first_walk && !stopping()) {
      slot.reset();
      std::this_thread::sleep_for(kWaitSlice);
      slot.emplace(&core_.slots());
    }
    if (stopping()) break;
    if (!slot->acquired())
      return log.Done(ToGrpcStatus(core_.slots().Refusal()));
    first_walk = false;
    engine::ChangesRequest changes;
    changes.since_tx = done;
    changes.pattern = request->pattern();
    Result<engine::TxId> walked = core_.engine().Changes(changes, visitor);
    slot.reset();
    if (!walked.ok() && !(walked.status().code() == StatusCode::kCancelled && (stopping() || write_failed)))
      return log.Done(ToGrpcStatus(walked.status()));  // a bad pattern, since_tx beyond the newest
    if (walked.ok()) done = *walked;
    if (stopping() || write_failed) break;
    progress_if_due();
    while (!stopping() && !write_failed && core_.engine().WaitForCommit(done, kWaitSlice) <= done) progress_if_due();
    if (stopping() || write_failed) break;
  }
  log.set_rows(sent);
  if (context->IsCancelled() || write_failed)
    return log.Done(grpc::Status(grpc::StatusCode::CANCELLED, "the watch was cancelled"));
  return log.Done(grpc::Status(grpc::StatusCode::UNAVAILABLE, "claimgraphd is stopping; resume the watch after tx " +
                                                                   std::to_string(done) + " (since_tx " +
                                                                   std::to_string(done) + ")"));
}

}  // namespace claimgraph::server
