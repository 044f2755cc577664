#include "engine/binder/binder.h"
#include "engine/diagnostic_text.h"
#include "engine/io/literal_convert.h"
#include "grammar/parser.h"

namespace claimgraph::engine {

using grammar::PathNode;

Status Binder::Error(const grammar::SourceSpan& span, const std::string& message) const {
  return Status::InvalidArgument(DiagnosticText(grammar::DiagnosticAt(text_, span, message), text_));
}

std::string Binder::TextOf(const grammar::SourceSpan& span) const {
  if (span.offset + span.length > text_.size()) return "";
  return std::string(text_.substr(span.offset, span.length));
}

Result<int> Binder::DeclareVariable(const std::string& name, VarKind kind, const grammar::SourceSpan& span) {
  static const char* kKindName[] = {"an entity/value", "a predicate", "a claim"};
  for (size_t i = 0; i < variables_.size(); ++i) {
    if (variables_[i].name != name) continue;
    if (variables_[i].kind != kind)
      return Error(span, "?" + name + " is used as " + kKindName[int(kind)] + " here but as " +
                             kKindName[int(variables_[i].kind)] + " at line " +
                             std::to_string(variables_[i].first_use.line) + ":" +
                             std::to_string(variables_[i].first_use.column));
    return static_cast<int>(i);
  }
  variables_.push_back({name, kind, span});
  return static_cast<int>(variables_.size() - 1);
}

Result<storage::Predicate> Binder::ResolvePredicateName(const std::string& name, const grammar::SourceSpan& span,
                                                        bool* reversed) {
  *reversed = false;
  auto found = view_.FindPredicate(name);
  if (found.ok()) return found;
  if (found.status().code() != StatusCode::kNotFound) return found.status();
  CG_ASSIGN_OR_RETURN(auto all, view_.ListPredicates());
  std::vector<std::string> names;
  for (const auto& p : all) {
    if (p.inverse == name) {  // "targeted-by" reads "targets" backwards
      *reversed = true;
      return p;
    }
    names.push_back(p.name);
    if (!p.inverse.empty()) names.push_back(p.inverse);
  }
  return Error(span, "unknown predicate '" + name + "'" + DidYouMean(name, names));
}

Result<BoundTerm> Binder::BindLooseTerm(const grammar::Term& t, std::vector<std::string>* warnings) {
  std::vector<std::string>* saved = warnings_;
  warnings_ = warnings;
  Result<BoundTerm> out = BindTerm(t);
  warnings_ = saved;
  return out;
}

Result<BoundTerm> Binder::BindTerm(const grammar::Term& t) {
  BoundTerm out;
  out.text = TextOf(t.span);
  switch (t.kind) {
    case grammar::Term::Kind::kVariable: {
      CG_ASSIGN_OR_RETURN(out.slot, DeclareVariable(t.text, VarKind::kNode, t.span));
      bound_slots_.insert(out.slot);
      return out;
    }
    case grammar::Term::Kind::kString: {
      // An entity by any alias; failing that, a string or date value written exactly so.
      auto entity = view_.FindEntity(t.text);
      if (entity.ok()) {
        out.constant = *entity;
        return out;
      }
      for (storage::TermKind kind : {storage::TermKind::kString, storage::TermKind::kDate}) {
        auto lit = view_.FindLiteral({kind, t.text, 0});
        if (lit.ok()) {
          out.constant = *lit;
          return out;
        }
      }
      out.unresolved = true;
      if (warnings_)
        warnings_->push_back("line " + std::to_string(t.span.line) + ":" + std::to_string(t.span.column) +
                             ": no entity or value named \"" + t.text + "\"; the pattern matches nothing");
      return out;
    }
    case grammar::Term::Kind::kNumber: {
      auto lit = io::StoredNumber(t.number);
      if (lit.ok()) {
        auto id = view_.FindLiteral(*lit);
        if (id.ok()) {
          out.constant = *id;
          return out;
        }
      }
      out.unresolved = true;
      if (warnings_) warnings_->push_back("no claim has the value " + t.text + "; the pattern matches nothing");
      return out;
    }
  }
  return out;
}

Status Binder::BindSteps(const PathNode& node, std::vector<BoundStep>* steps) {
  switch (node.kind) {
    case PathNode::Kind::kPredicate: {
      bool reversed = false;
      CG_ASSIGN_OR_RETURN(storage::Predicate p, ResolvePredicateName(node.name, node.span, &reversed));
      BoundStep s;
      s.predicate = p.id;
      s.name = (node.inverse ? "^" : "") + node.name;
      s.symmetric = p.symmetric;
      s.forward = !(reversed ^ node.inverse) || p.symmetric;
      steps->push_back(std::move(s));
      return Status::Ok();
    }
    case PathNode::Kind::kAlternative:
      for (const auto& c : node.children) CG_RETURN_IF_ERROR(BindSteps(c, steps));
      return Status::Ok();
    case PathNode::Kind::kVariable:
      return Error(node.span, "a variable predicate cannot be part of a path; use it alone: ?s ?p ?o");
    case PathNode::Kind::kRepeat:
      return Error(node.span, "nested repetition is not supported; repeat a predicate or an alternative of predicates");
  }
  return Status::Ok();
}

Status Binder::BindPath(const PathNode& path, BoundPattern* out) {
  if (path.kind == PathNode::Kind::kVariable) {
    CG_ASSIGN_OR_RETURN(out->predicate_slot, DeclareVariable(path.name, VarKind::kPredicate, path.span));
    bound_slots_.insert(out->predicate_slot);
    return Status::Ok();
  }
  if (path.kind == PathNode::Kind::kRepeat) {
    out->min = path.min;
    out->max = path.max;
    return BindSteps(path.children[0], &out->steps);
  }
  return BindSteps(path, &out->steps);
}

Result<BoundPattern> Binder::BindPattern(const grammar::Pattern& p) {
  BoundPattern out;
  out.span = p.span;
  out.text = TextOf(p.span);
  CG_ASSIGN_OR_RETURN(out.subject, BindTerm(p.subject));
  CG_RETURN_IF_ERROR(BindPath(p.path, &out));
  CG_ASSIGN_OR_RETURN(out.object, BindTerm(p.object));
  if (p.claim_variable) {
    if (out.IsPath())
      return Error(p.claim_variable_span, "AS ?" + *p.claim_variable +
                                              " binds one claim: it needs a single predicate, not a path");
    CG_ASSIGN_OR_RETURN(out.claim_slot, DeclareVariable(*p.claim_variable, VarKind::kClaim, p.claim_variable_span));
    bound_slots_.insert(out.claim_slot);
    // '#' cannot appear in a variable name: the hidden slot never clashes.
    CG_ASSIGN_OR_RETURN(out.claim_source_slot,
                        DeclareVariable(*p.claim_variable + "#source", VarKind::kNode, p.claim_variable_span));
    bound_slots_.insert(out.claim_source_slot);
    CG_ASSIGN_OR_RETURN(out.claim_belief_slot,
                        DeclareVariable(*p.claim_variable + "#belief", VarKind::kNode, p.claim_variable_span));
    bound_slots_.insert(out.claim_belief_slot);
  }
  return out;
}

Status Binder::BindPatterns(const std::vector<grammar::Pattern>& patterns, std::vector<BoundPattern>* out) {
  for (const auto& p : patterns) {
    CG_ASSIGN_OR_RETURN(BoundPattern b, BindPattern(p));
    out->push_back(std::move(b));
  }
  return Status::Ok();
}

}  // namespace claimgraph::engine
