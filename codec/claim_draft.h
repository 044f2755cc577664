// A claim as a file writes it: names and values as text, before any of them
// is looked up in a store. An N-Quads line (codec/nquads/quad_claim.h) and a
// JSONL line (codec/jsonl/jsonl_claim.h) become one, and the engine alone
// turns it into storage records (resolving names, defining new ones, refusing
// typos). The Assert API and ingestion hand the engine the same struct
// (engine::ClaimDraft is this one), so that a claim means the same whichever
// way it came.
#pragma once

#include <cstdint>
#include <string>

#include "base/modality.h"
#include "base/valid_time.h"
#include "codec/literal.h"

namespace claimgraph::codec {

// A source as a file or a request names it. Empty metadata keeps what the
// store has (a key met again with no title does not erase the title).
struct SourceDraft {
  std::string key;
  std::string title, publisher, published, url, sha256;
};

struct ClaimDraft {
  std::string subject;    // an entity name
  std::string predicate;  // a predicate name, or its inverse reading
  enum class ObjectKind { kEntity, kNumber, kString, kDate } object_kind = ObjectKind::kEntity;
  std::string object_text;   // the entity name, the string, or the ISO 8601 date
  double object_number = 0;  // kNumber
  SourceDraft source;
  // Byte offsets [span_begin, span_end) into the source's text.
  bool has_span = false;
  uint64_t span_begin = 0, span_end = 0;
  std::string quote;
  double confidence = 1.0;
  std::string method;  // "" = the write path's default ("api" for Assert)
  base::Modality modality = base::Modality::kAsserted;
  // When the fact held, as the source says; checked (base::CheckValidTime) by
  // the JSONL reader and by the engine on every write path.
  base::ValidTime valid;
};

// The object of a draft whose object is a value (not kEntity).
Literal ObjectLiteral(const ClaimDraft& draft);
// Sets the draft's object to `literal`.
void SetObjectLiteral(const Literal& literal, ClaimDraft* draft);

}  // namespace claimgraph::codec
