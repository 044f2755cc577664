// HISTORY CLAIM n, HISTORY s p o, AUDIT VERIFY.
#include "engine/binder/binder.h"
#include "engine/executor/evaluator.h"
#include "engine/lookup/lookup.h"
#include "base/timestamp.h"
#include "engine/statements.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

Result<QueryResult> ExecuteHistoryClaim(const StatementContext& sc, const grammar::HistoryClaimStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  CG_ASSIGN_OR_RETURN(std::vector<HistoryEvent> events, ReadClaimHistory(*view, s.claim));
  QueryResult r;
  r.columns = {"tx", "time", "event", "principal", "detail"};
  for (const auto& e : events)
    r.rows.push_back({Value::Integer(int64_t(e.tx)), Value::String(base::FormatTimestamp(e.time_us)),
                      Value::String(e.event), Value::String(e.principal), Value::String(e.detail)});
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

Result<QueryResult> ExecuteHistoryFact(const StatementContext& sc, const grammar::HistoryFactStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  Binder binder(*view, sc.text);
  bool reversed = false;
  CG_ASSIGN_OR_RETURN(storage::Predicate pred, binder.ResolvePredicateName(s.predicate, s.predicate_span, &reversed));
  QueryResult r;
  r.columns = {"claim", "subject", "object", "source", "modality", "confidence", "asserted_tx", "principal",
               "retracted_tx", "reason", "deprecated"};
  std::vector<storage::EntityId> ends;
  for (const grammar::Term* t : {&s.subject, &s.object}) {
    if (t->kind != grammar::Term::Kind::kString)
      return binder.Error(t->span, "HISTORY needs a \"name\" here");
    auto id = view->FindEntity(t->text);
    if (!id.ok()) {
      r.warnings.push_back("no entity named \"" + t->text + "\"");
      CG_RETURN_IF_ERROR(Deliver(sc, &r));
      return r;
    }
    ends.push_back(*id);
  }
  if (reversed) std::swap(ends[0], ends[1]);
  ExecContext ctx(*view, sc.options, false);
  // Every claim ever made of the fact; a symmetric fact in either direction.
  std::vector<std::pair<storage::EntityId, storage::EntityId>> directions{{ends[0], ends[1]}};
  if (pred.symmetric && ends[0] != ends[1]) directions.push_back({ends[1], ends[0]});
  for (auto [a, b] : directions) {
    auto cursor = view->ScanAllVersions({a, pred.id, b});
    for (; cursor->Valid(); cursor->Next()) {
      CG_ASSIGN_OR_RETURN(const storage::Claim* c, ctx.Claim(cursor->entry().claim));
      CG_ASSIGN_OR_RETURN(const storage::Source* src, ctx.names().Source(c->source));
      CG_ASSIGN_OR_RETURN(Value sv, SlotValue(&ctx, VarKind::kNode, c->subject));
      CG_ASSIGN_OR_RETURN(Value ov, SlotValue(&ctx, VarKind::kNode, c->object));
      r.rows.push_back({Value::Claim(c->id), sv, ov, Value::String(src->key),
                        Value::String(base::ModalityName(c->modality)), Value::Number(c->confidence),
                        Value::Integer(int64_t(c->asserted_tx)), Value::String(c->principal),
                        c->retracted_tx ? Value::Integer(int64_t(c->retracted_tx)) : Value::Null(),
                        c->retracted_tx ? Value::String(c->retract_reason) : Value::Null(),
                        Value::Bool(view->DeprecationOf(c->id, c->source).has_value())});
    }
    CG_RETURN_IF_ERROR(cursor->status());
  }
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

Result<QueryResult> ExecuteAuditVerify(const StatementContext& sc, const grammar::AuditVerifyStatement& s) {
  CG_ASSIGN_OR_RETURN(VerifyReport report, VerifyStore(*sc.store, s.indexes, s.evidence));
  QueryResult r;
  r.columns = {"ok", "transactions", "claims", "first_bad_tx", "problem"};
  if (s.indexes) r.columns.push_back("indexes");
  if (s.evidence) r.columns.insert(r.columns.end(), {"evidence", "texts", "quotes", "redacted"});
  r.rows.push_back({Value::Bool(report.ok()), Value::Integer(int64_t(report.transactions_checked)),
                    Value::Integer(int64_t(report.claims_checked)),
                    report.log_ok ? Value::Null() : Value::Integer(int64_t(report.first_bad_tx)),
                    report.ok() ? Value::Null() : Value::String(report.problem())});
  if (s.indexes)
    r.rows.back().push_back(report.indexes_checked ? Value::Bool(report.indexes_ok) : Value::Null());
  if (s.evidence)
    for (Value v : {Value::Bool(report.evidence_ok), Value::Integer(int64_t(report.texts_checked)),
                    Value::Integer(int64_t(report.quotes_checked)), Value::Integer(int64_t(report.texts_redacted))})
      r.rows.back().push_back(std::move(v));
  r.message = VerifyMessage(report);
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

}  // namespace claimgraph::engine
