#include "engine/executor/evaluator.h"

#include <algorithm>
#include <cmath>

#include "engine/executor/pipeline.h"
#include "base/timestamp.h"

namespace claimgraph::engine {

Result<Value> SlotValue(ExecContext* ctx, VarKind kind, uint64_t raw) {
  if (raw == 0) return Value::Null();
  switch (kind) {
    case VarKind::kClaim:
      return Value::Claim(raw);
    case VarKind::kPredicate: {
      CG_ASSIGN_OR_RETURN(const storage::Predicate* p, ctx->names().Predicate(raw));
      return Value::Predicate(raw, p->name);
    }
    case VarKind::kNode:
      break;
  }
  switch (storage::KindOfTerm(raw)) {
    case storage::TermKind::kEntity: {
      CG_ASSIGN_OR_RETURN(const storage::Entity* e, ctx->names().Entity(raw));
      return Value::Entity(raw, e->name);
    }
    case storage::TermKind::kNumber: {
      CG_ASSIGN_OR_RETURN(const storage::Literal* l, ctx->names().Literal(raw));
      Value v = Value::Number(l->number);
      v.integer = codec::IsIntegerLiteral(l->lexical);  // a stored 1990, as it was written
      return v;
    }
    case storage::TermKind::kDate: {
      CG_ASSIGN_OR_RETURN(const storage::Literal* l, ctx->names().Literal(raw));
      return Value::Date(l->lexical);
    }
    default: {
      CG_ASSIGN_OR_RETURN(const storage::Literal* l, ctx->names().Literal(raw));
      return Value::String(l->lexical);
    }
  }
}

namespace {

// Source attributes come from the source id the index entry carried, so
// grouping claims by source needs no claim record.
Result<std::optional<Value>> SourceAttribute(ExecContext* ctx, Attribute a, storage::SourceId source) {
  if (a != Attribute::kSource && a != Attribute::kPublisher && a != Attribute::kPublished && a != Attribute::kTitle)
    return std::optional<Value>();
  CG_ASSIGN_OR_RETURN(const storage::Source* s, ctx->names().Source(source));
  switch (a) {
    case Attribute::kSource: return std::optional<Value>(Value::String(s->key));
    case Attribute::kPublisher: return std::optional<Value>(Value::String(s->publisher));
    case Attribute::kPublished: return std::optional<Value>(Value::Date(s->published));
    default: return std::optional<Value>(Value::String(s->title));
  }
}

Result<Value> ClaimAttribute(ExecContext* ctx, Attribute a, storage::ClaimId id) {
  CG_ASSIGN_OR_RETURN(const storage::Claim* c, ctx->Claim(id));
  auto source = [&]() { return ctx->names().Source(c->source); };
  switch (a) {
    case Attribute::kId: return Value::Integer(int64_t(c->id));
    case Attribute::kSource: { CG_ASSIGN_OR_RETURN(auto s, source()); return Value::String(s->key); }
    case Attribute::kPublisher: { CG_ASSIGN_OR_RETURN(auto s, source()); return Value::String(s->publisher); }
    case Attribute::kPublished: { CG_ASSIGN_OR_RETURN(auto s, source()); return Value::Date(s->published); }
    case Attribute::kTitle: { CG_ASSIGN_OR_RETURN(auto s, source()); return Value::String(s->title); }
    case Attribute::kQuote: return Value::String(c->quote);
    case Attribute::kSpan:
      return c->has_span ? Value::String(std::to_string(c->span_begin) + ".." + std::to_string(c->span_end)) : Value::Null();
    case Attribute::kConfidence: return Value::Number(c->confidence);
    case Attribute::kMethod: return Value::String(c->method);
    case Attribute::kModality: return Value::String(base::ModalityName(c->modality));
    case Attribute::kTx: return Value::Integer(int64_t(c->asserted_tx));
    case Attribute::kPrincipal: return Value::String(c->principal);
    case Attribute::kAssertedAt: return Value::Date(base::FormatTimestamp(c->asserted_at_us));
    case Attribute::kRetractedTx: return c->retracted_tx ? Value::Integer(int64_t(c->retracted_tx)) : Value::Null();
    case Attribute::kReason: return c->retracted_tx ? Value::String(c->retract_reason) : Value::Null();
    case Attribute::kSubject: return SlotValue(ctx, VarKind::kNode, c->subject);
    case Attribute::kPredicate: return SlotValue(ctx, VarKind::kPredicate, c->predicate);
    case Attribute::kObject: return SlotValue(ctx, VarKind::kNode, c->object);
    // Strings as stored ("1943", "2016-05"), not dates: a partial date is an
    // interval, and comparing "1943" with "1943-05-01" as text would mislead.
    case Attribute::kValidFrom: return c->valid.from.empty() ? Value::Null() : Value::String(c->valid.from);
    case Attribute::kValidTo: return c->valid.to.empty() ? Value::Null() : Value::String(c->valid.to);
    // As of the query's view: by the claim's own mark or its source's.
    case Attribute::kDeprecated: return Value::Bool(ctx->view().DeprecationOf(c->id, c->source).has_value());
    default: return Value::Null();
  }
}

Result<Value> NodeAttribute(ExecContext* ctx, Attribute a, VarKind kind, uint64_t raw) {
  if (kind == VarKind::kPredicate) {
    CG_ASSIGN_OR_RETURN(Value v, SlotValue(ctx, kind, raw));
    return Value::String(v.text);
  }
  if (!storage::IsEntityTerm(raw)) {  // a literal value has a name (itself) but no type or aliases
    if (a != Attribute::kName) return Value::Null();
    CG_ASSIGN_OR_RETURN(Value v, SlotValue(ctx, kind, raw));
    return Value::String(v.ToString());
  }
  CG_ASSIGN_OR_RETURN(const storage::Entity* e, ctx->names().Entity(raw));
  switch (a) {
    case Attribute::kName: return Value::String(e->name);
    case Attribute::kType: return e->type.empty() ? Value::Null() : Value::String(e->type);
    case Attribute::kAliases: {
      Value v;
      v.kind = Value::Kind::kList;
      for (const auto& alias : e->aliases) v.list.push_back(Value::String(alias));
      return v;
    }
    default: return Value::Null();
  }
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Result<Value> Function(const BoundExpr& e, const std::vector<Value>& args) {
  const std::string& f = e.text;
  if (f == "coalesce") {
    for (const auto& a : args)
      if (!a.is_null()) return a;
    return Value::Null();
  }
  for (const auto& a : args)
    if (a.is_null()) return Value::Null();
  if (f == "lower") return Value::String(Lower(args[0].ToString()));
  if (f == "upper") {
    std::string s = args[0].ToString();
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return Value::String(s);
  }
  if (f == "length") {
    if (args[0].kind == Value::Kind::kList) return Value::Integer(int64_t(args[0].list.size()));
    return Value::Integer(int64_t(args[0].ToString().size()));
  }
  if (f == "str") return Value::String(args[0].ToString());
  if (f == "year") {
    std::string s = args[0].ToString();
    if (s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, ::isdigit)) return Value::Integer(std::stoll(s.substr(0, 4)));
    return Value::Null();
  }
  if (f == "contains" || f == "starts_with" || f == "ends_with") {
    if (args[0].kind == Value::Kind::kList && f == "contains") {
      for (const auto& v : args[0].list)
        if (v.ToString() == args[1].ToString()) return Value::Bool(true);
      return Value::Bool(false);
    }
    std::string a = args[0].ToString(), b = args[1].ToString();
    if (f == "contains") return Value::Bool(a.find(b) != std::string::npos);
    if (f == "starts_with") return Value::Bool(a.rfind(b, 0) == 0);
    return Value::Bool(a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0);
  }
  return Status::Internal("function " + f + " has no implementation");
}

}  // namespace

Result<Value> Evaluate(ExecContext* ctx, const BoundExpr& e, const Row& row, const std::vector<Value>* aggregates,
                       const std::vector<Value>* output) {
  switch (e.kind) {
    case BoundExpr::Kind::kConstant: {
      Value v;
      v.kind = static_cast<Value::Kind>(e.value_kind);
      v.number = e.number;
      v.integer = e.integer;
      v.boolean = e.boolean;
      v.text = e.text;
      v.id = e.id;
      return v;
    }
    case BoundExpr::Kind::kSlot:
      return SlotValue(ctx, e.slot_kind, row.slots[e.slot]);
    case BoundExpr::Kind::kAttribute: {
      uint64_t raw = row.slots[e.slot];
      if (raw == 0) return Value::Null();
      if (e.slot_kind == VarKind::kClaim) {
        if (e.source_slot >= 0 && row.slots[e.source_slot]) {
          CG_ASSIGN_OR_RETURN(std::optional<Value> v, SourceAttribute(ctx, e.attribute, row.slots[e.source_slot]));
          if (v) return *v;
        }
        return ClaimAttribute(ctx, e.attribute, raw);
      }
      return NodeAttribute(ctx, e.attribute, e.slot_kind, raw);
    }
    case BoundExpr::Kind::kNegate: {
      CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, e.children[0], row, aggregates, output));
      if (v.kind != Value::Kind::kNumber) return Value::Null();
      Value negated = Value::Number(-v.number);
      negated.integer = v.integer;
      return negated;
    }
    case BoundExpr::Kind::kArithmetic: {
      CG_ASSIGN_OR_RETURN(Value a, Evaluate(ctx, e.children[0], row, aggregates, output));
      CG_ASSIGN_OR_RETURN(Value b, Evaluate(ctx, e.children[1], row, aggregates, output));
      if (a.kind != Value::Kind::kNumber || b.kind != Value::Kind::kNumber) return Value::Null();
      // + - * of two integers is an integer; / is always a double (7 / 2 = 3.5).
      const bool integers = a.integer && b.integer;
      auto number = [integers](double d) {
        Value v = Value::Number(d);
        v.integer = integers;
        return v;
      };
      if (e.text == "+") return number(a.number + b.number);
      if (e.text == "-") return number(a.number - b.number);
      if (e.text == "*") return number(a.number * b.number);
      if (b.number == 0) return Value::Null();  // x / 0 is NULL, not a crash
      return Value::Number(a.number / b.number);
    }
    case BoundExpr::Kind::kCompare: {
      CG_ASSIGN_OR_RETURN(Value a, Evaluate(ctx, e.children[0], row, aggregates, output));
      CG_ASSIGN_OR_RETURN(Value b, Evaluate(ctx, e.children[1], row, aggregates, output));
      int c = CompareForFilter(a, b);
      if (c == -2) return (e.text == "!=" && !a.is_null() && !b.is_null()) ? Value::Bool(true) : Value::Bool(false);
      if (e.text == "=") return Value::Bool(c == 0);
      if (e.text == "!=") return Value::Bool(c != 0);
      if (e.text == "<") return Value::Bool(c < 0);
      if (e.text == "<=") return Value::Bool(c <= 0);
      if (e.text == ">") return Value::Bool(c > 0);
      return Value::Bool(c >= 0);
    }
    case BoundExpr::Kind::kAnd:
      for (const auto& c : e.children) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, c, row, aggregates, output));
        if (!(v.kind == Value::Kind::kBool && v.boolean)) return Value::Bool(false);
      }
      return Value::Bool(true);
    case BoundExpr::Kind::kOr:
      for (const auto& c : e.children) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, c, row, aggregates, output));
        if (v.kind == Value::Kind::kBool && v.boolean) return Value::Bool(true);
      }
      return Value::Bool(false);
    case BoundExpr::Kind::kNot: {
      CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, e.children[0], row, aggregates, output));
      return Value::Bool(!(v.kind == Value::Kind::kBool && v.boolean));
    }
    case BoundExpr::Kind::kExists: {
      auto it = ctx->subplans.find(e.subquery.get());
      if (it == ctx->subplans.end()) return Status::Internal("EXISTS block has no plan");
      it->second->Reset(Row{row.slots, {}});
      Row out;
      CG_ASSIGN_OR_RETURN(bool any, it->second->Next(&out));
      return Value::Bool(any != e.negated);
    }
    case BoundExpr::Kind::kAggregate:
      if (!aggregates || e.aggregate_index < 0 || size_t(e.aggregate_index) >= aggregates->size())
        return Status::Internal("aggregate evaluated outside a group");
      return (*aggregates)[e.aggregate_index];
    case BoundExpr::Kind::kFunction: {
      std::vector<Value> args;
      for (const auto& c : e.children) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, c, row, aggregates, output));
        args.push_back(std::move(v));
      }
      return Function(e, args);
    }
    case BoundExpr::Kind::kOutputColumn:
      if (!output || e.column < 0 || size_t(e.column) >= output->size())
        return Status::Internal("output column evaluated on a binding row");
      return (*output)[e.column];
  }
  return Value::Null();
}

Result<bool> EvaluatePredicate(ExecContext* ctx, const BoundExpr& e, const Row& row) {
  CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, e, row));
  return v.kind == Value::Kind::kBool && v.boolean;
}

}  // namespace claimgraph::engine
