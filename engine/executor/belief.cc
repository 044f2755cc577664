#include "engine/executor/belief.h"

#include <algorithm>

#include "engine/io/name_cache.h"

namespace claimgraph::engine {

double CombineVoices(const std::vector<VoicePart>& voices) {
  double not_support = 1, not_against = 1;
  for (const auto& v : voices) {
    if (v.support > 0) not_support *= 1 - v.support;
    if (v.against > 0) not_against *= 1 - v.against;
  }
  return (1 - not_support) * not_against;
}

Result<uint32_t> VoiceTable::VoiceOf(storage::SourceId source) {
  auto it = by_source_.find(source);
  if (it != by_source_.end()) return it->second;
  CG_ASSIGN_OR_RETURN(const storage::Source* s, names_->Source(source));
  // "p:" / "s:" keep a publisher named like some source's key a different voice.
  std::string key = s->publisher.empty() ? "s:" + s->key : "p:" + s->publisher;
  auto [k, added] = by_key_.emplace(std::move(key), uint32_t(keys_.size()));
  if (added) keys_.push_back(k->first);
  by_source_.emplace(source, k->second);
  return k->second;
}

void BeliefState::Add(uint32_t voice, base::Modality modality, double confidence) {
  if (modality == base::Modality::kProposed) return;
  auto it = std::find_if(parts_.begin(), parts_.end(), [&](const auto& p) { return p.first == voice; });
  if (it == parts_.end()) {
    parts_.push_back({voice, {}});
    it = parts_.end() - 1;
  }
  VoicePart& part = it->second;
  switch (modality) {
    case base::Modality::kAsserted: part.support = std::max(part.support, confidence); break;
    case base::Modality::kReported: part.support = std::max(part.support, confidence * kReportedWeight); break;
    case base::Modality::kDenied: part.against = std::max(part.against, confidence); break;
    case base::Modality::kProposed: break;
  }
}

double BeliefState::Finish(const VoiceTable& voices) const {
  std::vector<std::pair<const std::string*, VoicePart>> sorted;
  sorted.reserve(parts_.size());
  for (const auto& [voice, part] : parts_) sorted.push_back({&voices.Key(voice), part});
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  std::vector<VoicePart> ordered;
  ordered.reserve(sorted.size());
  for (const auto& s : sorted) ordered.push_back(s.second);
  return CombineVoices(ordered);
}

}  // namespace claimgraph::engine
