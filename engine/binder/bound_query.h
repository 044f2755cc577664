// The binder's output: names resolved to ids, variables to row slots, every
// check done. The planner and executor read only these types.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/valid_time.h"
#include "grammar/ast.h"
#include "storage/types.h"

namespace claimgraph::engine {

enum class VarKind { kNode, kPredicate, kClaim };

struct Variable {
  std::string name;
  VarKind kind = VarKind::kNode;
  grammar::SourceSpan first_use;
};

// A subject/object position: a slot (variable) or a constant term.
struct BoundTerm {
  int slot = -1;                  // >= 0: a variable
  storage::TermId constant = 0;   // when slot < 0
  bool unresolved = false;        // a name that resolves to nothing: matches nothing
  std::string text;               // as written, for EXPLAIN
  bool is_variable() const { return slot >= 0; }
};

// One predicate step; `forward` false reads it backwards (^p, or an inverse name).
struct BoundStep {
  storage::PredicateId predicate = 0;
  std::string name;  // as the user wrote it
  bool forward = true;
  bool symmetric = false;
};

struct BoundPattern {
  BoundTerm subject, object;
  // Either a variable predicate (predicate_slot >= 0) or one or more steps.
  int predicate_slot = -1;
  std::vector<BoundStep> steps;  // alternatives
  uint32_t min = 1, max = 1;     // repetition; 1..1 is a plain pattern
  int claim_slot = -1;           // AS ?c
  int claim_source_slot = -1;    // hidden slot: the claim's source id, read from the index entry
  int claim_belief_slot = -1;    // hidden slot: its modality and confidence code (PackBeliefInput)
  grammar::SourceSpan span;
  std::string text;              // the pattern as written, for EXPLAIN

  bool IsPath() const { return !(min == 1 && max == 1 && (predicate_slot >= 0 || steps.size() == 1)); }
  std::set<int> Slots() const;   // variables this pattern binds
};

enum class Attribute {
  // claims
  kId, kSource, kPublisher, kPublished, kTitle, kQuote, kSpan, kConfidence, kMethod, kModality, kTx, kPrincipal,
  kAssertedAt, kRetractedTx, kReason, kSubject, kPredicate, kObject, kValidFrom, kValidTo, kDeprecated,
  // entities
  kName, kType, kAliases,
};

struct BoundExpr;
struct BoundSubquery;

struct BoundExpr {
  enum class Kind {
    kConstant, kSlot, kAttribute, kNegate, kArithmetic, kCompare, kAnd, kOr, kNot, kExists, kAggregate,
    kFunction, kOutputColumn,
  };
  Kind kind = Kind::kConstant;
  // kConstant: the value (an entity constant is resolved at bind time)
  int value_kind = 0;       // engine::Value::Kind as int, to keep value.h out of this header
  double number = 0;
  bool boolean = false;
  bool integer = false;     // kConstant number written as an integer ("7", not "7.0")
  std::string text;         // constant text, operator, function name
  uint64_t id = 0;          // constant entity / term id
  int slot = -1;            // kSlot, kAttribute
  int source_slot = -1;     // kAttribute of a claim, BELIEF: the hidden slot holding its source id
  int belief_slot = -1;     // BELIEF: the hidden slot holding modality and confidence code
  VarKind slot_kind = VarKind::kNode;
  Attribute attribute = Attribute::kId;
  std::vector<BoundExpr> children;
  std::shared_ptr<BoundSubquery> subquery;  // kExists
  bool negated = false;
  grammar::AggregateKind aggregate = grammar::AggregateKind::kCountStar;
  bool distinct = false;
  int aggregate_index = -1;  // kAggregate: index into BoundQuery::aggregates
  int column = -1;           // kOutputColumn
  grammar::SourceSpan span;
  std::string source_text;   // the expression as written

  std::set<int> Slots() const;  // variables it reads (not inside subqueries' own)
  bool HasAggregate() const;
};

// A block of patterns and filters run with the enclosing row's bindings:
// OPTIONAL { ... } and [NOT] EXISTS { ... }.
struct BoundSubquery {
  std::vector<BoundPattern> patterns;
  std::vector<BoundExpr> filters;
};

struct BoundReturn {
  BoundExpr expr;
  std::string name;  // column name: alias, or the expression as written
};

struct BoundOrder {
  BoundExpr expr;    // over output columns (kOutputColumn) or hidden sort keys
  bool descending = false;
};

// VALID AT / VALID DURING: claims whose valid time overlaps `range`; a claim
// with no valid time only when `or_unknown`.
struct BoundValid {
  base::DayRange range;
  bool or_unknown = false;
};

struct BoundQuery {
  std::vector<Variable> variables;
  std::vector<BoundPattern> patterns;
  std::vector<BoundExpr> filters;           // conjuncts
  std::vector<BoundSubquery> optionals;
  std::optional<std::set<storage::SourceId>> allowed_sources;  // FROM SOURCE / PUBLISHER
  std::optional<storage::TxId> as_of;
  std::optional<BoundValid> valid;                             // VALID AT / DURING
  bool with_deprecated = false;                                // WITH DEPRECATED
  std::vector<BoundReturn> returns;
  std::vector<BoundExpr> hidden_sort_keys;  // ORDER BY expressions not in RETURN
  std::vector<BoundExpr> group_keys;        // non-aggregate return expressions when aggregating
  std::vector<BoundExpr> aggregates;        // every aggregate call, referenced by index
  bool aggregating = false;
  std::optional<BoundExpr> having;          // over output rows (kOutputColumn) and aggregates
  std::vector<BoundOrder> order_by;
  bool distinct = false;
  std::optional<uint64_t> limit, offset;
  bool with_provenance = false;
  bool full_provenance = false;
  bool explain = false;
  std::vector<std::string> warnings;
};

}  // namespace claimgraph::engine
