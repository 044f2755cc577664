#include "engine/planner/planner.h"

#include <algorithm>
#include <cmath>

#include "engine/executor/evaluator.h"
#include "engine/executor/filter_steps.h"
#include "engine/executor/lookahead_step.h"
#include "engine/executor/pattern_step.h"
#include "storage/claim_store.h"

namespace claimgraph::engine {
namespace {

constexpr double kHashJoinMaxBuild = 200000;  // rows we are willing to hash
// FROM SOURCE / FROM PUBLISHER over more sources than this keeps to the
// triple indexes: the by_source path reads each source's claims one by one.
constexpr size_t kMaxScopedSources = 256;

bool Intersects(const std::set<int>& a, const std::set<int>& b) {
  for (int x : a)
    if (b.count(x)) return true;
  return false;
}

bool Bound(const BoundTerm& t, const std::set<int>& bound) {
  return !t.is_variable() || bound.count(t.slot);
}

// Whether `e` reads nothing but constants and the source of the claim in
// `claim_slot` (whose source id the pattern's scan puts in `source_slot`).
bool ReadsOnlyTheSource(const BoundExpr& e, int claim_slot, int source_slot) {
  switch (e.kind) {
    case BoundExpr::Kind::kConstant: return true;
    case BoundExpr::Kind::kAttribute:
      return e.slot == claim_slot && e.slot_kind == VarKind::kClaim && e.source_slot == source_slot &&
             (e.attribute == Attribute::kSource || e.attribute == Attribute::kPublisher ||
              e.attribute == Attribute::kPublished || e.attribute == Attribute::kTitle);
    case BoundExpr::Kind::kCompare:
    case BoundExpr::Kind::kAnd:
    case BoundExpr::Kind::kOr:
    case BoundExpr::Kind::kNot:
      for (const auto& c : e.children)
        if (!ReadsOnlyTheSource(c, claim_slot, source_slot)) return false;
      return true;
    default: return false;
  }
}

}  // namespace

Result<double> Planner::BaseCount(const BoundPattern& p) {
  if (p.subject.unresolved || p.object.unresolved) return 0.0;
  double total = 0;
  std::vector<std::pair<std::optional<storage::PredicateId>, bool>> preds;
  if (p.predicate_slot >= 0) preds.push_back({std::nullopt, true});
  for (const auto& s : p.steps) preds.push_back({s.predicate, s.symmetric});
  for (const auto& [pred, symmetric] : preds) {
    storage::TriplePattern tp;
    tp.predicate = pred;
    if (!p.subject.is_variable()) tp.subject = p.subject.constant;
    if (!p.object.is_variable()) tp.object = p.object.constant;
    CG_ASSIGN_OR_RETURN(uint64_t n, ctx_->view().EstimateClaims(tp));
    total += double(n);
    if (symmetric && (tp.subject || tp.object)) {
      std::swap(tp.subject, tp.object);
      CG_ASSIGN_OR_RETURN(uint64_t r, ctx_->view().EstimateClaims(tp));
      total += double(r);
    }
  }
  return total;
}

// Claims filed under `sources`, by the by_source statistics.
static Result<double> SourceClaims(const storage::ReadView& view, const std::vector<storage::SourceId>& sources) {
  double n = 0;
  for (storage::SourceId s : sources) {
    CG_ASSIGN_OR_RETURN(uint64_t c, view.EstimateSourceClaims(s));
    n += double(c);
  }
  return n;
}

Result<std::optional<double>> Planner::ScopedSourceClaims() {
  if (!source_claims_) {
    source_claims_.emplace();
    const auto& sources = ctx_->allowed_sources;
    if (sources && sources->size() <= kMaxScopedSources) {
      CG_ASSIGN_OR_RETURN(double n, SourceClaims(ctx_->view(), {sources->begin(), sources->end()}));
      *source_claims_ = n;
    }
  }
  return *source_claims_;
}

Result<std::optional<std::vector<storage::SourceId>>> Planner::SourcesToScan(const BoundPattern& p,
                                                             const std::vector<const BoundExpr*>& filters,
                                                             double range) {
  // Filters on the source: only worth a pass over the sources when the
  // pattern's own range is large.
  constexpr double kSourceFilterMinRange = 256;
  constexpr uint64_t kMaxSourcesVisited = 100000;
  const std::optional<std::vector<storage::SourceId>> kIndexRange;  // the pattern's own index range is the read
  std::vector<const BoundExpr*> on_source;
  if (p.claim_slot >= 0 && p.claim_source_slot >= 0 && range >= kSourceFilterMinRange)
    for (const BoundExpr* f : filters)
      if (ReadsOnlyTheSource(*f, p.claim_slot, p.claim_source_slot)) on_source.push_back(f);
  const auto& scope = ctx_->allowed_sources;
  if (on_source.empty() && !scope) return kIndexRange;
  std::vector<storage::SourceId> sources;
  if (on_source.empty()) {
    sources.assign(scope->begin(), scope->end());
  } else {
    // Each source as the filters see it: the claim slot set (any claim), the
    // source slot holding this source, and nothing else read.
    Row row;
    row.slots.assign(slots_, 0);
    row.slots[p.claim_slot] = 1;
    uint64_t visited = 0;
    Status failed;
    CG_RETURN_IF_ERROR(ctx_->view().ForEachSource([&](const storage::Source& source) {
      if (++visited > kMaxSourcesVisited || sources.size() > kMaxScopedSources) return false;
      if (scope && !scope->count(source.id)) return true;
      row.slots[p.claim_source_slot] = source.id;
      for (const BoundExpr* f : on_source) {
        Result<bool> passes = EvaluatePredicate(ctx_, *f, row);
        if (!passes.ok()) {
          failed = passes.status();
          return false;
        }
        if (!*passes) return true;
      }
      sources.push_back(source.id);
      return true;
    }));
    CG_RETURN_IF_ERROR(failed);
    if (visited > kMaxSourcesVisited) return kIndexRange;
  }
  if (sources.size() > kMaxScopedSources) return kIndexRange;
  double claims = 0;
  if (on_source.empty()) {
    // The scope alone: its estimate is the one EstimatePerInput already read.
    CG_ASSIGN_OR_RETURN(std::optional<double> scoped, ScopedSourceClaims());
    claims = *scoped;
  } else {
    CG_ASSIGN_OR_RETURN(claims, SourceClaims(ctx_->view(), sources));
  }
  if (claims >= range) return kIndexRange;
  return std::optional<std::vector<storage::SourceId>>(std::move(sources));
}

namespace {

// The transactions [*lo, *hi] a conjunct `?c.tx OP number` (either way round)
// allows, intersected into *lo and *hi; false when `e` is no such conjunct.
bool NarrowTxBounds(const BoundExpr& e, int claim_slot, storage::TxId* lo, storage::TxId* hi) {
  if (e.kind != BoundExpr::Kind::kCompare || e.children.size() != 2) return false;
  auto is_tx = [&](const BoundExpr& x) {
    return x.kind == BoundExpr::Kind::kAttribute && x.attribute == Attribute::kTx && x.slot == claim_slot &&
           x.slot_kind == VarKind::kClaim;
  };
  auto is_number = [](const BoundExpr& x) {
    return x.kind == BoundExpr::Kind::kConstant && x.value_kind == static_cast<int>(Value::Kind::kNumber) &&
           std::isfinite(x.number);
  };
  std::string op = e.text;
  double v;
  if (is_tx(e.children[0]) && is_number(e.children[1])) {
    v = e.children[1].number;
  } else if (is_number(e.children[0]) && is_tx(e.children[1])) {
    v = e.children[0].number;
    if (op[0] == '<') op[0] = '>';  // 5 < ?c.tx is ?c.tx > 5
    else if (op[0] == '>') op[0] = '<';
  } else {
    return false;
  }
  // Transactions are whole numbers from 1; clamp before converting.
  constexpr double kMax = 9.0e18;
  auto at_least = [&](double x) { *lo = std::max<storage::TxId>(*lo, x <= 1 ? 1 : x >= kMax ? UINT64_MAX : storage::TxId(std::ceil(x))); };
  auto at_most = [&](double x) { *hi = std::min<storage::TxId>(*hi, x < 0 ? 0 : x >= kMax ? UINT64_MAX : storage::TxId(std::floor(x))); };
  if (op == "=") at_least(v), at_most(v);
  else if (op == ">=") at_least(v);
  else if (op == ">") at_least(std::floor(v) + 1);
  else if (op == "<=") at_most(v);
  else if (op == "<") at_most(std::ceil(v) - 1);
  else return false;  // != bounds nothing
  return true;
}

}  // namespace

Result<std::optional<ClaimIdRange>> Planner::ClaimsToScan(const BoundPattern& p,
                                                         const std::vector<const BoundExpr*>& filters) {
  if (p.claim_slot < 0) return std::optional<ClaimIdRange>();
  storage::TxId lo = 1, hi = UINT64_MAX;
  bool bounded = false;
  for (const BoundExpr* f : filters) bounded |= NarrowTxBounds(*f, p.claim_slot, &lo, &hi);
  if (!bounded) return std::optional<ClaimIdRange>();
  if (lo > hi) return std::optional<ClaimIdRange>(ClaimIdRange{1, 1});  // no transaction passes
  CG_ASSIGN_OR_RETURN(storage::ClaimId first, ctx_->view().FirstClaimFromTx(lo));
  CG_ASSIGN_OR_RETURN(storage::ClaimId end, ctx_->view().FirstClaimFromTx(hi == UINT64_MAX ? hi : hi + 1));
  return std::optional<ClaimIdRange>(ClaimIdRange{first, std::max(first, end)});
}

Result<double> Planner::EstimatePerInput(const BoundPattern& p, const std::set<int>& bound) {
  CG_ASSIGN_OR_RETURN(double c, BaseCount(p));
  if (c == 0) return 0.0;
  if (!p.IsPath() && !Intersects(p.Slots(), bound)) {
    // Nothing bound yet: the scope's own claims may be fewer than the range.
    CG_ASSIGN_OR_RETURN(std::optional<double> scoped, ScopedSourceClaims());
    if (scoped) c = std::min(c, std::max(*scoped, 0.5));
  }
  int newly_bound = 0;
  for (const BoundTerm* t : {&p.subject, &p.object})
    if (t->is_variable() && bound.count(t->slot)) ++newly_bound;
  if (p.IsPath()) {
    // A path from a known node reaches a neighbourhood; from nowhere, everything.
    bool anchored = Bound(p.subject, bound) || Bound(p.object, bound);
    return anchored ? std::min(c, 10.0 * std::max<double>(1, p.max == grammar::kUnbounded ? 8 : p.max)) : c;
  }
  // Each endpoint fixed by an earlier pattern divides by the spread of values
  // that endpoint takes (at most the number of entities).
  double spread = std::max(1.0, std::min(entities_, c));
  double est = c / std::pow(spread, newly_bound);
  return std::max(est, 0.5);
}

std::string Planner::IndexLabel(const BoundPattern& p, const std::set<int>& bound) const {
  bool s = Bound(p.subject, bound), o = Bound(p.object, bound);
  bool pr = p.predicate_slot < 0 || bound.count(p.predicate_slot);
  if (p.IsPath()) return s ? "bfs from subject" : o ? "bfs from object" : "bfs from every node";
  bool forward = p.predicate_slot >= 0 || p.steps[0].forward;
  bool ss = forward ? s : o, oo = forward ? o : s;  // stored positions
  std::string idx = storage::AccessPathName(storage::ChooseAccessPath(ss, pr, oo));
  std::string bound_list;
  if (ss) bound_list += "s";
  if (pr) bound_list += "p";
  if (oo) bound_list += "o";
  return idx + (bound_list.empty() ? "" : " prefix " + bound_list);
}

Status Planner::PlanSubqueries(const BoundExpr& e, const std::set<int>& bound) {
  if (e.kind == BoundExpr::Kind::kExists && e.subquery && !ctx_->subplans.count(e.subquery.get())) {
    std::vector<const BoundExpr*> filters;
    for (const auto& f : e.subquery->filters) filters.push_back(&f);
    std::set<int> out;
    CG_ASSIGN_OR_RETURN(auto pipeline, PlanBlock(e.subquery->patterns, filters, bound, 1, &out));
    ctx_->subplans[e.subquery.get()] = std::move(pipeline);
  }
  for (const auto& c : e.children) CG_RETURN_IF_ERROR(PlanSubqueries(c, bound));
  return Status::Ok();
}

Result<std::unique_ptr<Pipeline>> Planner::PlanBlock(const std::vector<BoundPattern>& patterns,
                                                     const std::vector<const BoundExpr*>& filters,
                                                     std::set<int> bound, double input_rows,
                                                     std::set<int>* bound_out) {
  auto pipeline = std::make_unique<Pipeline>(ctx_, slots_);
  std::set<int> scope = bound;  // every slot this block can bind
  for (const auto& p : patterns) {
    auto s = p.Slots();
    scope.insert(s.begin(), s.end());
  }
  std::vector<bool> placed(filters.size(), false);
  auto place_filters = [&]() -> Status {
    for (size_t i = 0; i < filters.size(); ++i) {
      if (placed[i]) continue;
      std::set<int> needed;
      for (int s : filters[i]->Slots())
        if (scope.count(s)) needed.insert(s);
      if (!std::includes(bound.begin(), bound.end(), needed.begin(), needed.end())) continue;
      CG_RETURN_IF_ERROR(PlanSubqueries(*filters[i], bound));
      auto step = NewFilterStep(ctx_, *filters[i]);
      step->label = "Filter " + filters[i]->source_text;
      step->estimate = input_rows * 0.5;
      input_rows = step->estimate;
      pipeline->Add(std::move(step));
      placed[i] = true;
    }
    return Status::Ok();
  };
  CG_RETURN_IF_ERROR(place_filters());

  std::vector<bool> used(patterns.size(), false);
  // One pattern leaves nothing to choose: skip the statistics (a point query
  // would otherwise pay a seek for them).
  const bool estimate = explain_ || patterns.size() > 1;
  for (size_t round = 0; round < patterns.size(); ++round) {
    int best = -1;
    double best_est = 0;
    bool best_connected = false;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (used[i]) continue;
      if (!estimate) {
        best = int(i);
        best_est = 1;
        break;
      }
      CG_ASSIGN_OR_RETURN(double est, EstimatePerInput(patterns[i], bound));
      bool connected = Intersects(patterns[i].Slots(), bound);
      // Connected patterns first (no cross products while a join is possible).
      if (best < 0 || (connected && !best_connected) || (connected == best_connected && est < best_est)) {
        best = int(i);
        best_est = est;
        best_connected = connected;
      }
    }
    const BoundPattern& p = patterns[best];
    used[best] = true;
    std::vector<int> join_slots;
    for (int s : p.Slots())
      if (bound.count(s)) join_slots.push_back(s);
    std::unique_ptr<Step> step;
    std::string kind, access;
    if (p.IsPath()) {
      step = NewPathStep(ctx_, p);
      kind = "Path";
    } else {
      double base = kHashJoinMaxBuild + 1;
      if (estimate && !join_slots.empty()) { CG_ASSIGN_OR_RETURN(base, BaseCount(p)); }
      if (!join_slots.empty() && input_rows > 4 * base && base <= kHashJoinMaxBuild) {
        step = NewHashJoinStep(ctx_, p, join_slots);
        kind = "HashJoin";
      } else {
        // Nothing bound: read the scope's sources when they hold fewer
        // claims than the pattern's index range (FROM SOURCE "k" on a big store).
        // A filter on ?c.tx reads the claims of those transactions when
        // they are fewer still; the smallest read wins.
        std::optional<std::vector<storage::SourceId>> by_sources;
        std::optional<ClaimIdRange> by_claims;
        if (join_slots.empty()) {
          CG_ASSIGN_OR_RETURN(double range, BaseCount(p));
          CG_ASSIGN_OR_RETURN(by_claims, ClaimsToScan(p, filters));
          if (by_claims && double(by_claims->end - by_claims->first) >= range) by_claims.reset();
          if (by_claims) range = double(by_claims->end - by_claims->first);
          CG_ASSIGN_OR_RETURN(by_sources, SourcesToScan(p, filters, range));
          if (by_sources) by_claims.reset();
        }
        if (by_sources)
          access = "by_source: " + std::to_string(by_sources->size()) + (by_sources->size() == 1 ? " source" : " sources");
        if (by_claims)
          access = "by_tx: " + std::to_string(by_claims->end - by_claims->first) + " claims from id " +
                   std::to_string(by_claims->first);
        step = NewPatternStep(ctx_, p, std::move(by_sources), by_claims);
        kind = join_slots.empty() ? (pipeline->steps().empty() ? "Scan" : "CrossScan") : "IndexJoin";
      }
    }
    if (access.empty()) access = IndexLabel(p, kind == "HashJoin" ? std::set<int>{} : bound);
    // An index join over many input rows: the step before it runs ahead and
    // the join's lookups for a batch of rows are read at once.
    constexpr double kReadAheadRows = 16;
    if (kind == "IndexJoin" && !read_ahead_placed_ && input_rows >= kReadAheadRows && !pipeline->steps().empty()) {
      auto& steps = pipeline->steps();
      std::unique_ptr<Step> source = std::move(steps.back());
      auto ahead = NewLookaheadStep(ctx_, std::move(source), step.get());
      steps.back() = std::move(ahead);
      access += ", read ahead";
      read_ahead_placed_ = true;
    }
    step->label = kind + " " + p.text + "  [" + (kind == "HashJoin" ? "build: " : "") + access + "]";
    input_rows = std::max(0.0, input_rows * best_est);
    step->estimate = input_rows;
    pipeline->Add(std::move(step));
    auto s = p.Slots();
    bound.insert(s.begin(), s.end());
    CG_RETURN_IF_ERROR(place_filters());
  }
  for (size_t i = 0; i < filters.size(); ++i)
    if (!placed[i]) {  // only reachable for filters on variables bound elsewhere
      CG_RETURN_IF_ERROR(PlanSubqueries(*filters[i], bound));
      auto step = NewFilterStep(ctx_, *filters[i]);
      step->label = "Filter " + filters[i]->source_text;
      step->estimate = input_rows * 0.5;
      pipeline->Add(std::move(step));
    }
  *bound_out = bound;
  return pipeline;
}

Result<std::unique_ptr<Pipeline>> Planner::PlanQuery(const BoundQuery& q) {
  slots_ = q.variables.size();
  explain_ = q.explain;
  entities_ = std::max<double>(1, double(ctx_->view().EntityCount()));

  // Main patterns with the WHERE conjuncts they can evaluate; conjuncts that
  // read OPTIONAL variables wait until after the OPTIONAL blocks.
  std::set<int> main_slots;
  for (const auto& p : q.patterns) {
    auto s = p.Slots();
    main_slots.insert(s.begin(), s.end());
  }
  std::vector<const BoundExpr*> early, late;
  for (const auto& f : q.filters) {
    bool needs_optional = false;
    for (int s : f.Slots())
      if (!main_slots.count(s)) {
        // A slot bound only inside this filter's own EXISTS block does not count.
        bool in_optional = false;
        for (const auto& o : q.optionals)
          for (const auto& p : o.patterns)
            if (p.Slots().count(s)) in_optional = true;
        needs_optional |= in_optional;
      }
    (needs_optional ? late : early).push_back(&f);
  }
  std::set<int> bound;
  CG_ASSIGN_OR_RETURN(auto main, PlanBlock(q.patterns, early, {}, 1, &bound));
  double rows = main->steps().empty() ? 1 : main->steps().back()->estimate;
  for (const auto& opt : q.optionals) {
    std::vector<const BoundExpr*> filters;
    for (const auto& f : opt.filters) filters.push_back(&f);
    std::set<int> after;
    CG_ASSIGN_OR_RETURN(auto sub, PlanBlock(opt.patterns, filters, bound, 1, &after));
    std::vector<int> new_slots;
    for (int s : after)
      if (!bound.count(s)) new_slots.push_back(s);
    std::string label = "Optional {";
    for (const auto& p : opt.patterns) label += " " + p.text;
    label += " }";
    std::string inner = sub->Explain(0);
    auto step = NewOptionalStep(std::move(sub), new_slots);
    step->label = label;
    step->estimate = rows;
    main->Add(std::move(step));
    bound = after;
  }
  for (const BoundExpr* f : late) {
    CG_RETURN_IF_ERROR(PlanSubqueries(*f, bound));
    auto step = NewFilterStep(ctx_, *f);
    step->label = "Filter " + f->source_text;
    step->estimate = rows * 0.5;
    main->Add(std::move(step));
  }
  return main;
}

}  // namespace claimgraph::engine
