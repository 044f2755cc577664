// How a statement's rows leave the server, for the Query RPC and for each
// statement of a Session: in batches as the engine produces them, the header
// with the first batch and the last batch with the trailer, so a small
// result is one message (one write) rather than header, batch, trailer.
//
// A batch's messages live on an arena that is reset after each write: a row
// of a large answer then costs no malloc and no destructor (the heap-built
// batch spent a quarter of the server's time on a 37k-row answer in new,
// delete and DestroyProtos).
#pragma once

#include <google/protobuf/arena.h>

#include <functional>
#include <memory>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/engine.h"
#include "server/proto_convert.h"

namespace claimgraph::server {

class StreamingSink final : public engine::RowSink {
 public:
  // `write` sends one full batch (false: the client went away); `cancelled`
  // (may be empty) says whether the client went away before a batch is sent.
  using Write = std::function<bool(v1::QueryResponse* message)>;
  // `request` gives the batch size and how whole numbers go out.
  StreamingSink(std::function<bool()> cancelled, Write write, const v1::QueryRequest& request)
      : cancelled_(std::move(cancelled)),
        write_(std::move(write)),
        batch_rows_(request.batch_rows() ? request.batch_rows() : 512),
        numbers_(request.integers() ? ValueNumbers::kIntegers : ValueNumbers::kDoubles),
        block_(new char[kArenaBlockBytes]),
        arena_(ArenaOptionsFor(block_.get())),
        pending_(google::protobuf::Arena::CreateMessage<v1::QueryResponse>(&arena_)) {}

  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) override;
  Status Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) override;
  // The last message: whatever is pending, plus the trailer of `result`.
  // It is on the sink's arena: valid while the sink lives.
  v1::QueryResponse* Last(const engine::QueryResult& result);

 private:
  // The first block, kept across resets: small, so that the many one-row
  // answers (point statements) take it from the allocator's thread cache;
  // a large batch grows the arena by further blocks.
  static constexpr size_t kArenaBlockBytes = 16 * 1024;
  static google::protobuf::ArenaOptions ArenaOptionsFor(char* block);

  std::function<bool()> cancelled_;
  Write write_;
  uint32_t batch_rows_;
  ValueNumbers numbers_;
  std::unique_ptr<char[]> block_;  // the arena's first block, kept across resets
  google::protobuf::Arena arena_;
  v1::QueryResponse* pending_;
};

}  // namespace claimgraph::server
