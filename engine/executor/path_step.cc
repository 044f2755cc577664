// Path patterns by breadth-first search. States are (node, depth capped at
// the largest depth that still matters), so `+`/`*` keep one state per node
// (cycles end) and {m,n} walks may revisit a node at a different depth.
#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "engine/executor/pattern_step.h"
#include "grammar/ast.h"

namespace claimgraph::engine {
namespace {

struct PairHash {
  size_t operator()(const std::pair<uint64_t, uint32_t>& p) const { return p.first * 1000003u ^ p.second; }
};

class PathStep final : public Step {
 public:
  PathStep(ExecContext* ctx, const BoundPattern& p) : ctx_(ctx), p_(p) {}

  Status Begin(const Row& row) override {
    results_.clear();
    next_ = 0;
    if (p_.subject.unresolved || p_.object.unresolved) return Status::Ok();
    uint64_t start = p_.subject.is_variable() ? row.slots[p_.subject.slot] : p_.subject.constant;
    uint64_t end = p_.object.is_variable() ? row.slots[p_.object.slot] : p_.object.constant;
    bool same_var = p_.subject.is_variable() && p_.object.is_variable() && p_.subject.slot == p_.object.slot;
    if (start) return Search(start, /*forward=*/true, end);
    if (end) return Search(end, /*forward=*/false, 0);
    // Neither end known: search from every node the steps' predicates touch —
    // or, when a zero-length walk counts, from every entity (each reaches itself).
    std::set<uint64_t> nodes;
    if (p_.min == 0) {
      for (uint64_t id = 1; id <= ctx_->view().EntityCount(); ++id) {
        nodes.insert(id);
        CG_RETURN_IF_ERROR(ctx_->Charge(48));
      }
    }
    for (const auto& step : p_.steps) {
      auto cursor = ctx_->view().Scan({std::nullopt, step.predicate, std::nullopt});
      for (; cursor->Valid(); cursor->Next()) {
        CG_RETURN_IF_ERROR(ctx_->Tick());
        CG_ASSIGN_OR_RETURN(bool usable, ctx_->ClaimUsable(cursor->entry(), true));
        if (!usable) continue;
        if (nodes.insert(cursor->entry().subject).second) CG_RETURN_IF_ERROR(ctx_->Charge(48));
        if (nodes.insert(cursor->entry().object).second) CG_RETURN_IF_ERROR(ctx_->Charge(48));
      }
      CG_RETURN_IF_ERROR(cursor->status());
    }
    for (uint64_t n : nodes) {
      size_t before = results_.size();
      CG_RETURN_IF_ERROR(Search(n, true, 0));
      if (same_var) {  // ?x p+ ?x: only cycles back to the start
        auto it = std::remove_if(results_.begin() + before, results_.end(),
                                 [&](const Result_& r) { return r.end != r.start; });
        results_.erase(it, results_.end());
      }
    }
    return Status::Ok();
  }

  Result<bool> Advance(Row& row) override {
    if (next_ >= results_.size()) return false;
    const Result_& r = results_[next_++];
    if (p_.subject.is_variable()) row.slots[p_.subject.slot] = r.start;
    if (p_.object.is_variable()) row.slots[p_.object.slot] = r.end;
    row.provenance.insert(row.provenance.end(), r.provenance.begin(), r.provenance.end());
    return true;
  }

 private:
  struct Result_ {
    uint64_t start, end;
    std::vector<storage::ClaimId> provenance;
  };
  struct State {
    uint64_t node;
    uint32_t depth;
    int parent;
    std::vector<storage::ClaimId> edge_claims;  // WITH PROVENANCE: the claims of the edge that led here
  };
  struct Neighbour {
    uint64_t node;
    std::vector<storage::ClaimId> claims;
  };

  // Neighbours of `node` over every step, in the direction of travel.
  // `forward` = from the pattern's subject towards its object.
  Status Neighbours(uint64_t node, bool forward, std::vector<Neighbour>* out) {
    out->clear();
    const bool provenance = ctx_->with_provenance();
    int scans = 0;
    for (const auto& step : p_.steps) {
      // Stored direction: walking forward along a forward step reads s -> o.
      bool along = step.forward == forward;
      for (int dir = 0; dir < (step.symmetric ? 2 : 1); ++dir) {
        bool read_s_to_o = dir == 0 ? along : !along;
        storage::TriplePattern tp;
        tp.predicate = step.predicate;
        if (read_s_to_o) tp.subject = node; else tp.object = node;
        auto cursor = ctx_->view().Scan(tp);
        uint64_t last = UINT64_MAX;
        for (; cursor->Valid(); cursor->Next()) {
          CG_RETURN_IF_ERROR(ctx_->Tick());
          const auto& e = cursor->entry();
          CG_ASSIGN_OR_RETURN(bool usable, ctx_->ClaimUsable(e, true));
          if (!usable) continue;
          uint64_t other = read_s_to_o ? e.object : e.subject;
          if (other != last) {  // entries of one fact are adjacent
            out->push_back({other, {}});
            last = other;
          }
          // One witness per edge, or every claim of it with FULL PROVENANCE.
          if (provenance && (ctx_->full_provenance || out->back().claims.empty())) out->back().claims.push_back(e.claim);
        }
        CG_RETURN_IF_ERROR(cursor->status());
        ++scans;
      }
    }
    if (scans > 1 && out->size() > 1) {
      // One node reached over several steps or both directions of a symmetric
      // fact: one neighbour carrying every claim of those edges.
      std::sort(out->begin(), out->end(), [](const Neighbour& a, const Neighbour& b) { return a.node < b.node; });
      size_t w = 0;
      for (size_t r = 1; r < out->size(); ++r) {
        if ((*out)[r].node == (*out)[w].node) {
          auto& c = (*out)[w].claims;
          if (ctx_->full_provenance || c.empty()) c.insert(c.end(), (*out)[r].claims.begin(), (*out)[r].claims.end());
        } else if (++w != r) {
          (*out)[w] = std::move((*out)[r]);  // never onto itself: a self-move empties the vector
        }
      }
      out->resize(w + 1);
    }
    return Status::Ok();
  }

  // Every node reachable from `from` with a walk length in [min, max];
  // `target` (if non-zero) keeps only that end.
  Status Search(uint64_t from, bool forward, uint64_t target) {
    const uint32_t max = p_.max, min = p_.min;
    const uint32_t cap = max != grammar::kUnbounded ? max : std::max<uint32_t>(min, 1);
    std::vector<State> states{{from, 0, -1, {}}};
    std::unordered_map<std::pair<uint64_t, uint32_t>, int, PairHash> visited{{{from, 0}, 0}};
    std::unordered_set<uint64_t> emitted;
    std::deque<int> queue{0};
    uint64_t charged = 0;
    auto emit = [&](int index) -> Status {
      uint64_t node = states[index].node;
      if (target && node != target) return Status::Ok();
      if (!emitted.insert(node).second) return Status::Ok();
      Result_ r{forward ? from : node, forward ? node : from, {}};
      if (ctx_->with_provenance())
        for (int i = index; states[i].parent >= 0; i = states[i].parent)
          r.provenance.insert(r.provenance.end(), states[i].edge_claims.begin(), states[i].edge_claims.end());
      results_.push_back(std::move(r));
      return ctx_->Charge(32 + 8 * results_.back().provenance.size());
    };
    if (min == 0) CG_RETURN_IF_ERROR(emit(0));
    std::vector<Neighbour> next;
    Status status;
    while (!queue.empty()) {
      int i = queue.front();
      queue.pop_front();
      uint32_t depth = states[i].depth;
      if (max != grammar::kUnbounded && depth >= max) continue;
      CG_RETURN_IF_ERROR(Neighbours(states[i].node, forward, &next));
      for (auto& [other, claims] : next) {
        uint32_t d = depth + 1;
        auto key = std::make_pair(other, std::min(d, cap));
        if (visited.count(key)) continue;
        if (d > ctx_->options().max_path_depth)
          return Status::ResourceExhausted("path " + p_.text + " went deeper than the path depth limit (max_path_depth = " +
                                           std::to_string(ctx_->options().max_path_depth) + ")");
        visited.emplace(key, int(states.size()));
        uint64_t bytes = 96 + 8 * claims.size();
        states.push_back({other, d, i, std::move(claims)});
        CG_RETURN_IF_ERROR(ctx_->Charge(bytes));
        charged += bytes;
        queue.push_back(int(states.size() - 1));
        if (d >= min) CG_RETURN_IF_ERROR(emit(int(states.size() - 1)));
      }
    }
    ctx_->Release(charged);  // the visited set is gone; the results stay charged
    return status;
  }

  ExecContext* ctx_;
  const BoundPattern& p_;
  std::vector<Result_> results_;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<Step> NewPathStep(ExecContext* ctx, const BoundPattern& pattern) {
  return std::make_unique<PathStep>(ctx, pattern);
}

}  // namespace claimgraph::engine
