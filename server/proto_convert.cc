#include "server/proto_convert.h"

#include "base/timestamp.h"

namespace claimgraph::server {

void ToProto(const engine::Value& v, v1::Value* out) {
  using K = engine::Value::Kind;
  switch (v.kind) {
    case K::kNull: out->set_null_value(true); break;
    case K::kBool: out->set_bool_value(v.boolean); break;
    case K::kNumber: out->set_number_value(v.number); break;
    case K::kDate: out->set_date_value(v.text); break;
    case K::kString: out->set_string_value(v.text); break;
    case K::kEntity:
      out->mutable_entity_value()->set_id(v.id);
      out->mutable_entity_value()->set_name(v.text);
      break;
    case K::kPredicate: out->set_predicate_value(v.text); break;
    case K::kClaim: out->set_claim_value(v.id); break;
    case K::kList:
      for (const auto& x : v.list) ToProto(x, out->mutable_list_value()->add_values());
      break;
  }
}

Status ToProto(const storage::ReadView& view, const storage::Claim& c, v1::Claim* out) {
  out->set_id(c.id);
  CG_ASSIGN_OR_RETURN(storage::Entity s, view.GetEntity(c.subject));
  out->set_subject(s.name);
  CG_ASSIGN_OR_RETURN(storage::Predicate p, view.GetPredicate(c.predicate));
  out->set_predicate(p.name);
  if (storage::IsEntityTerm(c.object)) {
    CG_ASSIGN_OR_RETURN(storage::Entity o, view.GetEntity(c.object));
    out->mutable_object()->mutable_entity_value()->set_id(o.id);
    out->mutable_object()->mutable_entity_value()->set_name(o.name);
  } else {
    CG_ASSIGN_OR_RETURN(storage::Literal l, view.GetLiteral(c.object));
    if (l.kind == storage::TermKind::kNumber) out->mutable_object()->set_number_value(l.number);
    else if (l.kind == storage::TermKind::kDate) out->mutable_object()->set_date_value(l.lexical);
    else out->mutable_object()->set_string_value(l.lexical);
  }
  CG_ASSIGN_OR_RETURN(storage::Source src, view.GetSource(c.source));
  out->set_source(src.key);
  out->set_has_span(c.has_span);
  out->set_span_begin(c.span_begin);
  out->set_span_end(c.span_end);
  out->set_quote(c.quote);
  out->set_confidence(c.confidence);
  out->set_method(c.method);
  out->set_modality(ToProto(c.modality));
  out->set_asserted_tx(c.asserted_tx);
  out->set_principal(c.principal);
  out->set_asserted_at(base::FormatTimestamp(c.asserted_at_us));
  out->set_retracted_tx(c.retracted_tx);
  if (c.retracted_tx) {
    out->set_retract_reason(c.retract_reason);
    out->set_retracted_by(c.retracted_by);
    out->set_retracted_at(base::FormatTimestamp(c.retracted_at_us));
  }
  return Status::Ok();
}

v1::Modality ToProto(storage::Modality m) { return static_cast<v1::Modality>(static_cast<int>(m) + 1); }

void ToProto(const ingest::ExtractedClaim& c, const std::string& source_key, v1::Claim* out) {
  out->set_subject(c.subject);
  out->set_predicate(c.predicate);
  out->mutable_object()->mutable_entity_value()->set_name(c.object);
  out->set_source(source_key);
  out->set_has_span(true);
  out->set_span_begin(c.span_begin);
  out->set_span_end(c.span_end);
  out->set_quote(c.quote);
  out->set_confidence(c.confidence);
  out->set_method(c.method);
  out->set_modality(ToProto(c.modality));
}

engine::ClaimDraft FromProto(const v1::ClaimInput& in) {
  engine::ClaimDraft d;
  d.subject = in.subject();
  d.predicate = in.predicate();
  using K = engine::ClaimDraft::ObjectKind;
  switch (in.object_case()) {
    case v1::ClaimInput::kObjectNumber: d.object_kind = K::kNumber; d.object_number = in.object_number(); break;
    case v1::ClaimInput::kObjectString: d.object_kind = K::kString; d.object_text = in.object_string(); break;
    case v1::ClaimInput::kObjectDate: d.object_kind = K::kDate; d.object_text = in.object_date(); break;
    default: d.object_kind = K::kEntity; d.object_text = in.object_entity(); break;
  }
  d.source = {in.source(), in.source_title(), in.source_publisher(), in.source_published(), in.source_url(),
              in.source_sha256()};
  d.has_span = in.has_span();
  d.span_begin = in.span_begin();
  d.span_end = in.span_end();
  d.quote = in.quote();
  d.confidence = in.has_confidence() ? in.confidence() : 1.0;
  d.method = in.method();
  d.modality = in.modality() == v1::MODALITY_UNSPECIFIED ? storage::Modality::kAsserted
                                                         : static_cast<storage::Modality>(static_cast<int>(in.modality()) - 1);
  return d;
}

}  // namespace claimgraph::server
