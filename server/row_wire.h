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
#include <vector>

#include "engine/value.h"
#include "server/proto_convert.h"

namespace claimgraph::server {

// Appends one element of RowBatch.rows (field 1: tag, length, then the Row
// with `row`'s values in order and `provenance` packed) to `out`: the
// concatenation of these for a batch's rows is the RowBatch message.
void AppendRowBatchEntry(const std::vector<engine::Value>& row, const std::vector<uint64_t>& provenance,
                         ValueNumbers numbers, std::string* out);

}  // namespace claimgraph::server
