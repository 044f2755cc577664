#include "grammar/transformer.h"

namespace claimgraph::grammar {

using P = gen::ClaimQLParser;

namespace {
Expr Node(Expr::Kind kind, SourceSpan span) {
  Expr e;
  e.kind = kind;
  e.span = span;
  return e;
}
}  // namespace

Expr Transformer::TransformExpr(P::ExprContext* ctx) {
  auto ands = ctx->orExpr()->andExpr();
  if (ands.size() == 1) return TransformAnd(ands[0]);
  Expr e = Node(Expr::Kind::kOr, SpanOf(ctx));
  for (auto* a : ands) e.children.push_back(TransformAnd(a));
  return e;
}

Expr Transformer::TransformAnd(P::AndExprContext* ctx) {
  auto nots = ctx->notExpr();
  if (nots.size() == 1) return TransformNot(nots[0]);
  Expr e = Node(Expr::Kind::kAnd, SpanOf(ctx));
  for (auto* n : nots) e.children.push_back(TransformNot(n));
  return e;
}

Expr Transformer::TransformNot(P::NotExprContext* ctx) {
  if (auto* n = dynamic_cast<P::NotOpContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kNot, SpanOf(ctx));
    e.children.push_back(TransformNot(n->notExpr()));
    return e;
  }
  if (auto* n = dynamic_cast<P::NotExistsOpContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kExists, SpanOf(ctx));
    e.negated = true;
    e.patterns = TransformPatterns(n->patternList());
    if (n->expr()) e.children.push_back(TransformExpr(n->expr()));
    return e;
  }
  if (auto* x = dynamic_cast<P::ExistsOpContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kExists, SpanOf(ctx));
    e.patterns = TransformPatterns(x->patternList());
    if (x->expr()) e.children.push_back(TransformExpr(x->expr()));
    return e;
  }
  return TransformComparison(dynamic_cast<P::ComparisonOpContext*>(ctx)->comparison());
}

Expr Transformer::TransformComparison(P::ComparisonContext* ctx) {
  if (!ctx->compareOp()) return TransformAdditive(ctx->additive(0));
  Expr e = Node(Expr::Kind::kCompare, SpanOf(ctx));
  e.text = RuleText(ctx->compareOp());
  if (e.text == "<>") e.text = "!=";
  e.children.push_back(TransformAdditive(ctx->additive(0)));
  e.children.push_back(TransformAdditive(ctx->additive(1)));
  return e;
}

Expr Transformer::TransformAdditive(P::AdditiveContext* ctx) {
  auto terms = ctx->multiplicative();
  Expr acc = TransformMultiplicative(terms[0]);
  // Operators are the terminal children between the operands.
  size_t op_index = 0;
  std::vector<std::string> ops;
  for (auto* child : ctx->children)
    if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) ops.push_back(t->getText());
  for (size_t i = 1; i < terms.size(); ++i) {
    Expr e = Node(Expr::Kind::kArithmetic, SpanOf(ctx));
    e.text = ops[op_index++];
    e.children.push_back(std::move(acc));
    e.children.push_back(TransformMultiplicative(terms[i]));
    acc = std::move(e);
  }
  return acc;
}

Expr Transformer::TransformMultiplicative(P::MultiplicativeContext* ctx) {
  auto terms = ctx->unary();
  Expr acc = TransformUnary(terms[0]);
  std::vector<std::string> ops;
  for (auto* child : ctx->children)
    if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) ops.push_back(t->getText());
  for (size_t i = 1; i < terms.size(); ++i) {
    Expr e = Node(Expr::Kind::kArithmetic, SpanOf(ctx));
    e.text = ops[i - 1];
    e.children.push_back(std::move(acc));
    e.children.push_back(TransformUnary(terms[i]));
    acc = std::move(e);
  }
  return acc;
}

Expr Transformer::TransformUnary(P::UnaryContext* ctx) {
  if (ctx->unary()) {
    Expr inner = TransformUnary(ctx->unary());
    if (inner.kind == Expr::Kind::kNumber) {  // fold "-3" into a literal
      inner.number = -inner.number;
      inner.span = SpanOf(ctx);
      return inner;
    }
    Expr e = Node(Expr::Kind::kNegate, SpanOf(ctx));
    e.children.push_back(std::move(inner));
    return e;
  }
  return TransformPrimary(ctx->primary());
}

Expr Transformer::TransformPrimary(P::PrimaryContext* ctx) {
  SourceSpan span = SpanOf(ctx);
  if (auto* s = dynamic_cast<P::StringLiteralContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kString, span);
    e.text = StringValue(s->STRING());
    return e;
  }
  if (dynamic_cast<P::IntegerLiteralContext*>(ctx) || dynamic_cast<P::DecimalLiteralContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kNumber, span);
    e.text = ctx->getText();
    e.number = NumberValue(ctx->getStart(), false);
    return e;
  }
  if (auto* b = dynamic_cast<P::BooleanLiteralContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kBool, span);
    e.boolean = b->TRUE_LITERAL() != nullptr;
    return e;
  }
  if (dynamic_cast<P::NullLiteralContext*>(ctx)) return Node(Expr::Kind::kNull, span);
  if (auto* a = dynamic_cast<P::AttributeRefContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kAttribute, span);
    e.text = a->VARIABLE()->getText().substr(1);
    e.attribute = RuleText(a->attributeName());
    for (auto& c : e.attribute) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
  }
  if (auto* v = dynamic_cast<P::VariableRefContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kVariable, span);
    e.text = v->VARIABLE()->getText().substr(1);
    return e;
  }
  if (auto* a = dynamic_cast<P::AggregateCallContext*>(ctx)) {
    auto* agg = a->aggregate();
    Expr e = Node(Expr::Kind::kAggregate, span);
    if (agg->COUNT()) {
      e.aggregate = agg->expr() ? AggregateKind::kCount : AggregateKind::kCountStar;
      e.distinct = agg->DISTINCT() != nullptr;
    } else {
      e.aggregate = agg->MIN() ? AggregateKind::kMin : AggregateKind::kMax;
    }
    if (agg->expr()) e.children.push_back(TransformExpr(agg->expr()));
    return e;
  }
  if (auto* f = dynamic_cast<P::FunctionCallContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kFunction, span);
    e.text = f->IDENTIFIER()->getText();
    for (auto& c : e.text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto* arg : f->expr()) e.children.push_back(TransformExpr(arg));
    return e;
  }
  if (auto* a = dynamic_cast<P::AliasRefContext*>(ctx)) {
    Expr e = Node(Expr::Kind::kAlias, span);
    e.text = RuleText(a->name());
    return e;
  }
  return TransformExpr(dynamic_cast<P::ParenthesizedContext*>(ctx)->expr());
}

}  // namespace claimgraph::grammar
