// SHOW PREDICATES | ENTITIES | SOURCES | STATS | CLAIM n | SOURCE "key" [WITH TEXT]
#include "engine/executor/evaluator.h"
#include "base/timestamp.h"
#include "engine/lookup/lookup.h"
#include "engine/statements.h"

namespace claimgraph::engine {
namespace {

Value Str(const std::string& s) { return s.empty() ? Value::Null() : Value::String(s); }
Value Num(uint64_t n) { return Value::Integer(int64_t(n)); }

// SHOW CLAIM n: the record as GetClaim returns it, a field a row.
void AppendClaimRecord(const ClaimRecord& c, QueryResult* r) {
  auto add = [&](const char* field, Value v) { r->rows.push_back({Value::String(field), std::move(v)}); };
  const bool retracted = c.retracted_tx != 0;
  add("id", Num(c.id));
  add("subject", c.subject);
  add("predicate", c.predicate);
  add("object", c.object);
  add("source", Str(c.source.key));
  add("title", Str(c.source.title));
  add("publisher", Str(c.source.publisher));
  add("published", Str(c.source.published));
  add("url", Str(c.source.url));
  add("source_sha256", Str(c.source.sha256));
  add("span", c.has_span ? Value::String(std::to_string(c.span_begin) + ".." + std::to_string(c.span_end)) : Value::Null());
  add("quote", Str(c.quote));
  add("confidence", Value::Number(c.confidence));
  add("method", Str(c.method));
  add("modality", Value::String(base::ModalityName(c.modality)));
  add("valid_from", Str(c.valid.from));
  add("valid_to", Str(c.valid.to));
  add("tx", Num(c.asserted_tx));
  add("principal", Str(c.principal));
  add("asserted_at", Value::String(base::FormatTimestamp(c.asserted_at_us)));
  add("retracted_tx", retracted ? Num(c.retracted_tx) : Value::Null());
  add("retract_reason", retracted ? Str(c.retract_reason) : Value::Null());
  add("retracted_by", retracted ? Str(c.retracted_by) : Value::Null());
  add("retracted_at", retracted ? Value::String(base::FormatTimestamp(c.retracted_at_us)) : Value::Null());
  const bool deprecated = c.deprecated_tx != 0;
  add("deprecated", Value::Bool(deprecated));
  add("deprecated_tx", deprecated ? Num(c.deprecated_tx) : Value::Null());
  add("deprecated_reason", deprecated ? Str(c.deprecated_reason) : Value::Null());
  add("deprecated_by", deprecated ? Value::String(c.deprecated_by_source ? "source" : "claim") : Value::Null());
}

// SHOW SOURCE "key": the source as GetSource returns it, a field a row —
// its text's state and size, who redacted it and why, and WITH TEXT the text.
void AppendSource(const SourceSummary& s, bool with_text, QueryResult* r) {
  auto add = [&](const char* field, Value v) { r->rows.push_back({Value::String(field), std::move(v)}); };
  const SourceEvidence& e = s.evidence;
  const bool kept = e.state == "kept", redacted = e.state == "redacted";
  add("source", Value::String(s.source.key));
  add("title", Str(s.source.title));
  add("publisher", Str(s.source.publisher));
  add("published", Str(s.source.published));
  add("url", Str(s.source.url));
  add("sha256", Str(s.source.sha256));
  add("claims", Num(s.live_claims));
  add("deprecated", Value::Bool(s.deprecated_tx != 0));
  add("deprecated_tx", s.deprecated_tx ? Num(s.deprecated_tx) : Value::Null());
  add("deprecated_reason", s.deprecated_tx ? Str(s.deprecated_reason) : Value::Null());
  add("text_state", Value::String(e.state));
  add("text_bytes", kept ? Num(e.bytes) : Value::Null());
  add("redacted_tx", redacted ? Num(e.redacted_tx) : Value::Null());
  add("redacted_by", redacted ? Str(e.redacted_by) : Value::Null());
  add("redacted_at", redacted ? Value::String(base::FormatTimestamp(e.redacted_at_us)) : Value::Null());
  add("redact_reason", redacted ? Str(e.reason) : Value::Null());
  add("redacted_for", redacted ? Str(e.redacted_for) : Value::Null());
  if (with_text) add("text", kept ? Value::String(e.text) : Value::Null());
}

}  // namespace

Result<QueryResult> ExecuteShow(const StatementContext& sc, const grammar::ShowStatement& s) {
  CG_ASSIGN_OR_RETURN(auto view, sc.store->NewReadView());
  ExecContext ctx(*view, sc.options, false);
  QueryResult r;
  r.stats.as_of_tx = view->as_of();
  using What = grammar::ShowStatement::What;
  switch (s.what) {
    case What::kPredicates: {
      r.columns = {"predicate", "symmetric", "inverse", "domain", "range", "claims"};
      CG_ASSIGN_OR_RETURN(StoreStats stats, ReadStats(*sc.store, *view, true));
      for (const auto& p : stats.by_predicate)
        r.rows.push_back({Value::String(p.name), Value::Bool(p.symmetric), Str(p.inverse), Str(p.domain), Str(p.range),
                          Num(p.live_claims)});
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
      CG_ASSIGN_OR_RETURN(StoreStats stats, ReadStats(*sc.store, *view, false));
      r.rows.push_back({Value::String("transactions"), Num(stats.transactions)});
      r.rows.push_back({Value::String("live claims"), Num(stats.live_claims)});
      r.rows.push_back({Value::String("entities"), Num(stats.entities)});
      r.rows.push_back({Value::String("predicates"), Num(stats.predicates)});
      r.rows.push_back({Value::String("sources"), Num(stats.sources)});
      if (stats.deprecated_claims)  // as `claimgraphd stats` prints it: only when there are some
        r.rows.push_back({Value::String("deprecated claims"), Num(stats.deprecated_claims)});
      break;
    }
    case What::kClaim: {
      CG_ASSIGN_OR_RETURN(storage::Claim claim, view->GetClaim(s.claim));
      CG_ASSIGN_OR_RETURN(ClaimRecord record, ResolveClaim(*view, claim));
      r.columns = {"field", "value"};
      AppendClaimRecord(record, &r);
      break;
    }
    case What::kSource: {
      CG_ASSIGN_OR_RETURN(SourceSummary source, ReadSource(*view, s.source, s.with_text));
      r.columns = {"field", "value"};
      AppendSource(source, s.with_text, &r);
      break;
    }
  }
  CG_RETURN_IF_ERROR(Deliver(sc, &r));
  return r;
}

}  // namespace claimgraph::engine
