#include "engine/io/export.h"

#include "engine/io/snapshot_export.h"
#include "storage/claim_store.h"

namespace claimgraph::io {

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name.empty() || name == "jsonl") return ExportFormat::kJsonl;
  if (name == "nquads") return ExportFormat::kNQuads;
  if (name == "nquads-prov") return ExportFormat::kNQuadsProv;
  return Status::InvalidArgument("unknown export format \"" + std::string(name) +
                                 "\": jsonl, nquads or nquads-prov");
}

const char* ExportLineNoun(ExportFormat format) { return format == ExportFormat::kJsonl ? "claims" : "quads"; }

Result<ExportSummary> Export(const engine::Engine& engine, ExportFormat format, std::optional<engine::TxId> as_of,
                             std::ostream& out) {
  CG_ASSIGN_OR_RETURN(auto view, engine.store()->NewReadView(as_of));
  ExportSummary summary;
  summary.as_of = view->as_of();
  Result<uint64_t> lines = format == ExportFormat::kNQuads ? ExportNQuads(*view, out)
                           : format == ExportFormat::kJsonl ? ExportJsonl(*view, out)
                                                            : ExportNQuadsProv(*view, out);
  CG_ASSIGN_OR_RETURN(summary.lines, std::move(lines));
  return summary;
}

}  // namespace claimgraph::io
