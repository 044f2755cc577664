// GROUP BY's hash table. A group's key is the raw ids of its plain-variable
// keys plus the values of any computed keys; groups are numbered in the order
// they are first seen (the output order before ORDER BY).
//
// Why not std::unordered_map<Key, Group>: at tens of thousands of groups its
// per-node allocations and pointer chasing were most of a grouped query's
// time. Here keys live back to back in one array and the table is open
// addressing over group numbers.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/value.h"

namespace claimgraph::engine {

class GroupTable {
 public:
  explicit GroupTable(size_t id_width) : width_(id_width) {}

  // The number of the group with this key, and whether it was added now.
  // `ids` has id_width words; `values` is taken only when the group is new.
  std::pair<uint32_t, bool> FindOrAdd(const uint64_t* ids, std::vector<Value>* values);
  size_t size() const { return hashes_.size(); }

 private:
  bool Matches(uint32_t group, uint64_t hash, const uint64_t* ids, const std::vector<Value>& values) const;
  void Grow();

  size_t width_;
  std::vector<uint64_t> ids_;               // width_ words per group
  std::vector<std::vector<Value>> values_;  // per group; empty when every key is an id
  std::vector<uint64_t> hashes_;            // per group
  std::vector<uint32_t> table_;             // 0 = empty, else group number + 1; size a power of two
};

// COUNT(DISTINCT ...) over raw ids: most groups see a handful of distinct
// values, which a short vector holds without a hash set's allocations.
class DistinctIds {
 public:
  // True if `id` was not there yet.
  bool Insert(uint64_t id);
  size_t size() const { return large_ ? large_->size() : small_.size(); }

 private:
  static constexpr size_t kSmall = 16;
  std::vector<uint64_t> small_;
  std::unique_ptr<std::unordered_set<uint64_t>> large_;  // once small_ is full
};

}  // namespace claimgraph::engine
