#include <map>

#include "engine/binder/binder.h"
#include "engine/value.h"

namespace claimgraph::engine {

using grammar::Expr;

namespace {

const std::map<std::string, Attribute>& ClaimAttributes() {
  static const std::map<std::string, Attribute> m{
      {"id", Attribute::kId},           {"source", Attribute::kSource},         {"publisher", Attribute::kPublisher},
      {"published", Attribute::kPublished}, {"title", Attribute::kTitle},       {"quote", Attribute::kQuote},
      {"span", Attribute::kSpan},       {"confidence", Attribute::kConfidence}, {"method", Attribute::kMethod},
      {"modality", Attribute::kModality}, {"tx", Attribute::kTx},               {"principal", Attribute::kPrincipal},
      {"asserted_at", Attribute::kAssertedAt}, {"retracted_tx", Attribute::kRetractedTx},
      {"reason", Attribute::kReason},   {"subject", Attribute::kSubject},       {"predicate", Attribute::kPredicate},
      {"object", Attribute::kObject},   {"valid_from", Attribute::kValidFrom},  {"valid_to", Attribute::kValidTo},
      {"deprecated", Attribute::kDeprecated}};
  return m;
}

const std::map<std::string, Attribute>& NodeAttributes() {
  static const std::map<std::string, Attribute> m{
      {"name", Attribute::kName}, {"type", Attribute::kType}, {"aliases", Attribute::kAliases}};
  return m;
}

// Functions: name -> {min args, max args}.
const std::map<std::string, std::pair<size_t, size_t>>& Functions() {
  static const std::map<std::string, std::pair<size_t, size_t>> m{
      {"lower", {1, 1}},    {"upper", {1, 1}},    {"length", {1, 1}},   {"str", {1, 1}},
      {"contains", {2, 2}}, {"starts_with", {2, 2}}, {"ends_with", {2, 2}}, {"coalesce", {1, 8}},
      {"year", {1, 1}}};
  return m;
}

template <typename M>
std::vector<std::string> Keys(const M& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

// Function names for "did you mean", BELIEF included (an aggregate written as
// a call: its name is an identifier, not a keyword of the grammar).
std::vector<std::string> FunctionNames() {
  auto out = Keys(Functions());
  out.push_back("belief");
  return out;
}

}  // namespace

void Binder::ResolveEntityConstants(BoundExpr* compare) const {
  // ?node = "U.S." compares entities: resolve the string through aliases.
  for (int i = 0; i < 2 && compare->children.size() == 2; ++i) {
    BoundExpr& var = compare->children[i];
    BoundExpr& lit = compare->children[1 - i];
    if (var.kind == BoundExpr::Kind::kSlot && var.slot_kind == VarKind::kNode &&
        lit.kind == BoundExpr::Kind::kConstant && lit.value_kind == int(Value::Kind::kString)) {
      auto entity = view_.FindEntity(lit.text);
      if (entity.ok()) {
        auto record = view_.GetEntity(*entity);
        lit.value_kind = int(Value::Kind::kEntity);
        lit.id = *entity;
        if (record.ok()) lit.text = record->name;
      }
    }
  }
}

Result<BoundExpr> Binder::BindCompare(const Expr& e, BoundQuery* query, bool allow_aggregates) {
  BoundExpr out;
  out.kind = BoundExpr::Kind::kCompare;
  out.text = e.text;
  out.span = e.span;
  out.source_text = TextOf(e.span);
  for (const auto& c : e.children) {
    CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(c, allow_aggregates, query));
    out.children.push_back(std::move(b));
  }
  ResolveEntityConstants(&out);
  return out;
}

Result<BoundExpr> Binder::BindExpr(const Expr& e, bool allow_aggregates, BoundQuery* query) {
  BoundExpr out;
  out.span = e.span;
  out.source_text = TextOf(e.span);
  switch (e.kind) {
    case Expr::Kind::kString:
      out.value_kind = int(Value::Kind::kString);
      out.text = e.text;
      return out;
    case Expr::Kind::kNumber:
      out.value_kind = int(Value::Kind::kNumber);
      out.number = e.number;
      out.integer = codec::IsIntegerLiteral(e.text);
      return out;
    case Expr::Kind::kBool:
      out.value_kind = int(Value::Kind::kBool);
      out.boolean = e.boolean;
      return out;
    case Expr::Kind::kNull:
      out.value_kind = int(Value::Kind::kNull);
      return out;
    case Expr::Kind::kVariable:
    case Expr::Kind::kAttribute: {
      int slot = -1;
      for (size_t i = 0; i < variables_.size(); ++i)
        if (variables_[i].name == e.text) slot = int(i);
      if (slot < 0 || !bound_slots_.count(slot))
        return Error(e.span, "variable ?" + e.text + " is not bound by any pattern");
      out.slot = slot;
      out.slot_kind = variables_[slot].kind;
      if (e.kind == Expr::Kind::kVariable) {
        out.kind = BoundExpr::Kind::kSlot;
        return out;
      }
      out.kind = BoundExpr::Kind::kAttribute;
      const auto& table = out.slot_kind == VarKind::kClaim ? ClaimAttributes() : NodeAttributes();
      auto it = table.find(e.attribute);
      if (it == table.end() || (out.slot_kind == VarKind::kPredicate && it->second != Attribute::kName)) {
        std::string what = out.slot_kind == VarKind::kClaim ? "a claim" : out.slot_kind == VarKind::kPredicate ? "a predicate" : "an entity";
        return Error(e.span, "?" + e.text + " is " + what + ", which has no attribute '" + e.attribute + "'" +
                                 DidYouMean(e.attribute, Keys(table)));
      }
      out.attribute = it->second;
      if (out.slot_kind == VarKind::kClaim)
        for (size_t i = 0; i < variables_.size(); ++i)
          if (variables_[i].name == e.text + "#source") out.source_slot = int(i);
      return out;
    }
    case Expr::Kind::kAlias:
      return Error(e.span, "'" + e.text + "' is neither a variable (variables start with '?') nor a column alias");
    case Expr::Kind::kNegate:
    case Expr::Kind::kArithmetic:
    case Expr::Kind::kAnd:
    case Expr::Kind::kOr:
    case Expr::Kind::kNot:
    case Expr::Kind::kFunction: {
      static const std::map<Expr::Kind, BoundExpr::Kind> kinds{
          {Expr::Kind::kNegate, BoundExpr::Kind::kNegate}, {Expr::Kind::kArithmetic, BoundExpr::Kind::kArithmetic},
          {Expr::Kind::kAnd, BoundExpr::Kind::kAnd},       {Expr::Kind::kOr, BoundExpr::Kind::kOr},
          {Expr::Kind::kNot, BoundExpr::Kind::kNot},       {Expr::Kind::kFunction, BoundExpr::Kind::kFunction}};
      out.kind = kinds.at(e.kind);
      out.text = e.text;
      if (e.kind == Expr::Kind::kFunction) {
        if (e.text == "belief") return BindBelief(e, allow_aggregates, query);
        auto it = Functions().find(e.text);
        if (it == Functions().end())
          return Error(e.span, "unknown function '" + e.text + "'" + DidYouMean(e.text, FunctionNames()));
        if (e.children.size() < it->second.first || e.children.size() > it->second.second)
          return Error(e.span, e.text + "() takes " + std::to_string(it->second.first) +
                                   (it->second.first == it->second.second ? "" : " to " + std::to_string(it->second.second)) +
                                   " argument(s), not " + std::to_string(e.children.size()));
      }
      for (const auto& c : e.children) {
        CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(c, allow_aggregates, query));
        out.children.push_back(std::move(b));
      }
      return out;
    }
    case Expr::Kind::kCompare:
      return BindCompare(e, query, allow_aggregates);
    case Expr::Kind::kExists: {
      out.kind = BoundExpr::Kind::kExists;
      out.negated = e.negated;
      CG_ASSIGN_OR_RETURN(BoundSubquery sub, BindSubquery(e.patterns, e.children, query, false));
      out.subquery = std::make_shared<BoundSubquery>(std::move(sub));
      return out;
    }
    case Expr::Kind::kAggregate: {
      if (!allow_aggregates) return Error(e.span, "aggregates such as " + out.source_text + " are only allowed in RETURN and ORDER BY");
      out.kind = BoundExpr::Kind::kAggregate;
      out.aggregate = e.aggregate;
      out.distinct = e.distinct;
      for (const auto& c : e.children) {
        CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(c, false, query));
        out.children.push_back(std::move(b));
      }
      return AddAggregate(std::move(out), query);
    }
  }
  return out;
}

BoundExpr Binder::AddAggregate(BoundExpr out, BoundQuery* query) {
  // The same aggregate written twice is computed once.
  for (size_t i = 0; i < query->aggregates.size(); ++i)
    if (query->aggregates[i].source_text == out.source_text) out.aggregate_index = int(i);
  if (out.aggregate_index < 0) {
    out.aggregate_index = int(query->aggregates.size());
    query->aggregates.push_back(out);
  }
  query->aggregating = true;
  return out;
}

Result<BoundExpr> Binder::BindBelief(const Expr& e, bool allow_aggregates, BoundQuery* query) {
  const std::string text = TextOf(e.span);
  if (!allow_aggregates) return Error(e.span, "aggregates such as " + text + " are only allowed in RETURN and ORDER BY");
  const std::string usage = " (BELIEF(?c), where ?c is bound by a pattern's AS ?c)";
  if (e.children.size() != 1)
    return Error(e.span, "BELIEF takes exactly one claim variable" + usage + ", not " +
                             std::to_string(e.children.size()) + " arguments");
  const Expr& arg = e.children[0];
  if (arg.kind != Expr::Kind::kVariable) return Error(arg.span, "BELIEF takes a claim variable" + usage + ", not " + TextOf(arg.span));
  CG_ASSIGN_OR_RETURN(BoundExpr var, BindExpr(arg, false, query));
  if (var.slot_kind != VarKind::kClaim)
    return Error(arg.span, "BELIEF takes a claim variable" + usage + "; ?" + arg.text + " is " +
                               (var.slot_kind == VarKind::kPredicate ? "a predicate" : "an entity"));
  BoundExpr out;
  out.kind = BoundExpr::Kind::kAggregate;
  out.aggregate = grammar::AggregateKind::kBelief;
  out.span = e.span;
  out.source_text = text;
  // What the scan that bound ?c read from its index entry: BELIEF needs no
  // claim record when the confidence is there.
  for (size_t i = 0; i < variables_.size(); ++i) {
    if (variables_[i].name == arg.text + "#source") out.source_slot = int(i);
    if (variables_[i].name == arg.text + "#belief") out.belief_slot = int(i);
  }
  out.children.push_back(std::move(var));
  return AddAggregate(std::move(out), query);
}

Result<BoundSubquery> Binder::BindSubquery(const std::vector<grammar::Pattern>& patterns,
                                           const std::vector<grammar::Expr>& filters, BoundQuery* query,
                                           bool keep_scope) {
  // Variables first bound inside EXISTS { } are local to it; OPTIONAL's stay
  // visible (unbound, NULL, where the optional part did not match).
  std::set<int> outer = bound_slots_;
  BoundSubquery sub;
  CG_RETURN_IF_ERROR(BindPatterns(patterns, &sub.patterns));
  for (const auto& f : filters) {
    CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(f, false, query));
    sub.filters.push_back(std::move(b));
  }
  if (!keep_scope) bound_slots_ = std::move(outer);
  return sub;
}

}  // namespace claimgraph::engine
