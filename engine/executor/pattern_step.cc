#include "engine/executor/pattern_step.h"

#include <algorithm>

#include "engine/executor/belief.h"

namespace claimgraph::engine {

Status UsableFactClaims(ExecContext* ctx, storage::EntityId s, storage::PredicateId p, storage::TermId o,
                        std::vector<storage::ClaimId>* out) {
  auto cursor = ctx->view().Scan({s, p, o});
  for (; cursor->Valid(); cursor->Next()) {
    CG_ASSIGN_OR_RETURN(bool usable, ctx->ClaimUsable(cursor->entry(), true));
    if (usable) out->push_back(cursor->entry().claim);
  }
  return cursor->status();
}

namespace {

uint64_t Resolve(const BoundTerm& t, const Row& row) {
  if (t.is_variable()) return row.slots[t.slot];
  return t.constant;
}

class PatternStep final : public Step {
 public:
  PatternStep(ExecContext* ctx, const BoundPattern& p, std::optional<std::vector<storage::SourceId>> by_sources,
              std::optional<ClaimIdRange> by_claims)
      : ctx_(ctx), p_(p), by_sources_(std::move(by_sources)), by_claims_(by_claims) {
    fact_ = p.claim_slot < 0;
    if (p.predicate_slot < 0) {
      predicate_ = p.steps[0].predicate;
      symmetric_ = p.steps[0].symmetric;
      forward_ = p.steps[0].forward;
    }
  }

  Status Begin(const Row& row) override {
    cursor_.reset();
    done_ = p_.subject.unresolved || p_.object.unresolved;
    if (done_) return Status::Ok();
    // What this row fixes. "Reading backwards" (^p) just swaps the ends.
    uint64_t a = Resolve(p_.subject, row), b = Resolve(p_.object, row);
    s_ = forward_ ? a : b;
    o_ = forward_ ? b : a;
    p_bound_ = p_.predicate_slot >= 0 ? row.slots[p_.predicate_slot] : predicate_;
    claim_bound_ = p_.claim_slot >= 0 ? row.slots[p_.claim_slot] : 0;
    same_var_ = p_.subject.is_variable() && p_.subject.slot == p_.object.slot;
    phase_ = 0;
    Open();
    return Status::Ok();
  }

  void CollectReads(const Row& row, std::vector<storage::TriplePattern>* out) const override {
    // What Begin and Open would read in the forward phase; the reverse
    // phase of a symmetric predicate reads the mirrored list after it.
    if (by_claims_ || by_sources_ || p_.subject.unresolved || p_.object.unresolved) return;
    const uint64_t a = Resolve(p_.subject, row), b = Resolve(p_.object, row);
    const uint64_t s = forward_ ? a : b, o = forward_ ? b : a;
    const uint64_t pred = p_.predicate_slot >= 0 ? row.slots[p_.predicate_slot] : predicate_;
    auto add = [&](uint64_t subject, uint64_t object) {
      storage::TriplePattern tp;
      if (subject) tp.subject = subject;
      if (object) tp.object = object;
      if (pred) tp.predicate = pred;
      out->push_back(tp);
    };
    add(s, o);
    if (pred ? IsSymmetric(pred) : !ctx_->symmetric_predicates.empty()) add(o, s);
  }

  Result<bool> Advance(Row& row) override {
    while (!done_) {
      if (!cursor_->Valid()) {
        CG_RETURN_IF_ERROR(cursor_->status());
        // The reverse phase reads symmetric facts the other way round.
        bool reverse_possible = p_bound_ ? IsSymmetric(p_bound_) : !ctx_->symmetric_predicates.empty();
        // `AS ?c` yields each claim once: with both ends free, the stored
        // direction is the one binding; the reverse read only finds claims
        // stated the other way round when an end is fixed.
        if (!fact_ && !s_ && !o_) reverse_possible = false;
        if (phase_ == 0 && reverse_possible) {
          phase_ = 1;
          Open();
          continue;
        }
        done_ = true;
        break;
      }
      const storage::IndexEntry first = cursor_->entry();
      claims_.clear();
      if (fact_) {
        // One fact: every index entry of the same triple (they are adjacent).
        // A row needs one usable claim of it unless it carries every claim
        // (WITH FULL PROVENANCE): past the first, the fact's other claims
        // are skipped (a posting list skips them undecoded; a two-hop join
        // over facts of several claims each had decoded four postings a row).
        const bool every_claim = ctx_->with_provenance() && ctx_->full_provenance;
        for (; cursor_->Valid(); cursor_->Next()) {
          const auto& e = cursor_->entry();
          if (e.subject != first.subject || e.predicate != first.predicate || e.object != first.object) break;
          CG_ASSIGN_OR_RETURN(bool usable, ctx_->ClaimUsable(e, true));
          if (!usable) continue;
          claims_.push_back(e.claim);
          if (!every_claim) {
            cursor_->NextFact();
            break;
          }
        }
        CG_RETURN_IF_ERROR(cursor_->status());
        if (claims_.empty()) continue;
      } else {
        cursor_->Next();
        CG_ASSIGN_OR_RETURN(bool usable, ctx_->ClaimUsable(first, false));
        if (!usable) continue;
        if (claim_bound_ && first.claim != claim_bound_) continue;
        claims_.push_back(first.claim);
      }
      if (phase_ == 1) {
        if (!IsSymmetric(first.predicate)) continue;
        if (first.subject == first.object) continue;  // a self-loop was already produced forward
        if (fact_) {
          // Produced already in the forward phase if the mirrored fact holds.
          std::vector<storage::ClaimId> mirrored;
          CG_RETURN_IF_ERROR(UsableFactClaims(ctx_, first.object, first.predicate, first.subject, &mirrored));
          if (!mirrored.empty()) continue;
        }
      } else if (fact_ && ctx_->with_provenance() && ctx_->full_provenance && IsSymmetric(first.predicate) &&
                 first.subject != first.object) {
        CG_RETURN_IF_ERROR(UsableFactClaims(ctx_, first.object, first.predicate, first.subject, &claims_));
      }
      // Bind: in phase 1 the stored subject is the pattern's object.
      uint64_t stored_s = phase_ == 0 ? first.subject : first.object;
      uint64_t stored_o = phase_ == 0 ? first.object : first.subject;
      uint64_t subj = forward_ ? stored_s : stored_o;
      uint64_t obj = forward_ ? stored_o : stored_s;
      if (same_var_ && subj != obj) continue;
      if (p_.subject.is_variable()) row.slots[p_.subject.slot] = subj;
      if (p_.object.is_variable()) row.slots[p_.object.slot] = obj;
      if (p_.predicate_slot >= 0) row.slots[p_.predicate_slot] = first.predicate;
      if (p_.claim_slot >= 0) row.slots[p_.claim_slot] = first.claim;
      if (p_.claim_source_slot >= 0) row.slots[p_.claim_source_slot] = first.source;
      if (p_.claim_belief_slot >= 0) row.slots[p_.claim_belief_slot] = PackBeliefInput(first.modality, first.confidence);
      if (ctx_->with_provenance()) {
        if (ctx_->full_provenance) row.provenance.insert(row.provenance.end(), claims_.begin(), claims_.end());
        else row.provenance.push_back(claims_.front());  // one witness: the fact's first usable claim
      }
      return true;
    }
    return false;
  }

 private:
  bool IsSymmetric(storage::PredicateId p) const {
    if (p_.predicate_slot < 0) return symmetric_;
    return ctx_->symmetric_predicates.count(p) > 0;
  }

  void Open() {
    storage::TriplePattern tp;
    uint64_t s = phase_ == 0 ? s_ : o_, o = phase_ == 0 ? o_ : s_;
    if (s) tp.subject = s;
    if (o) tp.object = o;
    if (p_bound_) tp.predicate = p_bound_;
    if (by_claims_) cursor_ = ctx_->view().ScanClaimRange(by_claims_->first, by_claims_->end, tp);
    else if (by_sources_) cursor_ = ctx_->view().ScanSources(*by_sources_, tp);
    else cursor_ = ctx_->view().Scan(tp);
  }

  ExecContext* ctx_;
  const BoundPattern& p_;
  std::optional<std::vector<storage::SourceId>> by_sources_;
  std::optional<ClaimIdRange> by_claims_;
  bool fact_;
  storage::PredicateId predicate_ = 0;
  bool symmetric_ = false, forward_ = true;
  uint64_t s_ = 0, o_ = 0, p_bound_ = 0, claim_bound_ = 0;
  bool same_var_ = false, done_ = true;
  int phase_ = 0;
  std::unique_ptr<storage::ClaimCursor> cursor_;
  std::vector<storage::ClaimId> claims_;
};

}  // namespace

std::unique_ptr<Step> NewPatternStep(ExecContext* ctx, const BoundPattern& pattern,
                                     std::optional<std::vector<storage::SourceId>> by_sources,
                                     std::optional<ClaimIdRange> by_claims) {
  return std::make_unique<PatternStep>(ctx, pattern, std::move(by_sources), by_claims);
}

}  // namespace claimgraph::engine
