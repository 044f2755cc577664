#include "grammar/transformer.h"

namespace claimgraph::grammar {

using P = gen::ClaimQLParser;

PathNode Transformer::TransformPath(P::PathAlternativeContext* ctx) {
  auto elements = ctx->pathElement();
  if (elements.size() == 1) return TransformPathElement(elements[0]);
  PathNode alt;
  alt.kind = PathNode::Kind::kAlternative;
  alt.span = SpanOf(ctx);
  for (auto* e : elements) alt.children.push_back(TransformPathElement(e));
  return alt;
}

PathNode Transformer::TransformPathElement(P::PathElementContext* ctx) {
  PathNode inner;
  auto* primary = ctx->pathPrimary();
  if (auto* p = dynamic_cast<P::PredicateStepContext*>(primary)) {
    inner.kind = PathNode::Kind::kPredicate;
    inner.name = RuleText(p->predicateName());
    inner.inverse = p->getStart()->getText() == "^";
    inner.span = SpanOf(p);
  } else if (auto* g = dynamic_cast<P::GroupStepContext*>(primary)) {
    inner = TransformPath(g->pathAlternative());
    inner.span = SpanOf(g);
  } else {
    auto* v = dynamic_cast<P::VariableStepContext*>(primary);
    inner.kind = PathNode::Kind::kVariable;
    inner.name = v->VARIABLE()->getText().substr(1);
    inner.span = SpanOf(v);
  }
  auto* q = ctx->quantifier();
  if (!q) return inner;
  PathNode rep;
  rep.kind = PathNode::Kind::kRepeat;
  rep.span = SpanOf(ctx);
  if (dynamic_cast<P::PlusQuantifierContext*>(q)) {
    rep.min = 1;
    rep.max = kUnbounded;
  } else if (dynamic_cast<P::StarQuantifierContext*>(q)) {
    rep.min = 0;
    rep.max = kUnbounded;
  } else if (auto* r = dynamic_cast<P::RangeQuantifierContext*>(q)) {
    uint64_t lo = IntegerValue(r->INTEGER(0)), hi = IntegerValue(r->INTEGER(1));
    if (lo > hi) throw TransformError(SpanOf(q), "path bounds {" + std::to_string(lo) + "," + std::to_string(hi) + "}: minimum exceeds maximum");
    if (hi >= kUnbounded) throw TransformError(SpanOf(q), "path bound " + std::to_string(hi) + " is too large");
    rep.min = static_cast<uint32_t>(lo);
    rep.max = static_cast<uint32_t>(hi);
  } else if (auto* a = dynamic_cast<P::AtLeastQuantifierContext*>(q)) {
    uint64_t lo = IntegerValue(a->INTEGER());
    if (lo >= kUnbounded) throw TransformError(SpanOf(q), "path bound " + std::to_string(lo) + " is too large");
    rep.min = static_cast<uint32_t>(lo);
    rep.max = kUnbounded;
  } else if (auto* e = dynamic_cast<P::ExactQuantifierContext*>(q)) {
    uint64_t n = IntegerValue(e->INTEGER());
    if (n >= kUnbounded) throw TransformError(SpanOf(q), "path bound " + std::to_string(n) + " is too large");
    rep.min = rep.max = static_cast<uint32_t>(n);
  }
  if (inner.kind == PathNode::Kind::kVariable)
    throw TransformError(SpanOf(q), "a variable predicate cannot be repeated");
  rep.children.push_back(std::move(inner));
  return rep;
}

}  // namespace claimgraph::grammar
