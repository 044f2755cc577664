#include <nlohmann/json.hpp>

#include "engine/io/jsonl.h"
#include "engine/io/name_cache.h"
#include "base/timestamp.h"

namespace claimgraph::io {

Result<uint64_t> ExportJsonl(const storage::ReadView& view, std::ostream& out) {
  NameCache names(view);
  uint64_t lines = 0;
  Status st = view.ForEachClaim([&](const storage::Claim& c) -> Status {
    CG_ASSIGN_OR_RETURN(const storage::Entity* s, names.Entity(c.subject));
    CG_ASSIGN_OR_RETURN(const storage::Predicate* p, names.Predicate(c.predicate));
    CG_ASSIGN_OR_RETURN(const storage::Source* src, names.Source(c.source));
    nlohmann::ordered_json j;
    j["id"] = c.id;
    j["subject"] = s->name;
    j["predicate"] = p->name;
    if (storage::IsEntityTerm(c.object)) {
      CG_ASSIGN_OR_RETURN(const storage::Entity* o, names.Entity(c.object));
      j["object"] = o->name;
    } else {
      CG_ASSIGN_OR_RETURN(const storage::Literal* l, names.Literal(c.object));
      if (l->kind == storage::TermKind::kNumber) j["object"] = l->number;
      else j["object"] = l->lexical;
    }
    j["object_kind"] = storage::TermKindName(storage::KindOfTerm(c.object));
    j["source"] = src->key;
    j["source_title"] = src->title;
    j["source_publisher"] = src->publisher;
    j["source_published"] = src->published;
    j["source_url"] = src->url;
    j["source_sha256"] = src->sha256;
    j["span"] = c.has_span ? nlohmann::ordered_json::array({c.span_begin, c.span_end}) : nlohmann::ordered_json();
    j["quote"] = c.quote;
    j["confidence"] = c.confidence;
    j["method"] = c.method;
    j["modality"] = storage::ModalityName(c.modality);
    j["tx"] = c.asserted_tx;
    j["principal"] = c.principal;
    j["asserted_at"] = base::FormatTimestamp(c.asserted_at_us);
    j["retracted_tx"] = c.retracted_tx ? nlohmann::ordered_json(c.retracted_tx) : nlohmann::ordered_json();
    j["retract_reason"] = c.retract_reason;
    j["retracted_by"] = c.retracted_by;
    j["retracted_at"] = c.retracted_tx ? nlohmann::ordered_json(base::FormatTimestamp(c.retracted_at_us)) : nlohmann::ordered_json();
    // Invalid UTF-8 in a stored string is replaced, never thrown through.
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++lines;
    return out ? Status::Ok() : Status::IOError("writing JSONL output");
  });
  CG_RETURN_IF_ERROR(st);
  return lines;
}

}  // namespace claimgraph::io
