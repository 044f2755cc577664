#include "server/proto_convert.h"

#include "base/timestamp.h"
#include "codec/value.h"

namespace claimgraph::server {

std::optional<int64_t> SentAsInteger(const engine::Value& v, ValueNumbers numbers) {
  if (v.kind != engine::Value::Kind::kNumber || numbers != ValueNumbers::kIntegers || !v.integer) return std::nullopt;
  return codec::WholeNumber(v.number);
}

void ToProto(const engine::Value& v, v1::Value* out, ValueNumbers numbers) {
  using K = engine::Value::Kind;
  switch (v.kind) {
    case K::kNull: out->set_null_value(true); break;
    case K::kBool: out->set_bool_value(v.boolean); break;
    case K::kNumber:
      if (auto whole = SentAsInteger(v, numbers))
        out->set_int_value(*whole);
      else
        out->set_number_value(v.number);
      break;
    case K::kDate: out->set_date_value(v.text); break;
    case K::kString: out->set_string_value(v.text); break;
    case K::kEntity:
      out->mutable_entity_value()->set_id(v.id);
      out->mutable_entity_value()->set_name(v.text);
      break;
    case K::kPredicate: out->set_predicate_value(v.text); break;
    case K::kClaim: out->set_claim_value(v.id); break;
    case K::kList:
      for (const auto& x : v.list) ToProto(x, out->mutable_list_value()->add_values(), numbers);
      break;
  }
}

void ToProto(const engine::ClaimRecord& c, v1::Claim* out) {
  out->set_id(c.id);
  out->set_subject(c.subject.text);
  out->set_predicate(c.predicate.text);
  ToProto(c.object, out->mutable_object());
  out->set_source(c.source.key);
  out->set_has_span(c.has_span);
  out->set_span_begin(c.span_begin);
  out->set_span_end(c.span_end);
  out->set_quote(c.quote);
  out->set_confidence(c.confidence);
  out->set_method(c.method);
  out->set_modality(ToProto(c.modality));
  out->set_valid_from(c.valid.from);
  out->set_valid_to(c.valid.to);
  out->set_asserted_tx(c.asserted_tx);
  out->set_principal(c.principal);
  out->set_asserted_at(base::FormatTimestamp(c.asserted_at_us));
  out->set_retracted_tx(c.retracted_tx);
  if (c.deprecated_tx) {
    out->set_deprecated(true);
    out->set_deprecated_tx(c.deprecated_tx);
    out->set_deprecated_reason(c.deprecated_reason);
    out->set_deprecated_by_source(c.deprecated_by_source);
  }
  if (c.retracted_tx) {
    out->set_retract_reason(c.retract_reason);
    out->set_retracted_by(c.retracted_by);
    out->set_retracted_at(base::FormatTimestamp(c.retracted_at_us));
  }
}

void ToProto(const engine::SourceSummary& s, v1::Source* out) {
  out->set_id(s.source.id);
  out->set_key(s.source.key);
  out->set_title(s.source.title);
  out->set_publisher(s.source.publisher);
  out->set_published(s.source.published);
  out->set_url(s.source.url);
  out->set_sha256(s.source.sha256);
  out->set_live_claims(s.live_claims);
  const engine::SourceEvidence& e = s.evidence;
  out->set_text_state(e.state);
  out->set_text_bytes(e.bytes);
  out->set_text(e.text);
  if (e.state == "redacted") {
    out->set_redacted_tx(e.redacted_tx);
    out->set_redacted_by(e.redacted_by);
    out->set_redacted_at(base::FormatTimestamp(e.redacted_at_us));
    out->set_redact_reason(e.reason);
    out->set_redacted_for(e.redacted_for);
  }
  if (s.deprecated_tx) {
    out->set_deprecated(true);
    out->set_deprecated_tx(s.deprecated_tx);
    out->set_deprecated_reason(s.deprecated_reason);
  }
}

void ToProto(const engine::HistoryEvent& e, v1::HistoryEvent* out) {
  out->set_tx(e.tx);
  out->set_time(base::FormatTimestamp(e.time_us));
  out->set_event(e.event);
  out->set_principal(e.principal);
  out->set_detail(e.detail);
}

void ToProto(const engine::ChangeEvent& e, v1::Change* out) {
  out->set_kind(engine::ChangeKindName(e.kind));
  out->set_claim_id(e.claim);
  out->mutable_subject()->set_id(e.subject.id);
  out->mutable_subject()->set_name(e.subject.text);
  out->set_predicate(e.predicate.text);
  ToProto(e.object, out->mutable_object());
  out->set_source(e.source);
  out->set_reason(e.reason);
}

void ToProto(const engine::VerifyReport& r, v1::VerifyAuditResponse* out) {
  out->set_ok(r.ok());
  out->set_transactions_checked(r.transactions_checked);
  out->set_claims_checked(r.claims_checked);
  out->set_first_bad_tx(r.first_bad_tx);
  out->set_problem(r.problem());
  out->set_indexes_checked(r.indexes_checked);
  out->set_index_claims_checked(r.index_claims_checked);
  out->set_indexes_ok(r.indexes_ok);
  out->set_evidence_checked(r.evidence_checked);
  out->set_evidence_ok(r.evidence_ok);
  out->set_texts_checked(r.texts_checked);
  out->set_text_bytes(r.text_bytes);
  out->set_texts_redacted(r.texts_redacted);
  out->set_quotes_checked(r.quotes_checked);
  out->set_evidence_problem(r.evidence_problem);
  out->set_head_tx(r.head_tx);
  out->set_head_hash(r.head_hash);
}

void ToProto(const engine::StoreStats& s, v1::StatsResponse* out) {
  out->set_transactions(s.transactions);
  out->set_live_claims(s.live_claims);
  out->set_entities(s.entities);
  out->set_predicates(s.predicates);
  out->set_sources(s.sources);
  out->set_disk_bytes(s.disk_bytes);
  out->set_deprecated_claims(s.deprecated_claims);
  for (const auto& p : s.by_predicate) {
    auto* m = out->add_by_predicate();
    m->set_name(p.name);
    m->set_symmetric(p.symmetric);
    m->set_inverse(p.inverse);
    m->set_domain(p.domain);
    m->set_range(p.range);
    m->set_live_claims(p.live_claims);
  }
}

v1::Modality ToProto(base::Modality m) { return static_cast<v1::Modality>(static_cast<int>(m) + 1); }

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
  // What IngestDocument stores as the claim's valid time (nothing when refused).
  if (base::CheckValidTime({c.time.from, c.time.to}).ok()) {
    out->set_valid_from(c.time.from);
    out->set_valid_to(c.time.to);
  }
}

void ToProto(const ingest::ExtractedClaim& c, bool explain, v1::ClaimExplanation* out) {
  out->set_rule(c.rule);
  out->set_cue(c.cue);
  out->set_time_text(c.time.text);
  out->set_valid_from(c.time.from);
  out->set_valid_to(c.time.to);
  if (!explain) return;
  out->set_clause(c.explanation.clause);
  out->set_clause_begin(c.explanation.clause_begin);
  out->set_clause_end(c.explanation.clause_end);
  out->set_subject_choice(c.explanation.subject_choice);
  out->set_object_choice(c.explanation.object_choice);
  out->set_modality_reason(c.explanation.modality_reason);
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
  d.modality = in.modality() == v1::MODALITY_UNSPECIFIED ? base::Modality::kAsserted
                                                         : static_cast<base::Modality>(static_cast<int>(in.modality()) - 1);
  d.valid = {in.valid_from(), in.valid_to()};  // checked by the engine (WriteNames::Resolve)
  return d;
}

}  // namespace claimgraph::server
