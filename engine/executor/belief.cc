#include "engine/executor/belief.h"

#include <algorithm>

#include "storage/claim_store.h"

namespace claimgraph::engine {

double CombineVoices(const VoicePart* voices, size_t n) {
  double not_support = 1, not_against = 1;
  for (size_t i = 0; i < n; ++i) {
    const VoicePart& v = voices[i];
    if (v.support > 0) not_support *= 1 - v.support;
    if (v.against > 0) not_against *= 1 - v.against;
  }
  return (1 - not_support) * not_against;
}

Result<uint32_t> VoiceTable::Lookup(storage::SourceId source) {
  if (source >= kDenseSources) {
    auto it = sparse_.find(source);
    if (it != sparse_.end()) return it->second;
  }
  CG_ASSIGN_OR_RETURN(std::shared_ptr<const storage::Source> s, view_.GetSourceShared(source));
  // "p:" / "s:" keep a publisher named like some source's key a different voice.
  std::string key = s->publisher.empty() ? "s:" : "p:";
  key.append(s->publisher.empty() ? s->key : s->publisher);
  // Most sources share a publisher met before: find first (emplace would
  // allocate a node each time, to drop it).
  auto k = by_key_.find(key);
  if (k == by_key_.end()) {
    k = by_key_.emplace(std::move(key), uint32_t(keys_.size())).first;
    keys_.push_back(k->first);
  }
  if (source < kDenseSources) {
    if (source >= dense_.size()) dense_.resize(std::max<size_t>(source + 1, dense_.size() * 2), kNone);
    dense_[source] = k->second;
  } else {
    sparse_.emplace(source, k->second);
  }
  return k->second;
}

void VoiceTable::RankVoices() {
  std::vector<uint32_t> order(keys_.size());
  for (uint32_t v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
  ranks_.assign(keys_.size(), 0);
  for (uint32_t r = 0; r < order.size(); ++r) ranks_[order[r]] = r;
}

void BeliefState::Add(uint32_t voice, base::Modality modality, double confidence) {
  if (modality == base::Modality::kProposed) return;
  Part* found = nullptr;
  for (size_t i = 0; i < size_ && !found; ++i) {
    Part& p = i < kInline ? inline_[i] : more_[i - kInline];
    if (p.first == voice) found = &p;
  }
  if (!found) {
    if (size_ < kInline) {
      inline_[size_] = {voice, {}};
      found = &inline_[size_];
    } else {
      more_.push_back({voice, {}});
      found = &more_.back();
    }
    ++size_;
  }
  VoicePart& part = found->second;
  switch (modality) {
    case base::Modality::kAsserted: part.support = std::max(part.support, confidence); break;
    case base::Modality::kReported: part.support = std::max(part.support, confidence * kReportedWeight); break;
    case base::Modality::kDenied: part.against = std::max(part.against, confidence); break;
    case base::Modality::kProposed: break;
  }
}

double BeliefState::Finish(const VoiceTable& voices) const {
  // Keys are distinct, so ranks order voices exactly as their keys do.
  auto by_key = [&](const Part& a, const Part& b) { return voices.Rank(a.first) < voices.Rank(b.first); };
  if (size_ <= kInline) {  // the usual case: an insertion sort on the stack
    std::array<Part, kInline> sorted;
    for (size_t i = 0; i < size_; ++i) {
      size_t j = i;
      for (; j > 0 && by_key(inline_[i], sorted[j - 1]); --j) sorted[j] = sorted[j - 1];
      sorted[j] = inline_[i];
    }
    std::array<VoicePart, kInline> ordered;
    for (size_t i = 0; i < size_; ++i) ordered[i] = sorted[i].second;
    return CombineVoices(ordered.data(), size_);
  }
  std::vector<Part> sorted(inline_.begin(), inline_.end());
  sorted.insert(sorted.end(), more_.begin(), more_.end());
  std::sort(sorted.begin(), sorted.end(), by_key);
  std::vector<VoicePart> ordered;
  ordered.reserve(sorted.size());
  for (const auto& s : sorted) ordered.push_back(s.second);
  return CombineVoices(ordered);
}

}  // namespace claimgraph::engine
