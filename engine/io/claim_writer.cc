#include "engine/io/claim_writer.h"

namespace claimgraph::io {

Result<std::unique_ptr<ClaimWriter>> ClaimWriter::Create(storage::ClaimStore* store,
                                                         const storage::WriteOptions& options) {
  std::unique_ptr<ClaimWriter> w(new ClaimWriter());
  CG_ASSIGN_OR_RETURN(w->tx_, store->BeginWrite(options));
  CG_ASSIGN_OR_RETURN(w->names_, engine::WriteNames::Create(w->tx_.get()));
  return w;
}

Result<storage::SourceId> ClaimWriter::Source(const storage::SourceInput& input) {
  bool has_metadata = !input.title.empty() || !input.publisher.empty() || !input.published.empty() ||
                      !input.url.empty() || !input.sha256.empty();
  if (!has_metadata) {
    auto it = sources_.find(input.key);
    if (it != sources_.end()) return it->second;
  }
  CG_ASSIGN_OR_RETURN(storage::SourceId id, tx_->UpsertSource(input));
  sources_[input.key] = id;
  return id;
}

Result<bool> ClaimWriter::SeenRetractedRecord(const storage::ClaimInput& c, int64_t retracted_at_us) {
  storage::ClaimIdentity id = storage::IdentityOf(c, false);
  auto key = std::make_tuple(id.subject, id.predicate, id.object, id.source, id.has_span ? id.span_begin : ~0ull,
                             id.span_end, id.quote, static_cast<int>(id.modality), c.asserted_at_us, retracted_at_us);
  if (restored_.count(key)) return true;
  CG_ASSIGN_OR_RETURN(auto stored, tx_->FindRetractedRecord(c, retracted_at_us));
  if (stored) return true;
  restored_.insert(std::move(key));
  return false;
}

}  // namespace claimgraph::io
