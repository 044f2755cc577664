// Evaluates bound expressions over a binding row.
#pragma once

#include "engine/executor/exec_context.h"
#include "engine/value.h"

namespace claimgraph::engine {

// The value of slot `slot` of `kind` in `row`: entities by name, literals as
// numbers/strings/dates, predicates by name, claims by id; 0 is NULL.
Result<Value> SlotValue(ExecContext* ctx, VarKind kind, uint64_t raw);

// `aggregates`: the group's aggregate results when evaluating RETURN over a group.
// `output`: the row's RETURN values, for HAVING's references to columns.
Result<Value> Evaluate(ExecContext* ctx, const BoundExpr& e, const Row& row,
                       const std::vector<Value>* aggregates = nullptr, const std::vector<Value>* output = nullptr);

// WHERE semantics: true only for the boolean true (NULL and errors of type are false).
Result<bool> EvaluatePredicate(ExecContext* ctx, const BoundExpr& e, const Row& row);

}  // namespace claimgraph::engine
