#include <nlohmann/json.hpp>

#include "base/modality.h"
#include "base/timestamp.h"
#include "codec/jsonl/jsonl_claim.h"

namespace claimgraph::codec {
namespace {

const char* ObjectKindName(ClaimDraft::ObjectKind kind) {
  switch (kind) {
    case ClaimDraft::ObjectKind::kEntity: return "entity";
    case ClaimDraft::ObjectKind::kNumber: return "number";
    case ClaimDraft::ObjectKind::kString: return "string";
    case ClaimDraft::ObjectKind::kDate: return "date";
  }
  return "entity";
}

}  // namespace

std::string FormatJsonlClaim(const FileClaim& f) {
  using Json = nlohmann::ordered_json;
  const ClaimDraft& c = f.claim;
  Json j;
  j["id"] = f.id;
  j["subject"] = c.subject;
  j["predicate"] = c.predicate;
  if (c.object_kind == ClaimDraft::ObjectKind::kNumber) j["object"] = c.object_number;
  else j["object"] = c.object_text;
  j["object_kind"] = ObjectKindName(c.object_kind);
  j["source"] = c.source.key;
  j["source_title"] = c.source.title;
  j["source_publisher"] = c.source.publisher;
  j["source_published"] = c.source.published;
  j["source_url"] = c.source.url;
  j["source_sha256"] = c.source.sha256;
  j["span"] = c.has_span ? Json::array({c.span_begin, c.span_end}) : Json();
  j["quote"] = c.quote;
  j["confidence"] = c.confidence;
  j["method"] = c.method;
  j["modality"] = base::ModalityName(c.modality);
  // Only when known, so that a claim without valid time exports as before.
  if (!c.valid.from.empty()) j["valid_from"] = c.valid.from;
  if (!c.valid.to.empty()) j["valid_to"] = c.valid.to;
  j["tx"] = f.tx;
  j["principal"] = f.principal;
  j["asserted_at"] = base::FormatTimestamp(f.asserted_at_us);
  j["retracted_tx"] = f.retracted_tx ? Json(f.retracted_tx) : Json();
  j["retract_reason"] = f.retract_reason;
  j["retracted_by"] = f.retracted_by;
  j["retracted_at"] = f.retracted_tx ? Json(base::FormatTimestamp(f.retracted_at_us)) : Json();
  // Only when deprecated, so that every other claim exports as before.
  if (f.deprecated()) {
    j["deprecated_tx"] = f.deprecated_tx;
    j["deprecate_reason"] = f.deprecate_reason;
  }
  if (f.source_deprecated()) {
    j["source_deprecated_tx"] = f.source_deprecated_tx;
    j["source_deprecate_reason"] = f.source_deprecate_reason;
  }
  // Invalid UTF-8 in a stored string is replaced, never thrown through.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace claimgraph::codec
