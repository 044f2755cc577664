#include <algorithm>
#include <map>

#include "engine/binder/binder.h"
#include "base/timestamp.h"
#include "base/valid_time.h"

namespace claimgraph::engine {

namespace {

void SplitConjuncts(BoundExpr e, std::vector<BoundExpr>* out) {
  if (e.kind == BoundExpr::Kind::kAnd) {
    for (auto& c : e.children) SplitConjuncts(std::move(c), out);
  } else {
    out->push_back(std::move(e));
  }
}

std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

}  // namespace

Status Binder::ResolveSources(const grammar::Query& q, BoundQuery* out) {
  if (q.from_sources.empty() && q.from_publishers.empty()) return Status::Ok();
  std::optional<std::set<storage::SourceId>> by_key, by_publisher;
  if (!q.from_sources.empty()) {
    by_key.emplace();
    for (const auto& key : q.from_sources) {
      auto s = view_.FindSource(key);
      if (!s.ok()) {
        out->warnings.push_back("no source \"" + key + "\"");
        continue;
      }
      by_key->insert(s->id);
      // Otherwise an empty answer looks like a source that says nothing.
      const std::vector<storage::Mark> marks = view_.MarksOf(storage::Mark::Target::kSource, s->id);
      if (!q.with_deprecated && !marks.empty() && marks.back().deprecated)
        out->warnings.push_back("source \"" + key + "\" is deprecated (tx " + std::to_string(marks.back().tx) + ": " +
                                marks.back().reason + "): its claims answer only WITH DEPRECATED");
    }
  }
  if (!q.from_publishers.empty()) {
    by_publisher.emplace();
    CG_ASSIGN_OR_RETURN(auto sources, view_.ListSources());
    for (const auto& name : q.from_publishers) {
      bool any = false;
      for (const auto& s : sources)
        if (s.publisher == name) {
          by_publisher->insert(s.id);
          any = true;
        }
      if (!any) out->warnings.push_back("no source has publisher \"" + name + "\"");
    }
  }
  if (by_key && by_publisher) {
    std::set<storage::SourceId> both;
    std::set_intersection(by_key->begin(), by_key->end(), by_publisher->begin(), by_publisher->end(),
                          std::inserter(both, both.begin()));
    out->allowed_sources = std::move(both);
  } else {
    out->allowed_sources = by_key ? *by_key : *by_publisher;
  }
  return Status::Ok();
}

Status Binder::BindReturnAndOrder(const grammar::Query& q, BoundQuery* out) {
  for (const auto& r : q.returns) {
    BoundReturn br;
    CG_ASSIGN_OR_RETURN(br.expr, BindExpr(r.expr, true, out));
    br.name = r.alias.empty() ? TextOf(r.expr.span) : r.alias;
    out->returns.push_back(std::move(br));
  }
  std::vector<BoundExpr> group_by;
  for (const auto& g : q.group_by) {
    CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(g, false, out));
    group_by.push_back(std::move(b));
  }
  if (!group_by.empty() && !out->aggregating) out->aggregating = true;  // GROUP BY alone acts as DISTINCT on the keys
  if (out->aggregating) {
    for (size_t i = 0; i < out->returns.size(); ++i) {
      const BoundReturn& r = out->returns[i];
      if (r.expr.HasAggregate()) continue;
      if (!group_by.empty()) {
        bool listed = std::any_of(group_by.begin(), group_by.end(), [&](const BoundExpr& g) {
          return Squeeze(g.source_text) == Squeeze(r.expr.source_text);
        });
        if (!listed)
          return Error(q.returns[i].span, r.name + " must appear in GROUP BY or inside an aggregate");
      }
      out->group_keys.push_back(r.expr);
    }
    for (auto& g : group_by) {
      bool returned = std::any_of(out->group_keys.begin(), out->group_keys.end(), [&](const BoundExpr& k) {
        return Squeeze(k.source_text) == Squeeze(g.source_text);
      });
      if (!returned) out->group_keys.push_back(std::move(g));
    }
  }
  if (q.having) {
    if (!out->aggregating)
      return Error(q.having->span, "HAVING filters groups: it needs GROUP BY or an aggregate in RETURN (use WHERE)");
    CG_ASSIGN_OR_RETURN(out->having, BindHaving(*q.having, out));
  }
  for (const auto& o : q.order_by) {
    BoundOrder bo;
    bo.descending = o.descending;
    bo.expr.kind = BoundExpr::Kind::kOutputColumn;
    bo.expr.span = o.expr.span;
    if (o.expr.kind == grammar::Expr::Kind::kAlias) {
      for (size_t i = 0; i < out->returns.size() && bo.expr.column < 0; ++i)
        if (out->returns[i].name == o.expr.text) bo.expr.column = int(i);
      if (bo.expr.column < 0) {
        std::vector<std::string> names;
        for (const auto& r : out->returns) names.push_back(r.name);
        return Error(o.expr.span, "ORDER BY " + o.expr.text + ": no RETURN column is called '" + o.expr.text + "'" +
                                      DidYouMean(o.expr.text, names));
      }
      out->order_by.push_back(std::move(bo));
      continue;
    }
    CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(o.expr, out->aggregating, out));
    for (size_t i = 0; i < out->returns.size() && bo.expr.column < 0; ++i)
      if (Squeeze(out->returns[i].expr.source_text) == Squeeze(b.source_text)) bo.expr.column = int(i);
    if (bo.expr.column < 0) {
      if (out->aggregating || q.distinct)
        return Error(o.expr.span, "ORDER BY " + b.source_text +
                                      " must be one of the RETURN columns when the query uses DISTINCT or aggregates");
      bo.expr.column = int(out->returns.size() + out->hidden_sort_keys.size());
      out->hidden_sort_keys.push_back(std::move(b));
    }
    out->order_by.push_back(std::move(bo));
  }
  return Status::Ok();
}

Result<BoundExpr> Binder::BindHaving(const grammar::Expr& e, BoundQuery* query) {
  if (e.kind == grammar::Expr::Kind::kAlias) {
    for (size_t i = 0; i < query->returns.size(); ++i)
      if (query->returns[i].name == e.text) {
        BoundExpr out;
        out.kind = BoundExpr::Kind::kOutputColumn;
        out.column = int(i);
        out.span = e.span;
        out.source_text = e.text;
        return out;
      }
  }
  static const std::map<grammar::Expr::Kind, BoundExpr::Kind> kComposite{
      {grammar::Expr::Kind::kAnd, BoundExpr::Kind::kAnd},         {grammar::Expr::Kind::kOr, BoundExpr::Kind::kOr},
      {grammar::Expr::Kind::kNot, BoundExpr::Kind::kNot},         {grammar::Expr::Kind::kCompare, BoundExpr::Kind::kCompare},
      {grammar::Expr::Kind::kArithmetic, BoundExpr::Kind::kArithmetic}, {grammar::Expr::Kind::kNegate, BoundExpr::Kind::kNegate}};
  auto composite = kComposite.find(e.kind);
  if (composite != kComposite.end()) {
    BoundExpr out;
    out.kind = composite->second;
    out.text = e.text;
    out.span = e.span;
    out.source_text = TextOf(e.span);
    for (const auto& c : e.children) {
      CG_ASSIGN_OR_RETURN(BoundExpr b, BindHaving(c, query));
      out.children.push_back(std::move(b));
    }
    if (out.kind == BoundExpr::Kind::kCompare) ResolveEntityConstants(&out);
    return out;
  }
  return BindExpr(e, true, query);
}

// The request's AS OF (`requested`) is the clause's twin: the same checks and
// the same snapshot, so a client that sets it gets exactly what editing the
// text would give. With no text of its own, its errors have no position.
Status Binder::BindAsOf(const grammar::Query& q, std::optional<storage::TxId> requested, BoundQuery* out) {
  if (requested && (q.as_of_tx || q.as_of_time))
    return Error(q.as_of_span, "AS OF is given twice: in the statement and as the request's as_of_tx " +
                                   std::to_string(*requested));
  if (std::optional<storage::TxId> tx = requested ? requested : q.as_of_tx) {
    if (*tx > view_.last_tx()) {
      const std::string message = "transaction " + std::to_string(*tx) + " does not exist yet (the newest is " +
                                  std::to_string(view_.last_tx()) + ")";
      return requested ? Status::InvalidArgument("as_of_tx: " + message) : Error(q.as_of_span, message);
    }
    out->as_of = *tx;
  } else if (q.as_of_time) {
    auto t = base::ParseTimestamp(*q.as_of_time);
    if (!t.ok()) return Error(q.as_of_span, t.status().message());
    CG_ASSIGN_OR_RETURN(out->as_of, view_.TxAtTime(*t));
  }
  return Status::Ok();
}

Result<BoundQuery> Binder::BindQuery(const grammar::Query& q, std::optional<storage::TxId> as_of_tx) {
  BoundQuery out;
  warnings_ = &out.warnings;
  query_ = &q;
  out.explain = q.explain;
  out.distinct = q.distinct;
  out.limit = q.limit;
  out.offset = q.offset;
  out.with_provenance = q.with_provenance;
  out.full_provenance = q.full_provenance;
  CG_RETURN_IF_ERROR(BindPatterns(q.patterns, &out.patterns));
  for (const auto& block : q.optionals) {
    CG_ASSIGN_OR_RETURN(BoundSubquery sub, BindSubquery(block.patterns, block.filters, &out, true));
    out.optionals.push_back(std::move(sub));
  }
  for (const auto& f : q.filters) {
    CG_ASSIGN_OR_RETURN(BoundExpr b, BindExpr(f, false, &out));
    SplitConjuncts(std::move(b), &out.filters);
  }
  CG_RETURN_IF_ERROR(ResolveSources(q, &out));
  out.with_deprecated = q.with_deprecated;
  CG_RETURN_IF_ERROR(BindAsOf(q, as_of_tx, &out));
  if (q.valid) {
    const grammar::ValidTail& v = *q.valid;
    const std::string clause = v.during ? "VALID DURING" : "VALID AT";
    for (const std::string* d : {&v.from, &v.to})
      if (!base::IsPartialDate(*d))
        return Error(v.span, clause + " \"" + *d + "\": not a date (YYYY, YYYY-MM or YYYY-MM-DD, years 0001-9999)");
    out.valid = BoundValid{{base::FirstDay(v.from), base::LastDay(v.to)}, v.or_unknown};
    if (out.valid->range.first > out.valid->range.last)
      return Error(v.span, clause + " \"" + v.from + "\"..\"" + v.to + "\" ends before it begins");
  }
  CG_RETURN_IF_ERROR(BindReturnAndOrder(q, &out));
  out.variables = variables_;
  return out;
}

}  // namespace claimgraph::engine
