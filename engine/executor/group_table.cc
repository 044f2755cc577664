#include "engine/executor/group_table.h"

#include <algorithm>

namespace claimgraph::engine {
namespace {

uint64_t Mix(uint64_t h) {  // murmur3's finalizer: ids are small and dense
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

uint64_t HashKey(const uint64_t* ids, size_t width, const std::vector<Value>& values) {
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (size_t i = 0; i < width; ++i) h = Mix(h ^ ids[i]) + i;
  for (const auto& v : values) h = Mix(h ^ HashValue(v));
  return h;
}

}  // namespace

bool GroupTable::Matches(uint32_t group, uint64_t hash, const uint64_t* ids, const std::vector<Value>& values) const {
  if (hashes_[group] != hash) return false;
  if (!std::equal(ids, ids + width_, ids_.begin() + group * width_)) return false;
  const auto& mine = values_[group];
  if (mine.size() != values.size()) return false;
  for (size_t i = 0; i < values.size(); ++i)
    if (!ValuesEqual(mine[i], values[i])) return false;
  return true;
}

void GroupTable::Grow() {
  std::vector<uint32_t> bigger(table_.empty() ? 64 : table_.size() * 2, 0);
  const size_t mask = bigger.size() - 1;
  for (uint32_t g = 0; g < hashes_.size(); ++g) {
    size_t i = hashes_[g] & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = g + 1;
  }
  table_ = std::move(bigger);
}

std::pair<uint32_t, bool> GroupTable::FindOrAdd(const uint64_t* ids, std::vector<Value>* values) {
  if ((hashes_.size() + 1) * 2 > table_.size()) Grow();  // load factor at most 1/2
  const uint64_t hash = HashKey(ids, width_, *values);
  const size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  for (; table_[i] != 0; i = (i + 1) & mask)
    if (Matches(table_[i] - 1, hash, ids, *values)) return {table_[i] - 1, false};
  const uint32_t group = static_cast<uint32_t>(hashes_.size());
  table_[i] = group + 1;
  hashes_.push_back(hash);
  ids_.insert(ids_.end(), ids, ids + width_);
  values_.push_back(std::move(*values));
  return {group, true};
}

bool DistinctIds::Insert(uint64_t id) {
  if (!large_) {
    if (std::find(small_.begin(), small_.end(), id) != small_.end()) return false;
    if (small_.size() < kSmall) {
      small_.push_back(id);
      return true;
    }
    large_ = std::make_unique<std::unordered_set<uint64_t>>(small_.begin(), small_.end());
    small_ = {};
  }
  return large_->insert(id).second;
}

}  // namespace claimgraph::engine
