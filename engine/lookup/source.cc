// A source by key with its live claim count: GetSource (the RPC).
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<SourceSummary> ReadSource(const storage::ReadView& view, std::string_view key) {
  CG_ASSIGN_OR_RETURN(storage::Source source, view.FindSource(key));
  CG_ASSIGN_OR_RETURN(std::vector<storage::ClaimId> live, view.ClaimsBySource(source.id));
  return SourceSummary{ToSourceRecord(source), live.size()};
}

Result<SourceSummary> Engine::GetSource(std::string_view key) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadSource(*view, key);
}

}  // namespace claimgraph::engine
