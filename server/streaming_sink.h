// How a statement's rows leave the server, for the Query RPC and for each
// statement of a Session: in batches as the engine produces them, the header
// with the first batch and the last batch with the trailer, so a small
// result is one message (one write) rather than header, batch, trailer.
#pragma once

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <functional>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/engine.h"

namespace claimgraph::server {

class StreamingSink final : public engine::RowSink {
 public:
  // `write` sends one full batch (false: the client went away).
  using Write = std::function<bool(v1::QueryResponse* message)>;
  StreamingSink(grpc::ServerContextBase* context, Write write, uint32_t batch_rows)
      : context_(context), write_(std::move(write)), batch_rows_(batch_rows ? batch_rows : 512) {}

  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) override;
  Status Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) override;
  // The last message: whatever is pending, plus the trailer of `result`.
  v1::QueryResponse* Last(const engine::QueryResult& result);

 private:
  grpc::ServerContextBase* context_;
  Write write_;
  uint32_t batch_rows_;
  v1::QueryResponse pending_;
};

// Holds one of the limited query slots for the duration of a statement.
class QuerySlot {
 public:
  QuerySlot(std::atomic<int>* running, int max) : running_(running) { acquired_ = running_->fetch_add(1) < max; }
  ~QuerySlot() { running_->fetch_sub(1); }
  QuerySlot(const QuerySlot&) = delete;
  QuerySlot& operator=(const QuerySlot&) = delete;
  bool acquired() const { return acquired_; }

 private:
  std::atomic<int>* running_;
  bool acquired_;
};

}  // namespace claimgraph::server
