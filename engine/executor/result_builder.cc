#include "engine/executor/result_builder.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "engine/executor/evaluator.h"

namespace claimgraph::engine {
namespace {

struct ValuesHash {
  size_t operator()(const std::vector<Value>& v) const {
    size_t h = 0;
    for (const auto& x : v) h = h * 1000003u ^ HashValue(x);
    return h;
  }
};
struct ValuesEq {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (!ValuesEqual(a[i], b[i])) return false;
    return true;
  }
};

struct OutRow {
  std::vector<Value> values;  // visible columns, then hidden sort keys
  std::vector<uint64_t> provenance;
};

uint64_t ApproxBytes(const OutRow& r) {
  uint64_t n = 64 + 8 * r.provenance.size();
  for (const auto& v : r.values) n += sizeof(Value) + v.text.size();
  return n;
}

// Delivers rows, applying OFFSET, LIMIT and the max-rows limit.
class Emitter {
 public:
  Emitter(const BoundQuery& q, ExecContext* ctx, RowSink* sink, QueryResult* out)
      : q_(q), ctx_(ctx), sink_(sink), out_(out) {}

  // False once LIMIT is reached (stop producing).
  Result<bool> Emit(OutRow row) {
    if (skipped_ < q_.offset.value_or(0)) {
      ++skipped_;
      return true;
    }
    if (q_.limit && emitted_ >= *q_.limit) return false;
    if (emitted_ >= ctx_->options().max_rows)
      return Status::ResourceExhausted("the result has more than max_rows = " +
                                       std::to_string(ctx_->options().max_rows) + " rows; add LIMIT or raise the limit");
    row.values.resize(q_.returns.size());  // drop hidden sort keys
    std::sort(row.provenance.begin(), row.provenance.end());
    row.provenance.erase(std::unique(row.provenance.begin(), row.provenance.end()), row.provenance.end());
    if (!q_.with_provenance) row.provenance.clear();
    ++emitted_;
    if (sink_) {
      CG_RETURN_IF_ERROR(sink_->Row(row.values, row.provenance));
    } else {
      out_->rows.push_back(std::move(row.values));
      if (q_.with_provenance) out_->provenance.push_back(std::move(row.provenance));
    }
    return !(q_.limit && emitted_ >= *q_.limit);
  }
  uint64_t emitted() const { return emitted_; }

 private:
  const BoundQuery& q_;
  ExecContext* ctx_;
  RowSink* sink_;
  QueryResult* out_;
  uint64_t skipped_ = 0, emitted_ = 0;
};

// A group's key: plain variables by their raw ids (no names, no strings, no
// allocation per row once the buffer has grown), other keys by value.
struct GroupKey {
  std::vector<uint64_t> ids;
  std::vector<Value> values;
  bool operator==(const GroupKey& o) const { return ids == o.ids && ValuesEq()(values, o.values); }
};
struct GroupKeyHash {
  size_t operator()(const GroupKey& k) const {
    size_t h = ValuesHash()(k.values);
    for (uint64_t id : k.ids) h = (h ^ id) * 1099511628211ull;
    return h;
  }
};

struct AggState {
  uint64_t count = 0;
  Value best;  // MIN / MAX
  std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> distinct;
  std::unordered_set<uint64_t> distinct_raw;  // COUNT(DISTINCT ?x) / COUNT(DISTINCT ?c.source) by id
};

// The raw id that identifies an aggregate's argument, when one does: a
// variable's slot, or a claim's source id. Distinct ids are distinct values.
int RawSlotOf(const BoundExpr& e) {
  if (e.kind == BoundExpr::Kind::kSlot) return e.slot;
  if (e.kind == BoundExpr::Kind::kAttribute && e.attribute == Attribute::kSource && e.source_slot >= 0)
    return e.source_slot;
  return -1;
}

struct Group {
  Row first;
  std::vector<AggState> aggs;
  std::vector<uint64_t> provenance;
};

Status Accumulate(ExecContext* ctx, const BoundQuery& q, const Row& row, Group* g) {
  for (size_t i = 0; i < q.aggregates.size(); ++i) {
    const BoundExpr& a = q.aggregates[i];
    AggState& s = g->aggs[i];
    if (a.aggregate == grammar::AggregateKind::kCountStar) {
      ++s.count;
      continue;
    }
    if (a.aggregate == grammar::AggregateKind::kCount && a.distinct) {
      int raw = RawSlotOf(a.children[0]);
      if (raw >= 0 && row.slots[raw] != 0) {
        if (s.distinct_raw.insert(row.slots[raw]).second) CG_RETURN_IF_ERROR(ctx->Charge(32));
        continue;
      }
    }
    CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, a.children[0], row));
    if (v.is_null()) continue;
    switch (a.aggregate) {
      case grammar::AggregateKind::kCount:
        if (a.distinct) {
          if (s.distinct.insert({v}).second) CG_RETURN_IF_ERROR(ctx->Charge(64 + v.text.size()));
        } else {
          ++s.count;
        }
        break;
      case grammar::AggregateKind::kMin:
        if (s.best.is_null() || CompareValues(v, s.best) < 0) s.best = v;
        break;
      case grammar::AggregateKind::kMax:
        if (s.best.is_null() || CompareValues(v, s.best) > 0) s.best = v;
        break;
      default:
        break;
    }
  }
  return Status::Ok();
}

std::vector<Value> Finish(const BoundQuery& q, const Group& g) {
  std::vector<Value> out;
  for (size_t i = 0; i < q.aggregates.size(); ++i) {
    const BoundExpr& a = q.aggregates[i];
    const AggState& s = g.aggs[i];
    if (a.aggregate == grammar::AggregateKind::kMin || a.aggregate == grammar::AggregateKind::kMax)
      out.push_back(s.best);
    else
      out.push_back(Value::Number(double(a.distinct ? s.distinct.size() + s.distinct_raw.size() : s.count)));
  }
  return out;
}

}  // namespace

Status BuildResult(Pipeline* main, const BoundQuery& q, ExecContext* ctx, RowSink* sink, QueryResult* out) {
  for (const auto& r : q.returns) out->columns.push_back(r.name);
  out->with_provenance = q.with_provenance;
  if (sink) CG_RETURN_IF_ERROR(sink->Header(out->columns));
  Emitter emitter(q, ctx, sink, out);
  const bool materialize = !q.order_by.empty() || q.aggregating;
  std::vector<OutRow> rows;
  std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> seen;  // DISTINCT
  Row row;

  if (!q.aggregating) {
    while (true) {
      CG_ASSIGN_OR_RETURN(bool got, main->Next(&row));
      if (!got) break;
      OutRow o;
      for (const auto& r : q.returns) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, r.expr, row));
        o.values.push_back(std::move(v));
      }
      // A DISTINCT row keeps the claims of the first derivation found.
      if (q.distinct) {
        if (!seen.insert(o.values).second) continue;
        CG_RETURN_IF_ERROR(ctx->Charge(ApproxBytes(o)));
      }
      for (const auto& k : q.hidden_sort_keys) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, k, row));
        o.values.push_back(std::move(v));
      }
      o.provenance = row.provenance;
      if (!materialize) {
        CG_ASSIGN_OR_RETURN(bool more, emitter.Emit(std::move(o)));
        if (!more) break;  // LIMIT reached: stop pulling rows
        continue;
      }
      CG_RETURN_IF_ERROR(ctx->Charge(ApproxBytes(o)));
      rows.push_back(std::move(o));
    }
  } else {
    std::unordered_map<GroupKey, Group, GroupKeyHash> groups;
    std::vector<GroupKey> order;  // groups in first-seen order, for stable output
    GroupKey key;                 // reused for every row
    while (true) {
      CG_ASSIGN_OR_RETURN(bool got, main->Next(&row));
      if (!got) break;
      key.ids.clear();
      key.values.clear();
      for (const auto& k : q.group_keys) {
        if (k.kind == BoundExpr::Kind::kSlot) {
          key.ids.push_back(row.slots[k.slot]);
          continue;
        }
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, k, row));
        key.values.push_back(std::move(v));
      }
      auto it = groups.find(key);
      if (it == groups.end()) {
        Group g;
        g.first = row;
        g.first.provenance.clear();
        g.aggs.resize(q.aggregates.size());
        CG_RETURN_IF_ERROR(ctx->Charge(128 + 8 * row.slots.size()));
        order.push_back(key);
        it = groups.emplace(key, std::move(g)).first;
      }
      CG_RETURN_IF_ERROR(Accumulate(ctx, q, row, &it->second));
      if (q.with_provenance) {  // a group carries the union of its rows' claims
        auto& p = it->second.provenance;
        CG_RETURN_IF_ERROR(ctx->Charge(8 * row.provenance.size()));
        p.insert(p.end(), row.provenance.begin(), row.provenance.end());
      }
    }
    if (groups.empty() && q.group_keys.empty()) {  // COUNT(*) over nothing is one row: 0
      Group g;
      g.first.slots.assign(q.variables.size(), 0);
      g.aggs.resize(q.aggregates.size());
      order.push_back({});
      groups.emplace(GroupKey{}, std::move(g));
    }
    for (const auto& key : order) {
      Group& g = groups.at(key);
      std::vector<Value> aggs = Finish(q, g);
      OutRow o;
      for (const auto& r : q.returns) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, r.expr, g.first, &aggs));
        o.values.push_back(std::move(v));
      }
      if (q.having) {
        CG_ASSIGN_OR_RETURN(Value keep, Evaluate(ctx, *q.having, g.first, &aggs, &o.values));
        if (!(keep.kind == Value::Kind::kBool && keep.boolean)) continue;
      }
      if (q.distinct && !seen.insert(o.values).second) continue;
      o.provenance = std::move(g.provenance);
      rows.push_back(std::move(o));
    }
  }

  if (materialize) {
    if (!q.order_by.empty()) {
      std::stable_sort(rows.begin(), rows.end(), [&](const OutRow& a, const OutRow& b) {
        for (const auto& o : q.order_by) {
          int c = CompareValues(a.values[o.expr.column], b.values[o.expr.column]);
          if (c != 0) return o.descending ? c > 0 : c < 0;
        }
        return false;
      });
    }
    for (auto& r : rows) {
      CG_ASSIGN_OR_RETURN(bool more, emitter.Emit(std::move(r)));
      if (!more) break;
    }
  }
  out->stats.rows = emitter.emitted();
  return Status::Ok();
}

}  // namespace claimgraph::engine
