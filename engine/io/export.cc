#include "engine/io/export.h"

#include "engine/io/snapshot_export.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

Result<ExportSummary> Export(const engine::Engine& engine, ExportFormat format, std::optional<engine::TxId> as_of,
                             std::ostream& out) {
  CG_ASSIGN_OR_RETURN(auto view, engine.store()->NewReadView(as_of));
  ExportSummary summary;
  summary.as_of = view->as_of();
  CG_ASSIGN_OR_RETURN(summary.lines,
                      format == ExportFormat::kNQuads ? ExportNQuads(*view, out) : ExportJsonl(*view, out));
  return summary;
}

}  // namespace claimgraph::io
