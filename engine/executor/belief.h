// BELIEF(?c): one score per group from its claims (issue 14, docs/claimql.md
// "BELIEF"). Each publisher is one voice, however many claims or relays it
// has: its support is the max over its asserted (weight 1.0) and reported
// (0.6) claims of confidence × weight, its doubt the max confidence of its
// denied claims; proposed claims count for nothing. Voices combine by noisy-OR,
// S = 1 − Π(1 − s), A = 1 − Π(1 − a), and BELIEF = S × (1 − A).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/modality.h"
#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::storage { class ReadView; }

namespace claimgraph::engine {

inline constexpr double kReportedWeight = 0.6;

// What BELIEF needs of a claim besides its source, as its index entry has it,
// in one row slot: the confidence code (storage::ConfidenceCodeOf) above the
// modality's two bits. A code of storage::kConfidenceInRecord (not
// representable in the index) means: read the claim record.
inline uint64_t PackBeliefInput(base::Modality modality, uint32_t confidence_code) {
  return uint64_t{confidence_code} << 2 | static_cast<uint64_t>(modality);
}
inline uint32_t ConfidenceCodeOfPacked(uint64_t packed) { return static_cast<uint32_t>(packed >> 2); }
inline base::Modality ModalityOfPacked(uint64_t packed) { return static_cast<base::Modality>(packed & 3); }

// One voice's part: support s and doubt a, both in [0, 1].
struct VoicePart {
  double support = 0, against = 0;
};

// The formula over voices already in their fixed order (the caller sorts):
// floating-point products depend on order, and BELIEF must be bit-identical
// run to run.
double CombineVoices(const VoicePart* voices, size_t n);
inline double CombineVoices(const std::vector<VoicePart>& voices) { return CombineVoices(voices.data(), voices.size()); }

// Source -> voice, for one query execution: each source's record is looked
// up once (in the store's shared source cache), and sources sharing a
// publisher share a voice number. VoiceOf runs once per claim: source ids
// are dense, so below kDenseSources it is an array index, not a hash lookup.
class VoiceTable {
 public:
  explicit VoiceTable(const storage::ReadView& view) : view_(view) {}
  Result<uint32_t> VoiceOf(storage::SourceId source) {
    if (source < dense_.size() && dense_[source] != kNone) return dense_[source];
    return Lookup(source);
  }
  // The key voices are ordered by: the publisher, or for a source without
  // one its key (the two kinds never compare equal).
  const std::string& Key(uint32_t voice) const { return keys_[voice]; }
  // After the last VoiceOf: each voice's place in key order, so that groups
  // sort their voices by an integer, not by comparing strings.
  void RankVoices();
  uint32_t Rank(uint32_t voice) const { return ranks_[voice]; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr storage::SourceId kDenseSources = 1u << 22;  // 16 MB of table at most
  Result<uint32_t> Lookup(storage::SourceId source);

  const storage::ReadView& view_;
  std::vector<uint32_t> dense_;                                  // by source id, below kDenseSources
  std::unordered_map<storage::SourceId, uint32_t> sparse_;     // the others
  std::unordered_map<std::string, uint32_t> by_key_;
  std::vector<std::string> keys_;
  std::vector<uint32_t> ranks_;
};

// One group's BELIEF state: a short list of voices (groups are facts, which
// most often have a few claims), kept inline up to kInline voices so that a
// group costs no allocation beyond its state.
class BeliefState {
 public:
  void Add(uint32_t voice, base::Modality modality, double confidence);
  double Finish(const VoiceTable& voices) const;

 private:
  using Part = std::pair<uint32_t, VoicePart>;
  static constexpr size_t kInline = 4;
  std::array<Part, kInline> inline_;
  size_t size_ = 0;          // voices in inline_, then in more_
  std::vector<Part> more_;   // voices past kInline
};

}  // namespace claimgraph::engine
