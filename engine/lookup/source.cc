// A source by key with its live claim count and its kept text's state (and,
// on request, the text): GetSource (the RPC) and SHOW SOURCE.
#include "engine/engine.h"
#include "engine/lookup/lookup.h"

namespace claimgraph::engine {

Result<SourceSummary> ReadSource(const storage::ReadView& view, std::string_view key, bool include_text) {
  CG_ASSIGN_OR_RETURN(storage::Source source, view.FindSource(key));
  CG_ASSIGN_OR_RETURN(std::vector<storage::ClaimId> live, view.ClaimsBySource(source.id));
  SourceSummary out{ToSourceRecord(source), live.size(), {}, 0, {}};
  const std::vector<storage::Mark> marks = view.MarksOf(storage::Mark::Target::kSource, source.id);
  if (!marks.empty() && marks.back().deprecated) {
    out.deprecated_tx = marks.back().tx;
    out.deprecated_reason = marks.back().reason;
  }
  CG_ASSIGN_OR_RETURN(storage::Evidence e, view.GetEvidence(source.sha256));
  SourceEvidence& ev = out.evidence;
  ev.state = storage::EvidenceStateName(e.state);
  ev.bytes = e.text.size();
  if (include_text) ev.text = std::move(e.text);
  if (e.state == storage::Evidence::State::kRedacted) {
    ev.redacted_tx = e.redacted_tx;
    ev.redacted_at_us = e.redacted_at_us;
    ev.redacted_by = e.redacted_by;
    ev.reason = e.reason;
    auto asked = view.GetSource(e.redacted_source);
    ev.redacted_for = asked.ok() ? asked->key : source.key;
  }
  return out;
}

Result<SourceSummary> Engine::GetSource(std::string_view key, bool include_text) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  return ReadSource(*view, key, include_text);
}

}  // namespace claimgraph::engine
