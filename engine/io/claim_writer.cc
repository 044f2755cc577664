#include "engine/io/claim_writer.h"

namespace claimgraph::io {

Result<std::unique_ptr<ClaimWriter>> ClaimWriter::Create(storage::ClaimStore* store,
                                                         const storage::WriteOptions& options) {
  std::unique_ptr<ClaimWriter> w(new ClaimWriter());
  CG_ASSIGN_OR_RETURN(w->before_, store->NewReadView());
  CG_ASSIGN_OR_RETURN(auto predicates, w->before_->ListPredicates());
  for (const auto& p : predicates)
    if (!p.inverse.empty()) w->inverse_of_[p.inverse] = p.id;
  CG_ASSIGN_OR_RETURN(w->tx_, store->BeginWrite(options));
  w->written_.reserve(1 << 16);
  return w;
}

Result<storage::EntityId> ClaimWriter::Entity(const std::string& name) {
  // The same spelling recurs on many lines: skip normalization for it.
  auto it = entities_.find(name);
  if (it != entities_.end()) return it->second;
  CG_ASSIGN_OR_RETURN(storage::EntityId id, tx_->ResolveOrCreateEntity(name));
  entities_.emplace(name, id);
  return id;
}

Result<ResolvedPredicate> ClaimWriter::Predicate(const std::string& name) {
  auto it = predicates_.find(name);
  if (it != predicates_.end()) return it->second;
  ResolvedPredicate r;
  auto inv = inverse_of_.find(name);
  if (inv != inverse_of_.end()) {
    r = {inv->second, true};
  } else {
    CG_ASSIGN_OR_RETURN(r.id, tx_->ResolveOrDeclarePredicate(name));
  }
  predicates_.emplace(name, r);
  return r;
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

Result<bool> ClaimWriter::IsDuplicate(storage::EntityId s, storage::PredicateId p, storage::TermId o,
                                      storage::SourceId source) {
  if (written_.count({s, p, o, source})) return true;
  if (before_->last_tx() == 0) return false;  // an empty store holds no duplicates
  storage::TriplePattern pat{s, p, o};
  auto cursor = before_->Scan(pat);
  for (; cursor->Valid(); cursor->Next())
    if (cursor->entry().source == source) return true;
  CG_RETURN_IF_ERROR(cursor->status());
  return false;
}

void ClaimWriter::Remember(storage::EntityId s, storage::PredicateId p, storage::TermId o, storage::SourceId source) {
  written_.insert({s, p, o, source});
}

}  // namespace claimgraph::io
