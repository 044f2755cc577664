// BELIEF(?c): one score per group from its claims (issue 14, docs/claimql.md
// "BELIEF"). Each publisher is one voice, however many claims or relays it
// has: its support is the max over its asserted (weight 1.0) and reported
// (0.6) claims of confidence × weight, its doubt the max confidence of its
// denied claims; proposed claims count for nothing. Voices combine by noisy-OR,
// S = 1 − Π(1 − s), A = 1 − Π(1 − a), and BELIEF = S × (1 − A).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/modality.h"
#include "base/status.h"
#include "storage/types.h"

namespace claimgraph::io { class NameCache; }

namespace claimgraph::engine {

inline constexpr double kReportedWeight = 0.6;

// One voice's part: support s and doubt a, both in [0, 1].
struct VoicePart {
  double support = 0, against = 0;
};

// The formula over voices already in their fixed order (the caller sorts):
// floating-point products depend on order, and BELIEF must be bit-identical
// run to run.
double CombineVoices(const std::vector<VoicePart>& voices);

// Source -> voice, for one query execution: every claim of a source reads its
// source record once, and sources sharing a publisher share a voice number.
class VoiceTable {
 public:
  explicit VoiceTable(io::NameCache* names) : names_(names) {}
  Result<uint32_t> VoiceOf(storage::SourceId source);
  // The key voices are ordered by: the publisher, or for a source without
  // one its key (the two kinds never compare equal).
  const std::string& Key(uint32_t voice) const { return keys_[voice]; }

 private:
  io::NameCache* names_;
  std::unordered_map<storage::SourceId, uint32_t> by_source_;
  std::unordered_map<std::string, uint32_t> by_key_;
  std::vector<std::string> keys_;
};

// One group's BELIEF state: a short list of voices (groups are facts, which
// most often have a few claims).
class BeliefState {
 public:
  void Add(uint32_t voice, base::Modality modality, double confidence);
  double Finish(const VoiceTable& voices) const;

 private:
  std::vector<std::pair<uint32_t, VoicePart>> parts_;
};

}  // namespace claimgraph::engine
