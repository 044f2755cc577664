// A result row as claimgraph.v1 wire bytes, written straight from the
// engine's values: the bytes protobuf's serializer gives for the Row that
// ToProto would build, without building it (issue 17, item 2). `perf` on the
// hub shape put a fifth of the server's CPU in making, sizing, serializing
// and resetting one v1::Row and one v1::Value per cell; this writes each
// cell once. tests/server/row_wire_test.cc checks the bytes against
// protobuf's on every value kind and on real answers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "engine/value.h"
#include "server/proto_convert.h"

namespace claimgraph::server {

// Appends one element of RowBatch.rows (field 1: tag, length, then the Row
// with `row`'s values in order and `provenance` packed) to `out`: the
// concatenation of these for a batch's rows is the RowBatch message.
void AppendRowBatchEntry(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance,
                         ValueNumbers numbers, std::string* out);

// The same, for a sink that takes entities by id (engine::RowSink::
// TakeEntitiesById): a cell Value::Entity(id, "") is written as the entity
// with its name, from the bytes kept of its last appearance or, the first
// time, from `names`. Other cells are written as AppendRowBatchEntry writes
// them. What it keeps is bounded (kKeptBytes): past it, it starts again.
class EntityCellWriter {
 public:
  explicit EntityCellWriter(ValueNumbers numbers) : numbers_(numbers) {}
  // Null: no names (every cell must then be whole). Forgets what it kept,
  // since the names belong to one statement's view.
  void set_names(engine::EntityNames* names);
  Status Append(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance, std::string* out);

  static constexpr size_t kKeptBytes = 8 << 20;

 private:
  // Where an entity's cell (Row.values tag, length and the Value) lies in kept_.
  struct Kept {
    uint64_t entity = 0;
    size_t offset = 0, size = 0;  // size 0: not kept (a whole cell)
  };
  Result<Kept> CellOf(uint64_t entity);

  ValueNumbers numbers_;
  engine::EntityNames* names_ = nullptr;
  absl::flat_hash_map<uint64_t, Kept> cells_;
  std::string kept_;
  std::vector<Kept> last_;  // per column: the entity cell of the row before (size 0: none)
  std::vector<std::string_view> cell_bytes_;  // per column: a kept cell's bytes, or none
};

}  // namespace claimgraph::server
