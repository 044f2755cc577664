// `claimgraphd export`: the store as of a transaction, as N-Quads or as JSONL
// claims, or as nquads-prov (each claim a named graph with its provenance),
// through the engine (the writers are in snapshot_export.h).
#pragma once

#include <optional>
#include <ostream>

#include "engine/engine.h"

namespace claimgraph::io {

enum class ExportFormat { kNQuads, kJsonl, kNQuadsProv };

struct ExportSummary {
  uint64_t lines = 0;     // quads (N-Quads, nquads-prov) or claims (JSONL) written
  engine::TxId as_of = 0;  // the snapshot they were read from
};

// The latest state when `as_of` is empty. NotFound for a transaction the
// store has not reached.
Result<ExportSummary> Export(const engine::Engine& engine, ExportFormat format, std::optional<engine::TxId> as_of,
                             std::ostream& out);

}  // namespace claimgraph::io
