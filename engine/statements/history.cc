// HISTORY CLAIM n, HISTORY s p o, AUDIT VERIFY.
#include "engine/binder/binder.h"
#include "engine/executor/evaluator.h"
#include "base/timestamp.h"
#include "engine/statements.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

Result<QueryResult> ExecuteHistoryClaim(const StatementContext& sc, const grammar::HistoryClaimStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  CG_ASSIGN_OR_RETURN(storage::Claim c, view->GetClaim(s.claim));
  QueryResult r;
  r.columns = {"tx", "time", "event", "principal", "detail"};
  CG_ASSIGN_OR_RETURN(storage::TxRecord asserted, view->GetTx(c.asserted_tx));
  r.rows.push_back({Value::Number(double(c.asserted_tx)), Value::String(base::FormatTimestamp(asserted.time_us)),
                    Value::String("asserted"), Value::String(asserted.principal),
                    Value::String(std::string(storage::ModalityName(c.modality)) + ", confidence " +
                                  FormatNumber(c.confidence) + ", method " + c.method)});
  if (c.retracted_tx) {
    CG_ASSIGN_OR_RETURN(storage::TxRecord retracted, view->GetTx(c.retracted_tx));
    r.rows.push_back({Value::Number(double(c.retracted_tx)), Value::String(base::FormatTimestamp(retracted.time_us)),
                      Value::String("retracted"), Value::String(retracted.principal), Value::String(c.retract_reason)});
  }
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
               "retracted_tx", "reason"};
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
                        Value::String(storage::ModalityName(c->modality)), Value::Number(c->confidence),
                        Value::Number(double(c->asserted_tx)), Value::String(c->principal),
                        c->retracted_tx ? Value::Number(double(c->retracted_tx)) : Value::Null(),
                        c->retracted_tx ? Value::String(c->retract_reason) : Value::Null()});
    }
    CG_RETURN_IF_ERROR(cursor->status());
  }
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

Result<QueryResult> ExecuteAuditVerify(const StatementContext& sc) {
  CG_ASSIGN_OR_RETURN(storage::AuditReport report, sc.store->VerifyLog());
  QueryResult r;
  r.columns = {"ok", "transactions", "claims", "first_bad_tx", "problem"};
  r.rows.push_back({Value::Bool(report.ok), Value::Number(double(report.transactions_checked)),
                    Value::Number(double(report.claims_checked)),
                    report.ok ? Value::Null() : Value::Number(double(report.first_bad_tx)),
                    report.ok ? Value::Null() : Value::String(report.problem)});
  r.message = report.ok ? "audit ok: " + std::to_string(report.transactions_checked) + " transactions verified"
                        : "AUDIT FAILED at tx " + std::to_string(report.first_bad_tx) + ": " + report.problem;
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

}  // namespace claimgraph::engine
