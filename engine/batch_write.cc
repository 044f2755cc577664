#include "engine/batch_write.h"

#include <unordered_set>

#include "engine/io/literal_convert.h"
#include "engine/write_names.h"
#include "storage/claim_store.h"
#include "storage/normalize.h"

namespace claimgraph::engine {
namespace {

Result<std::unique_ptr<storage::WriteTransaction>> Begin(storage::ClaimStore* store, const std::string& principal,
                                                        const std::string& key, std::string note,
                                                        base::Deadline deadline) {
  storage::WriteOptions wo;
  wo.deadline = deadline;
  wo.principal = principal;
  wo.idempotency_key = key;
  wo.note = std::move(note);
  return store->BeginWrite(wo);
}

// The earlier commit with this idempotency key, as the batch's result
// (nullopt when the key is new or empty).
Result<std::optional<BatchResult>> Replay(storage::WriteTransaction* tx, const std::string& key) {
  if (key.empty()) return std::optional<BatchResult>();
  CG_ASSIGN_OR_RETURN(auto prior, tx->FindCommitted(key));
  if (!prior) return std::optional<BatchResult>();
  BatchResult out;
  out.tx = prior->tx;
  out.replayed = true;
  if (prior->answered.empty()) {  // a retraction, or a batch recorded before duplicates were answered
    for (uint64_t i = 0; i < prior->claims; ++i) out.claim_ids.push_back(prior->first_claim + i);
  } else {
    // A duplicate names a claim older than the batch, or one the batch
    // asserted for an earlier input.
    out.claim_ids = prior->answered;
    std::unordered_set<storage::ClaimId> seen;
    for (size_t i = 0; i < out.claim_ids.size(); ++i) {
      storage::ClaimId id = out.claim_ids[i];
      if (id < prior->first_claim || id >= prior->first_claim + prior->claims || !seen.insert(id).second)
        out.duplicates.push_back(i);
    }
  }
  return std::optional<BatchResult>(std::move(out));
}

}  // namespace

Result<BatchResult> AssertBatch(Engine& engine, const std::vector<ClaimDraft>& claims,
                                const std::string& principal, const std::string& idempotency_key,
                                const TextToKeep* keep, base::Deadline deadline) {
  if (claims.empty()) return Status::InvalidArgument("the batch holds no claims");
  CG_ASSIGN_OR_RETURN(auto tx, Begin(engine.store(), principal, idempotency_key, "Assert batch of " + std::to_string(claims.size()), deadline));
  CG_ASSIGN_OR_RETURN(auto replayed, Replay(tx.get(), idempotency_key));
  if (replayed) return std::move(*replayed);
  BatchResult out;
  CG_ASSIGN_OR_RETURN(auto names, WriteNames::Create(tx.get()));
  for (size_t i = 0; i < claims.size(); ++i) {
    const ClaimDraft& c = claims[i];
    auto fail = [&](const Status& s) { return s.WithContext("claim " + std::to_string(i + 1)); };
    if (c.source.key.empty()) return fail(Status::InvalidArgument("every claim needs a source"));
    if (storage::NormalizeAlias(c.subject).empty())
      return fail(Status::InvalidArgument("subject \"" + c.subject + "\" has no letters or digits"));
    if (c.object_kind == ClaimDraft::ObjectKind::kEntity && storage::NormalizeAlias(c.object_text).empty())
      return fail(Status::InvalidArgument("object \"" + c.object_text + "\" has no letters or digits"));
    auto in = names->Resolve(c);
    if (!in.ok()) return fail(in.status());
    if (in->method.empty()) in->method = "api";
    auto outcome = storage::AssertUnlessLive(*tx, *in);
    if (!outcome.ok()) return fail(outcome.status());
    out.claim_ids.push_back(outcome->id);
    if (outcome->duplicate) out.duplicates.push_back(i);
  }
  if (keep) {
    CG_ASSIGN_OR_RETURN(storage::SourceId source, tx->FindSource(keep->source_key));
    CG_RETURN_IF_ERROR(tx->KeepText(source, keep->text));
  }
  tx->SetAnsweredClaims(out.claim_ids);
  out.defined = names->defined();
  for (auto& line : DescribeNewNames(out.defined)) out.warnings.push_back(std::move(line));
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  out.tx = info.tx;
  return out;
}

Result<BatchResult> RetractBatch(Engine& engine, const std::vector<storage::ClaimId>& ids,
                                 const std::string& reason, const std::string& principal,
                                 const std::string& idempotency_key, base::Deadline deadline) {
  if (ids.empty()) return Status::InvalidArgument("the batch names no claims");
  if (reason.empty()) return Status::InvalidArgument("a retraction needs a reason: the audit trail records why");
  CG_ASSIGN_OR_RETURN(auto tx, Begin(engine.store(), principal, idempotency_key, "Retract batch of " + std::to_string(ids.size()), deadline));
  CG_ASSIGN_OR_RETURN(auto replayed, Replay(tx.get(), idempotency_key));
  if (replayed) {
    replayed->claim_ids = ids;  // a retraction's result names the claims it retracted
    return std::move(*replayed);
  }
  BatchResult out;
  for (storage::ClaimId id : ids) CG_RETURN_IF_ERROR(tx->Retract(id, reason));
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  out.tx = info.tx;
  out.claim_ids = ids;
  return out;
}

}  // namespace claimgraph::engine
