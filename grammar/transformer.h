// Internal to grammar/: turns ANTLR's parse tree into our AST. Split by
// clause (transform_statement.cc, transform_query.cc, transform_path.cc,
// transform_expr.cc) in the manner of Kuzu's Transformer.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ClaimQLParser.h"
#include "grammar/ast.h"
#include "grammar/parser.h"

namespace claimgraph::grammar {

namespace gen = claimgraph::grammar::generated;

// The text of a rule that is one token (a name, a comparison operator): the
// token's own text. ANTLR's RuleContext::getText builds a stringstream per
// call, which was a visible part of a point statement's parse-cache hit.
inline std::string RuleText(antlr4::ParserRuleContext* ctx) {
  if (ctx->getStart() == ctx->getStop()) return ctx->getStart()->getText();
  return ctx->getText();
}

// Thrown inside the transformer for semantic-syntax errors the grammar cannot
// express (a bad escape, an integer too large); caught in Parse().
struct TransformError : std::runtime_error {
  TransformError(SourceSpan s, std::string m) : std::runtime_error(m), span(s) {}
  SourceSpan span;
};

class Transformer {
 public:
  // byte_offsets[i] = byte offset of code point i of the text (size = code points + 1).
  explicit Transformer(std::vector<uint32_t> byte_offsets) : byte_offsets_(std::move(byte_offsets)) {}

  Statement TransformStatement(gen::ClaimQLParser::StatementContext* ctx);
  ChangePattern TransformChangePattern(gen::ClaimQLParser::ChangePatternContext* ctx);

 private:
  // transform_query.cc
  Query TransformQuery(gen::ClaimQLParser::QueryContext* ctx);
  std::vector<Pattern> TransformPatterns(gen::ClaimQLParser::PatternListContext* ctx);
  Pattern TransformPattern(gen::ClaimQLParser::PatternContext* ctx);
  Term TransformTerm(gen::ClaimQLParser::TermContext* ctx);
  // transform_path.cc
  PathNode TransformPath(gen::ClaimQLParser::PathAlternativeContext* ctx);
  PathNode TransformPathElement(gen::ClaimQLParser::PathElementContext* ctx);
  // transform_expr.cc
  Expr TransformExpr(gen::ClaimQLParser::ExprContext* ctx);
  Expr TransformAnd(gen::ClaimQLParser::AndExprContext* ctx);
  Expr TransformNot(gen::ClaimQLParser::NotExprContext* ctx);
  Expr TransformComparison(gen::ClaimQLParser::ComparisonContext* ctx);
  Expr TransformAdditive(gen::ClaimQLParser::AdditiveContext* ctx);
  Expr TransformMultiplicative(gen::ClaimQLParser::MultiplicativeContext* ctx);
  Expr TransformUnary(gen::ClaimQLParser::UnaryContext* ctx);
  Expr TransformPrimary(gen::ClaimQLParser::PrimaryContext* ctx);

 public:
  // Shared helpers.
  SourceSpan SpanOf(antlr4::ParserRuleContext* ctx) const;
  SourceSpan SpanOf(antlr4::tree::TerminalNode* node) const;
  SourceSpan SpanOf(antlr4::Token* token) const;
  std::string StringValue(antlr4::tree::TerminalNode* node) const;  // unescaped STRING
  uint64_t IntegerValue(antlr4::tree::TerminalNode* node) const;
  double NumberValue(antlr4::Token* token, bool negative) const;

 private:
  std::vector<uint32_t> byte_offsets_;
};

}  // namespace claimgraph::grammar
