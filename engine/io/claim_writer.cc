#include "engine/io/claim_writer.h"

namespace claimgraph::io {

Result<std::unique_ptr<ClaimWriter>> ClaimWriter::Create(storage::ClaimStore* store,
                                                         const storage::WriteOptions& options) {
  std::unique_ptr<ClaimWriter> w(new ClaimWriter());
  CG_ASSIGN_OR_RETURN(w->tx_, store->BeginWrite(options));
  CG_ASSIGN_OR_RETURN(w->names_, engine::WriteNames::Create(w->tx_.get()));
  CG_ASSIGN_OR_RETURN(w->before_, store->NewReadView(std::nullopt));
  return w;
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

Result<bool> ClaimWriter::DeprecateSourceIfNew(storage::SourceId id, std::string_view key, std::string_view reason) {
  if (!sources_settled_.insert(id).second) return false;
  Result<storage::Source> had = before_->FindSource(key);
  if (had.ok()) return false;
  if (had.status().code() != StatusCode::kNotFound) return had.status();
  CG_RETURN_IF_ERROR(tx_->SetDeprecated(storage::Mark::Target::kSource, id, true, reason));
  return true;
}

}  // namespace claimgraph::io
