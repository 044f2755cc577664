#include "engine/ingest/ingest_document.h"

#include "engine/batch_write.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "base/valid_time.h"

namespace claimgraph::ingest {
Result<IngestResult> IngestDocument(engine::Engine* engine, const IngestPipeline& pipeline,
                                    const DocumentInput& doc, const std::string& principal, bool dry_run,
                                    bool explain, base::Deadline deadline) {
  if (doc.text.empty()) return Status::InvalidArgument("the document is empty");
  if (size_t bad = base::FirstInvalidUtf8(doc.text); bad != std::string_view::npos)
    return Status::InvalidArgument("the document is not UTF-8: invalid byte at offset " + std::to_string(bad));
  IngestResult result;
  result.sha256 = base::Sha256Hex(doc.text);
  result.source_key = doc.source_key.empty() ? "doc:" + result.sha256.substr(0, 16) : doc.source_key;
  result.extraction = pipeline.Extract(doc.text, explain);
  if (dry_run || result.extraction.claims.empty()) return result;
  if (engine == nullptr) return Status::Internal("IngestDocument: no store to write to");

  // A source key names one text: the store refuses a different SHA-256 under
  // a key that has one (storage's UpsertSource, inside the transaction).
  std::vector<engine::ClaimDraft> drafts;
  drafts.reserve(result.extraction.claims.size());
  for (const ExtractedClaim& c : result.extraction.claims) {
    engine::ClaimDraft d;
    d.subject = c.subject;
    d.predicate = c.predicate;
    d.object_text = c.object;
    d.source = {result.source_key, doc.title, doc.publisher, doc.published, doc.url, result.sha256};
    d.has_span = true;
    d.span_begin = c.span_begin;
    d.span_end = c.span_end;
    d.quote = c.quote;
    d.confidence = c.confidence;
    d.method = c.method;
    d.modality = c.modality;
    // The time the sentence gives becomes the claim's valid time, unless it is
    // no valid time (codec::FormatClaimTime says so in --explain).
    if (base::ValidTime valid{c.time.from, c.time.to}; base::CheckValidTime(valid).ok()) d.valid = std::move(valid);
    drafts.push_back(std::move(d));
  }
  // The text as given — the bytes the spans count in — is kept with the
  // claims, in one transaction: a failed write keeps neither.
  const engine::TextToKeep keep{result.source_key, doc.text};
  CG_ASSIGN_OR_RETURN(engine::BatchResult batch,
                      engine::AssertBatch(*engine, drafts, principal, "ingest:" + result.sha256, &keep, deadline));
  result.tx = batch.tx;
  result.claim_ids = std::move(batch.claim_ids);
  result.duplicate = batch.replayed;
  result.duplicate_claims = batch.duplicates.size();
  return result;
}

}  // namespace claimgraph::ingest
