// The marks column family (format 4): every deprecation and restore, of a
// claim or of a source, as the txlog's kMark operations record them.
//
//   key   := fixed64be tx, byte target ('C' claim, 'S' source), fixed64be id
//   value := byte state (1 deprecated, 0 restored), str reason
//
// Keyed by transaction first: the marks a snapshot has beyond the store's
// in-memory table are one seek away (MarkTable::covered). Deprecations are
// analysts' acts, few next to claims, so the store keeps all of them in
// memory (MarkTable) and every read view decides "hidden" from a hash set
// instead of reading a record per claim.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage {

inline constexpr size_t kMarkKeySize = 8 + 1 + 8;

std::string EncodeMarkKey(const Mark& mark);
std::string EncodeMarkValue(const Mark& mark);
// False when the key or value is malformed.
bool DecodeMark(std::string_view key, std::string_view value, Mark* out);
// The record of a kMark txlog operation (its `first` is the target id):
// byte target, then the marks value. DecodeMarkOp is in types.h.
std::string EncodeMarkOp(const Mark& mark);

// What a view hides: the claims deprecated, by their own mark or their
// source's, as of its transaction.
struct HiddenClaims {
  std::unordered_set<ClaimId> claims;
  std::unordered_set<SourceId> sources;
  // Inline: asked once per index entry by every scan that has marks to honour.
  bool Hides(ClaimId claim, SourceId source) const {
    return (!claims.empty() && claims.count(claim)) || (!sources.empty() && sources.count(source));
  }
};

// Every mark up to transaction `covered()`, immutable; the store publishes a
// new table with each commit (sharing the marks when it added none).
class MarkTable {
 public:
  MarkTable();
  // `base`'s marks plus `added` (all with tx > base's), covering up to `covered`.
  static std::shared_ptr<const MarkTable> Extend(const MarkTable& base, std::vector<Mark> added, TxId covered);

  TxId covered() const { return covered_; }
  bool empty() const { return data_->marks.empty(); }
  // What a view as of `as_of` hides; nullptr when nothing (no mark yet).
  std::shared_ptr<const HiddenClaims> HiddenAsOf(TxId as_of) const;
  // The newest mark of one claim or source at or before `as_of`.
  std::optional<Mark> Latest(Mark::Target target, uint64_t id, TxId as_of) const;
  // Every mark of one claim or source at or before `as_of`, oldest first.
  std::vector<Mark> All(Mark::Target target, uint64_t id, TxId as_of) const;

 private:
  struct Data {
    std::vector<Mark> marks;  // tx order
    // Positions in `marks` of each target's marks, by (target, id).
    std::unordered_map<uint64_t, std::vector<size_t>> claim_marks, source_marks;
    std::shared_ptr<const HiddenClaims> newest;  // as of the last mark
  };
  static std::shared_ptr<const HiddenClaims> Compute(const std::vector<Mark>& marks, TxId as_of);
  const std::vector<size_t>* PositionsOf(Mark::Target target, uint64_t id) const;

  std::shared_ptr<const Data> data_;
  TxId covered_ = 0;
};

// Whether `target` `id` (called `name` in messages: "claim 12", "source
// 'k'"; a claim's source is `claims_source`, called `source_name`) may be deprecated (or restored) as of `as_of`: FailedPrecondition when
// it is in that state already. Restoring a claim that is hidden only through
// its source's deprecation names the source to restore instead.
Status CheckMarkTransition(const MarkTable& table, TxId as_of, Mark::Target target, uint64_t id, bool deprecate,
                           const std::string& name, SourceId claims_source, const std::string& source_name);

}  // namespace claimgraph::storage
