#include "engine/executor/result_builder.h"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "engine/executor/belief.h"
#include "engine/executor/evaluator.h"
#include "engine/executor/group_table.h"

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

  // False once LIMIT is reached (stop producing). Takes what it keeps from
  // `row` (the caller may reuse it for the next row).
  Result<bool> Emit(OutRow& row) {
    if (skipped_ < q_.offset.value_or(0)) {
      ++skipped_;
      return true;
    }
    if (q_.limit && emitted_ >= *q_.limit) return false;
    if (emitted_ >= ctx_->options().max_rows)
      return Status::ResourceExhausted("the result has more than max_rows = " +
                                       std::to_string(ctx_->options().max_rows) + " rows; add LIMIT or raise the limit");
    row.values.resize(q_.returns.size());  // drop hidden sort keys
    // Rows carry claims only WITH PROVENANCE (the builder copies none else).
    std::sort(row.provenance.begin(), row.provenance.end());
    row.provenance.erase(std::unique(row.provenance.begin(), row.provenance.end()), row.provenance.end());
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

// Kept small (groups hold one per aggregate, in one array): what only MIN,
// MAX, BELIEF or COUNT(DISTINCT value) need is allocated when first used.
struct AggState {
  uint64_t count = 0;
  std::unique_ptr<Value> best;  // MIN / MAX
  uint32_t belief = UINT32_MAX;  // BELIEF: its index in Beliefs::states (none yet)
  std::unique_ptr<std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq>> distinct;
  DistinctIds distinct_raw;  // COUNT(DISTINCT ?x) / COUNT(DISTINCT ?c.source) by id
};

// BELIEF's state: the query's voices, and each group's BeliefState in one
// array (AggState holds the index), so that a group allocates nothing.
struct Beliefs {
  VoiceTable voices;
  std::vector<BeliefState> states;
};

// The raw id that identifies an aggregate's argument, when one does: a
// variable's slot, or a claim's source id. Distinct ids are distinct values.
int RawSlotOf(const BoundExpr& e) {
  if (e.kind == BoundExpr::Kind::kSlot) return e.slot;
  if (e.kind == BoundExpr::Kind::kAttribute && e.attribute == Attribute::kSource && e.source_slot >= 0)
    return e.source_slot;
  return -1;
}

// BELIEF(?c) needs each claim's source, modality and confidence. The scan
// that bound ?c put all three in hidden slots from the index entry (format 4
// carries the confidence, coded), so a row adds its claim at once. A
// confidence the index cannot code exactly (kConfidenceInRecord) is in the
// claim record only: such rows note (claim, state), and ReadBeliefClaims
// reads each of those records once, in id order and in batches, after the
// last row (a point read per row cost 18x COUNT on Q6). Either way BeliefState
// keeps a max per voice, so the order claims arrive in changes nothing. An
// unbound ?c (OPTIONAL) adds nothing.
struct BeliefRead {
  storage::ClaimId claim;
  size_t state;  // index into the group states
};

Status NoteBelief(ExecContext* ctx, Beliefs* beliefs, const BoundExpr& a, const Row& row, const AggState& s,
                  size_t state, std::vector<BeliefRead>* reads) {
  const uint64_t id = row.slots[a.children[0].slot];
  if (id == 0) return Status::Ok();
  if (a.belief_slot >= 0 && a.source_slot >= 0) {
    const uint64_t packed = row.slots[a.belief_slot];
    if (const uint32_t code = ConfidenceCodeOfPacked(packed); code != storage::kConfidenceInRecord) {
      CG_ASSIGN_OR_RETURN(uint32_t voice, beliefs->voices.VoiceOf(row.slots[a.source_slot]));
      beliefs->states[s.belief].Add(voice, ModalityOfPacked(packed), storage::ConfidenceOfCode(code));
      return Status::Ok();
    }
  }
  CG_RETURN_IF_ERROR(ctx->Charge(sizeof(BeliefRead)));
  reads->push_back({id, state});
  return Status::Ok();
}

Status ReadBeliefClaims(ExecContext* ctx, Beliefs* beliefs, std::vector<BeliefRead>* reads, const AggState* states) {
  std::sort(reads->begin(), reads->end(), [](const BeliefRead& a, const BeliefRead& b) { return a.claim < b.claim; });
  std::vector<storage::ClaimId> ids;
  for (const auto& r : *reads)
    if (ids.empty() || ids.back() != r.claim) ids.push_back(r.claim);
  CG_RETURN_IF_ERROR(ctx->Charge(8 * ids.size()));
  size_t next = 0;
  return ctx->view().ForEachClaimRecord(ids, [&](const storage::Claim& c) -> Status {
    CG_RETURN_IF_ERROR(ctx->Tick());
    CG_ASSIGN_OR_RETURN(uint32_t voice, beliefs->voices.VoiceOf(c.source));
    for (; next < reads->size() && (*reads)[next].claim == c.id; ++next) {
      beliefs->states[states[(*reads)[next].state].belief].Add(voice, c.modality, c.confidence);
    }
    return Status::Ok();
  });
}

// The states of one group's aggregates, in query order.
Status Accumulate(ExecContext* ctx, const BoundQuery& q, const Row& row, AggState* states, size_t first_state,
                  Beliefs* beliefs, std::vector<BeliefRead>* belief_reads) {
  for (size_t i = 0; i < q.aggregates.size(); ++i) {
    const BoundExpr& a = q.aggregates[i];
    AggState& s = states[i];
    if (a.aggregate == grammar::AggregateKind::kCountStar) {
      ++s.count;
      continue;
    }
    if (a.aggregate == grammar::AggregateKind::kBelief) {
      if (s.belief == UINT32_MAX) {
        s.belief = static_cast<uint32_t>(beliefs->states.size());
        beliefs->states.emplace_back();
        CG_RETURN_IF_ERROR(ctx->Charge(sizeof(BeliefState)));
      }
      CG_RETURN_IF_ERROR(NoteBelief(ctx, beliefs, a, row, s, first_state + i, belief_reads));
      continue;
    }
    if (a.aggregate == grammar::AggregateKind::kCount && a.distinct) {
      int raw = RawSlotOf(a.children[0]);
      if (raw >= 0 && row.slots[raw] != 0) {
        if (s.distinct_raw.Insert(row.slots[raw])) CG_RETURN_IF_ERROR(ctx->Charge(32));
        continue;
      }
    }
    CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, a.children[0], row));
    if (v.is_null()) continue;
    switch (a.aggregate) {
      case grammar::AggregateKind::kCount:
        if (a.distinct) {
          if (!s.distinct) s.distinct = std::make_unique<std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq>>();
          if (s.distinct->insert({v}).second) CG_RETURN_IF_ERROR(ctx->Charge(64 + v.text.size()));
        } else {
          ++s.count;
        }
        break;
      case grammar::AggregateKind::kMin:
        if (!s.best || CompareValues(v, *s.best) < 0) s.best = std::make_unique<Value>(std::move(v));
        break;
      case grammar::AggregateKind::kMax:
        if (!s.best || CompareValues(v, *s.best) > 0) s.best = std::make_unique<Value>(std::move(v));
        break;
      default:
        break;
    }
  }
  return Status::Ok();
}

std::vector<Value> Finish(const BoundQuery& q, const Beliefs& beliefs, const AggState* states) {
  std::vector<Value> out;
  for (size_t i = 0; i < q.aggregates.size(); ++i) {
    const BoundExpr& a = q.aggregates[i];
    const AggState& s = states[i];
    if (a.aggregate == grammar::AggregateKind::kBelief)  // no supporting claim (or no rows): 0
      out.push_back(Value::Number(s.belief != UINT32_MAX ? beliefs.states[s.belief].Finish(beliefs.voices) : 0.0));
    else if (a.aggregate == grammar::AggregateKind::kMin || a.aggregate == grammar::AggregateKind::kMax)
      out.push_back(s.best ? *s.best : Value::Null());
    else
      out.push_back(Value::Integer(int64_t(a.distinct ? (s.distinct ? s.distinct->size() : 0) + s.distinct_raw.size() : s.count)));
  }
  return out;
}

// Whether every row is distinct already, so DISTINCT needs no hash set: one
// plain pattern without AS yields each fact (s, p, o) once, and a row that
// returns all of its variables is its fact. (With AS ?c a symmetric claim
// can match both ways round, so a claim can come twice.)
bool RowsAreDistinct(const BoundQuery& q) {
  if (q.patterns.size() != 1 || !q.optionals.empty()) return false;
  const BoundPattern& p = q.patterns[0];
  if (p.IsPath() || p.claim_slot >= 0) return false;
  std::set<int> returned;
  for (const auto& r : q.returns)
    if (r.expr.kind == BoundExpr::Kind::kSlot) returned.insert(r.expr.slot);
  for (int slot : p.Slots())
    if (!returned.count(slot)) return false;
  return true;
}

// Marks the return columns `e` reads (kOutputColumn), so that a group HAVING
// drops never has its other columns built: an entity column is a name
// lookup and a string copy, and most groups of a selective HAVING fail it.
void MarkOutputColumns(const BoundExpr& e, std::vector<bool>* reads) {
  if (e.kind == BoundExpr::Kind::kOutputColumn && e.column >= 0 && size_t(e.column) < reads->size())
    (*reads)[e.column] = true;
  for (const auto& c : e.children) MarkOutputColumns(c, reads);
}

// Makes `v` Value::Entity(id, "") in place (its buffers kept for the next).
void SetEntityId(uint64_t id, Value* v) {
  v->kind = Value::Kind::kEntity;
  v->id = id;
  v->text.clear();
  v->list.clear();
  v->boolean = false;
  v->number = 0;
  v->integer = false;
}

// Names as a streaming sink asks them: from the store's cache of entity
// records, not through the statement's name cache. The sink asks only when a
// column's entity changes and keeps what it wrote, so the statement's cache
// would only be filled (a two-hop join's 8.5k names were each asked once:
// inserting them was ~60% of the cost of a name).
class ViewEntityNames final : public EntityNames {
 public:
  explicit ViewEntityNames(ExecContext* ctx) : ctx_(ctx) {}
  Result<std::string_view> Name(uint64_t entity) override {
    CG_ASSIGN_OR_RETURN(last_, ctx_->view().GetEntityShared(entity));
    return std::string_view(last_->name);
  }

 private:
  ExecContext* ctx_;
  std::shared_ptr<const storage::Entity> last_;  // keeps the name Name returned
};

// Offers a sink the names while it lives, and withdraws them however the
// answer ends.
class EntitiesById {
 public:
  EntitiesById(RowSink* sink, ExecContext* ctx) : sink_(sink), names_(ctx) {
    taken_ = sink_ && sink_->TakeEntitiesById(&names_);
  }
  ~EntitiesById() {
    if (taken_) sink_->TakeEntitiesById(nullptr);
  }
  bool taken() const { return taken_; }

 private:
  RowSink* sink_;
  ViewEntityNames names_;
  bool taken_ = false;
};

}  // namespace

Status BuildResult(Pipeline* main, const BoundQuery& q, ExecContext* ctx, RowSink* sink, QueryResult* out) {
  for (const auto& r : q.returns) out->columns.push_back(r.name);
  out->with_provenance = q.with_provenance;
  if (sink) CG_RETURN_IF_ERROR(sink->Header(out->columns, out->as_of));
  Emitter emitter(q, ctx, sink, out);
  const bool materialize = !q.order_by.empty() || q.aggregating;
  std::vector<OutRow> rows;
  std::unordered_set<std::vector<Value>, ValuesHash, ValuesEq> seen;  // DISTINCT
  Row row;

  if (!q.aggregating) {
    const bool dedupe = q.distinct && !RowsAreDistinct(q);
    OutRow o;  // streamed rows reuse one row's vectors
    // Streamed to a sink (which reads the values, never moves them), a
    // column that returns a variable bound to the same id as in the row
    // before keeps its value: consecutive rows often share one (the claims of
    // one fact, the first hop of a join), and each is a name lookup and a copy.
    const bool streamed = sink && !materialize;
    std::vector<uint64_t> last_raw(q.returns.size());
    bool have_last = false;
    // DISTINCT compares whole values: its rows keep their names.
    std::optional<EntitiesById> by_id;
    if (streamed && !dedupe) by_id.emplace(sink, ctx);
    const bool ids_only = by_id && by_id->taken();
    while (true) {
      CG_ASSIGN_OR_RETURN(bool got, main->Next(&row));
      if (!got) break;
      o.provenance.clear();
      if (streamed) {
        o.values.resize(q.returns.size());
        for (size_t i = 0; i < q.returns.size(); ++i) {
          const BoundExpr& e = q.returns[i].expr;
          const bool slot = e.kind == BoundExpr::Kind::kSlot;
          if (slot && have_last && row.slots[e.slot] == last_raw[i]) continue;
          // (0 is an unbound variable, a null: an OPTIONAL that found nothing.)
          if (slot && ids_only && e.slot_kind == VarKind::kNode && row.slots[e.slot] != 0 &&
              storage::IsEntityTerm(row.slots[e.slot])) {
            SetEntityId(row.slots[e.slot], &o.values[i]);
          } else {
            CG_ASSIGN_OR_RETURN(o.values[i], Evaluate(ctx, e, row));
          }
          if (slot) last_raw[i] = row.slots[e.slot];
        }
        have_last = true;
      } else {
        o.values.clear();
        for (const auto& r : q.returns) {
          CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, r.expr, row));
          o.values.push_back(std::move(v));
        }
      }
      // A DISTINCT row keeps the claims of the first derivation found.
      if (dedupe) {
        if (!seen.insert(o.values).second) continue;
        CG_RETURN_IF_ERROR(ctx->Charge(ApproxBytes(o)));
      }
      for (const auto& k : q.hidden_sort_keys) {
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, k, row));
        o.values.push_back(std::move(v));
      }
      if (q.with_provenance) o.provenance = row.provenance;
      if (!materialize) {
        CG_ASSIGN_OR_RETURN(bool more, emitter.Emit(o));
        if (!more) break;  // LIMIT reached: stop pulling rows
        continue;
      }
      CG_RETURN_IF_ERROR(ctx->Charge(ApproxBytes(o)));
      rows.push_back(std::move(o));
    }
  } else {
    // Per group, by group number: the slots of its first row (what RETURN
    // reads besides aggregates), its aggregate states and its claims.
    size_t id_keys = 0;
    for (const auto& k : q.group_keys) id_keys += k.kind == BoundExpr::Kind::kSlot;
    GroupTable groups(id_keys);
    const size_t width = q.variables.size(), naggs = q.aggregates.size();
    std::vector<uint64_t> first_slots;
    std::vector<AggState> states;
    std::vector<std::vector<uint64_t>> provenance;
    std::vector<uint64_t> key_ids;
    std::vector<Value> key_values;
    Beliefs beliefs{VoiceTable(ctx->view()), {}};
    std::vector<BeliefRead> belief_reads;
    while (true) {
      CG_ASSIGN_OR_RETURN(bool got, main->Next(&row));
      if (!got) break;
      key_ids.clear();
      key_values.clear();
      for (const auto& k : q.group_keys) {
        if (k.kind == BoundExpr::Kind::kSlot) {
          key_ids.push_back(row.slots[k.slot]);
          continue;
        }
        CG_ASSIGN_OR_RETURN(Value v, Evaluate(ctx, k, row));
        key_values.push_back(std::move(v));
      }
      auto [group, added] = groups.FindOrAdd(key_ids.data(), &key_values);
      if (added) {
        CG_RETURN_IF_ERROR(ctx->Charge(64 + 8 * width + sizeof(AggState) * naggs));
        first_slots.insert(first_slots.end(), row.slots.begin(), row.slots.end());
        first_slots.resize((group + 1) * width);  // rows carry one slot per variable
        states.resize(states.size() + naggs);
        if (q.with_provenance) provenance.emplace_back();
      }
      CG_RETURN_IF_ERROR(
          Accumulate(ctx, q, row, states.data() + group * naggs, group * naggs, &beliefs, &belief_reads));
      if (q.with_provenance) {  // a group carries the union of its rows' claims
        auto& p = provenance[group];
        CG_RETURN_IF_ERROR(ctx->Charge(8 * row.provenance.size()));
        p.insert(p.end(), row.provenance.begin(), row.provenance.end());
      }
    }
    if (!belief_reads.empty()) CG_RETURN_IF_ERROR(ReadBeliefClaims(ctx, &beliefs, &belief_reads, states.data()));
    beliefs.voices.RankVoices();
    size_t ngroups = groups.size();
    if (ngroups == 0 && q.group_keys.empty()) {  // COUNT(*) over nothing is one row: 0
      ngroups = 1;
      first_slots.assign(width, 0);
      states.resize(naggs);
      if (q.with_provenance) provenance.emplace_back();
    }
    // With HAVING, the columns it reads first; the rest only for groups that pass.
    std::vector<bool> before_having(q.returns.size(), !q.having);
    if (q.having) MarkOutputColumns(*q.having, &before_having);
    Row first;
    for (size_t g = 0; g < ngroups; ++g) {
      first.slots.assign(first_slots.begin() + g * width, first_slots.begin() + (g + 1) * width);
      std::vector<Value> aggs = Finish(q, beliefs, states.data() + g * naggs);
      OutRow o;
      o.values.resize(q.returns.size());
      for (size_t i = 0; i < q.returns.size(); ++i) {
        if (!before_having[i]) continue;
        CG_ASSIGN_OR_RETURN(o.values[i], Evaluate(ctx, q.returns[i].expr, first, &aggs));
      }
      if (q.having) {
        CG_ASSIGN_OR_RETURN(Value keep, Evaluate(ctx, *q.having, first, &aggs, &o.values));
        if (!(keep.kind == Value::Kind::kBool && keep.boolean)) continue;
        for (size_t i = 0; i < q.returns.size(); ++i) {
          if (before_having[i]) continue;
          CG_ASSIGN_OR_RETURN(o.values[i], Evaluate(ctx, q.returns[i].expr, first, &aggs));
        }
      }
      if (q.distinct && !seen.insert(o.values).second) continue;
      if (q.with_provenance) o.provenance = std::move(provenance[g]);
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
      CG_ASSIGN_OR_RETURN(bool more, emitter.Emit(r));
      if (!more) break;
    }
  }
  out->stats.rows = emitter.emitted();
  return Status::Ok();
}

}  // namespace claimgraph::engine
