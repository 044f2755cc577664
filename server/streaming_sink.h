// How a statement's rows leave the server, for the Query RPC and for each
// statement of a Session: in batches as the engine produces them, the header
// with the first batch and the last batch with the trailer, so a small
// result is one message (one write) rather than header, batch, trailer.
#pragma once

#include <functional>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/engine.h"

namespace claimgraph::server {

class StreamingSink final : public engine::RowSink {
 public:
  // `write` sends one full batch (false: the client went away); `cancelled`
  // (may be empty) says whether the client went away before a batch is sent.
  using Write = std::function<bool(v1::QueryResponse* message)>;
  StreamingSink(std::function<bool()> cancelled, Write write, uint32_t batch_rows)
      : cancelled_(std::move(cancelled)), write_(std::move(write)), batch_rows_(batch_rows ? batch_rows : 512) {}

  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) override;
  Status Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) override;
  // The last message: whatever is pending, plus the trailer of `result`.
  v1::QueryResponse* Last(const engine::QueryResult& result);

 private:
  std::function<bool()> cancelled_;
  Write write_;
  uint32_t batch_rows_;
  v1::QueryResponse pending_;
};

}  // namespace claimgraph::server
