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
// with its name, asked of `names` — unless the column held the same entity in
// the row before (the claims of one fact, the first hop of a join), whose
// cell bytes it keeps. Other cells are written as AppendRowBatchEntry writes
// them.
class EntityCellWriter {
 public:
  explicit EntityCellWriter(ValueNumbers numbers) : numbers_(numbers) {}
  // Null: no names (every cell must then be whole). Forgets what it kept:
  // the names belong to one statement's view.
  void set_names(engine::EntityNames* names);
  Status Append(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance, std::string* out);

 private:
  struct Column {
    uint64_t entity = 0;  // whose cell `cell` is (0: none)
    std::string cell;     // Row.values tag, length and the Value
  };

  ValueNumbers numbers_;
  engine::EntityNames* names_ = nullptr;
  std::vector<Column> columns_;
  std::vector<std::string_view> cells_;  // per column of the row being written: a kept cell, or none
};

}  // namespace claimgraph::server
