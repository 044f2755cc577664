// The binder: resolves the AST's names against the store (entities through
// aliases, predicates against the schema), gives every variable a row slot,
// and checks what the grammar cannot: unknown predicates ("did you mean"),
// unbound variables, kind conflicts, aggregates in the wrong place. Errors are
// InvalidArgument with the statement's text, line:column and a caret.
#pragma once

#include <optional>
#include <string_view>

#include "engine/binder/bound_query.h"
#include "grammar/ast.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {

class Binder {
 public:
  Binder(const storage::ReadView& view, std::string_view text) : view_(view), text_(text) {}

  // `as_of_tx` is ExecuteOptions::as_of_tx: bound as if the text said AS OF TX n.
  Result<BoundQuery> BindQuery(const grammar::Query& query, std::optional<storage::TxId> as_of_tx = std::nullopt);

  // Pieces shared with the write statements.
  Result<storage::Predicate> ResolvePredicateName(const std::string& name, const grammar::SourceSpan& span,
                                                  bool* reversed);
  Status Error(const grammar::SourceSpan& span, const std::string& message) const;
  // A term outside a query (CHANGES ... MATCH, the Watch RPC's pattern),
  // resolved exactly as in a MATCH pattern: a ?variable gets a slot (the
  // same name the same slot), a "string" is an entity by name or alias or
  // else a string/date value, a name that resolves to nothing is `unresolved`
  // with a warning in *warnings (may be null).
  Result<BoundTerm> BindLooseTerm(const grammar::Term& t, std::vector<std::string>* warnings);

 private:
  // bind_pattern.cc
  Status BindPatterns(const std::vector<grammar::Pattern>& patterns, std::vector<BoundPattern>* out);
  Result<BoundPattern> BindPattern(const grammar::Pattern& p);
  Result<BoundTerm> BindTerm(const grammar::Term& t);
  Status BindPath(const grammar::PathNode& path, BoundPattern* out);
  Status BindSteps(const grammar::PathNode& node, std::vector<BoundStep>* steps);
  Result<int> DeclareVariable(const std::string& name, VarKind kind, const grammar::SourceSpan& span);
  // bind_expr.cc
  Result<BoundExpr> BindExpr(const grammar::Expr& e, bool allow_aggregates, BoundQuery* query);
  // HAVING: like BindExpr, but names refer to RETURN columns.
  Result<BoundExpr> BindHaving(const grammar::Expr& e, BoundQuery* query);
  // BELIEF(?c): an aggregate written as a function call; one claim variable.
  Result<BoundExpr> BindBelief(const grammar::Expr& e, bool allow_aggregates, BoundQuery* query);
  BoundExpr AddAggregate(BoundExpr aggregate, BoundQuery* query);
  Result<BoundExpr> BindCompare(const grammar::Expr& e, BoundQuery* query, bool allow_aggregates);
  void ResolveEntityConstants(BoundExpr* compare) const;
  Result<BoundSubquery> BindSubquery(const std::vector<grammar::Pattern>& patterns,
                                     const std::vector<grammar::Expr>& filters, BoundQuery* query, bool keep_scope);
  // bind_query.cc
  Status BindReturnAndOrder(const grammar::Query& q, BoundQuery* out);
  Status ResolveSources(const grammar::Query& q, BoundQuery* out);
  Status BindAsOf(const grammar::Query& q, std::optional<storage::TxId> requested, BoundQuery* out);

  std::string TextOf(const grammar::SourceSpan& span) const;

  const storage::ReadView& view_;
  std::string_view text_;
  std::vector<Variable> variables_;
  std::set<int> bound_slots_;  // slots that some pattern binds
  std::vector<std::string>* warnings_ = nullptr;
  const grammar::Query* query_ = nullptr;
};

// "did you mean 'pact'?" — the closest candidate by edit distance, if close enough.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace claimgraph::engine
