#include "tools/claimgraph/watch.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "codec/format/result_format.h"
#include "tools/claimgraph/run_query.h"
#include "tools/claimgraph/watch_resume.h"

namespace claimgraph::cli {
namespace {

const std::vector<std::string> kColumns = {"tx",      "time",      "principal", "change", "claim",
                                           "subject", "predicate", "object",    "source", "reason"};

void PrintChange(const v1::WatchResponse& m, const v1::Change& c, bool json, std::ostream& out) {
  codec::Value object = FromProto(c.object());
  if (json) {
    std::vector<codec::Value> row{codec::Value::Number(double(m.tx())),
                                  codec::Value::String(m.time()),
                                  codec::Value::String(m.principal()),
                                  codec::Value::String(c.kind()),
                                  codec::Value::Claim(c.claim_id()),
                                  codec::Value::Entity(c.subject().id(), c.subject().name()),
                                  codec::Value::Predicate(0, c.predicate()),
                                  object,
                                  codec::Value::String(c.source()),
                                  c.kind() == "retracted" ? codec::Value::String(c.reason()) : codec::Value::Null()};
    out << codec::FormatJsonRow(kColumns, row, nullptr) << std::endl;
    return;
  }
  // As `claimgraph history` prints an event: tx, time, what and by whom, then the claim.
  std::string line = "tx ";
  line.append(std::to_string(m.tx())).append("  ").append(m.time()).append("  ").append(c.kind());
  line.append(" by ").append(m.principal()).append("  claim ").append(std::to_string(c.claim_id()));
  line.append("  ").append(c.subject().name()).append(" ").append(c.predicate()).append(" ");
  line.append(codec::CellsOf({object}).front()).append("  source ").append(c.source());
  if (c.kind() == "retracted") line.append("  reason: ").append(c.reason());
  out << line << std::endl;
}

bool Retryable(const grpc::Status& s) {
  // UNAVAILABLE: the server stopped (it says after which tx) or cannot be
  // reached; UNKNOWN/INTERNAL: a connection cut mid-stream.
  return s.error_code() == grpc::StatusCode::UNAVAILABLE || s.error_code() == grpc::StatusCode::UNKNOWN ||
         s.error_code() == grpc::StatusCode::INTERNAL;
}

}  // namespace

int RunWatch(Client& client, const WatchOptions& options, std::ostream& out, std::ostream& err) {
  uint64_t since = 0;
  if (options.since) {
    since = *options.since;
  } else {
    auto ctx = client.Context();
    v1::StatsResponse stats;
    grpc::Status s = client.stub().Stats(ctx.get(), {}, &stats);
    if (!s.ok()) {
      err << "error: " << Describe(s) << "\n";
      return 1;
    }
    since = stats.transactions();
  }
  err << "watching changes after tx " << since << (options.pattern.empty() ? "" : " matching " + options.pattern)
      << std::endl;
  WatchResume resume(since);
  uint64_t printed = 0;
  int backoff_ms = 200;
  while (true) {
    grpc::ClientContext ctx;  // no deadline: a watch runs until stopped
    if (!client.token().empty()) ctx.AddMetadata("authorization", "Bearer " + client.token());
    ctx.set_wait_for_ready(true);  // a restarting server: wait for it rather than fail at once
    v1::WatchRequest request;
    request.set_since_tx(resume.since());
    request.set_pattern(options.pattern);
    auto reader = client.stub().Watch(&ctx, request);
    resume.StartStream();
    v1::WatchResponse m;
    while (reader->Read(&m)) {
      backoff_ms = 200;
      for (const auto& c : m.changes()) {
        if (!resume.Take(m.tx())) continue;
        PrintChange(m, c, options.json, out);
        if (++printed == options.max) {  // max 0: never
          ctx.TryCancel();
          return 0;
        }
      }
      resume.EndMessage(m.tx(), m.complete());
    }
    grpc::Status status = reader->Finish();
    if (!Retryable(status)) {
      err << "error: " << Describe(status) << "\n";
      return 1;
    }
    err << "watch interrupted (" << Describe(status) << "); resuming after tx " << resume.since() << " in " << backoff_ms
        << " ms" << std::endl;
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
    backoff_ms = std::min(backoff_ms * 2, options.max_backoff_ms);
  }
}

}  // namespace claimgraph::cli
