// ClaimQL's abstract syntax tree: the project's own types, built by the
// Transformer from ANTLR's parse tree. Every node keeps the span of text it came
// from so that later stages (binder, planner) can point at it in an error.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace claimgraph::grammar {

struct SourceSpan {
  uint32_t line = 0;     // 1-based
  uint32_t column = 0;   // 1-based, in characters (code points)
  uint32_t offset = 0;   // 0-based byte offset into the statement text
  uint32_t length = 0;   // bytes
  bool operator==(const SourceSpan&) const = default;  // for the parse cache's templates
};

struct Term {
  enum class Kind { kVariable, kString, kNumber };
  Kind kind = Kind::kVariable;
  std::string text;  // variable name without '?', unescaped string, or the number as written
  double number = 0;
  SourceSpan span;
  bool operator==(const Term&) const = default;  // for the parse cache's templates
};

inline constexpr uint32_t kUnbounded = std::numeric_limits<uint32_t>::max();

// A path between two terms. A plain triple pattern is a kPredicate (or
// kVariable) path with no quantifier.
struct PathNode {
  enum class Kind { kPredicate, kVariable, kAlternative, kRepeat };
  Kind kind = Kind::kPredicate;
  std::string name;      // predicate name, or variable name without '?'
  bool inverse = false;  // ^p
  std::vector<PathNode> children;  // kAlternative: the choices; kRepeat: the one repeated path
  uint32_t min = 1, max = 1;       // kRepeat bounds (max may be kUnbounded)
  SourceSpan span;
  bool operator==(const PathNode&) const = default;  // for the parse cache's templates
};

struct Pattern {
  Term subject;
  PathNode path;
  Term object;
  std::optional<std::string> claim_variable;  // AS ?c
  SourceSpan claim_variable_span;
  SourceSpan span;
  bool operator==(const Pattern&) const = default;  // for the parse cache's templates
};

// kBelief is never produced here: BELIEF(?c) parses as a function call and
// the binder makes it an aggregate (an identifier, not a keyword).
enum class AggregateKind { kCountStar, kCount, kMin, kMax, kBelief };

struct Expr {
  enum class Kind {
    kString, kNumber, kBool, kNull,
    kVariable,   // ?x                     text = "x"
    kAttribute,  // ?c.confidence          text = "c", attribute = "confidence"
    kAlias,      // n (a RETURN alias)     text = "n"
    kNegate,     // -e                     children[0]
    kArithmetic, // + - * /                text = op, children[0..1]
    kCompare,    // = != < <= > >=         text = op, children[0..1]
    kAnd, kOr,   // children
    kNot,        // children[0]
    kExists,     // [NOT] EXISTS { patterns WHERE filter }
    kAggregate,  // COUNT(*), COUNT([DISTINCT] e), MIN(e), MAX(e)
    kFunction,   // name(args)             text = name
  };
  Kind kind = Kind::kNull;
  std::string text;
  std::string attribute;
  double number = 0;
  bool boolean = false;
  std::vector<Expr> children;
  // kExists
  bool negated = false;
  std::vector<Pattern> patterns;
  // kAggregate
  AggregateKind aggregate = AggregateKind::kCountStar;
  bool distinct = false;
  SourceSpan span;
  bool operator==(const Expr&) const = default;  // for the parse cache's templates
};

struct OptionalBlock {
  std::vector<Pattern> patterns;
  std::vector<Expr> filters;
  SourceSpan span;
  bool operator==(const OptionalBlock&) const = default;  // for the parse cache's templates
};

struct ReturnItem {
  Expr expr;
  std::string alias;  // "" = none
  SourceSpan span;
  bool operator==(const ReturnItem&) const = default;  // for the parse cache's templates
};

struct OrderItem {
  Expr expr;
  bool descending = false;
  bool operator==(const OrderItem&) const = default;  // for the parse cache's templates
};

// VALID AT "x" (from = to = x) or VALID DURING "a".."b", [OR UNKNOWN]: the
// strings as written; the binder checks them.
struct ValidTail {
  std::string from, to;
  bool during = false;
  bool or_unknown = false;
  SourceSpan span;
  bool operator==(const ValidTail&) const = default;  // for the parse cache's templates
};

struct Query {
  bool explain = false;
  std::vector<Pattern> patterns;
  std::vector<Expr> filters;  // every WHERE, ANDed
  std::vector<OptionalBlock> optionals;
  std::vector<std::string> from_sources;
  std::vector<std::string> from_publishers;
  std::optional<uint64_t> as_of_tx;
  std::optional<std::string> as_of_time;
  SourceSpan as_of_span;
  std::optional<ValidTail> valid;
  bool with_deprecated = false;  // WITH DEPRECATED: deprecated claims answer too
  bool distinct = false;
  std::vector<ReturnItem> returns;
  std::vector<Expr> group_by;
  std::optional<Expr> having;  // over groups: aggregates and RETURN aliases
  std::vector<OrderItem> order_by;
  std::optional<uint64_t> limit;
  std::optional<uint64_t> offset;
  bool with_provenance = false;
  bool full_provenance = false;  // WITH FULL PROVENANCE: every supporting claim, not one witness
  bool operator==(const Query&) const = default;  // for the parse cache's templates
};

struct AssertStatement {
  Term subject;
  std::string predicate;
  SourceSpan predicate_span;
  Term object;
  std::optional<std::string> source;
  std::optional<std::pair<uint64_t, uint64_t>> span_range;
  std::optional<double> confidence;
  std::optional<std::string> modality;
  SourceSpan modality_span;
  std::optional<std::string> method;
  std::optional<std::string> quote;
  // VALID FROM "a" [TO "b"] | VALID TO "b"
  std::optional<std::string> valid_from, valid_to;
  SourceSpan valid_span;
};

struct RetractStatement {
  std::vector<uint64_t> claims;
  std::string reason;
};

struct DefinePredicateStatement {
  std::string name;
  SourceSpan name_span;
  bool symmetric = false;
  std::string inverse;
  std::string domain = "ANY";
  std::string range = "ANY";
};

struct DefineEntityStatement {
  std::string name;
  std::string type;
  std::vector<std::string> aliases;
};

struct ShowStatement {
  enum class What { kPredicates, kEntities, kSources, kStats, kClaim, kSource };
  What what = What::kStats;
  uint64_t claim = 0;
  std::string source;        // SHOW SOURCE "key"
  bool with_text = false;    // ... WITH TEXT: the kept text itself too
};

struct HistoryClaimStatement { uint64_t claim = 0; };
struct HistoryFactStatement {
  Term subject;
  std::string predicate;
  SourceSpan predicate_span;
  Term object;
};
// AUDIT VERIFY [INDEXES] [EVIDENCE]: the hash chain, with INDEXES the derived
// indexes too, with EVIDENCE the kept texts and the claims' quotes.
struct AuditVerifyStatement {
  bool indexes = false;
  bool evidence = false;
};
// REDACT SOURCE "key" REASON "...": the source's kept text removed (a takedown).
struct RedactStatement {
  std::string source;
  std::string reason;
};

// DEPRECATE CLAIM n[, m...] REASON "..." / DEPRECATE SOURCE "key" REASON "...",
// and RESTORE of either (REASON optional): claims kept, hidden by default.
struct MarkStatement {
  bool deprecate = true;          // false: RESTORE
  std::vector<uint64_t> claims;   // CLAIM n, ...
  std::optional<std::string> source;  // SOURCE "key"
  std::string reason;
};

// `s p o` of CHANGES ... MATCH and of the Watch RPC's pattern.
struct ChangePattern {
  Term subject;
  std::string predicate;
  SourceSpan predicate_span;
  Term object;
};
// CHANGES SINCE TX n [UNTIL TX m] [MATCH s p o]: the log between two points.
struct ChangesStatement {
  uint64_t since_tx = 0;
  SourceSpan since_span;
  std::optional<uint64_t> until_tx;
  SourceSpan until_span;
  std::optional<ChangePattern> pattern;
};

struct Statement {
  std::variant<Query, AssertStatement, RetractStatement, DefinePredicateStatement, DefineEntityStatement,
               ShowStatement, HistoryClaimStatement, HistoryFactStatement, AuditVerifyStatement, RedactStatement,
               MarkStatement, ChangesStatement>
      node;
  SourceSpan span;
};

}  // namespace claimgraph::grammar
