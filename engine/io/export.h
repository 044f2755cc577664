// `claimgraphd export`: the store as of a transaction, as N-Quads or as JSONL
// claims, or as nquads-prov (each claim a named graph with its provenance),
// through the engine (the writers are in snapshot_export.h).
#pragma once

#include <optional>
#include <string_view>
#include <ostream>

#include "engine/engine.h"

namespace claimgraph::io {

enum class ExportFormat { kNQuads, kJsonl, kNQuadsProv };

// "jsonl" (also ""), "nquads" or "nquads-prov"; InvalidArgument naming the
// three otherwise. The offline command and the Export RPC both read it here.
Result<ExportFormat> ParseExportFormat(std::string_view name);
// What a summary calls the export's lines: "claims" (JSONL) or "quads".
const char* ExportLineNoun(ExportFormat format);

struct ExportSummary {
  uint64_t lines = 0;     // quads (N-Quads, nquads-prov) or claims (JSONL) written
  engine::TxId as_of = 0;  // the snapshot they were read from
};

// The latest state when `as_of` is empty. NotFound for a transaction the
// store has not reached.
Result<ExportSummary> Export(const engine::Engine& engine, ExportFormat format, std::optional<engine::TxId> as_of,
                             std::ostream& out);

}  // namespace claimgraph::io
