// ASSERT, RETRACT, DEFINE PREDICATE, DEFINE ENTITY, REDACT SOURCE, DEPRECATE and
// RESTORE: one transaction each.
#include "engine/diagnostic_text.h"
#include "engine/io/literal_convert.h"
#include "engine/statements.h"
#include "engine/write_names.h"
#include "grammar/parser.h"

namespace claimgraph::engine {
namespace {

Status ErrorAt(const StatementContext& sc, const grammar::SourceSpan& span, const std::string& message) {
  return Status::InvalidArgument(DiagnosticText(grammar::DiagnosticAt(sc.text, span, message), sc.text));
}

Result<std::unique_ptr<storage::WriteTransaction>> Begin(const StatementContext& sc, std::string note) {
  storage::WriteOptions wo;
  wo.principal = sc.options.principal;
  wo.note = std::move(note);
  wo.deadline = sc.options.deadline;
  return sc.store->BeginWrite(wo);
}

Result<QueryResult> Done(const StatementContext& sc, storage::TxId tx, std::string message) {
  QueryResult r;
  r.message = std::move(message);
  r.stats.written_tx = tx;
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

// An entity by alias, created when new (reported by WriteNames).
Result<storage::EntityId> Entity(const StatementContext& sc, WriteNames* names, const grammar::Term& t) {
  if (t.kind != grammar::Term::Kind::kString)
    return ErrorAt(sc, t.span, "ASSERT needs a \"name\" here, not " +
                                   std::string(t.kind == grammar::Term::Kind::kVariable ? "a variable" : "a number"));
  auto id = names->Entity(t.text);
  if (!id.ok()) return ErrorAt(sc, t.span, id.status().message());
  return id;
}

}  // namespace

Result<QueryResult> ExecuteAssert(const StatementContext& sc, const grammar::AssertStatement& s) {
  if (!s.source)
    return ErrorAt(sc, s.predicate_span, "ASSERT needs SOURCE \"...\": every claim says where it comes from");
  storage::ClaimInput c;
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
  // The words every write path uses (base::CheckValidTime), at the clause.
  c.valid = {s.valid_from.value_or(""), s.valid_to.value_or("")};
  if (Status st = base::CheckValidTime(c.valid); !st.ok()) return ErrorAt(sc, s.valid_span, st.message());

  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "ASSERT"));
  CG_ASSIGN_OR_RETURN(auto names, WriteNames::Create(tx.get()));
  auto pred = names->Predicate(s.predicate);
  if (!pred.ok()) return ErrorAt(sc, s.predicate_span, pred.status().message());
  CG_ASSIGN_OR_RETURN(storage::EntityId subject, Entity(sc, names.get(), s.subject));
  storage::TermId object;
  if (s.object.kind == grammar::Term::Kind::kNumber) {
    if (pred->swap) return ErrorAt(sc, s.object.span, "'" + s.predicate + "' is an inverse reading: its object must be an entity");
    CG_ASSIGN_OR_RETURN(storage::Literal lit, io::StoredNumber(s.object.number));
    CG_ASSIGN_OR_RETURN(object, tx->InternLiteral(lit));
  } else {
    CG_ASSIGN_OR_RETURN(object, Entity(sc, names.get(), s.object));
  }
  c.predicate = pred->id;
  c.subject = pred->swap ? object : subject;
  c.object = pred->swap ? subject : object;
  CG_ASSIGN_OR_RETURN(c.source, tx->UpsertSource({*s.source, "", "", "", "", ""}));
  CG_ASSIGN_OR_RETURN(storage::AssertOutcome outcome, storage::AssertUnlessLive(*tx, c));
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  QueryResult r;
  r.columns = {"claim", "tx"};
  if (outcome.duplicate) {
    // A live claim has this identity, so its names and source exist too:
    // the commit above wrote nothing.
    CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
    CG_ASSIGN_OR_RETURN(storage::Claim live, view->GetClaim(outcome.id));
    r.message = "claim " + std::to_string(outcome.id) + " says this already (asserted in tx " +
                std::to_string(live.asserted_tx) + "): 1 duplicate skipped, nothing written";
    // A deprecated claim is live but hidden: say so, or the words seem lost.
    if (std::optional<storage::Mark> m = view->DeprecationOf(live.id, live.source))
      r.message += std::string("; it is deprecated (tx ") + std::to_string(m->tx) + ": " + m->reason + ") — " +
                   (m->target == storage::Mark::Target::kSource ? "RESTORE SOURCE" : "RESTORE CLAIM") +
                   " shows it again";
    r.rows.push_back({Value::Claim(outcome.id), Value::Integer(int64_t(live.asserted_tx))});
  } else {
    r.message = "asserted claim " + std::to_string(outcome.id) + " in tx " + std::to_string(info.tx);
    r.stats.written_tx = info.tx;
    r.rows.push_back({Value::Claim(outcome.id), Value::Integer(int64_t(info.tx))});
  }
  r.warnings = DescribeNewNames(names->defined());
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

Result<QueryResult> ExecuteRedact(const StatementContext& sc, const grammar::RedactStatement& s) {
  if (s.reason.empty()) return Status::InvalidArgument("REDACT needs REASON \"...\": the audit trail records why");
  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, "REDACT SOURCE " + s.source));
  CG_ASSIGN_OR_RETURN(storage::SourceId id, tx->FindSource(s.source));
  CG_RETURN_IF_ERROR(tx->RedactText(id, s.reason));
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  // The text is content-addressed: every source with the same SHA-256 lost it.
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  CG_ASSIGN_OR_RETURN(storage::Source redacted, view->GetSource(id));
  std::string others;
  CG_RETURN_IF_ERROR(view->ForEachSource([&](const storage::Source& other) {
    if (other.id != id && other.sha256 == redacted.sha256) others += (others.empty() ? "\"" : ", \"") + other.key + "\"";
    return true;
  }));
  return Done(sc, info.tx,
              "redacted the text of source \"" + s.source + "\" (SHA-256 " + redacted.sha256.substr(0, 16) + "...) in tx " +
                  std::to_string(info.tx) + (others.empty() ? "" : "; the same text is gone for " + others + " too") +
                  "; its claims and hash stay");
}

Result<QueryResult> ExecuteMark(const StatementContext& sc, const grammar::MarkStatement& s) {
  const char* verb = s.deprecate ? "DEPRECATE" : "RESTORE";
  if (s.deprecate && s.reason.empty())
    return Status::InvalidArgument("DEPRECATE needs REASON \"...\": the audit trail records why");
  std::string what;
  if (s.source) {
    what = "source \"" + *s.source + "\"";
  } else {
    what = s.claims.size() > 1 ? "claims " : "claim ";
    for (size_t i = 0; i < s.claims.size(); ++i) what += (i ? ", " : "") + std::to_string(s.claims[i]);
  }
  CG_ASSIGN_OR_RETURN(auto tx, Begin(sc, std::string(verb) + " " + what));
  if (s.source) {
    CG_ASSIGN_OR_RETURN(storage::SourceId id, tx->FindSource(*s.source));
    CG_RETURN_IF_ERROR(tx->SetDeprecated(storage::Mark::Target::kSource, id, s.deprecate, s.reason));
  } else {
    for (uint64_t id : s.claims)
      CG_RETURN_IF_ERROR(tx->SetDeprecated(storage::Mark::Target::kClaim, id, s.deprecate, s.reason));
  }
  CG_ASSIGN_OR_RETURN(storage::CommitInfo info, tx->Commit());
  std::string message = std::string(s.deprecate ? "deprecated " : "restored ") + what + " in tx " + std::to_string(info.tx);
  if (s.deprecate)
    message += s.source ? ": its claims, and any it adds later, are skipped by default answers (WITH DEPRECATED shows them)"
                        : ": skipped by default answers (WITH DEPRECATED shows them)";
  return Done(sc, info.tx, std::move(message));
}

}  // namespace claimgraph::engine
