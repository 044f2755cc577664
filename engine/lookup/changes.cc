// The transaction log between two points, as changes to claims: the CHANGES
// statement, Engine::Changes and through it the Watch RPC.
#include "engine/binder/binder.h"
#include "engine/diagnostic_text.h"
#include "engine/engine.h"
#include "engine/lookup/lookup.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAsserted: return "asserted";
    case ChangeKind::kRetracted: return "retracted";
    case ChangeKind::kDeprecated: return "deprecated";
    case ChangeKind::kRestored: return "restored";
  }
  return "?";
}

bool ChangeFilter::Matches(const storage::Claim& c) const {
  if (matches_nothing || c.predicate != predicate) return false;
  if (same_variable && c.subject != c.object) return false;
  auto ends_match = [&](storage::TermId s, storage::TermId o) {
    return (!subject || *subject == s) && (!object || *object == o);
  };
  return ends_match(c.subject, c.object) || (symmetric && ends_match(c.object, c.subject));
}

Result<ChangeFilter> BindChangeFilter(const storage::ReadView& view, std::string_view text,
                                      const grammar::ChangePattern& pattern, std::vector<std::string>* warnings) {
  Binder binder(view, text);
  ChangeFilter f;
  bool reversed = false;
  CG_ASSIGN_OR_RETURN(storage::Predicate p, binder.ResolvePredicateName(pattern.predicate, pattern.predicate_span, &reversed));
  f.predicate = p.id;
  f.symmetric = p.symmetric;
  CG_ASSIGN_OR_RETURN(BoundTerm s, binder.BindLooseTerm(pattern.subject, warnings));
  CG_ASSIGN_OR_RETURN(BoundTerm o, binder.BindLooseTerm(pattern.object, warnings));
  f.matches_nothing = s.unresolved || o.unresolved;
  f.same_variable = s.is_variable() && o.is_variable() && s.slot == o.slot;
  if (!s.is_variable()) f.subject = s.constant;
  if (!o.is_variable()) f.object = o.constant;
  if (reversed) std::swap(f.subject, f.object);  // "targeted-by" reads "targets" backwards
  return f;
}

namespace {

// One claim's change, if it matches, to the visitor.
Status Emit(const storage::ReadView& view, const storage::TxRecord& rec, ChangeKind kind, ClaimId id,
            const ChangeFilter* filter, const ChangeVisitor& visitor, std::string_view reason = {}) {
  CG_ASSIGN_OR_RETURN(storage::Claim claim, view.GetClaim(id));
  if (filter && !filter->Matches(claim)) return Status::Ok();
  CG_ASSIGN_OR_RETURN(ClaimRecord r, ResolveClaim(view, claim));
  ChangeEvent e;
  e.tx = rec.tx;
  e.time_us = rec.time_us;
  e.principal = rec.principal;
  e.kind = kind;
  e.claim = id;
  e.subject = std::move(r.subject);
  e.predicate = std::move(r.predicate);
  e.object = std::move(r.object);
  e.source = std::move(r.source.key);
  e.reason = kind == ChangeKind::kRetracted ? claim.retract_reason : std::string(reason);
  return visitor.change(e);
}

// A mark's changes: each claim whose deprecation the mark turned on or off —
// the claim itself, or every claim of the source live at the mark — and not
// one that stayed as it was (a source's deprecation does not change a claim
// deprecated on its own; restoring the source leaves it hidden).
Status EmitMark(const storage::ClaimStore& store, const storage::ReadView& view, const storage::TxRecord& rec,
                const storage::TxOperation& op, const ChangeFilter* filter, const ChangeVisitor& visitor) {
  storage::Mark m;
  if (!storage::DecodeMarkOp(op, rec.tx, &m))
    return Status::Corruption("transaction " + std::to_string(rec.tx) + ": malformed mark operation");
  const ChangeKind kind = m.deprecated ? ChangeKind::kDeprecated : ChangeKind::kRestored;
  CG_ASSIGN_OR_RETURN(auto before, store.NewReadView(rec.tx - 1, storage::ViewOptions{true}));
  CG_ASSIGN_OR_RETURN(auto after, store.NewReadView(rec.tx, storage::ViewOptions{true}));
  std::vector<ClaimId> ids{m.id};
  if (m.target == storage::Mark::Target::kSource) { CG_ASSIGN_OR_RETURN(ids, after->ClaimsBySource(m.id)); }
  for (ClaimId id : ids) {
    CG_ASSIGN_OR_RETURN(storage::Claim c, after->GetClaim(id));
    const bool was = before->DeprecationOf(id, c.source).has_value();
    const bool is = after->DeprecationOf(id, c.source).has_value();
    if (was != is) CG_RETURN_IF_ERROR(Emit(view, rec, kind, id, filter, visitor, m.reason));
  }
  return Status::Ok();
}

}  // namespace

Status WalkChanges(const storage::ClaimStore& store, const storage::ReadView& view, TxId since, TxId until,
                   const ChangeFilter* filter, const ChangeVisitor& visitor) {
  using Kind = storage::TxOperation::Kind;
  for (TxId tx = since + 1; tx <= until; ++tx) {
    CG_ASSIGN_OR_RETURN(storage::TxRecord rec, view.GetTx(tx));
    for (const storage::TxOperation& op : rec.ops) {
      // No default: a new operation kind must be given its case here, or
      // the build warns.
      switch (op.kind) {
        case Kind::kAssertRange:
          for (ClaimId id = op.first; id < op.first + op.count; ++id)
            CG_RETURN_IF_ERROR(Emit(view, rec, ChangeKind::kAsserted, id, filter, visitor));
          break;
        case Kind::kRetract:
          for (ClaimId id = op.first; id < op.first + op.count; ++id)
            CG_RETURN_IF_ERROR(Emit(view, rec, ChangeKind::kRetracted, id, filter, visitor));
          break;
        case Kind::kMark:
          CG_RETURN_IF_ERROR(EmitMark(store, view, rec, op, filter, visitor));
          break;
        // Dictionary and evidence operations change no claim.
        case Kind::kEntity:
        case Kind::kPredicate:
        case Kind::kSource:
        case Kind::kLiteral:
        case Kind::kKeepText:
        case Kind::kRedact:
          break;
      }
    }
    if (visitor.tx_done) CG_RETURN_IF_ERROR(visitor.tx_done(tx));
  }
  return Status::Ok();
}

Result<TxId> Engine::Changes(const ChangesRequest& request, const ChangeVisitor& visitor) const {
  CG_ASSIGN_OR_RETURN(auto view, store_->NewReadView());
  const TxId newest = view->last_tx();
  if (request.since_tx > newest)
    return Status::InvalidArgument("since tx " + std::to_string(request.since_tx) +
                                   " is beyond the newest transaction, " + std::to_string(newest));
  const TxId until = request.until_tx.value_or(newest);
  if (until > newest)
    return Status::InvalidArgument("until tx " + std::to_string(until) + " is beyond the newest transaction, " +
                                   std::to_string(newest));
  if (until < request.since_tx)
    return Status::InvalidArgument("until tx " + std::to_string(until) + " is before since tx " +
                                   std::to_string(request.since_tx));
  std::optional<ChangeFilter> filter;
  if (!request.pattern.empty()) {
    grammar::ChangePatternParse parsed = grammar::ParseChangePattern(request.pattern);
    if (!parsed.ok())
      return Status::InvalidArgument(DiagnosticText(parsed.diagnostics.front(), request.pattern));
    CG_ASSIGN_OR_RETURN(filter, BindChangeFilter(*view, request.pattern, parsed.pattern, nullptr));
  }
  CG_RETURN_IF_ERROR(WalkChanges(*store_, *view, request.since_tx, until, filter ? &*filter : nullptr, visitor));
  return until;
}

Result<std::vector<ChangeEvent>> Engine::Changes(const ChangesRequest& request) const {
  std::vector<ChangeEvent> out;
  ChangeVisitor visitor;
  visitor.change = [&](const ChangeEvent& e) {
    if (out.size() >= request.max_changes)
      return Status::ResourceExhausted("more than max_changes = " + std::to_string(request.max_changes) +
                                       " changes since tx " + std::to_string(request.since_tx) +
                                       ": ask for a shorter span (until_tx) or stream them");
    out.push_back(e);
    return Status::Ok();
  };
  CG_RETURN_IF_ERROR(Changes(request, visitor).status());
  return out;
}

TxId Engine::LastTx() const { return store_->LastTx(); }

TxId Engine::WaitForCommit(TxId after, std::chrono::milliseconds timeout) const {
  return store_->WaitForCommit(after, timeout);
}

}  // namespace claimgraph::engine
