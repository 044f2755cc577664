// ASSERT, RETRACT, DEFINE PREDICATE, DEFINE ENTITY: one transaction each.
#include "engine/binder/binder.h"
#include "engine/io/term_mapping.h"
#include "engine/statements.h"
#include "grammar/parser.h"

namespace claimgraph::engine {
namespace {

Status ErrorAt(const StatementContext& sc, const grammar::SourceSpan& span, const std::string& message) {
  return Status::InvalidArgument(grammar::DiagnosticAt(sc.text, span, message).Format(sc.text));
}

Result<std::unique_ptr<storage::WriteTransaction>> Begin(const StatementContext& sc, std::string note) {
  storage::WriteOptions wo;
  wo.principal = sc.options.principal;
  wo.note = std::move(note);
  return sc.store->BeginWrite(wo);
}

Result<QueryResult> Done(const StatementContext& sc, storage::TxId tx, std::string message) {
  QueryResult r;
  r.message = std::move(message);
  r.stats.written_tx = tx;
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

// An entity by alias, created (with a warning) when new.
Result<storage::EntityId> Entity(const StatementContext& sc, storage::WriteTransaction* tx, const grammar::Term& t,
                                 std::vector<std::string>* warnings) {
  if (t.kind != grammar::Term::Kind::kString)
    return ErrorAt(sc, t.span, "ASSERT needs a \"name\" here, not " +
                                   std::string(t.kind == grammar::Term::Kind::kVariable ? "a variable" : "a number"));
  auto found = tx->FindEntity(t.text);
  if (found.ok()) return found;
  if (found.status().code() != StatusCode::kNotFound) return ErrorAt(sc, t.span, found.status().message());
  warnings->push_back("created entity \"" + t.text + "\"");
  return tx->ResolveOrCreateEntity(t.text);
}

}  // namespace

Result<QueryResult> ExecuteAssert(const StatementContext& sc, const grammar::AssertStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  Binder binder(*view, sc.text);
  bool reversed = false;
  CG_ASSIGN_OR_RETURN(storage::Predicate pred, binder.ResolvePredicateName(s.predicate, s.predicate_span, &reversed));
  if (!s.source)
    return ErrorAt(sc, s.predicate_span, "ASSERT needs SOURCE \"...\": every claim says where it comes from");
  storage::ClaimInput c;
  c.predicate = pred.id;
  if (s.modality) {
    auto m = storage::ParseModality(*s.modality);
    if (!m) return ErrorAt(sc, s.modality_span, "modality '" + *s.modality + "' is not one of asserted, reported, proposed, denied");
    c.modality = *m;
  }
  if (s.confidence && !(*s.confidence >= 0 && *s.confidence <= 1))
    return Status::InvalidArgument("CONFIDENCE must be within [0, 1]");
  if (s.span_range) {
    if (s.span_range->first > s.span_range->second)
      return Status::InvalidArgument("SPAN " + std::to_string(s.span_range->first) + ".." +
                                     std::to_string(s.span_range->second) + " ends before it begins");
    c.has_span = true;
    c.span_begin = s.span_range->first;
    c.span_end = s.span_range->second;
  }
  c.confidence = s.confidence.value_or(1.0);
  c.method = s.method.value_or("manual");
  c.quote = s.quote.value_or("");

  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "ASSERT"));
  std::vector<std::string> warnings;
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, Entity(sc, tx.get(), s.subject, &warnings));
  storage::TermId object;
  if (s.object.kind == grammar::Term::Kind::kNumber) {
    if (reversed) return ErrorAt(sc, s.object.span, "'" + s.predicate + "' is an inverse reading: its object must be an entity");
    CG_ASSIGN_OR_RETURN(storage::Literal lit, io::MakeNumberLiteral(io::CanonicalNumber(s.object.number)));
    CG_ASSIGN_OR_RETURN(object, tx->InternLiteral(lit));
  } else {
    CG_ASSIGN_OR_RETURN(object, Entity(sc, tx.get(), s.object, &warnings));
  }
  c.subject = reversed ? object : subject;
  c.object = reversed ? subject : object;
  CG_ASSIGN_OR_RETURN(c.source, tx->UpsertSource({*s.source, "", "", "", "", ""}));
  CG_ASSIGN_OR_RETURN(storage::ClaimId id, tx->Assert(c));
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  QueryResult r;
  r.message = "asserted claim " + std::to_string(id) + " in tx " + std::to_string(info.tx);
  r.stats.written_tx = info.tx;
  r.warnings = std::move(warnings);
  r.columns = {"claim", "tx"};
  r.rows.push_back({Value::Claim(id), Value::Number(double(info.tx))});
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

Result<QueryResult> ExecuteRetract(const StatementContext& sc, const grammar::RetractStatement& s) {
  if (s.reason.empty()) return Status::InvalidArgument("RETRACT needs REASON \"...\": the audit trail records why");
  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "RETRACT"));
  std::string ids;
  for (uint64_t id : s.claims) {
    CG_RETURN_IF_ERROR(tx->Retract(id, s.reason));
    ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  }
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  return Done(sc, info.tx, "retracted claim" + std::string(s.claims.size() > 1 ? "s " : " ") + ids + " in tx " +
                               std::to_string(info.tx));
}

Result<QueryResult> ExecuteDefinePredicate(const StatementContext& sc, const grammar::DefinePredicateStatement& s) {
  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "DEFINE PREDICATE " + s.name));
  storage::Predicate p;
  p.name = s.name;
  p.symmetric = s.symmetric;
  p.inverse = s.inverse;
  p.domain = s.domain;
  p.range = s.range;
  auto id = tx->DefinePredicate(p);
  if (!id.ok()) return ErrorAt(sc, s.name_span, id.status().message());
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  if (info.tx == 0) return Done(sc, 0, "predicate " + s.name + " unchanged");
  return Done(sc, info.tx, "defined predicate " + s.name + " in tx " + std::to_string(info.tx));
}

Result<QueryResult> ExecuteDefineEntity(const StatementContext& sc, const grammar::DefineEntityStatement& s) {
  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "DEFINE ENTITY " + s.name));
  CG_ASSIGN_OR_RETURN(storage::EntityId id, tx->UpsertEntity({s.name, s.type, s.aliases}));
  (void)id;
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  if (info.tx == 0) return Done(sc, 0, "entity \"" + s.name + "\" unchanged");
  return Done(sc, info.tx, "defined entity \"" + s.name + "\" in tx " + std::to_string(info.tx));
}

}  // namespace claimgraph::engine
