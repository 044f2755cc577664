// Stores what the pipeline extracts from one document: one transaction per
// document, its source record carrying the text's SHA-256 and the text itself
// kept by it (the evidence the claims' spans and quotes point into). A
// document without claims writes nothing, so its text is not kept. Re-ingesting the
// same text (same SHA-256, whatever its source key) writes nothing and
// answers with the claims of the first ingestion: the transaction's
// idempotency key is "ingest:<sha256>".
#pragma once

#include <string>
#include <vector>

#include "base/deadline.h"
#include "engine/ingest/pipeline.h"
#include "engine/engine.h"

namespace claimgraph::ingest {

struct DocumentInput {
  std::string text;        // the original text, exactly as published
  std::string source_key;  // "" -> "doc:<first 16 hex digits of the SHA-256>"
  std::string title, publisher, published, url;
};

struct IngestResult {
  Extraction extraction;
  std::string sha256;
  std::string source_key;
  engine::TxId tx = 0;                  // 0 for a dry run or a document without claims
  std::vector<engine::ClaimId> claim_ids;  // parallel to extraction.claims once written
  bool duplicate = false;                // this text was ingested before; nothing written
  size_t duplicate_claims = 0;           // claims found that were live already (same identity): not written
};

// dry_run: extract only (`engine` may then be null). explain: fill each
// claim's explanation (IngestPipeline::Extract). InvalidArgument for an empty text or one that is not
// UTF-8; FailedPrecondition when the source key already holds a different text
// (checked on a snapshot before the write: two concurrent first ingestions of
// different texts under one new key are not caught).
Result<IngestResult> IngestDocument(engine::Engine* engine, const IngestPipeline& pipeline,
                                    const DocumentInput& doc, const std::string& principal, bool dry_run,
                                    bool explain = false, base::Deadline deadline = {});

}  // namespace claimgraph::ingest
