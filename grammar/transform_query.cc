#include "grammar/transformer.h"

namespace claimgraph::grammar {

using P = gen::ClaimQLParser;

Term Transformer::TransformTerm(P::TermContext* ctx) {
  Term t;
  t.span = SpanOf(ctx);
  if (ctx->VARIABLE()) {
    t.kind = Term::Kind::kVariable;
    t.text = ctx->VARIABLE()->getText().substr(1);
  } else if (ctx->STRING()) {
    t.kind = Term::Kind::kString;
    t.text = StringValue(ctx->STRING());
  } else {
    auto* n = ctx->number();
    t.kind = Term::Kind::kNumber;
    t.text = n->getText();
    t.number = NumberValue(n->getStop(), n->getStart()->getText() == "-");
  }
  return t;
}

Pattern Transformer::TransformPattern(P::PatternContext* ctx) {
  Pattern p;
  p.span = SpanOf(ctx);
  p.subject = TransformTerm(ctx->term(0));
  p.path = TransformPath(ctx->path()->pathAlternative());
  p.object = TransformTerm(ctx->term(1));
  if (ctx->VARIABLE()) {
    p.claim_variable = ctx->VARIABLE()->getText().substr(1);
    p.claim_variable_span = SpanOf(ctx->VARIABLE());
  }
  return p;
}

std::vector<Pattern> Transformer::TransformPatterns(P::PatternListContext* ctx) {
  std::vector<Pattern> out;
  for (auto* p : ctx->pattern()) out.push_back(TransformPattern(p));
  return out;
}

Query Transformer::TransformQuery(P::QueryContext* ctx) {
  Query q;
  q.patterns = TransformPatterns(ctx->patternList());
  for (auto* tail : ctx->matchTail()) {
    if (auto* w = dynamic_cast<P::WhereTailContext*>(tail)) {
      q.filters.push_back(TransformExpr(w->expr()));
    } else if (auto* o = dynamic_cast<P::OptionalTailContext*>(tail)) {
      OptionalBlock block;
      block.span = SpanOf(o);
      block.patterns = TransformPatterns(o->patternList());
      if (o->expr()) block.filters.push_back(TransformExpr(o->expr()));
      q.optionals.push_back(std::move(block));
    } else if (auto* f = dynamic_cast<P::FromSourceTailContext*>(tail)) {
      for (auto* s : f->STRING()) q.from_sources.push_back(StringValue(s));
    } else if (auto* f = dynamic_cast<P::FromPublisherTailContext*>(tail)) {
      for (auto* s : f->STRING()) q.from_publishers.push_back(StringValue(s));
    } else if (auto* a = dynamic_cast<P::AsOfTxTailContext*>(tail)) {
      if (q.as_of_tx || q.as_of_time) throw TransformError(SpanOf(a), "AS OF is given twice");
      q.as_of_tx = IntegerValue(a->INTEGER());
      q.as_of_span = SpanOf(a);
    } else if (auto* a = dynamic_cast<P::AsOfTimeTailContext*>(tail)) {
      if (q.as_of_tx || q.as_of_time) throw TransformError(SpanOf(a), "AS OF is given twice");
      q.as_of_time = StringValue(a->STRING());
      q.as_of_span = SpanOf(a);
    } else if (auto* v = dynamic_cast<P::ValidAtTailContext*>(tail)) {
      if (q.valid) throw TransformError(SpanOf(v), "VALID is given twice");
      std::string at = StringValue(v->STRING());
      q.valid = ValidTail{at, at, false, v->UNKNOWN() != nullptr, SpanOf(v)};
    } else if (auto* v = dynamic_cast<P::ValidDuringTailContext*>(tail)) {
      if (q.valid) throw TransformError(SpanOf(v), "VALID is given twice");
      q.valid = ValidTail{StringValue(v->STRING(0)), StringValue(v->STRING(1)), true, v->UNKNOWN() != nullptr,
                          SpanOf(v)};
    } else if (dynamic_cast<P::WithDeprecatedTailContext*>(tail)) {
      q.with_deprecated = true;
    }
  }
  q.distinct = ctx->DISTINCT() != nullptr;
  for (auto* r : ctx->returnItem()) {
    ReturnItem item;
    item.span = SpanOf(r);
    item.expr = TransformExpr(r->expr());
    if (r->name()) item.alias = RuleText(r->name());
    q.returns.push_back(std::move(item));
  }
  if (auto* g = ctx->groupBy())
    for (auto* e : g->expr()) q.group_by.push_back(TransformExpr(e));
  if (ctx->having()) q.having = TransformExpr(ctx->having()->expr());
  if (auto* o = ctx->orderBy())
    for (auto* item : o->orderItem()) q.order_by.push_back({TransformExpr(item->expr()), item->DESC() != nullptr});
  if (ctx->limitClause()) q.limit = IntegerValue(ctx->limitClause()->INTEGER());
  if (ctx->offsetClause()) q.offset = IntegerValue(ctx->offsetClause()->INTEGER());
  q.with_provenance = ctx->PROVENANCE() != nullptr;
  q.full_provenance = ctx->FULL() != nullptr;
  return q;
}

}  // namespace claimgraph::grammar
