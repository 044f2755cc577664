// SHOW PREDICATES | ENTITIES | SOURCES | STATS | CLAIM n
#include "engine/executor/evaluator.h"
#include "base/timestamp.h"
#include "engine/statements.h"

namespace claimgraph::engine {
namespace {

Value Str(const std::string& s) { return s.empty() ? Value::Null() : Value::String(s); }
Value Num(uint64_t n) { return Value::Number(double(n)); }

}  // namespace

Status AppendClaimRecord(ExecContext* ctx, const storage::Claim& c, QueryResult* r) {
  auto add = [&](const char* field, Value v) { r->rows.push_back({Value::String(field), std::move(v)}); };
  CG_ASSIGN_OR_RETURN(Value subject, SlotValue(ctx, VarKind::kNode, c.subject));
  CG_ASSIGN_OR_RETURN(Value predicate, SlotValue(ctx, VarKind::kPredicate, c.predicate));
  CG_ASSIGN_OR_RETURN(Value object, SlotValue(ctx, VarKind::kNode, c.object));
  CG_ASSIGN_OR_RETURN(const storage::Source* src, ctx->names().Source(c.source));
  add("id", Num(c.id));
  add("subject", subject);
  add("predicate", predicate);
  add("object", object);
  add("source", Str(src->key));
  add("title", Str(src->title));
  add("publisher", Str(src->publisher));
  add("published", Str(src->published));
  add("url", Str(src->url));
  add("source_sha256", Str(src->sha256));
  add("span", c.has_span ? Value::String(std::to_string(c.span_begin) + ".." + std::to_string(c.span_end)) : Value::Null());
  add("quote", Str(c.quote));
  add("confidence", Value::Number(c.confidence));
  add("method", Str(c.method));
  add("modality", Value::String(storage::ModalityName(c.modality)));
  add("tx", Num(c.asserted_tx));
  add("principal", Str(c.principal));
  add("asserted_at", Value::String(base::FormatTimestamp(c.asserted_at_us)));
  add("retracted_tx", c.retracted_tx ? Num(c.retracted_tx) : Value::Null());
  add("retract_reason", c.retracted_tx ? Str(c.retract_reason) : Value::Null());
  add("retracted_by", c.retracted_tx ? Str(c.retracted_by) : Value::Null());
  add("retracted_at", c.retracted_tx ? Value::String(base::FormatTimestamp(c.retracted_at_us)) : Value::Null());
  return Status::Ok();
}

Result<QueryResult> ExecuteShow(const StatementContext& sc, const grammar::ShowStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  ExecContext ctx(*view, sc.options, false);
  QueryResult r;
  r.stats.as_of_tx = view->as_of();
  using What = grammar::ShowStatement::What;
  switch (s.what) {
    case What::kPredicates: {
      r.columns = {"predicate", "symmetric", "inverse", "domain", "range", "claims"};
      CG_ASSIGN_OR_RETURN(auto preds, view->ListPredicates());
      for (const auto& p : preds) {
        CG_ASSIGN_OR_RETURN(uint64_t n, view->CountClaims({std::nullopt, p.id}, UINT64_MAX));
        r.rows.push_back({Value::String(p.name), Value::Bool(p.symmetric), Str(p.inverse), Str(p.domain), Str(p.range), Num(n)});
      }
      break;
    }
    case What::kEntities: {
      r.columns = {"entity", "type", "aliases"};
      // Streamed from the dictionary and stopped one row past max_rows, so
      // a huge store does not build a listing only to refuse it.
      CG_RETURN_IF_ERROR(view->ForEachEntity([&](const storage::Entity& e) {
        std::string aliases;
        for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
        r.rows.push_back({Value::String(e.name), Str(e.type), Str(aliases)});
        return r.rows.size() <= sc.options.max_rows;
      }));
      break;
    }
    case What::kSources: {
      r.columns = {"source", "title", "publisher", "published", "claims"};
      Status failed = Status::Ok();
      CG_RETURN_IF_ERROR(view->ForEachSource([&](const storage::Source& src) {
        auto ids = view->ClaimsBySource(src.id);
        if (!ids.ok()) {
          failed = ids.status();
          return false;
        }
        r.rows.push_back({Value::String(src.key), Str(src.title), Str(src.publisher), Str(src.published), Num(ids->size())});
        return r.rows.size() <= sc.options.max_rows;
      }));
      CG_RETURN_IF_ERROR(failed);
      break;
    }
    case What::kStats: {
      r.columns = {"statistic", "value"};
      CG_ASSIGN_OR_RETURN(uint64_t live, view->CountClaims({}, UINT64_MAX));
      CG_ASSIGN_OR_RETURN(auto preds, view->ListPredicates());
      CG_ASSIGN_OR_RETURN(auto sources, view->ListSources());
      r.rows.push_back({Value::String("transactions"), Num(view->last_tx())});
      r.rows.push_back({Value::String("live claims"), Num(live)});
      r.rows.push_back({Value::String("entities"), Num(view->EntityCount())});
      r.rows.push_back({Value::String("predicates"), Num(preds.size())});
      r.rows.push_back({Value::String("sources"), Num(sources.size())});
      break;
    }
    case What::kClaim: {
      auto claim = view->GetClaim(s.claim);
      if (!claim.ok()) return claim.status();
      r.columns = {"field", "value"};
      CG_RETURN_IF_ERROR(AppendClaimRecord(&ctx, *claim, &r));
      break;
    }
  }
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

}  // namespace claimgraph::engine
