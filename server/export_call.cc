// The Export call, for both transports: `claimgraphd export` over the wire.
// The engine's exporter writes into ExportChunks (export_chunks.h), which
// hands whole-line chunks to the transport's writer; the last chunk carries
// the summary. An export reads the whole store, so it holds a query slot.
#include <optional>
#include <ostream>

#include "engine/io/export.h"
#include "server/claimgraph_core.h"
#include "server/export_chunks.h"

namespace claimgraph::server {

Status ClaimGraphCore::Export(CallContext& call, const QuerySlot& slot, const v1::ExportRequest& request,
                              const ExportWriter& write) {
  // Every role may read: the call is authenticated, which is all it needs.
  auto format = io::ParseExportFormat(request.format());
  if (!format.ok()) return format.status();
  if (!slot.acquired()) return slots_.Refusal();
  std::optional<engine::TxId> as_of;
  if (request.as_of_tx() != 0) as_of = request.as_of_tx();
  ExportChunks chunks([&write](v1::ExportChunk* chunk) { return write(chunk, false); }, call.cancelled);
  std::ostream out(&chunks);
  auto exported = io::Export(engine_, *format, as_of, out);
  if (chunks.failed() || (call.cancelled && call.cancelled())) return Status::Cancelled("the export was cancelled");
  if (!exported.ok()) return exported.status();
  v1::ExportChunk last;
  last.set_text(chunks.rest());
  last.set_complete(true);
  last.set_lines(exported->lines);
  last.set_as_of_tx(exported->as_of);
  call.rows = exported->lines;
  write(&last, true);
  return Status::Ok();
}

}  // namespace claimgraph::server
