// How a statement's rows leave the server, for the Query RPC and for each
// statement of a Session: in batches as the engine produces them, the header
// with the first batch and the last batch with the trailer, so a small
// result is one message (one write) rather than header, batch, trailer.
//
// A batch's messages live on an arena that is reset after each write: a row
// of a large answer then costs no malloc and no destructor (the heap-built
// batch spent a quarter of the server's time on a 37k-row answer in new,
// delete and DestroyProtos).
//
// For gRPC the rows skip the message objects altogether (RowForm::kWire): each
// row is appended to the batch as wire bytes (server/row_wire.h), and a
// message goes out with its header, rows and trailer as unknown fields in
// field order — protobuf writes those bytes as they are, so the client
// receives the bytes the message form would have given (row_wire_test checks
// it). The HTTP API converts messages to JSON and keeps the message form.
#pragma once

#include <google/protobuf/arena.h>

#include <functional>
#include <memory>
#include <string>

#include "claimgraph/v1/claimgraph.pb.h"
#include "engine/engine.h"
#include "server/proto_convert.h"
#include "server/row_wire.h"

namespace claimgraph::server {

// How rows are carried in the messages the sink hands out: as v1::Row
// messages, or (for a caller that only serializes them) as their wire bytes.
enum class RowForm { kMessages, kWire };

class StreamingSink final : public engine::RowSink {
 public:
  // `write` sends one full batch (false: the client went away); `cancelled`
  // (may be empty) says whether the client went away before a batch is sent.
  using Write = std::function<bool(v1::QueryResponse* message)>;
  // `request` gives the batch size and how whole numbers go out.
  StreamingSink(std::function<bool()> cancelled, Write write, const v1::QueryRequest& request,
                RowForm form = RowForm::kMessages)
      : form_(form),
        cancelled_(std::move(cancelled)),
        write_(std::move(write)),
        batch_rows_(request.batch_rows() ? request.batch_rows() : 512),
        numbers_(request.integers() ? ValueNumbers::kIntegers : ValueNumbers::kDoubles),
        cells_(numbers_),
        block_(new char[kArenaBlockBytes]),
        arena_(ArenaOptionsFor(block_.get())),
        pending_(google::protobuf::Arena::CreateMessage<v1::QueryResponse>(&arena_)) {}

  Status Header(const std::vector<std::string>& columns, std::optional<engine::TxId> as_of) override;
  Status Row(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance) override;
  // RowForm::kWire writes an entity from the bytes it wrote for it before
  // (server/row_wire.h, EntityCellWriter).
  bool TakeEntitiesById(engine::EntityNames* names) override;
  // The last message: whatever is pending, plus the trailer of `result`
  // with what `more` adds to it (may be empty). It is on the sink's arena:
  // valid while the sink lives. In RowForm::kWire it is ready to serialize
  // only: its fields are unknown fields.
  v1::QueryResponse* Last(const engine::QueryResult& result,
                          const std::function<void(v1::QueryTrailer*)>& more = {});

 private:
  // The first block, kept across resets: small, so that the many one-row
  // answers (point statements) take it from the allocator's thread cache;
  // a large batch grows the arena by further blocks.
  static constexpr size_t kArenaBlockBytes = 16 * 1024;
  static google::protobuf::ArenaOptions ArenaOptionsFor(char* block);
  // RowForm::kWire: moves the pending message's header, the batch's bytes and
  // its trailer into its unknown fields, in field order.
  void Seal();

  RowForm form_;
  std::function<bool()> cancelled_;
  Write write_;
  uint32_t batch_rows_;
  ValueNumbers numbers_;
  EntityCellWriter cells_;  // RowForm::kWire
  std::unique_ptr<char[]> block_;  // the arena's first block, kept across resets
  google::protobuf::Arena arena_;
  v1::QueryResponse* pending_;
  // RowForm::kWire: the pending batch's rows as RowBatch bytes, and where
  // Seal lent them (taken back after the write to keep the capacity).
  uint32_t wire_rows_ = 0;
  std::string wire_batch_;
  std::string* lent_batch_ = nullptr;
};

}  // namespace claimgraph::server
